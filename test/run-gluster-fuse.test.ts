// Two FUSE mounts of a real GlusterFS volume (two glusterfs client processes, as two hosts would have): the probe catalogue
// in every cache mode on both option profiles of ci/gluster.sh, outcomes asserted as measured with the mechanism named;
// and a frozen brick (SIGSTOP glusterfsd) mid-run.
//
// Mechanisms seen here (glusterfs 10.3 client, Linux 6.18 FUSE):
// - The kernel's page cache over the FUSE file: the glusterfs client opens with keep_cache (fopen-keep-cache auto), so b's
//   pages survive close and reopen; the kernel drops them only when it refetches the attributes and sees a new mtime
//   (auto-invalidation), and the attributes are cached for 1 s (FUSE attribute-timeout 1, and md-cache in the client
//   for 1 s). A buffered reader therefore reads stale data after a's fsync, whatever the profile, unless the pages are
//   dropped (fadvise DONTNEED, QEMU's drop-cache) or more than that second has passed: which of the timing-bound
//   variants (reopen, stat, sleep, HAND1 without a remedy) land inside it varies from run to run on a loaded host, so
//   they are asserted as a group (most stale), and verdicts as HAND1 measured them.
// - quick-read (default profile only): the glusterfs client caches whole files of ≤ 64 KiB and answers reads from that
//   cache, O_DIRECT reads too (it has no O_DIRECT check), across close and reopen, until its 1 s cache-timeout lapses and
//   a lookup shows the change. The probes' 64 KiB files are exactly that size; HAND1's 4 MiB image is not.
// - The virt profile turns quick-read off and strict-o-direct on (write-behind honours O_DIRECT), so O_DIRECT reads reach
//   the brick and fadvise-dropped pages are read again from the brick.
import t, { type Test } from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEntry } from '../src/package-info.js';
import { find, runProbes, type Ran } from './fixtures/run.js';
import { ensureGluster, noGlusterReason, type GlusterVolume } from './fixtures/gluster.js';
import { computeVerdicts } from '../src/verdict/record.js';
import type { ProbeRunRecord } from '../src/result.js';

t.setTimeout(900_000);
const skip = noGlusterReason();
const gluster = skip ? undefined : ensureGluster();
t.teardown(() => gluster?.release());

const BUFFERED = ['writethrough', 'writeback'] as const;
const DIRECT = ['none', 'directsync'] as const;

/** Counts of the read of check i of a record. */
const counts = (p: ProbeRunRecord, i = 0) => p.checks[i]!.read!.counts;
const allFresh = (p: ProbeRunRecord, i = 0) => counts(p, i).fresh === p.checks[i]!.read!.blocks;
const allStale = (p: ProbeRunRecord, i = 0) => counts(p, i).stale === p.checks[i]!.read!.blocks;

/**
 * Checks whose outcome depends on a 1 s cache lapsing (quick-read's cache-timeout, the FUSE attribute-timeout, md-cache's
 * timeout), counted from when the cache was filled, not from the variant's start: on a loaded host some of them find the
 * cache expired and read fresh. Asserted as a group: most of them all stale.
 */
function mostlyStale(t: Test, checks: [string, ProbeRunRecord, number][], why: string): void {
  const stale = checks.filter(([, p, i]) => allStale(p, i));
  const fresh = checks.filter(([, p, i]) => !allStale(p, i)).map(([name, p, i]) => `${name} ${JSON.stringify({ fresh: counts(p, i).fresh, stale: counts(p, i).stale })}`);
  t.ok(stale.length * 2 >= checks.length, `${why}: ${stale.length} of ${checks.length} all stale${fresh.length ? `; not all stale: ${fresh.join(', ')}` : ''}`);
}

/** Scratch files a run left in a volume (read on the brick, where nothing caches; the run's files carry its id). */
const leftovers = (volume: GlusterVolume, runId: string) => readdirSync(gluster!.brick(volume)).filter((f) => f.startsWith('.coprobe-') && f.includes(runId));

async function catalogue(volume: GlusterVolume): Promise<Ran> {
  const [a, b] = gluster!.mountPair(volume);
  try {
    return await runProbes(a.dir, b.dir, { keep: `gluster-fuse-${volume}` });
  } finally {
    a.unmount();
    b.unmount();
  }
}

