import t from 'tap';
import { CLAIMS } from '../src/claims.js';
import { IO_MODES } from '../src/modes.js';
import { computeVerdicts } from '../src/verdict/record.js';
import { QEMU_BEHAVIOURS } from '../src/verdict/types.js';
import { handoff, runRecord } from './fixtures/verdict-records.js';

t.test('the record: type, run id, profile of the reader, confounders by severity, both tables', async (t) => {
  const run = runRecord({ a: { stack: 'nfs', fsType: 'nfs' }, b: { stack: 'block' }, confounders: [
    { code: 'MIXED-STACKS', severity: 'info', message: 'different kinds' },
    { code: 'NFS-LOCALIO', severity: 'weakens', message: 'localio' },
  ] });
  const rec = computeVerdicts(run, [handoff('none', 'none')], []);
  t.equal(rec.type, 'verdicts');
  t.equal(rec.runId, 'r1');
  t.equal(rec.stack, 'block');
  t.match(rec.stackNote, /the sides differ \(a: nfs, b: block\); judged by the reader's stack, shared block storage/);
  t.same(rec.voids, []);
  t.same(rec.weakens, ['localio']);
  t.equal(rec.verdicts.length, IO_MODES.length * QEMU_BEHAVIOURS.length);
  t.same(rec.claims.map((c) => c.claim), Object.keys(CLAIMS));
  t.match(rec.claims.find((c) => c.claim === 'LIBVIRT-POLICY')!.note, /disagrees with the measurement in 0 of 2 measured/);
  t.same(JSON.parse(JSON.stringify(rec)), rec, 'the record is plain JSON');
});

t.test('never SAFE without a HAND1 run: no probe records at all gives UNKNOWN everywhere', async (t) => {
  const rec = computeVerdicts(runRecord({ probes: ['BOTH1'] }), [], []);
  t.ok(rec.verdicts.every((v) => v.verdict === 'UNKNOWN' && /HAND1 was not selected/.test(v.why)));
});
