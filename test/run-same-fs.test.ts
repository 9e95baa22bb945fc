// Two sides on one local filesystem: one page cache, every probe fresh, and a warning that this proves nothing about two hosts.
import t from 'tap';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProbes, find } from './fixtures/run.js';

t.test('same directory on both sides: all fresh, confounder warned, scratch files removed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-samefs-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runProbes(dir, dir, { modes: 'none,writeback' });
  t.equal(r.exitCode, 0);
  t.match(r.run.warnings[0], /one page cache serves both, so this run says nothing about two hosts/);
  t.ok(r.lines.some((l) => l.startsWith('WARNING: both sides reach the same filesystem')));
  const ran = r.probes.filter((p) => p.checks.length > 0);
  t.ok(ran.length >= 30);
  const qcow2 = find(r, 'IMG1', 'writeback', 'writeback', 'qcow2');
  t.equal(qcow2.outcome, 'WARN', 'qcow2 held open by b: clusters a allocated read as unallocated, even through one page cache');
  t.equal(find(r, 'IMG1', 'writeback', 'writeback', 'raw').outcome, 'PASS', 'raw: the control is fresh');
  const share = find(r, 'SHARE1', 'writeback', 'writeback').checks[0]!;
  t.equal(share.outcome, 'WARN', 'one filesystem: b sees a\'s unflushed write, one cache');
  t.equal(share.values!.sharedCache, true);
  const size = find(r, 'SIZE1', 'writeback', 'writeback').checks[0]!;
  t.equal(size.outcome, 'PASS', 'one page cache: b sees every size change at once');
  t.equal(size.values!.sizeOnlyAfterExtend, 32 * 4096, 'size-only statx after the extension: 2 × 16 blocks');
  t.equal(size.values!.pathAfterTruncate, 8 * 4096, 'path statx after truncation to 8 blocks');
  t.equal(size.values!.pastNewEndShort, 8, 'reads past the new end are short');
  t.match(size.bears, [{ claim: 'RAW-SIZE', status: 'not-applicable' }]);
  // IMG1 is the exception: qcow2/qed metadata is cached inside b's qemu-io process, which one page cache does not reach.
  for (const p of ran.filter((r) => r.probe !== 'IMG1')) {
    for (const c of p.checks) {
      if (c.read) t.equal(c.read.counts.fresh, c.read.blocks, `${p.probe} ${p.variant.a}→${p.variant.b} ${p.variant.param ?? ''}: fresh`);
    }
  }
  t.equal(find(r, 'UNL1', 'writeback', 'writeback', 'unlink').outcome, 'PASS', 'POSIX: the open file stays readable after unlink');
  t.equal(find(r, 'FLUSH1', 'writeback', 'writeback', 'blkflsbuf').outcome, 'OMIT');
  t.same(readdirSync(dir), [], 'no scratch file left');
});
