import t from 'tap';
import { IO_MODES, MODE_TRAITS } from '../src/modes.js';
import { OUTCOMES } from '../src/outcome.js';
import { BLOCK_CLASSES } from '../src/blocks/classify.js';
import { handoffVerdict, judgeHandoffRun, mainHandoffCheck, qemuRemedy } from '../src/verdict/handoff.js';
import { modeVerdicts } from '../src/verdict/modes.js';
import { QEMU_BEHAVIOURS } from '../src/verdict/types.js';
import { check, handoff, probeRec, readOf, runRecord } from './fixtures/verdict-records.js';

const run = runRecord();
const voided = runRecord({ confounders: [{ code: 'ONE-PAGE-CACHE', severity: 'voids', message: 'one page cache serves both' }] });

t.test('the remedy that models QEMU: fadvise with drop-cache on a buffered open, none otherwise', async (t) => {
  for (const m of IO_MODES) {
    t.equal(qemuRemedy(m, 'drop-cache'), MODE_TRAITS[m].direct ? 'none' : 'fadvise', `${m} drop-cache`);
    t.equal(qemuRemedy(m, 'no-drop-cache'), 'none', `${m} no-drop-cache`);
  }
});

t.test('every mode and behaviour: fresh → SAFE, stale → UNSAFE, only from the run with the modelling remedy', async (t) => {
  for (const m of IO_MODES) {
    for (const b of QEMU_BEHAVIOURS) {
      const r = qemuRemedy(m, b);
      const other = r === 'none' ? 'reopen' : 'none';
      const safe = handoffVerdict(run, [handoff(m, other, { bad: 3 }), handoff(m, r)], m, b);
      t.equal(safe.verdict, 'SAFE', `${m} ${b} fresh`);
      t.equal(safe.evidence.length, 1, 'only the matching run is evidence');
      t.equal(safe.evidence[0]!.record, 2, '1-based position among the probe records');
      t.match(safe.why, `HAND1 ${m}→${m} [${r}] #2: 1024 blocks: 1024 fresh`);
      const unsafe = handoffVerdict(run, [handoff(m, other), handoff(m, r, { bad: 5 })], m, b);
      t.equal(unsafe.verdict, 'UNSAFE', `${m} ${b} stale`);
      t.match(unsafe.why, /1024 blocks: 1019 fresh, 5 stale; block 0 stale: generation expected 7, found 6/);
      t.same(unsafe.evidence[0]!.badBlocks, [0, 1, 2, 3, 4]);
    }
  }
});

t.test('every outcome: completed runs decide on their read, the others are UNKNOWN with their reason', async (t) => {
  for (const o of OUTCOMES) {
    const v = handoffVerdict(run, [handoff('none', 'none', { outcome: o })], 'none', 'no-drop-cache');
    if (o === 'PASS' || o === 'WARN' || o === 'FAIL' || o === 'KNOWN') {
      t.equal(v.verdict, 'SAFE', `${o} with a fresh read`);
      t.equal(handoffVerdict(run, [handoff('none', 'none', { outcome: o, bad: 1 })], 'none', 'no-drop-cache').verdict, 'UNSAFE', `${o} with a stale block`);
    } else {
      t.equal(v.verdict, 'UNKNOWN', o);
      t.match(v.why, `${o}: why ${o}`, `${o} gives its reason`);
    }
  }
});

t.test('any block that is not fresh is UNSAFE, whatever its class', async (t) => {
  for (const cls of BLOCK_CLASSES.filter((c) => c !== 'fresh')) {
    const v = handoffVerdict(run, [handoff('writeback', 'none', { bad: 2, cls })], 'writeback', 'no-drop-cache');
    t.equal(v.verdict, 'UNSAFE', cls);
    t.match(v.evidence[0]!.summary, `2 ${cls}`);
  }
});

