// rbd:// sides through librbd against the single-host Ceph cluster of ci/ceph.sh: the catalogue in every mode under
// librbd's default cache policy (writearound) and under rbd_cache_policy=writeback, QEMU's own rbd driver reading what
// the librbd side wrote, and bad input through the CLI.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCeph, rbdCli } from './fixtures/ceph.js';
import { noRbdReason, scratchImages } from './fixtures/rbd.js';
import { find, runProbes, type Ran } from './fixtures/run.js';
import { runCli } from './fixtures/cli.js';
import { computeVerdicts } from '../src/verdict/record.js';
import { qemuRemedy } from '../src/verdict/handoff.js';
import { IO_MODES, MODE_TRAITS } from '../src/modes.js';
import { librbdBackend } from '../native-bindings/librbd.js';
import { librbdCaps } from '../native-bindings/librbd-side.js';
import { Posix } from '../native-bindings/posix.js';
import { allocAligned } from '../native-bindings/aligned-buffer.js';
import type { ProbeRunRecord } from '../src/result.js';

// --- the cluster: ci/ceph.sh through test/fixtures/ceph.ts (COPROBE_CEPH_ADDR/RUN/DATA select an instance).
const skip = noRbdReason();
const cluster = skip ? undefined : ensureCeph();
t.teardown(() => cluster?.release());
const conf = cluster?.conf ?? '';
const rbd = (...args: string[]) => rbdCli(args);
/** A fresh 16MiB image in the rbd pool (removed at teardown), and its rbd:// URL with extra query options. */
const scratchImage = scratchImages(cluster, 'coprobe-run-rbd', '16M');

const BUFFERED = IO_MODES.filter((m) => !MODE_TRAITS[m].direct);
const DIRECT = IO_MODES.filter((m) => MODE_TRAITS[m].direct);
/** b's reads of a probe run's checks, in order: [fresh, stale] per check that read. */
const reads = (p: ProbeRunRecord) => p.checks.filter((c) => c.read).map((c) => [c.read!.counts.fresh, c.read!.counts.stale]);
/** Every call name a side made in a probe run. */
const calls = (p: ProbeRunRecord, side: 'a' | 'b') => (p.transcripts?.[side] ?? []).flatMap((e) => e.calls.map((c) => c.call));

/** Per mode, the HAND1 run that models QEMU (qemuRemedy: none under O_DIRECT, rbd_invalidate_cache for buffered opens) read every block fresh. */
function qemuHandoffFresh(t: Test, r: Ran): void {
  for (const mode of IO_MODES) {
    const remedy = qemuRemedy(mode, 'drop-cache', librbdCaps.activation);
    t.equal(remedy, MODE_TRAITS[mode].direct ? 'none' : 'invalidate', `${mode}: QEMU's rbd driver ${MODE_TRAITS[mode].direct ? 'has rbd_cache off' : 'invalidates on activation'}`);
    const hand = find(r, 'HAND1', mode, mode, remedy);
    t.equal(hand.outcome, 'PASS', `HAND1 ${mode} [${remedy}] PASS`);
    t.same(reads(hand), [[1024, 0]], `HAND1 ${mode} [${remedy}]: all 1024 blocks fresh`);
  }
  const v = computeVerdicts(r.run, r.probes);
  t.notOk(v.verdicts.some((x) => x.verdict === 'UNSAFE'), 'no mode is UNSAFE: the run that models QEMU read fresh in every mode');
}

