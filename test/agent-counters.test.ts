// The read command's proof argument: storage-side counters sampled around a real read (block sysfs stat), or why none.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agent } from './fixtures/agent.js';
import { loopDevice, noLoopReason } from './fixtures/root.js';
import { ensureGanesha, noGaneshaReason } from './fixtures/ganesha.js';
import type { ReadSummary, TargetInfo } from '../src/protocol/results.js';
import type { Reply } from '../src/transport/client.js';
import { pairCounters, parseBlockStat, sysfsStatPath } from '../src/agent/counters.js';

const runId = 'aaaabbbbccccdddd';
const file = `.coprobe-${runId}-001-PROOF`;

/** The [before, after] growth of one counter of a proof read, failing the test when the read had no counters. */
function grew(t: Test, r: Reply<unknown>, name: string): number {
  t.ok(r.ok, 'the read succeeded');
  const s = (r as { result: ReadSummary }).result;
  t.ok(s.counters, `counters present${s.countersUnavailable ? ` (unavailable: ${s.countersUnavailable})` : ''}`);
  const v = s.counters?.values[name];
  t.ok(v, `${name} sampled`);
  return v ? v[1] - v[0] : NaN;
}

t.test('pure parts: a block stat line, sysfs paths, pairing samples', async (t) => {
  t.same(parseBlockStat('    1520        0    98304      312       40        2     4120       88        0      400      400        0        0        0        0        0        0\n'), { readIos: 1520, readSectors: 98304 });
  t.match(parseBlockStat('garbage'), /unreadable block stat line/);
  t.equal(sysfsStatPath('0:45'), undefined, 'major 0 (NFS, FUSE, tmpfs) has no sysfs entry');
  t.equal(sysfsStatPath('nfs://h/e'), undefined);
  t.same(pairCounters('sysfs x', { readIos: 1, readSectors: 8, gone: 3 }, { readIos: 2, readSectors: 16 }), { source: 'sysfs x', values: { readIos: [1, 2], readSectors: [8, 16] } });
});

t.test('on a loop device: a read after dropping the cache reaches the device, a repeat does not, O_DIRECT does', { skip: noLoopReason() }, async (t) => {
  const l = loopDevice(16);
  t.teardown(() => l.detach());
  const c = agent();
  t.teardown(() => c.kill());
  const init = await c.call<TargetInfo>('init', { target: l.dev, runId, writerId: 1, destroy: true }, 10_000);
  t.match(init, { ok: true, result: { kind: 'device' } });
  const dev = (init as { result: TargetInfo }).result.dev;
  t.match(await c.call('open', { h: 'f', mode: 'writeback', create: false }, 5000), { ok: true });
  t.match(await c.call('write', { h: 'f', gen: 1, first: 0, count: 8 }, 5000), { ok: true });
  t.match(await c.call('fsync', { h: 'f' }, 5000), { ok: true });
  t.match(await c.call('fadvise', { h: 'f', advice: 'dontneed', offset: 0, len: 0 }, 5000), { ok: true });

  const cold = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 8, writerId: 1, proof: true }, 5000);
  t.match(cold, { ok: true, result: { counts: { fresh: 8 }, counters: { source: `sysfs /sys/dev/block/${dev}/stat` } } });
  t.ok(grew(t, cold, 'readIos') > 0, 'the cold buffered read reached the device');
  t.ok(grew(t, cold, 'readSectors') >= 8 * 8, 'at least the 8 blocks read were read from the device');
  const entry = cold.entry!;
  const preads = entry.calls.filter((x) => x.call === 'pread');
  t.equal(preads.length, 8);
  t.ok(entry.calls.every((x) => x.at >= 0), 'every call inside the entry\'s clock');
  t.ok(entry.t1 >= preads.at(-1)!.at + entry.t0 + preads.at(-1)!.dur, 'the entry ends after the last pread');
  t.same(entry.args.proof, true, 'the transcript keeps the proof argument');

  const warm = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 8, writerId: 1, proof: true }, 5000);
  t.equal(grew(t, warm, 'readIos'), 0, 'the repeat was served from the page cache');

  t.match(await c.call('setDirect', { h: 'f', direct: true }, 5000), { ok: true });
  const direct = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 8, writerId: 1, proof: true }, 5000);
  t.match(direct, { ok: true, result: { counts: { fresh: 8 } } });
  t.ok(grew(t, direct, 'readIos') >= 8, 'every O_DIRECT pread reached the device');

  const plain = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 8, writerId: 1 }, 5000);
  t.match(plain, { ok: true, result: { counts: { fresh: 8 } } });
  t.notOk('counters' in (plain as { result: object }).result, 'no counters without proof');
  t.notOk('countersUnavailable' in (plain as { result: object }).result);
  await c.call('cleanup', {}, 5000);
});