/** What both profiles show: b's FUSE page cache and attribute cache, the same in both. */
function assertCommon(t: Test, r: Ran, volume: GlusterVolume): void {
  t.equal(r.exitCode, 1, 'exit 1: the run found FAILs');
  t.ok(r.probes.some((p) => p.outcome === 'FAIL'));
  t.equal(r.run.sides.b.target.fsType, 'fuse.glusterfs');
  t.equal(r.run.sides.b.target.stack, 'cluster');
  t.same(r.run.confounders, [], 'two glusterfs clients are two FUSE connections and two page caches: no one-cache confounder');
  t.same(r.probes.filter((p) => ['HUNG', 'LOST', 'UNSUPPORTED'].includes(p.outcome)).map((p) => p.probe), [], 'nothing hung or failed to run');
  // Two clients, two kernel page caches: b does not see a's unflushed write.
  t.same(find(r, 'SHARE1', 'writeback', 'writeback').checks[0]!.values, { sharedCache: false }, 'SHARE1: no cache shared between the mounts');
  const reopenFamily: [string, ProbeRunRecord, number][] = [];
  let raStale = 0;
  for (const m of BUFFERED) {
    t.ok(allFresh(find(r, 'CTO1', m, m), 0), `CTO1 ${m}: the first read fresh`);
    // Read right after a's fsync: b's pages, and attributes too fresh (< 1 s) to be refetched.
    t.ok(allStale(find(r, 'BOTH1', m, m), 1), `BOTH1 ${m}: stale after a's fsync, both open (b's page cache)`);
    t.ok(allStale(find(r, 'FLUSH1', m, m, 'none')), `FLUSH1 ${m} none: stale right after a's fsync (b's pages, attributes cached for 1 s)`);
    for (const v of ['posix-read', 'posix-write', 'ofd-read', 'ofd-write', 'flock-shared', 'flock-exclusive']) {
      t.ok(allStale(find(r, 'LOCK1', m, m, v)), `LOCK1 ${m} ${v}: a lock does not invalidate the FUSE page cache`);
    }
    for (const v of ['none', 'fcntl']) t.ok(allStale(find(r, 'EARLY1', m, m, v)), `EARLY1 ${m} ${v}: the early-read head stays stale`);
    t.equal(find(r, 'RA1', m, m, 'fadvise').outcome, 'PASS', `RA1 ${m} fadvise: DONTNEED drops the readahead pages`);
    raStale += counts(find(r, 'RA1', m, m, 'none')).stale;
    t.equal(find(r, 'RES1', m, m).outcome, 'PASS', `RES1 ${m}: fadvise DONTNEED empties the FUSE file's pages`);
    // keep_cache: a reopen, a stat or a later read keeps b's pages unless the kernel refetches attributes older than 1 s
    // (on open, stat, and on every read with auto-invalidation) and md-cache's answer shows the new mtime.
    reopenFamily.push([`CTO1 ${m}`, find(r, 'CTO1', m, m), 1], [`EARLY1 ${m} reopen`, find(r, 'EARLY1', m, m, 'reopen'), 0]);
    for (const v of ['reopen', 'reopen-other', 'stat', 'sleep']) reopenFamily.push([`FLUSH1 ${m} ${v}`, find(r, 'FLUSH1', m, m, v), 0]);
  }
  reopenFamily.push(['HAND1 writeback reopen', find(r, 'HAND1', 'writeback', 'writeback', 'reopen'), 0]);
  mostlyStale(t, reopenFamily, 'reopen and stat keep the pages within the attribute second (fopen-keep-cache)');
  t.ok(raStale > 0, `RA1 without a remedy: ${raStale} readahead pages stale in writethrough and writeback`);
  for (const m of ['none', 'directsync', 'writethrough', 'writeback', 'unsafe']) {
    for (const v of ['unlink', 'chmod']) t.equal(find(r, 'UNL1', m, m, v).outcome, 'PASS', `UNL1 ${m} ${v}: POSIX semantics, the open file stays readable`);
  }
  for (const m of ['none', 'directsync', 'writethrough', 'writeback']) {
    // SIZE1: a size b asks for about a millisecond after a's fsync comes from a cache (FUSE attribute-timeout, md-cache):
    // at least one of the sizes it sees is the old one. (unsafe: a never flushed, what the server has varies.)
    const size = find(r, 'SIZE1', m, m);
    const x = size.checks[0]!.values!;
    const seen = [x.sizeOnlyAfterExtend, x.fstatAfterExtend, x.pathAfterExtend].map((n) => n !== 32 * 4096).concat([x.sizeOnlyAfterTruncate, x.fstatAfterTruncate, x.pathAfterTruncate].map((n) => n !== 8 * 4096));
    t.equal(size.outcome, 'WARN', `SIZE1 ${m}: b sees a stale size`);
    t.ok(seen.some(Boolean), `SIZE1 ${m}: sizes after extend ${x.sizeOnlyAfterExtend}/${x.fstatAfterExtend}/${x.pathAfterExtend}, after truncate ${x.sizeOnlyAfterTruncate}/${x.fstatAfterTruncate}/${x.pathAfterTruncate}: some cached`);
  }
  // unsafe skips the writer's flush: whatever b reads is not held against the storage.
  t.same(r.probes.filter((p) => p.variant.a === 'unsafe' && p.outcome === 'FAIL').map((p) => `${p.probe} ${p.variant.param ?? ''}`), [], 'no FAIL in unsafe (the writer never flushed)');

  // HAND1 (4 MiB image: larger than quick-read's 64 KiB, so it shows the page cache alone).
  for (const m of DIRECT) {
    const h = find(r, 'HAND1', m, m, 'none');
    t.equal(h.outcome, 'PASS', `HAND1 ${m}: O_DIRECT reads reach the brick`);
    t.equal(counts(h).fresh, 1024, `HAND1 ${m}: 1024 blocks fresh`);
  }
  // (unsafe: a skips its flushes, so what reached the brick before b's reads depends on the kernel's writeback: not asserted.)
  const handStale: [string, ProbeRunRecord, number][] = [];
  for (const m of BUFFERED) {
    for (const v of ['none', 'fcntl']) {
      const h = find(r, 'HAND1', m, m, v);
      handStale.push([`HAND1 ${m} ${v} head`, h, 0]);
      // When stale, it is the head b read early and the kernel's readahead around it, nothing else.
      if (counts(h).stale > 0) t.ok(h.checks[0]!.values!.headStale === 16 && counts(h).stale > 16 && counts(h).stale <= 128, `HAND1 ${m} ${v}: the 16 head blocks and their readahead stale (${counts(h).stale})`);
    }
    t.equal(find(r, 'HAND1', m, m, 'fadvise').outcome, 'PASS', `HAND1 ${m} fadvise: QEMU's drop-cache (DONTNEED) removes every stale page`);
  }
  // Without a remedy b's pages stay until the kernel refetches attributes older than 1 s and sees the new mtime.
  t.ok(handStale.filter(([, p]) => counts(p).stale > 0).length * 2 >= handStale.length, `HAND1 buffered without a remedy: stale in ${handStale.filter(([, p]) => counts(p).stale > 0).map(([n]) => n).join(', ')}`);
  // a's O_DSYNC workload makes the writethrough handoff slow (seconds): when its reopen is fresh, it came after the second.
  const wtReopen = find(r, 'HAND1', 'writethrough', 'writethrough', 'reopen');
  if (wtReopen.outcome === 'PASS') t.ok(wtReopen.durationMs > 1000, `HAND1 writethrough reopen fresh: the variant took ${wtReopen.durationMs} ms, past the attribute second, so the reopen saw the new mtime and dropped the pages`);
  else t.ok(counts(wtReopen).stale > 0, `HAND1 writethrough reopen (${wtReopen.durationMs} ms): stale like writeback`);
  t.equal(find(r, 'IMG1', 'none', 'none', 'raw').outcome, 'PASS', 'IMG1 raw through O_DIRECT: fresh');
  t.ok(allStale(find(r, 'IMG1', 'writeback', 'writeback', 'raw')), 'IMG1 raw writeback: b\'s qemu-io reads its page cache, stale');

  // Verdicts as HAND1 measures them per mode: buffered modes stale without drop-cache, fresh with it.
  const v = computeVerdicts(r.run, r.probes);
  const of = (mode: string, b: string) => v.verdicts.find((x) => x.mode === mode && x.behaviour === b)!;
  for (const m of BUFFERED) {
    const stale = counts(find(r, 'HAND1', m, m, 'none')).stale;
    t.equal(of(m, 'no-drop-cache').verdict, stale > 0 ? 'UNSAFE' : 'SAFE', `${volume}: cache=${m} without drop-cache ${stale > 0 ? 'UNSAFE' : 'SAFE'}, as HAND1 measured (${stale} stale)`);
    t.equal(of(m, 'drop-cache').verdict, 'SAFE', `${volume}: cache=${m} with drop-cache SAFE (HAND1 fadvise fresh)`);
  }
  t.same(leftovers(volume, r.run.runId), [], 'no scratch file left on the brick');
}