t.test('default policy (writearound): librbd never serves a read from its cache, so every read in every mode is fresh', { skip }, async (t) => {
  const img = scratchImage(t);
  const r = await runProbes(img.url, img.url, { destroy: [img.url], keep: 'rbd-writearound-librbd' });
  t.equal(r.exitCode, 0);
  t.equal(r.run.sides.a.target.backend, 'librbd');
  t.match(r.run.sides.b.target.details?.cluster?.options, { 'rbd_cache (buffered opens)': 'true', 'rbd_cache (O_DIRECT opens)': 'false', rbd_cache_policy: 'writearound' });
  const ran = r.probes.filter((p) => p.outcome !== 'OMIT');
  t.same([...new Set(ran.map((p) => p.probe))].sort(), ['BOTH1', 'CTO1', 'EARLY1', 'FLUSH1', 'HAND1', 'RA1', 'SHARE1', 'SIZE1'], 'the probes that run on an image through librbd');
  // writearound: librbd's cache holds writes in flight but reads always go to the OSDs (rbd-config-ref: "reads are not
  // served from the cache"), so even a buffered reader that read the block before sees a's flushed write.
  for (const p of ran) if (p.probe !== 'SHARE1') for (const [fresh, stale] of reads(p)) t.ok(stale === 0 && fresh > 0, `${p.probe} ${p.variant.a}→${p.variant.b} ${p.variant.param ?? ''}: ${fresh} fresh, ${stale} stale`);
  for (const m of BUFFERED) {
    t.same(reads(find(r, 'EARLY1', m, m, 'none')), [[16, 0]], `EARLY1 ${m} [none]: the head b read early was not kept`);
    t.same(reads(find(r, 'HAND1', m, m, 'none')), [[1024, 0]], `HAND1 ${m} [none]: fresh without a remedy`);
    const inv = find(r, 'HAND1', m, m, 'invalidate');
    t.equal(inv.outcome, 'PASS', `HAND1 ${m} [invalidate] ran (b's caps.invalidate)`);
    t.ok(calls(inv, 'b').includes('rbd_invalidate_cache'), 'b called rbd_invalidate_cache');
  }
  for (const m of DIRECT) t.match(find(r, 'HAND1', m, m, 'invalidate').reason, /O_DIRECT/, `HAND1 ${m} [invalidate]: omitted, b's rbd_cache is off`);
  // SHARE1 (a writes without flushing, b reads): b saw the write. Two librbd clients share no cache; a's cache sends a
  // write to the OSDs before acknowledging it (rbd_cache_writethrough_until_flush: write-through until the first flush)
  // or at once (writearound), so an unflushed write is visible to any other client. SHARE1 says so instead of reading it
  // as one shared cache (two agent processes cannot share a userspace client's cache), so the verdicts stand.
  const share = find(r, 'SHARE1', 'writeback', 'writeback');
  t.equal(share.outcome, 'PASS');
  t.same(reads(share), [[16, 0]], 'b saw a\'s unflushed write');
  t.match(share.checks[0]!.observed, /librbd is a client inside each agent's own process, so no cache is shared/);
  qemuHandoffFresh(t, r);
  const v = computeVerdicts(r.run, r.probes);
  t.same([...new Set(v.verdicts.map((x) => x.verdict))], ['SAFE'], 'every mode × QEMU behaviour SAFE (writearound: reads never come from the cache)');
  t.equal(v.claims.find((c) => c.claim === 'CLUSTER-FS-ANY-CACHE')?.status, 'not-applicable', 'an RBD image is not a file on a clustered filesystem');
});

t.test('rbd_cache_policy=writeback: b\'s buffered reads come from its own cache until rbd_invalidate_cache or a reopen', { skip }, async (t) => {
  const img = scratchImage(t, '&rbd_cache_policy=writeback');
  const r = await runProbes(img.url, img.url, { destroy: [img.url], keep: 'rbd-writeback-librbd' });
  t.equal(r.exitCode, 0);
  t.match(r.run.sides.b.target.details?.cluster?.options, { rbd_cache_policy: 'writeback' });
  for (const m of DIRECT) {
    // O_DIRECT opens get rbd_cache=false (QEMU): no client cache, every read goes to the OSDs.
    t.same(reads(find(r, 'BOTH1', m, m)), [[16, 0], [16, 0]], `BOTH1 ${m}: fresh (rbd_cache off)`);
    t.same(reads(find(r, 'HAND1', m, m, 'none')), [[1024, 0]], `HAND1 ${m} [none]: fresh`);
  }
  for (const m of BUFFERED) {
    // writeback: librbd's ObjectCacher keeps what b read and serves it again; nothing tells it a's write happened.
    t.same(reads(find(r, 'BOTH1', m, m)), [[16, 0], [0, 16]], `BOTH1 ${m}: b's second read served stale from its cache`);
    t.same(reads(find(r, 'EARLY1', m, m, 'none')), [[0, 16]], `EARLY1 ${m} [none]: the early-read head is stale`);
    for (const fix of ['reopen', 'invalidate']) t.same(reads(find(r, 'EARLY1', m, m, fix)), [[16, 0]], `EARLY1 ${m} [${fix}]: fresh`);
    const none = find(r, 'HAND1', m, m, 'none');
    t.equal(none.outcome, 'WARN');
    const v = none.checks.find((c) => c.claims.includes('HANDOFF') && c.read)!.values!;
    t.equal(v.headStale, 16, `HAND1 ${m} [none]: the 64 KiB head b read early stayed stale`);
    // The blocks past the head are librbd's readahead of the early read (rbd_readahead_*; see the next test).
    t.ok((v.restStale as number) > 0, `HAND1 ${m} [none]: ${v.restStale} more blocks past the head stale`);
    for (const fix of ['reopen', 'invalidate']) t.same(reads(find(r, 'HAND1', m, m, fix)), [[1024, 0]], `HAND1 ${m} [${fix}]: all fresh`);
    // rbd_close (reopen) and rbd_invalidate_cache drop the cache; a second handle on the same image shares it; a
    // handle opened with O_DIRECT uses the rbd_cache=false connection; waiting does nothing.
    for (const [remedy, fresh] of [['reopen', true], ['direct-newfd', true], ['reopen-other', false], ['sleep', false], ['none', false]] as const) {
      t.same(reads(find(r, 'FLUSH1', m, m, remedy)), [fresh ? [16, 0] : [0, 16]], `FLUSH1 ${m} [${remedy}]: ${fresh ? 'fresh' : 'stale'}`);
    }
  }
  // With the policy writeback and a flush seen, a's cache holds the unflushed write: b does not see it (two caches).
  t.same(reads(find(r, 'SHARE1', 'writeback', 'writeback')), [[0, 16]]);
  // The exclusive lock: a took it with its first write, b only read and never owned it.
  const inv = find(r, 'HAND1', 'writeback', 'writeback', 'invalidate');
  t.ok(calls(inv, 'a').includes('rbd_is_exclusive_lock_owner (after write: owner)'), 'a owns the exclusive lock after its first write');
  t.notOk(calls(inv, 'b').some((c) => /: owner\)$/.test(c)), 'b read the whole image without the lock');
  qemuHandoffFresh(t, r);
});

