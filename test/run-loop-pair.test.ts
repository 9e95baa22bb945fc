// The real kernel block stack: two loop devices with direct I/O over one backing file, two page caches.
import t from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { windowStats } from '../src/report/windows.js';
import { attachLoopPair } from '../src/loop-pair.js';
import { noLoopReason, loopsUnder } from './fixtures/root.js';
import { find, runProbes } from './fixtures/run.js';
import { computeVerdicts } from '../src/verdict/record.js';

const noQemu = spawnSync('qemu-img', ['--version']).status === 0 ? undefined : 'qemu-img is not installed';

t.test('loop pair: buffered reads on b are stale after a\'s write+fsync; O_DIRECT, DONTNEED, BLKFLSBUF and reopen are fresh', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  const r = await runProbes(pair.a, pair.b, { destroy: [pair.a, pair.b], modes: 'none,writeback' });
  t.equal(r.exitCode, 0, 'no claim expected to hold was violated');
  t.same(r.run.warnings, [], 'two loop devices are two page caches: no confounder');
  t.equal(r.run.sides.a.target.kind, 'device');

  const direct = find(r, 'BOTH1', 'none', 'none');
  t.equal(direct.outcome, 'PASS');
  t.equal(direct.checks[1]!.read!.counts.fresh, 16, 'O_DIRECT reader: 16 fresh');
  t.ok(direct.checks[1]!.fsyncToReadUs! > 0, 'fsync→read time measured');

  const buffered = find(r, 'BOTH1', 'writeback', 'writeback');
  t.equal(buffered.outcome, 'WARN');
  t.equal(buffered.checks[1]!.read!.counts.stale, 16, 'buffered reader: 16 stale');
  t.match(buffered.checks[1]!.read!.findings[0], { cls: 'stale', field: 'generation' });

  t.equal(find(r, 'FLUSH1', 'writeback', 'writeback', 'none').checks[0]!.read!.counts.stale, 16, 'control: stale without a remedy');
  for (const method of ['fadvise', 'blkflsbuf', 'reopen', 'direct-newfd', 'direct-setfl']) {
    const rec = find(r, 'FLUSH1', 'writeback', 'writeback', method);
    t.equal(rec.outcome, 'PASS', method);
    t.equal(rec.checks[0]!.read!.counts.fresh, 16, `${method}: 16 fresh`);
  }
  const other = find(r, 'FLUSH1', 'writeback', 'writeback', 'reopen-other');
  t.equal(other.checks[0]!.read!.counts.stale, 16, 'a second open shares the device\'s page cache: still stale');
  t.equal(other.checks[0]!.values!.oldFdStale, 16, 'the old descriptor still reads stale afterwards');
  t.match(find(r, 'FLUSH1', 'writeback', 'writeback', 'stat').reason, /needs scratch files in a directory on side b/);
  for (const lock of ['posix-read', 'posix-write', 'ofd-read', 'ofd-write', 'flock-shared', 'flock-exclusive']) {
    const rec = find(r, 'LOCK1', 'writeback', 'writeback', lock);
    t.equal(rec.outcome, 'WARN', `${lock} does not invalidate a block device's cache; LOCK-INVALIDATES is about NFS`);
    t.equal(rec.checks[0]!.read!.counts.stale, 16);
    t.match(rec.checks[0]!.bears, [{ claim: 'LOCK-INVALIDATES', status: 'not-applicable' }]);
  }
  const early = find(r, 'EARLY1', 'writeback', 'writeback', 'none');
  t.equal(early.checks[0]!.read!.counts.stale, 16, 'the 64 KiB head b read early is stale after a rewrote it');
  t.match(early.checks[0]!.bears, [{ claim: 'EARLY-READ-64K', status: 'holds' }]);
  t.equal(find(r, 'EARLY1', 'writeback', 'writeback', 'fadvise').outcome, 'PASS');
  const ra = find(r, 'RA1', 'writeback', 'writeback', 'none');
  t.ok((ra.checks[0]!.values!.readaheadStaleBlocks as number) > 0, 'readahead on b fetched blocks it never read, and they are stale');
  t.equal(ra.outcome, 'WARN', 'without a remedy: the early-read hazard, not a violation');
  t.ok((ra.checks[0]!.values!.readaheadReachBlocks as number) > 0, 'the readahead reach is measured (mincore)');
  t.equal(ra.checks[0]!.values!.readaheadReachBlocks, ra.checks[0]!.values!.readaheadStaleBlocks, 'every block readahead fetched went stale');
  t.match(ra.checks[0]!.observed, /readahead reach: \d+ blocks \(\d+ KiB\) beyond the block b read, in a 2048 KiB file/);
  t.match(ra.checks[0]!.bears, [{ claim: 'READAHEAD', status: 'not-applicable', why: /early-read hazard/ }]);
  for (const remedy of ['fadvise', 'reopen']) {
    const rr = find(r, 'RA1', 'writeback', 'writeback', remedy);
    t.equal(rr.outcome, 'PASS', `${remedy} removes what readahead fetched on a loop device`);
    t.equal(rr.checks[0]!.access!.reached, 'storage', `${remedy}: the read after it reached the device (sysfs counters)`);
    t.match(rr.checks[0]!.bears, [{ claim: 'READAHEAD', status: 'not-applicable', why: /about the Linux NFS client/ }], 'READAHEAD is an NFS claim');
  }
  t.match(find(r, 'RA1', 'writeback', 'writeback', 'fcntl').reason, /the lock remedy is the NFS one/);
  const both = find(r, 'BOTH1', 'none', 'none');
  t.match(both.checks[1]!.access, { reached: 'storage', how: /^O_DIRECT read; sysfs \/sys\/dev\/block\/7:\d+\/stat: readIos/ }, 'the O_DIRECT read\'s path is proven by the device counters');
  const stale = find(r, 'BOTH1', 'writeback', 'writeback');
  t.match(stale.checks[1]!.access, { reached: 'cache', how: /served from b's page cache/ }, 'the stale buffered read came from b\'s page cache: the device counters did not move');
  const res = find(r, 'RES1', 'writeback', 'writeback');
  t.equal(res.outcome, 'PASS');
  t.ok((res.checks[0]!.values!.residentBefore as number) > 0, 'pages were resident before the drop');
  t.equal(res.checks[0]!.values!.residentAfter, 0, 'none after DONTNEED');

  t.equal(find(r, 'SHARE1', 'writeback', 'writeback').checks[0]!.values!.sharedCache, false, 'two loop devices: two caches (a\'s unflushed write is not visible on b)');
  const hand = find(r, 'HAND1', 'writeback', 'writeback', 'none');
  const v = hand.checks[0]!.values!;
  t.ok(hand.checks[0]!.read!.counts.stale > 0 && v.headStale as number >= 16, 'handoff without a remedy: the early-read head is stale on b');
  t.equal(hand.checks[0]!.read!.blocks, 1024, 'every block of the image verified');
  t.equal(find(r, 'HAND1', 'writeback', 'writeback', 'fadvise').checks[0]!.read!.counts.fresh, 1024, 'QEMU\'s drop-cache: all fresh');
  t.equal(find(r, 'HAND1', 'writeback', 'writeback', 'reopen').outcome, 'PASS');
  t.equal(find(r, 'HAND1', 'none', 'none', 'none').checks[0]!.read!.counts.fresh, 1024, 'cache=none: all fresh without a remedy');
  t.match(find(r, 'HAND1', 'none', 'none', 'fadvise').reason, /O_DIRECT/);
  t.equal(find(r, 'CTO1', 'writeback', 'writeback').outcome, 'PASS', 'last close drops the block device cache');
  t.equal(find(r, 'UNL1', 'none', 'none', 'unlink').outcome, 'OMIT');
  t.match(find(r, 'UNL1', 'none', 'none', 'unlink').reason, /needs a dir target/);

  const tr = buffered.transcripts;
  t.ok(tr.a.some((e) => e.cmd === 'fsync' && e.calls.some((c) => c.call === 'fsync')), 'a\'s transcript has the fsync call');
  t.ok(tr.b.some((e) => e.cmd === 'read' && e.calls.some((c) => c.call === 'pread')), 'b\'s transcript has the preads');
  t.match(r.end, { type: 'end', exitCode: 0 });
  t.ok(r.lines.some((l) => /^BOTH1 +writeback→writeback +WARN +0\/16\/0/.test(l)), 'table row shows 0 fresh / 16 stale');

  // Claims whose premise shared block storage cannot have: not applicable from a real attempt, not "not checked".
  const claims = computeVerdicts(r.run, r.probes).claims;
  const row = (c: string) => claims.find((x) => x.claim === c)!;
  t.equal(row('RAW-SIZE').status, 'not-applicable', 'RAW-SIZE: the host cannot resize the device');
  t.match(row('RAW-SIZE').why, /a LUN cannot be resized from a host: the write past the end answered ENOSPC, ftruncate answered EINVAL/);
  t.ok(row('RAW-SIZE').evidence.length > 0, 'RAW-SIZE: with SIZE1\'s evidence');
  if (!noQemu) {
    t.equal(row('QED-DIRTY').status, 'not-applicable', 'QED-DIRTY: QEMU refuses a QED image on the device');
    t.match(row('QED-DIRTY').why, /QEMU cannot keep a QED image on a block device: .*Cannot resize device files/);
  }
});