const ran: Partial<Record<GlusterVolume, Ran>> = {};

/** The checks quick-read decides: O_DIRECT reads of the small files, and the remedies that would make b read the brick. */
function quickReadChecks(r: Ran): [string, ProbeRunRecord, number][] {
  const out: [string, ProbeRunRecord, number][] = [];
  for (const m of DIRECT) out.push([`CTO1 ${m}`, find(r, 'CTO1', m, m), 1], [`BOTH1 ${m}`, find(r, 'BOTH1', m, m), 1]);
  for (const m of BUFFERED) {
    for (const v of ['fadvise', 'direct-newfd', 'direct-setfl', 'fchmod']) out.push([`FLUSH1 ${m} ${v}`, find(r, 'FLUSH1', m, m, v), 0]);
    out.push([`EARLY1 ${m} fadvise`, find(r, 'EARLY1', m, m, 'fadvise'), 0]);
  }
  return out;
}

t.test('coprobe (GlusterFS defaults: quick-read, write-behind, open-behind, md-cache on): every probe in every mode', { skip, timeout: 400_000 }, async (t) => {
  const r = (ran.coprobe = await catalogue('coprobe'));
  assertCommon(t, r, 'coprobe');
  t.match(r.run.sides.b.target.details?.cluster, { system: 'glusterfs', client: 'fuse', name: 'coprobe', options: { 'performance.quick-read': 'on' } });
  // quick-read answers b's reads of the 64 KiB files from b's client cache, O_DIRECT ones included, and re-serves them after
  // the kernel's pages are dropped: stale until its 1 s cache-timeout lapses (then revalidated: some may read fresh).
  mostlyStale(t, quickReadChecks(r), 'quick-read serves the cached 64 KiB file');
});