t.test('writeback policy with rbd_readahead_max_bytes=0: only the early-read head is stale, so the rest was readahead', { skip }, async (t) => {
  const img = scratchImage(t, '&rbd_cache_policy=writeback&rbd_readahead_max_bytes=0');
  const r = await runProbes(img.url, img.url, { destroy: [img.url], modes: 'writeback', probes: ['HAND1'] });
  t.equal(r.exitCode, 0);
  const v = find(r, 'HAND1', 'writeback', 'writeback', 'none').checks.find((c) => c.claims.includes('HANDOFF') && c.read)!.values!;
  t.same([v.headStale, v.restStale], [16, 0]);
});

t.test('QEMU\'s own rbd driver (qemu-io rbd:) reads what the librbd side wrote and flushed; its write leaves a reader\'s cache stale', { skip: skip ?? (spawnSync('qemu-io', ['--version']).error ? 'qemu-io is not installed' : undefined) }, async (t) => {
  const img = scratchImage(t, '&rbd_cache_policy=writeback');
  const qemu = (cmd: string) => spawnSync('qemu-io', ['-f', 'raw', `rbd:rbd/${img.name}:conf=${conf}:id=coprobe:rbd_cache_policy=writeback`, '-c', cmd], { encoding: 'utf8', timeout: 60_000 });
  const posix = new Posix();
  const writer = librbdBackend.connect(img.url, { timeoutSec: 10, env: {} }).backend;
  const reader = librbdBackend.connect(img.url, { timeoutSec: 10, env: {} }).backend;
  const buf = allocAligned(posix, 4096, 65536);
  t.teardown(() => { writer.disconnect(); reader.disconnect(); buf.free(); });
  const wcalls: string[] = [];
  writer.onCall = (c) => wcalls.push(c.call);
  const fw = writer.open({ path: img.url, direct: false, dsync: false, create: false }).ret;
  const fr = reader.open({ path: img.url, direct: false, dsync: false, create: false }).ret;
  buf.bytes.fill(0x5a);
  t.ok(writer.pwrite(fw, buf.ptr, 65536, 65536).ok);
  t.ok(writer.fsync(fw).ok);
  t.ok(wcalls.includes('rbd_is_exclusive_lock_owner (after write: owner)'), 'the librbd writer took the exclusive lock');
  const read = qemu('read -P 0x5a 65536 65536');
  t.equal(read.status, 0, 'qemu-io ran');
  t.match(read.stdout, /read 65536\/65536 bytes at offset 65536/, 'QEMU read the pattern the librbd side wrote and flushed (-P verifies it)');
  t.notMatch(read.stdout, /Pattern verification failed/);
  const at = (side: typeof reader, fd: number) => { buf.bytes.fill(0); t.ok(side.pread(fd, buf.ptr, 4096, 65536).ok); return buf.bytes[0]; };
  t.equal(at(reader, fr), 0x5a, 'the reader caches the block');
  t.equal(at(writer, fw), 0x5a, 'so does the writer');
  wcalls.length = 0;
  t.equal(qemu('write -P 0xa5 65536 4096').status, 0, 'QEMU wrote (taking the exclusive lock, flushing when it closed the image)');
  t.equal(at(reader, fr), 0x5a, 'the reader (never the lock owner) still answers from its cache: stale');
  // librbd drops its cache when it hands the exclusive lock over: the former owner reads fresh without any remedy.
  t.equal(at(writer, fw), 0xa5, 'the writer, which gave the lock to QEMU, reads what QEMU wrote');
  t.ok(wcalls.includes('rbd_is_exclusive_lock_owner (after read: not owner)'), 'the writer no longer owns the lock');
  t.ok(reader.invalidate!(fr).ok);
  t.equal(at(reader, fr), 0xa5, 'after rbd_invalidate_cache the reader reads what QEMU wrote');
});