const noExt4 = noLoopReason() ?? (spawnSync('mkfs.ext4', ['-V']).status === 0 ? undefined : 'mkfs.ext4 is not installed');

t.test('a directory on ext4 on a loop device: counters of st_dev\'s device', { skip: noExt4 }, async (t) => {
  const l = loopDevice(32);
  const mnt = mkdtempSync(join(tmpdir(), 'coprobe-proof-mnt-'));
  t.teardown(() => { spawnSync('umount', [mnt]); rmSync(mnt, { recursive: true, force: true }); l.detach(); });
  t.equal(spawnSync('mkfs.ext4', ['-q', '-F', l.dev]).status, 0);
  t.equal(spawnSync('mount', [l.dev, mnt]).status, 0);
  const c = agent();
  t.teardown(() => c.kill());
  const init = await c.call<TargetInfo>('init', { target: mnt, runId, writerId: 1, destroy: false }, 10_000);
  t.match(init, { ok: true, result: { kind: 'dir', fsType: 'ext4' } });
  const dev = (init as { result: TargetInfo }).result.dev;
  t.match(await c.call('open', { h: 'f', file, mode: 'writeback', create: true }, 5000), { ok: true });
  await c.call('write', { h: 'f', gen: 1, first: 0, count: 4 }, 5000);
  await c.call('fsync', { h: 'f' }, 5000);
  await c.call('fadvise', { h: 'f', advice: 'dontneed', offset: 0, len: 0 }, 5000);
  const cold = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 4, writerId: 1, proof: true }, 5000);
  t.match(cold, { ok: true, result: { counts: { fresh: 4 }, counters: { source: `sysfs /sys/dev/block/${dev}/stat` } } });
  t.ok(grew(t, cold, 'readIos') > 0, 'the cold read reached the loop device');
  const warm = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 4, writerId: 1, proof: true }, 5000);
  t.equal(grew(t, warm, 'readIos'), 0, 'the repeat came from the page cache');
  t.match(await c.call('cleanup', {}, 5000), { ok: true });
});

t.test('on tmpfs: no counters, said why, and the read still works', async (t) => {
  const dir = mkdtempSync(join('/dev/shm', 'coprobe-proof-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 5000), { ok: true, result: { fsType: 'tmpfs' } });
  await c.call('open', { h: 'f', file, mode: 'writeback', create: true }, 5000);
  await c.call('write', { h: 'f', gen: 1, first: 0, count: 2 }, 5000);
  const r = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 2, writerId: 1, proof: true }, 5000);
  t.match(r, { ok: true, result: { counts: { fresh: 2 }, countersUnavailable: /^no storage counters for tmpfs/ } });
  t.notOk('counters' in (r as { result: object }).result);
  t.match(await c.call('read', { h: 'nope', gen: 1, first: 0, count: 1, proof: true }, 5000), { ok: false, error: { code: 'EBADHANDLE' } });
  t.match(await c.call('read', { h: 'f', gen: 1, first: 0, count: 1, proof: 'yes' }, 5000), { ok: false, error: { code: 'EINVALID', message: /proof/ } });
  await c.call('cleanup', {}, 5000);
});

t.test('a libnfs side (userspace, against ganesha): no counters, said why', { skip: noGaneshaReason() }, async (t) => {
  const g = ensureGanesha();
  t.teardown(() => g.release());
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('init', { target: g.url(3), runId, writerId: 1, destroy: false }, 20_000), { ok: true, result: { backend: 'libnfs' } });
  t.match(await c.call('open', { h: 'f', file, mode: 'writeback', create: true }, 5000), { ok: true });
  await c.call('write', { h: 'f', gen: 1, first: 0, count: 2 }, 5000);
  const r = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 2, writerId: 1, proof: true }, 5000);
  t.match(r, { ok: true, result: { counts: { fresh: 2 }, countersUnavailable: /^libnfs / } });
  await c.call('cleanup', {}, 5000);
});