t.test('coprobe-virt (quick-read, read-ahead, io-cache off; strict-o-direct on; remote-dio disable; shard on): every probe in every mode', { skip, timeout: 400_000 }, async (t) => {
  const r = (ran['coprobe-virt'] = await catalogue('coprobe-virt'));
  assertCommon(t, r, 'coprobe-virt');
  t.match(r.run.sides.b.target.details?.cluster, {
    system: 'glusterfs', client: 'fuse', name: 'coprobe-virt',
    options: { 'performance.quick-read': 'off', 'performance.strict-o-direct': 'on', 'network.remote-dio': 'disable', 'features.shard': 'on' },
  });
  // No quick-read: O_DIRECT reads reach the brick; fadvise drops the FUSE pages and the next read goes to the brick;
  // fchmod's reply carries the new mtime, so the kernel invalidates (auto-invalidation). Every one of them fresh.
  for (const [name, p, i] of quickReadChecks(r)) {
    // fchmod: fresh only when its reply's attributes show the new mtime (md-cache may answer within its second).
    if (!/fchmod/.test(name)) t.ok(allFresh(p, i), `${name}: fresh`);
  }
  const fchmod = quickReadChecks(r).filter(([n]) => /fchmod/.test(n));
  t.ok(fchmod.some(([, p, i]) => allFresh(p, i)), `FLUSH1 fchmod fresh in ${fchmod.filter(([, p, i]) => allFresh(p, i)).map(([n]) => n).join(', ')}`);
  const v = computeVerdicts(r.run, r.probes);
  for (const m of DIRECT) for (const b of ['drop-cache', 'no-drop-cache']) {
    t.equal(v.verdicts.find((x) => x.mode === m && x.behaviour === b)!.verdict, 'SAFE', `cache=${m} (${b}) SAFE: O_DIRECT fresh in HAND1 and on the small files`);
  }
});

t.test('the two profiles are two stacks: their reports carry different volume options', { skip }, async (t) => {
  const p = ran.coprobe?.run.sides.a.target.details?.cluster;
  const v = ran['coprobe-virt']?.run.sides.a.target.details?.cluster;
  t.ok(p && v, 'both runs carry cluster facts on side a');
  if (!p || !v) return;
  const differ = Object.keys({ ...p.options, ...v.options }).filter((k) => p.options[k] !== v.options[k]);
  t.ok(['performance.quick-read', 'performance.strict-o-direct', 'features.shard'].every((k) => differ.includes(k)), `options that differ: ${differ.join(', ')}`);
  t.match(p.source, /getspec coprobe/);
});

