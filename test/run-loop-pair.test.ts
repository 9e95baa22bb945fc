// The real kernel block stack: two loop devices with direct I/O over one backing file, two page caches.
import t from 'tap';
import { spawn } from 'node:child_process';
import { attachLoopPair } from '../src/loop-pair.js';
import { noLoopReason, loopsUnder } from './fixtures/root.js';
import { find, runProbes } from './fixtures/run.js';

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

  t.equal(find(r, 'REM1', 'writeback', 'writeback', 'none').checks[0]!.read!.counts.stale, 16, 'control: stale without a remedy');
  for (const remedy of ['fadvise', 'blkflsbuf', 'reopen']) {
    const rec = find(r, 'REM1', 'writeback', 'writeback', remedy);
    t.equal(rec.outcome, 'PASS', remedy);
    t.equal(rec.checks[0]!.read!.counts.fresh, 16, `${remedy}: 16 fresh`);
  }
  for (const lock of ['fcntl', 'ofd', 'flock']) {
    const rec = find(r, 'REM1', 'writeback', 'writeback', lock);
    t.equal(rec.outcome, 'WARN', `${lock} does not invalidate a block device's cache; LOCK-INVALIDATES is about NFS`);
    t.equal(rec.checks[0]!.read!.counts.stale, 16);
  }
  t.equal(find(r, 'CTO1', 'writeback', 'writeback').outcome, 'PASS', 'last close drops the block device cache');
  t.equal(find(r, 'UNL1', 'none', 'none', 'unlink').outcome, 'OMIT');
  t.match(find(r, 'UNL1', 'none', 'none', 'unlink').reason, /needs a dir target/);

  const tr = buffered.transcripts;
  t.ok(tr.a.some((e) => e.cmd === 'fsync' && e.calls.some((c) => c.call === 'fsync')), 'a\'s transcript has the fsync call');
  t.ok(tr.b.some((e) => e.cmd === 'read' && e.calls.some((c) => c.call === 'pread')), 'b\'s transcript has the preads');
  t.match(r.end, { type: 'end', exitCode: 0 });
  t.ok(r.lines.some((l) => /^BOTH1 +writeback→writeback +WARN +0\/16\/0/.test(l)), 'table row shows 0 fresh / 16 stale');
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
  const r = await runProbes(pair.a, pair.b, { destroy: [pair.a, pair.b], modes: 'writeback', probes: ['REM1'], timeoutMs: 1500 });
  const hung = find(r, 'REM1', 'writeback', 'writeback', 'flock');
  t.equal(hung.outcome, 'HUNG');
  t.match(hung.reason, /side b did not answer "flock" within 1500 ms/);
  t.match(hung.transcripts.b.at(-1), { cmd: 'flock', unanswered: 'timeout' });
  t.equal(find(r, 'REM1', 'writeback', 'writeback', 'blkflsbuf').outcome, 'PASS', 'the next variant ran on a restarted agent');
  t.equal(r.exitCode, 1);
  t.ok(Date.now() - started < 30_000, 'bounded in time');
});

t.test('the embedded default leaves no loop device behind', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(8);
  const prefix = pair.backing.replace(/\/backing\.img$/, '');
  t.equal(loopsUnder(prefix).length, 2);
  pair.detach();
  t.equal(loopsUnder(prefix).length, 0);
});