t.test('repeats: UNSAFE if any run was; SAFE needs one fresh run', async (t) => {
  const runs = [handoff('writeback', 'fadvise'), handoff('writeback', 'fadvise', { bad: 1 }), handoff('writeback', 'fadvise', { outcome: 'HUNG' })];
  const v = handoffVerdict(run, runs, 'writeback', 'drop-cache');
  t.equal(v.verdict, 'UNSAFE');
  t.match(v.why, /#2: .*\(1 of 3 runs unsafe\)/);
  t.equal(handoffVerdict(run, [runs[2]!, runs[0]!], 'writeback', 'drop-cache').verdict, 'SAFE');
});

t.test('not run: probe not selected, mode not selected, remedy not among the runs', async (t) => {
  t.match(handoffVerdict(runRecord({ probes: ['BOTH1'] }), [], 'none', 'drop-cache').why, /HAND1 was not selected/);
  t.match(handoffVerdict(run, [handoff('none', 'none')], 'writeback', 'drop-cache').why, /mode writeback was not selected/);
  t.match(handoffVerdict(run, [handoff('writeback', 'none')], 'writeback', 'drop-cache').why, /HAND1 writeback→writeback \[fadvise\] was not among the runs/);
});

t.test('a completed run without a read of the image, or an empty one, says nothing', async (t) => {
  const noRead = probeRec('HAND1', { a: 'none', b: 'none', param: 'none' }, 'PASS', [check(['HANDOFF'], 'PASS')]);
  t.equal(judgeHandoffRun(noRead, 0).judged, 'UNKNOWN');
  t.match(judgeHandoffRun(noRead, 0).summary, /no check recorded b's read/);
  const empty = probeRec('HAND1', { a: 'none', b: 'none', param: 'none' }, 'PASS', [check(['HANDOFF'], 'PASS', [], readOf(0))]);
  t.equal(judgeHandoffRun(empty, 0).judged, 'UNKNOWN');
});

t.test('the main check is the largest read citing HANDOFF; the early read and where the bad blocks were are listed', async (t) => {
  const rec = handoff('writeback', 'none', { bad: 20 });
  const small = check(['HANDOFF'], 'PASS', [], readOf(16));
  t.equal(mainHandoffCheck({ ...rec, checks: [small, ...rec.checks] })!.read!.blocks, 1024);
  t.equal(mainHandoffCheck({ ...rec, checks: [check(['EARLY-READ-64K'], 'PASS', [], readOf(2048)), ...rec.checks] })!.read!.blocks, 1024, 'a read not citing HANDOFF is not the main one');
  t.equal(judgeHandoffRun(rec, 0).early, 'early read fresh; not fresh after the handoff: 16 in the head, 4 in the rest');
  t.equal(judgeHandoffRun({ ...rec, checks: [small] }, 0).early, undefined, 'no values, no early read');
});

t.test('a confounder that voids turns SAFE into UNKNOWN; UNSAFE stays UNSAFE', async (t) => {
  const vs = modeVerdicts(voided, [handoff('none', 'none'), handoff('writeback', 'none', { bad: 16 })], 'block');
  const none = vs.find((v) => v.mode === 'none' && v.behaviour === 'no-drop-cache')!;
  t.equal(none.verdict, 'UNKNOWN');
  t.match(none.why, /would be SAFE .*one page cache serves both/);
  t.equal(vs.find((v) => v.mode === 'writeback' && v.behaviour === 'no-drop-cache')!.verdict, 'UNSAFE');
  t.equal(modeVerdicts(runRecord({ confounders: [{ code: 'NFS-LOCALIO', severity: 'weakens', message: 'w' }] }), [handoff('none', 'none')], 'block')[0]!.verdict, 'SAFE', 'weakens does not void');
});

t.test('SHARE1 measuring one cache for both sides voids SAFE like a detected confounder', async (t) => {
  const shared = { ...check(['NFS-NOSHARECACHE'], 'WARN'), values: { sharedCache: true } };
  const vs = modeVerdicts(run, [probeRec('SHARE1', { a: 'writeback', b: 'writeback' }, 'WARN', [shared]), handoff('none', 'none')], 'block');
  const none = vs.find((v) => v.mode === 'none' && v.behaviour === 'no-drop-cache')!;
  t.equal(none.verdict, 'UNKNOWN');
  t.match(none.why, /SHARE1 saw a's unflushed write on b/);
  const separate = { ...check(['NFS-NOSHARECACHE'], 'PASS'), values: { sharedCache: false } };
  t.equal(modeVerdicts(run, [probeRec('SHARE1', { a: 'writeback', b: 'writeback' }, 'PASS', [separate]), handoff('none', 'none')], 'block')[0]!.verdict, 'SAFE');
});

t.test('modeVerdicts: every mode × behaviour, secondary evidence listed, predictions and contradictions', async (t) => {
  const probes = [
    probeRec('BOTH1', { a: 'writeback', b: 'writeback' }, 'WARN', [check(['NFS-OPEN-BOTH'], 'WARN')]),
    probeRec('FLUSH1', { a: 'writeback', b: 'writeback', param: 'fadvise' }, 'PASS', [check(['QEMU-DROP-CACHE'], 'PASS')]),
    probeRec('FLUSH1', { a: 'writeback', b: 'writeback', param: 'stat' }, 'WARN', [check(['INVALIDATE-REMEDY'], 'WARN')]),
    probeRec('REM1', { a: 'writeback', b: 'writeback', param: 'flock' }, 'WARN', [check(['LOCK-INVALIDATES'], 'WARN')]),
    handoff('writeback', 'none'), handoff('writeback', 'fadvise'), handoff('none', 'none', { bad: 2 }),
  ];
  const vs = modeVerdicts(run, probes, 'block');
  t.equal(vs.length, IO_MODES.length * QEMU_BEHAVIOURS.length);
  const wbOld = vs.find((v) => v.mode === 'writeback' && v.behaviour === 'no-drop-cache')!;
  const wbNew = vs.find((v) => v.mode === 'writeback' && v.behaviour === 'drop-cache')!;
  t.same(wbNew.secondary.map((s) => `${s.probe} ${s.variant.param ?? ''}`), ['BOTH1 ', 'FLUSH1 fadvise']);
  t.same(wbOld.secondary.map((s) => s.probe), ['BOTH1']);
  t.equal(wbOld.predicted?.verdict, 'UNSAFE');
  t.match(wbOld.contradiction, /^The stack contradicts the QEMU wiki .*BLOCK-CACHE-NONE-ONLY says cache=writeback is not safe on shared block storage.*every block b read after the handoff was fresh/);
  t.equal(wbNew.predicted, undefined, 'the documents predate drop-cache');
  const noneOld = vs.find((v) => v.mode === 'none' && v.behaviour === 'no-drop-cache')!;
  t.match(noneOld.contradiction, /BLOCK-CACHE-NONE-ONLY says cache=none is safe on shared block storage .* but b read blocks that were not fresh/);
  t.match(noneOld.disagreement, /libvirt allows cache=none here .* but the measurement is UNSAFE/);
  t.match(wbOld.disagreement, /libvirt refuses cache=writeback here .* but the measurement is SAFE/);
});