t.test('SIZE1 on a loop pair: a\'s resize of the device is refused (ENOSPC past its end, EINVAL from ftruncate); RAW-SIZE not applicable; nothing written past the first blocks, the device keeps its size', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  const MiB = 1 << 20;
  // A sentinel over the device's last MiB: a resize attempt must not write there (the probe's blocks are the first 64 KiB).
  const sentinel = Buffer.alloc(MiB, 0xa5);
  const fd = openSync(pair.a, 'r+');
  writeSync(fd, sentinel, 0, MiB, 15 * MiB);
  fsyncSync(fd);
  closeSync(fd);
  const r = await runProbes(pair.a, pair.b, { destroy: [pair.a, pair.b], modes: 'none,writeback,unsafe', probes: ['SIZE1'] });
  t.equal(r.exitCode, 0);
  t.equal(r.probes.length, 3, 'one run per mode: SIZE1 runs on devices');
  for (const p of r.probes) {
    const where = `${p.variant.a}→${p.variant.b}`;
    t.equal(p.outcome, 'PASS', `${where}: the host's refusal is evidence, not a failure (${p.reason ?? ''})`);
    t.equal(p.checks.length, 1);
    const c = p.checks[0]!;
    t.match(c.sentence, new RegExp(`a tries to resize the device ${pair.a} \\(16777216 bytes\\) that b has open`));
    t.match(c.observed, /a's write of blocks 4096\.\.4111 \(from the device's end.*answered ENOSPC.*a's ftruncate to 16842752 bytes answered EINVAL.*b's fstat of its open device: size 0 before, 0 after/, `${where}: what a tried, what the kernel and b's statx answered`);
    t.match(c.values, { deviceBytes: 16 << 20, extendFirstBlock: 4096, extendErrno: 'ENOSPC', truncateTo: (16 << 20) + 16 * 4096, truncateErrno: 'EINVAL', bFstatBefore: 0, bFstatAfter: 0 });
    t.same(c.bears, [{ claim: 'RAW-SIZE', status: 'not-applicable', why: 'a LUN cannot be resized from a host: the write past the end answered ENOSPC, ftruncate answered EINVAL; its size changes only on the target' }]);
    const calls = p.transcripts.a.flatMap((e) => e.calls.map((x) => ({ cmd: e.cmd, ...x })));
    t.ok(calls.some((x) => x.cmd === 'truncate' && x.call === 'ftruncate'), `${where}: the ftruncate call is in a's transcript`);
  }
  const claims = computeVerdicts(r.run, r.probes).claims;
  t.equal(claims.find((x) => x.claim === 'RAW-SIZE')!.status, 'not-applicable');
  t.equal(statSync(pair.backing).size, 16 * MiB, 'the backing file (the LUN) keeps its size');
  const size = spawnSync('blockdev', ['--getsize64', pair.a], { encoding: 'utf8' });
  t.equal(size.stdout.trim(), String(16 * MiB), 'the device keeps its size');
  const tail = Buffer.alloc(MiB);
  const rd = openSync(pair.backing, 'r');
  readSync(rd, tail, 0, MiB, 15 * MiB);
  closeSync(rd);
  t.ok(tail.equals(sentinel), 'the device\'s last MiB is untouched');
});

