// gluster:// sides through libgfapi (QEMU's gluster driver) against a real GlusterFS (ci/gluster.sh): the whole catalogue in
// every mode on the volume with GlusterFS's defaults and on the one with the virt group's options; bad input through the
// CLI; and QEMU's own gluster driver (qemu-io) reading what the gfapi side wrote and flushed.
// Outcomes are asserted as measured here (GlusterFS 10.3, Debian 12), each with the client translator that explains it.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { find, runProbes, type Ran } from './fixtures/run.js';
import { runCli } from './fixtures/cli.js';
import { ensureGluster, noGlusterReason, type GlusterVolume } from './fixtures/gluster.js';
import { computeVerdicts } from '../src/verdict/record.js';
import type { ProbeRunRecord } from '../src/result.js';
import { libgfapiBackend } from '../native-bindings/libgfapi.js';
import { Posix } from '../native-bindings/posix.js';
import { allocAligned } from '../native-bindings/aligned-buffer.js';

const skip = noGlusterReason();
const g = skip ? undefined : ensureGluster();
t.teardown(() => g?.release());

/** The modes whose writer flushes (cache=unsafe ignores flushes: what b sees then races write-behind's background writes). */
const FLUSHING = ['none', 'directsync', 'writethrough', 'writeback'] as const;
const BUFFERED = ['writethrough', 'writeback'] as const;

const ran = (r: Ran) => r.probes.filter((p) => p.outcome !== 'OMIT');
const label = (p: ProbeRunRecord) => `${p.probe} ${p.variant.a}→${p.variant.b}${p.variant.param ? ` [${p.variant.param}]` : ''}`;
/** The blocks of a variant's last check that read (the judged read after a's write): fresh, stale and all. */
function counts(p: ProbeRunRecord): { blocks: number; fresh: number; stale: number } {
  const c = [...p.checks].reverse().find((c) => c.read)?.read;
  return { blocks: c?.blocks ?? 0, fresh: c?.counts.fresh ?? 0, stale: c?.counts.stale ?? 0 };
}

/**
 * b's reads (and stats) of a variant, first to last: when they fall in one wall-clock second of b's host, quick-read and
 * md-cache (cache-timeout and md-cache-timeout 1 s, compared in whole seconds: measured here, 40 of 40 reads stale within
 * the second of the caching read and fresh once the second changed) answer the last one from what b cached at the first.
 * When the second ticks between them they revalidate, and the outcome is a matter of timing: such variants are not judged.
 */
function bReads(p: ProbeRunRecord): { sameSecond: boolean; spanMs: number } {
  const e = p.transcripts.b.filter((x) => x.cmd === 'read' || x.cmd === 'stat' || x.cmd === 'statPath');
  if (e.length < 2) return { sameSecond: true, spanMs: 0 };
  const first = e[0]!.t0, last = e.at(-1)!.t1;
  return { sameSecond: Math.floor(first / 1e6) === Math.floor(last / 1e6), spanMs: (last - first) / 1000 };
}

/** Judge a variant whose outcome comes from a client cache with a 1 s timeout: asserted when b's reads were in one second. */
function cached(t: Test, p: ProbeRunRecord, outcome: string, staleBlocks: boolean, why: string): boolean {
  const { sameSecond, spanMs } = bReads(p);
  if (!sameSecond) {
    t.comment(`${label(p)}: b's reads (${spanMs.toFixed(0)} ms) straddle a second: the cache revalidated, not judged (${p.outcome})`);
    return false;
  }
  t.equal(p.outcome, outcome, `${label(p)}: ${p.outcome} (${why}; b's reads within one second, ${spanMs.toFixed(0)} ms)`);
  if (staleBlocks) t.same(counts(p), { blocks: 16, fresh: 0, stale: 16 }, `${label(p)}: every block stale`);
  return true;
}