t.test('bad input through the CLI: exit 2 with a message that says what to do, no key printed, the image left closed', { skip }, async (t) => {
  const img = scratchImage(t);
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-rbd-bad-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const poolBefore = rbd('ls', 'rbd').stdout;
  const bad = async (url: string, why: string, message: RegExp, secret?: string) => {
    const r = await runCli(['run', url, url, '--destroy-data-on-device', url, '--report', dir, '--probes', 'BOTH1', '--modes', 'none'], 60_000);
    t.equal(r.code, 2, `${why}: exit 2`);
    t.match(r.stderr, message, why);
    // The key as written and as percent-encoded in the URL.
    for (const k of secret ? [secret, encodeURIComponent(secret)] : []) {
      t.notMatch(r.stderr, k, `${why}: no key on stderr`);
      t.notMatch(r.stdout, k, `${why}: no key on stdout`);
      for (const f of readdirSync(dir)) t.notMatch(readFileSync(join(dir, f), 'utf8'), k, `${why}: no key in ${f}`);
    }
  };
  await bad(`rbd://nosuchpool/${img.name}?conf=${conf}&id=coprobe`, 'a pool that does not exist', /pool nosuchpool does not exist.*ceph osd pool ls/);
  await bad(`rbd://rbd/nosuchimage?conf=${conf}&id=coprobe`, 'an image that does not exist', /image nosuchimage does not exist in pool rbd.*rbd ls rbd/);
  const wrongKey = spawnSync('ceph-authtool', ['--gen-print-key'], { encoding: 'utf8' }).stdout.trim();
  await bad(`${img.url}&key=${encodeURIComponent(wrongKey)}`, 'a wrong key', /refused cephx authentication as client\.coprobe.*the key is not shown/, wrongKey.slice(0, 16));
  const keyring = cluster!.keyring;
  const t0 = Date.now();
  await bad(`rbd://rbd/${img.name}?id=coprobe&mon_host=127.0.0.1:1&keyring=${keyring}`, 'a monitor address nobody answers', /no Ceph monitor answered at 127\.0\.0\.1:1 within 5\.\d s/);
  t.ok(Date.now() - t0 < 30_000, 'bounded by client_mount_timeout, not the coordinator killing a hung agent');
  t.equal(rbd('ls', 'rbd').stdout, poolBefore, 'no image created or removed');
  t.match(rbd('status', `rbd/${img.name}`).stdout, /Watchers: none/, 'no client left the image open');
});