t.test('a side stuck in a blocking call is HUNG within the timeout, and the run goes on', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  // Another process holds an exclusive flock on b's device: b's flock(LOCK_SH) blocks in the kernel.
  // (-o: the lock fd is not passed on to sleep, so killing flock releases the device.)
  const holder = spawn('flock', ['-o', '-x', pair.b, 'sleep', '60'], { stdio: 'ignore' });
  t.teardown(() => holder.kill('SIGKILL'));
  await new Promise((r) => setTimeout(r, 300));
  const started = Date.now();
  const r = await runProbes(pair.a, pair.b, { destroy: [pair.a, pair.b], modes: 'writeback', probes: ['LOCK1', 'EARLY1'], timeoutMs: 1500 });
  const hung = find(r, 'LOCK1', 'writeback', 'writeback', 'flock-shared');
  t.equal(hung.outcome, 'HUNG');
  t.match(hung.reason, /side b did not answer "flock" within 1500 ms/);
  t.match(hung.transcripts.b.at(-1), { cmd: 'flock', unanswered: 'timeout' });
  t.equal(find(r, 'EARLY1', 'writeback', 'writeback', 'blkflsbuf').outcome, 'PASS', 'later variants ran on a restarted agent');
  t.equal(r.exitCode, 1);
  t.ok(Date.now() - started < 30_000, 'bounded in time');
});