t.test('the brick frozen (SIGSTOP glusterfsd) during HAND1: HUNG within the timeout, the run ends, no scratch file left', { skip, timeout: 180_000 }, async (t) => {
  const [a, b] = gluster!.mountPair('coprobe');
  const report = mkdtempSync(join(tmpdir(), 'coprobe-gluster-frozen-'));
  const brick = gluster!.brickPid('coprobe');
  t.ok(brick > 0, `glusterfsd pid ${brick}`);
  t.teardown(() => { try { process.kill(brick, 'SIGCONT'); } catch { /* gone */ } a.unmount(); b.unmount(); rmSync(report, { recursive: true, force: true }); });
  let rows = 0;
  let frozenAt = 0;
  let thawedAt = 0;
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [cliEntry(), 'run', a.dir, b.dir, '--probes', 'HAND1', '--modes', 'none,directsync,writeback', '--timeout', '5000', '--report', report, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        // Rows that ran (the OMIT rows of remedies that do not apply to O_DIRECT are printed at once).
        if (!/^HAND1 /.test(line) || /\sOMIT\s/.test(line)) continue;
        rows++;
        // Freeze after the first row (none→none done), thaw when the frozen variant's row is printed.
        if (rows === 1) { process.kill(brick, 'SIGSTOP'); frozenAt = Date.now(); }
        if (rows === 2) { process.kill(brick, 'SIGCONT'); thawedAt = Date.now(); }
      }
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('close', (c) => { clearTimeout(killer); resolve(c); });
  });
  process.kill(brick, 'SIGCONT');
  t.ok(Date.now() - started < 150_000, `the run ended after ${Date.now() - started} ms`);
  t.not(code, null, 'the run exited by itself');
  t.ok(frozenAt > 0 && thawedAt > 0, 'frozen after the first HAND1 row, thawed at the second');
  const file = readdirSync(report).find((f) => f.endsWith('.jsonl'))!;
  const probes = readFileSync(join(report, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ProbeRunRecord).filter((x) => x.type === 'probe' && x.variant.param === 'none');
  t.same(probes.map((p) => p.variant.a), ['none', 'directsync', 'writeback']);
  t.equal(probes[0]!.outcome, 'PASS', 'before the freeze');
  t.equal(probes[1]!.outcome, 'HUNG', 'on the frozen brick');
  t.match(probes[1]!.reason, /did not answer .* within 5000 ms/);
  t.ok(thawedAt - frozenAt < 5000 + 10_000, `HUNG reported ${thawedAt - frozenAt} ms after the freeze (timeout 5000 ms)`);
  t.notOk(['HUNG', 'LOST'].includes(probes[2]!.outcome), `after SIGCONT, fresh agents run writeback: ${probes[2]!.outcome}`);
  t.same(leftovers('coprobe', probes[0]!.runId), [], 'the hung variant\'s scratch file was removed');
});

t.test('an image of 64 KiB (quick-read\'s cache-max-file-size): the defaults read it stale even through O_DIRECT, the virt profile not', { skip, timeout: 300_000 }, async (t) => {
  const small = async (volume: GlusterVolume) => {
    const [a, b] = gluster!.mountPair(volume);
    try {
      return await runProbes(a.dir, b.dir, { probes: ['HAND1'], modes: 'none,directsync', probeOptions: { handoffBytes: 64 * 1024 } });
    } finally {
      a.unmount();
      b.unmount();
    }
  };
  const stale = (r: Ran, mode: string) => r.probes.filter((p) => p.variant.a === mode && p.variant.param === 'none').flatMap((p) => p.checks.filter((c) => c.claims.includes('HANDOFF') && c.read)).reduce((n, c) => n + c.read!.counts.stale, 0);
  // quick-read caches a file of at most 64 KiB whole on b's first read (the early head read is the whole image here) and
  // answers later reads from it, O_DIRECT ones included (it has no O_DIRECT check), until its 1 s cache-timeout. Whether
  // the handoff read falls inside that second is timing; measured here in every run, so at least one O_DIRECT mode.
  const defaults = await small('coprobe');
  const seen = ['none', 'directsync'].map((m) => `${m}: ${stale(defaults, m)} stale`);
  t.ok(stale(defaults, 'none') + stale(defaults, 'directsync') > 0, `defaults, 64 KiB image, O_DIRECT reader: stale blocks after the handoff (${seen.join(', ')})`);
  const v = computeVerdicts(defaults.run, defaults.probes);
  t.ok(v.verdicts.some((x) => x.verdict === 'UNSAFE' && (x.mode === 'none' || x.mode === 'directsync')), 'an O_DIRECT mode measured UNSAFE on a small image: cache=none does not save it');
  const virt = await small('coprobe-virt');
  for (const m of ['none', 'directsync']) t.equal(stale(virt, m), 0, `virt profile (quick-read off), ${m}: every block fresh`);
});