t.test('key= in the URL: the run works, the key is not printed, the backend reports the target redacted', { skip }, async (t) => {
  const img = scratchImage(t);
  const secretFile = conf.replace(/ceph\.conf$/, 'client.coprobe.secret');
  const key = readFileSync(secretFile, 'utf8').trim();
  const mon = /mon host = \[v2:[^,]+,v1:([^\]]+)\]/.exec(readFileSync(conf, 'utf8'))![1]!;
  // No conf= (so no keyring from it): the key in the URL is the only credential, as QEMU's rbd:...:key=... gives it.
  const url = `rbd://rbd/${img.name}?mon_host=${mon}&id=coprobe&key=${encodeURIComponent(key)}`;
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-rbd-key-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runCli(['run', url, url, '--destroy-data-on-device', url, '--report', dir, '--probes', 'BOTH1', '--modes', 'none'], 60_000);
  t.equal(r.code, 0, 'connected with the key from the URL');
  t.notMatch(r.stderr, encodeURIComponent(key).slice(0, 16), 'no key on stderr');
  const jsonl = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
  const run = JSON.parse(readFileSync(join(dir, jsonl), 'utf8').split('\n')[0]!) as { sides: Record<'a' | 'b', { arg: string; target: { path: string } }> };
  t.match(run.sides.a.target.path, /&key=\*\*\*$/, 'the librbd backend names its target with the key replaced');
  // The coordinator's own copies (argv, sides.*.arg, the header) go through src/transport/redact.ts, which knows only user:password@.
  t.notMatch(r.stdout, encodeURIComponent(key).slice(0, 16), 'no key in the terminal output (the header prints each side\'s arg)');
  for (const f of readdirSync(dir)) t.notMatch(readFileSync(join(dir, f), 'utf8'), encodeURIComponent(key).slice(0, 16), `no key in ${f}`);
});

t.test('librbd missing (COPROBE_LIBRBD names no library): every probe OMIT with the reason, no crash', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-rbd-nolib-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const url = `rbd://rbd/any?conf=${conf}&id=coprobe`;
  const saved = process.env.COPROBE_LIBRBD;
  process.env.COPROBE_LIBRBD = '/nonexistent/librbd.so.1';
  t.teardown(() => { if (saved === undefined) delete process.env.COPROBE_LIBRBD; else process.env.COPROBE_LIBRBD = saved; });
  const r = await runCli(['run', url, url, '--destroy-data-on-device', url, '--report', dir, '--probes', 'BOTH1,HAND1'], 60_000);
  t.equal(r.code, 0, 'nothing failed: nothing could run');
  const recs = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.jsonl'))!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; outcome?: string; reason?: string });
  const probes = recs.filter((x) => x.type === 'probe');
  t.ok(probes.length > 0);
  t.ok(probes.every((p) => p.outcome === 'OMIT' && /librbd: not available: cannot load \/nonexistent\/librbd\.so\.1/.test(p.reason!)), 'every probe OMIT naming the library');
});