/** What every run shows, whatever the profile: nothing hung or broke, the side is gfapi, the cluster settings are recorded. */
function common(t: Test, r: Ran, volume: GlusterVolume): void {
  t.equal(r.run.sides.a.target.backend, 'libgfapi');
  t.equal(r.run.sides.b.target.stack, 'cluster');
  t.match(r.run.sides.b.target.details?.cluster, { system: 'glusterfs', client: 'gfapi', name: volume });
  t.same(r.run.confounders, [], 'two glfs_t in two agents are two clients of the volume');
  t.same(ran(r).filter((p) => !['PASS', 'WARN', 'FAIL'].includes(p.outcome)).map(label), [], 'nothing HUNG, ERROR or UNSUPPORTED');
  // cache=unsafe: a's flush is skipped, so whether b sees the new data (or even the new length) races write-behind's
  // background writes; runs differ. Never judged FAIL: the writer broke the contract.
  for (const p of ran(r).filter((p) => p.variant.a === 'unsafe' && p.probe !== 'SIZE1')) t.match(p.outcome, /^(PASS|WARN)$/, `${label(p)}: ${p.outcome}`);
  t.match(find(r, 'LOCK1', 'writeback', 'writeback', 'posix-read').reason, /needs file locks on side b; side b \(libgfapi/);
  t.match(find(r, 'HAND1', 'writeback', 'writeback', 'fadvise').reason, /needs posix_fadvise\/mincore/, 'no page cache to DONTNEED: QEMU\'s gluster driver has no activation hook');
  t.notOk(r.probes.some((p) => p.variant.param === 'invalidate'), 'no invalidate remedy: QEMU\'s gluster driver has no invalidate_cache');
  // HAND1's image (1024 blocks, 4 MiB) is larger than quick-read's 64 KiB max-file-size; read-ahead and io-cache are not
  // loaded in either profile: after a's final flush, b reads every block fresh in every flushing mode.
  for (const m of FLUSHING) {
    const h = find(r, 'HAND1', m, m, 'none');
    t.equal(h.outcome, 'PASS', `HAND1 ${m}: ${h.outcome}`);
    t.same(counts(h), { blocks: 1024, fresh: 1024, stale: 0 }, `HAND1 ${m}: every block fresh`);
  }
  // md-cache (loaded in both profiles, md-cache-timeout 1 s) answers b's fstat/stat from its attribute cache: within the
  // second b does not see the size a set and flushed, in every mode.
  let sized = 0;
  for (const m of [...FLUSHING, 'unsafe'] as const) {
    const s = find(r, 'SIZE1', m, m);
    if (!cached(t, s, 'WARN', false, 'md-cache answers stat with the size it cached')) continue;
    sized++;
    // cache=unsafe: a's unflushed extension may not have reached the brick yet either (b then sees 0 or the old size).
    if (m !== 'unsafe') t.match(s.checks[0]!.observed, /after a extended the file: expected 131072 bytes; size-only statx 65536/, `SIZE1 ${m}: the old size from md-cache`);
  }
  t.ok(sized >= 3, `SIZE1 judged in ${sized} of 5 modes`);
  for (const m of [...FLUSHING, 'unsafe'] as const) for (const p of ['unlink', 'chmod']) t.equal(find(r, 'UNL1', m, m, p).outcome, 'PASS', `UNL1 ${m} ${p}`);
  t.same(readdirSync(g!.brick(volume)).filter((f) => f.startsWith(`.coprobe-${r.run.runId}`)), [], 'no scratch file of this run left on the brick');
  const v = computeVerdicts(r.run, r.probes);
  t.comment(`verdict rows now (${v.stack}): ${v.verdicts.map((x) => `${x.mode}/${x.behaviour}=${x.verdict}${x.libvirt ? ` (libvirt ${JSON.stringify(x.libvirt)})` : ''}`).join(', ')}`);
}

t.test('gluster:// on volume coprobe (GlusterFS defaults: quick-read, write-behind, open-behind, md-cache)', { skip }, async (t) => {
  const url = `gluster://${g!.host}/coprobe`;
  const r = await runProbes(url, url, { keep: 'gluster-defaults-libgfapi' });
  common(t, r, 'coprobe');
  t.equal(r.exitCode, 1, 'FAILs: stale data after a flush');
  t.equal(r.run.sides.b.target.details?.cluster?.options['performance/quick-read'], 'loaded');
  // quick-read keeps whole files up to 64 KiB (the probes' files) in the client until its cache-timeout (1 s, in whole
  // seconds) and has no O_DIRECT check: within that second b reads the content it cached before a's write, O_DIRECT or
  // not, and a close and reopen does not drop it.
  const judged: boolean[] = [];
  for (const m of FLUSHING) {
    judged.push(cached(t, find(r, 'CTO1', m, m), 'FAIL', true, 'quick-read kept the old content across close and reopen'));
    judged.push(cached(t, find(r, 'BOTH1', m, m), m === 'none' || m === 'directsync' ? 'FAIL' : 'WARN', true, 'quick-read serves O_DIRECT reads too'));
  }
  judged.push(cached(t, find(r, 'SHARE1', 'writeback', 'writeback'), 'PASS', false, 'b\'s quick-read still holds the old data: two caches'));
  const expectFlush: Record<string, string> = { none: 'WARN', reopen: 'FAIL', 'reopen-other': 'WARN', 'direct-newfd': 'FAIL', fchmod: 'WARN', stat: 'WARN' };
  for (const m of BUFFERED) {
    for (const [param, outcome] of Object.entries(expectFlush)) {
      judged.push(cached(t, find(r, 'FLUSH1', m, m, param), outcome, true, `${param} is no remedy for quick-read's copy`));
    }
    // Only waiting out quick-read's cache-timeout (the sleep remedy, 3 s) gets the new data.
    const sleep = find(r, 'FLUSH1', m, m, 'sleep');
    t.ok(!bReads(sleep).sameSecond, `FLUSH1 ${m} [sleep]: b's reads ${bReads(sleep).spanMs.toFixed(0)} ms apart`);
    t.equal(sleep.outcome, 'PASS', `FLUSH1 ${m} [sleep]: fresh once quick-read's copy timed out`);
    t.same(counts(sleep), { blocks: 16, fresh: 16, stale: 0 });
    judged.push(cached(t, find(r, 'EARLY1', m, m, 'none'), 'WARN', true, 'the head b read early stays in quick-read'));
    judged.push(cached(t, find(r, 'EARLY1', m, m, 'reopen'), 'FAIL', true, 'a delayed open does not drop quick-read\'s copy'));
    // RA1's file is 512 blocks (2 MiB): over quick-read's max-file-size, and no read-ahead translator: fresh.
    for (const param of ['none', 'reopen']) t.equal(find(r, 'RA1', m, m, param).outcome, 'PASS', `RA1 ${m} [${param}]`);
  }
  const n = judged.filter(Boolean).length;
  t.ok(n > judged.length / 2, `${n} of ${judged.length} quick-read variants had b's reads within one second and were judged`);
  // WIN1: b keeps the file open and polls: stale until quick-read revalidates its copy, at the next whole second.
  for (const param of ['rw', 'ro']) {
    const w = find(r, 'WIN1', 'writeback', 'writeback', param);
    t.comment(`WIN1 [${param}]: ${w.outcome}: ${w.checks.map((c) => c.observed).join(' | ')}`);
    const windows = w.checks.map((c) => c.values?.windowMs).filter((x): x is number => typeof x === 'number');
    t.ok(windows.length > 0 && Math.max(...windows) < 2000, `WIN1 [${param}]: windows ${windows.join(', ')} ms, under 2 s (quick-read cache-timeout 1 s)`);
  }
});

t.test('gluster:// on volume coprobe-virt (virt group: quick-read, read-ahead, io-cache off; strict-o-direct on)', { skip }, async (t) => {
  const url = `gluster://${g!.host}/coprobe-virt`;
  const r = await runProbes(url, url, { keep: 'gluster-virt-libgfapi' });
  common(t, r, 'coprobe-virt');
  t.equal(r.exitCode, 0, 'no FAIL');
  t.match(r.run.sides.b.target.details?.cluster?.options, { 'performance/quick-read': 'not loaded', 'performance/write-behind.strict-O_DIRECT': 'on' });
  // No data cache left in the client graph (write-behind flushes on fsync; md-cache holds attributes only): every read of
  // a flushing mode reaches the brick and is fresh (SIZE1, md-cache's attributes, is judged with the defaults' above).
  for (const p of ran(r).filter((p) => (FLUSHING as readonly string[]).includes(p.variant.a) && p.probe !== 'SHARE1' && p.probe !== 'SIZE1')) {
    t.equal(p.outcome, 'PASS', `${label(p)}: ${p.outcome}`);
    const c = counts(p);
    t.equal(c.stale, 0, `${label(p)}: ${c.fresh}/${c.blocks} fresh`);
  }
  // SHARE1 expects a's unflushed write to stay in a's cache; write-behind sends it to the brick in the background at once,
  // so b may already read it or not yet: a race, not a shared cache (two processes), and SHARE1 says so (PASS either way),
  // so the verdicts are not voided.
  const share = find(r, 'SHARE1', 'writeback', 'writeback');
  t.equal(share.outcome, 'PASS', `SHARE1: ${counts(share).fresh} of 16 unflushed blocks already on the brick`);
  if (counts(share).fresh === 16) t.match(share.checks[0]!.observed, /libgfapi is a client inside each agent's own process/);
  const v = computeVerdicts(r.run, r.probes);
  for (const x of v.verdicts.filter((x) => x.mode !== 'unsafe')) t.equal(x.verdict, 'SAFE', `${x.mode} ${x.behaviour}: ${x.why}`);
  for (const param of ['rw', 'ro']) t.equal(find(r, 'WIN1', 'writeback', 'writeback', param).outcome, 'PASS', `WIN1 [${param}]: fresh at the first read`);
});

t.test('bad input through the CLI: exit 2 with a message, in bounded time', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-gfapi-bad-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const bad = async (url: string, msg: RegExp, why: string) => {
    const t0 = Date.now();
    const r = await runCli(['run', url, url, '--report', dir], 60_000);
    const ms = Date.now() - t0;
    t.equal(r.code, 2, `${why}: exit 2`);
    t.match(r.stderr, msg, why);
    t.ok(ms < 20_000, `${why}: ${ms} ms`);
  };
  await bad(`gluster://${g!.host}/nosuchvolume`, /no volume "nosuchvolume".*volume list/s, 'a volume that does not exist');
  await bad(`gluster://${g!.host}:24999/coprobe`, /nothing answered at glusterd 127\.0\.0\.2:24999 \(connection refused/, 'a port nobody listens on');
  await bad(`gluster://${g!.host}/coprobe/no/such/dir`, /directory \/no\/such\/dir does not exist in volume "coprobe"/, 'a directory missing in the volume');
});

t.test('QEMU\'s own gluster driver (qemu-io) reads what the gfapi side wrote and flushed', { skip: skip ?? (spawnSync('qemu-io', ['--version']).status !== 0 ? 'qemu-io is not installed' : undefined) }, async (t) => {
  for (const volume of ['coprobe', 'coprobe-virt'] as const) {
    const name = `.coprobe-qemu-${randomBytes(4).toString('hex')}`;
    const { backend } = libgfapiBackend.connect(`gluster://${g!.host}/${volume}`, { timeoutSec: 30, env: {} });
    const buf = allocAligned(new Posix(), 4096, 65536);
    try {
      buf.bytes.fill(0xa7);
      const fd = backend.open({ path: name, direct: true, dsync: false, create: true }).ret;
      t.match(backend.pwrite(fd, buf.ptr, 65536, 0), { ok: true, ret: 65536 });
      t.match(backend.fsync(fd), { ok: true });
      const q = spawnSync('qemu-io', ['-f', 'raw', '-c', 'read -P 0xa7 0 64k', `gluster://${g!.host}/${volume}/${name}`], { encoding: 'utf8', timeout: 60_000 });
      t.match(q.stdout, /read 65536\/65536 bytes at offset 0/, `${volume}: qemu-io read it`);
      t.notMatch(q.stdout + q.stderr, /Pattern verification failed/, `${volume}: every byte is what gfapi wrote`);
      t.match(backend.close(fd), { ok: true });
      t.match(backend.unlink(name), { ok: true });
    } finally {
      buf.free();
      backend.disconnect();
    }
  }
});