t.test('staleness window: a writer in cache=unsafe, an O_DIRECT reader, and the kernel\'s writeback ends the window', { skip: noLoopReason() }, async (t) => {
  const knobs = ['/proc/sys/vm/dirty_expire_centisecs', '/proc/sys/vm/dirty_writeback_centisecs'];
  const saved = knobs.map((k) => readFileSync(k, 'utf8'));
  t.teardown(() => knobs.forEach((k, i) => writeFileSync(k, saved[i]!)));
  writeFileSync(knobs[0]!, '100'); // dirty pages older than 1 s are written back...
  writeFileSync(knobs[1]!, '20'); // ...by the flusher, which wakes every 0.2 s
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  const r = await runProbes(pair.a, pair.b, { destroy: [pair.a, pair.b], modes: 'unsafe:none', probes: ['BOTH1'], repeat: 3, probeOptions: { windowMs: 20_000 } });
  const runs = r.probes.filter((p) => p.probe === 'BOTH1');
  t.equal(runs.length, 3, 'three repeats');
  t.same(runs.map((p) => p.repeat), [1, 2, 3]);
  const stats = windowStats(r.probes);
  t.equal(stats.length, 1);
  t.equal(stats[0]!.freshMs.length, 3, 'every window ended fresh');
  for (const w of stats[0]!.freshMs) t.ok(w > 500 && w < 6000, `window ${w.toFixed(1)} ms: about the 1 s dirty expiry, far below the 20 s bound`);
  t.ok(r.lines.some((l) => /BOTH1 unsafe→none: min [\d.]+ ms, median [\d.]+ ms, p95 [\d.]+ ms, max [\d.]+ ms over 3/.test(l)), 'summary line');
});

t.test('the embedded default leaves no loop device behind', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(8);
  const prefix = pair.backing.replace(/\/backing\.img$/, '');
  t.equal(loopsUnder(prefix).length, 2);
  pair.detach();
  t.equal(loopsUnder(prefix).length, 0);
});
