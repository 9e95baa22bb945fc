import t from 'tap';
import { CLAIMS } from '../src/claims.js';
import { capsOf } from '../src/caps.js';
import { EXISTENTIAL, claimRow, claimTable, collectBears, conditionOf, evidenceCondition, readerClass, type ClaimContext } from '../src/verdict/claims.js';
import { notChecked } from '../src/verdict/not-checked.js';
import { modeVerdicts } from '../src/verdict/modes.js';
import { verdictEvidence, verdictStatus } from '../src/verdict/verdict-claims.js';
import { check, handoff, probeRec, runRecord } from './fixtures/verdict-records.js';

const wb = { a: 'writeback', b: 'writeback' } as const;
const ctx = (probes: ClaimContext['probes'], o: Partial<ClaimContext> = {}): ClaimContext => ({
  run: runRecord({ probes: ['BOTH1', 'REM1'] }), probes, catalogue: [{ code: 'BOTH1', claims: ['BLOCK-PAGECACHE-INCOHERENT'] }, { code: 'LOCK1', claims: ['LOCK-INVALIDATES'] }], key: 'block', verdicts: [], ...o,
});
const rowOf = (c: ClaimContext, claim: keyof typeof CLAIMS) => claimTable(c).find((r) => r.claim === claim)!;

t.test('only violated → violated, with a plain contradiction where the documents assert the claim here', async (t) => {
  const probes = [
    probeRec('BOTH1', wb, 'PASS', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'PASS', [{ claim: 'BLOCK-PAGECACHE-INCOHERENT', status: 'violated', why: 'fresh' }])]),
    probeRec('BOTH1', wb, 'PASS', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'PASS', [{ claim: 'BLOCK-PAGECACHE-INCOHERENT', status: 'violated', why: 'fresh' }])]),
  ];
  const row = rowOf(ctx(probes), 'BLOCK-PAGECACHE-INCOHERENT');
  t.equal(row.status, 'violated');
  t.equal(row.evidence.length, 2);
  t.equal(row.split, undefined, 'split only on mixed rows');
  t.match(row.why, /^BOTH1 writeback→writeback #1: sentence of BLOCK-PAGECACHE-INCOHERENT: observed \(and 1 more\)$/);
  t.match(row.contradiction, /^The stack contradicts the QEMU wiki .*: it claims "The Linux page cache is not coherent across nodes.*", but BOTH1 writeback→writeback #1 observed: observed\.$/);
});

t.test('an existential claim: one stale observation proves it; fresh ones elsewhere are named in the note, not a contradiction', async (t) => {
  t.match(EXISTENTIAL['BLOCK-PAGECACHE-INCOHERENT'], /can return data older/);
  t.match(EXISTENTIAL['EARLY-READ-64K'], /stale data/);
  const probes = [
    probeRec('BOTH1', wb, 'WARN', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'WARN', [{ claim: 'BLOCK-PAGECACHE-INCOHERENT', status: 'holds', why: 'stale' }])]),
    probeRec('BOTH1', wb, 'PASS', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'PASS', [{ claim: 'BLOCK-PAGECACHE-INCOHERENT', status: 'violated', why: 'fresh', condition: 'buffered reader, second try' }])]),
  ];
  const row = rowOf(ctx(probes), 'BLOCK-PAGECACHE-INCOHERENT');
  t.equal(row.status, 'holds');
  t.equal(row.contradiction, undefined);
  t.equal(row.split, undefined);
  t.same(row.evidence.map((e) => e.status), ['holds']);
  t.match(row.note, /one observation proves it \("a buffered read on one node can return data older than another node's acknowledged write"\); that it did not show for buffered reader, second try \(1 check\) does not contradict it/);
});

t.test('holds and violated under different conditions → mixed, with the split named (violated first) and both sides as evidence', async (t) => {
  const nfsRun = runRecord({ a: { stack: 'nfs' }, probes: ['UNL1'] });
  const direct = { a: 'none', b: 'none' } as const;
  const bear = (status: 'holds' | 'violated') => [{ claim: 'NFS-UNLINK-AFTER-OPEN' as const, status, why: 'w' }];
  const probes = [
    probeRec('UNL1', { ...direct, param: 'unlink' }, 'PASS', [check(['NFS-UNLINK-AFTER-OPEN'], 'PASS', bear('holds'))]),
    probeRec('UNL1', { ...wb, param: 'unlink' }, 'WARN', [check(['NFS-UNLINK-AFTER-OPEN'], 'WARN', bear('violated'))]),
    probeRec('UNL1', { ...direct, param: 'unlink' }, 'PASS', [check(['NFS-UNLINK-AFTER-OPEN'], 'PASS', bear('holds'))]),
  ];
  const row = rowOf(ctx(probes, { run: nfsRun, key: 'nfs' }), 'NFS-UNLINK-AFTER-OPEN');
  t.equal(row.status, 'mixed');
  t.same(row.split, [
    { condition: 'buffered reader (through its page cache), UNL1 unlink', status: 'violated', checks: 1 },
    { condition: 'O_DIRECT reader, UNL1 unlink', status: 'holds', checks: 2 },
  ]);
  t.equal(row.why, 'violated for buffered reader (through its page cache), UNL1 unlink (1 check); holds for O_DIRECT reader, UNL1 unlink (2 checks)');
  t.same(row.evidence.map((e) => `${e.record} ${e.status}`), ['2 violated', '1 holds', '3 holds']);
  t.match(row.contradiction, /^The stack contradicts the 2010 qemu-devel thread \(T\): it claims "On NFS, removing .*", but for buffered reader \(through its page cache\), UNL1 unlink UNL1 writeback→writeback \[unlink\] #2 observed: observed\.$/);
  const noPredict = claimRow('NFS-UNLINK-AFTER-OPEN', collectBears(probes, nfsRun).get('NFS-UNLINK-AFTER-OPEN')!, ctx(probes, { run: nfsRun, key: 'block' }));
  t.equal(noPredict.status, 'mixed', 'mixed on a stack the claim is not about too');
  t.equal(noPredict.contradiction, undefined, 'no contradiction where the documents predict nothing');
});

t.test('conditions: the probe\'s own, else b\'s reader class from the variant, the target and the access proof, then the parameter', async (t) => {
  const run = runRecord();
  const userspace = runRecord({ b: {} });
  userspace.sides.b.target = { ...userspace.sides.b.target, caps: { ...capsOf(userspace.sides.b.target), pageCache: false } };
  const rec = (b: 'none' | 'writeback', param?: string) => ({ probe: 'FLUSH1', variant: { a: 'writeback' as const, b, ...(param ? { param } : {}) } });
  t.equal(evidenceCondition(run, rec('none'), {}, {}), 'O_DIRECT reader');
  t.equal(evidenceCondition(run, rec('writeback'), {}, {}), 'buffered reader (through its page cache)');
  t.equal(evidenceCondition(run, rec('writeback', 'fadvise'), {}, {}), 'buffered reader (through its page cache), FLUSH1 fadvise');
  t.equal(evidenceCondition(run, rec('writeback'), { access: { reached: 'storage', how: 'mountstats' } }, {}), 'buffered reader, read reached the storage');
  t.equal(evidenceCondition(run, rec('writeback'), { access: { reached: 'cache', how: 'no READ' } }, {}), 'buffered reader (through its page cache)');
  t.equal(evidenceCondition(userspace, rec('writeback'), {}, {}), 'reader without a page cache (userspace)');
  t.equal(evidenceCondition(undefined, rec('writeback'), {}, {}), 'buffered reader (through its page cache)', 'no run record: a page cache assumed');
  t.equal(evidenceCondition(run, rec('writeback', 'fadvise'), {}, { condition: 'NFSv4.2' }), 'NFSv4.2', 'the probe\'s own condition wins');
  t.equal(evidenceCondition(run, { probe: 'BOTH1', variant: { a: 'unsafe', b: 'writeback' } }, {}, {}), 'buffered reader (through its page cache), writer cache=unsafe (flushes ignored)');
  t.equal(readerClass({ direct: true, pageCache: false }), 'O_DIRECT reader');
  const bears = collectBears([probeRec('FLUSH1', { ...wb, param: 'fadvise' }, 'PASS', [check(['INVALIDATE-REMEDY'], 'PASS', [{ claim: 'INVALIDATE-REMEDY', status: 'holds', why: 'w' }])])], run);
  t.equal(bears.get('INVALIDATE-REMEDY')![0]!.condition, 'buffered reader (through its page cache), FLUSH1 fadvise');
  const old = { ...bears.get('INVALIDATE-REMEDY')![0]! };
  delete old.condition;
  t.equal(conditionOf(old), 'cache=writeback reader, FLUSH1 fadvise', 'evidence of a version 1 report gets a stand-in');
  const verdictRun = runRecord({ probes: ['HAND1'] });
  const vs = modeVerdicts(verdictRun, [handoff('none', 'none')], 'block');
  t.same(verdictEvidence('BLOCK-CACHE-NONE-ONLY', vs).map((e) => e.condition), ['cache=none no-drop-cache']);
});

t.test('access gate: a claim about what the storage returns is not judged by a read b\'s own cache served', async (t) => {
  const run = runRecord();
  const mk = (reached: 'storage' | 'cache' | 'partial' | 'unproven' | undefined, claim: 'BLOCK-PROTOCOL-COHERENT' | 'BLOCK-PAGECACHE-INCOHERENT') => {
    const c = check([claim], 'PASS', [{ claim, status: 'holds', why: 'fresh' }]);
    return probeRec('BOTH1', wb, 'PASS', [reached ? { ...c, access: { reached, how: `how ${reached}` } } : c]);
  };
  const gated = collectBears([mk('cache', 'BLOCK-PROTOCOL-COHERENT')], run).get('BLOCK-PROTOCOL-COHERENT')![0]!;
  t.equal(gated.status, 'not-applicable');
  t.equal(gated.why, 'the read was served from b\'s own cache (how cache): it says nothing about what the storage returns');
  t.equal(gated.condition, 'buffered reader (through its page cache)');
  t.equal(collectBears([mk('partial', 'BLOCK-PROTOCOL-COHERENT')], run).get('BLOCK-PROTOCOL-COHERENT')![0]!.status, 'not-applicable');
  t.match(collectBears([mk('unproven', 'BLOCK-PROTOCOL-COHERENT')], run).get('BLOCK-PROTOCOL-COHERENT')![0]!.why, /^the read may have been served from b's own cache \(how unproven\)/);
  const reached = collectBears([mk('storage', 'BLOCK-PROTOCOL-COHERENT')], run).get('BLOCK-PROTOCOL-COHERENT')![0]!;
  t.equal(reached.status, 'holds');
  t.equal(reached.condition, 'buffered reader, read reached the storage');
  t.equal(collectBears([mk(undefined, 'BLOCK-PROTOCOL-COHERENT')], run).get('BLOCK-PROTOCOL-COHERENT')![0]!.status, 'holds', 'no access proof (an older report): as it is');
  t.equal(collectBears([mk('cache', 'BLOCK-PAGECACHE-INCOHERENT')], run).get('BLOCK-PAGECACHE-INCOHERENT')![0]!.status, 'holds', 'a claim about caches: any read bears');
  const row = rowOf(ctx([mk('cache', 'BLOCK-PROTOCOL-COHERENT')], { run }), 'BLOCK-PROTOCOL-COHERENT');
  t.equal(row.status, 'not-applicable');
  t.match(row.why, /^the read was served from b's own cache/);
});

t.test('a not-applicable row gives one reason: the profile\'s (no evidence) off its stacks, else the most frequent', async (t) => {
  const na = (why: string) => check(['NFS-CTO', 'BLOCK-PROTOCOL-COHERENT'], 'PASS', [{ claim: 'NFS-CTO', status: 'not-applicable', why }, { claim: 'BLOCK-PROTOCOL-COHERENT', status: 'not-applicable', why }]);
  const probes = [probeRec('BOTH1', { a: 'unsafe', b: 'writeback' }, 'PASS', [na('writer skipped its flush (cache=unsafe)')]), probeRec('BOTH1', wb, 'PASS', [na('control read already fresh')]),
    probeRec('BOTH1', { a: 'unsafe', b: 'none' }, 'PASS', [na('writer skipped its flush (cache=unsafe)')])];
  const off = rowOf(ctx(probes), 'NFS-CTO');
  t.equal(off.status, 'not-applicable');
  t.match(off.why, /make this claim about NFS, not about shared block storage$/);
  t.same(off.evidence, [], 'no unrelated observations');
  t.equal(off.note, undefined);
  const on = rowOf(ctx(probes), 'BLOCK-PROTOCOL-COHERENT');
  t.equal(on.why, 'writer skipped its flush (cache=unsafe) (and 2 more checks)');
  t.equal(on.evidence.length, 3);
});

t.test('else any holds → holds; else all not applicable → not applicable with the probes\' reasons', async (t) => {
  const holds = [probeRec('BOTH1', wb, 'PASS', [check(['BLOCK-PROTOCOL-COHERENT'], 'PASS', [
    { claim: 'BLOCK-PROTOCOL-COHERENT', status: 'not-applicable', why: 'n/a here' }, { claim: 'BLOCK-PROTOCOL-COHERENT', status: 'holds', why: 'fresh' }])])];
  const h = rowOf(ctx(holds), 'BLOCK-PROTOCOL-COHERENT');
  t.equal(h.status, 'holds');
  t.equal(h.contradiction, undefined);
  const na = [probeRec('BOTH1', wb, 'PASS', [check(['BLOCK-PROTOCOL-COHERENT'], 'PASS', [{ claim: 'BLOCK-PROTOCOL-COHERENT', status: 'not-applicable', why: 'writer skipped its flush' }])])];
  const n = rowOf(ctx(na), 'BLOCK-PROTOCOL-COHERENT');
  t.equal(n.status, 'not-applicable');
  t.equal(n.why, 'writer skipped its flush');
});

t.test('evidence on a stack the claim is not about is reported as observed, with a note', async (t) => {
  const probes = [probeRec('LOCK1', wb, 'WARN', [check(['LOCK-INVALIDATES'], 'WARN', [{ claim: 'LOCK-INVALIDATES', status: 'violated', why: 'pages stayed' }])])];
  const row = rowOf(ctx(probes), 'LOCK-INVALIDATES');
  t.equal(row.status, 'violated');
  t.equal(row.applies, false);
  t.equal(row.contradiction, undefined, 'no contradiction: the documents make this claim about NFS');
  t.match(row.note, /makes this claim about NFS, not about shared block storage; reported as observed/);
});

t.test('no evidence: not applicable from the profile, else not checked with why', async (t) => {
  t.equal(rowOf(ctx([]), 'NFS-CTO').status, 'not-applicable');
  t.match(rowOf(ctx([]), 'NFS-CTO').why, /about NFS, not about shared block storage/);
  const c = ctx([]);
  t.match(notChecked('LIBVIRT-POLICY', c), /^no probe checks it: it describes libvirt's code/);
  t.equal(notChecked('RAW-SIZE', c), 'no probe cites it');
  t.equal(notChecked('NFS-LOCALIO', c), 'no probe cites it; the set-up checks assume it without testing it: confounder NFS-LOCALIO not raised for these sides');
  const raised = ctx([], { run: runRecord({ confounders: [{ code: 'NFS-SHARECACHE', severity: 'voids', message: 'one superblock' }] }) });
  t.match(notChecked('NFS-NOSHARECACHE', raised), /confounder NFS-SHARECACHE raised \(voids\): one superblock$/);
  t.match(notChecked('BLOCK-CACHE-NONE-ONLY', c), /^judged from the verdict table, which has no verdict bearing on it$/);
  t.equal(notChecked('LOCK-INVALIDATES', c), 'not selected: LOCK1');
  t.equal(notChecked('BLOCK-PAGECACHE-INCOHERENT', c), 'BOTH1 made no run with the modes selected');
  const failed = [
    probeRec('BOTH1', wb, 'HUNG', [], 'side b did not answer'), probeRec('BOTH1', { a: 'none', b: 'none' }, 'UNSUPPORTED', [], 'side b refuses O_DIRECT'),
  ].map((p) => ({ ...p, claims: ['BLOCK-PAGECACHE-INCOHERENT' as const] }));
  t.equal(notChecked('BLOCK-PAGECACHE-INCOHERENT', ctx(failed)), 'every run of BOTH1 ended without a judgement: BOTH1 HUNG: side b did not answer; BOTH1 UNSUPPORTED: side b refuses O_DIRECT');
  const silent = [probeRec('BOTH1', wb, 'PASS', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'PASS')])];
  t.equal(notChecked('BLOCK-PAGECACHE-INCOHERENT', ctx(silent)), '1 completed run of BOTH1, but no check bore on it with the variants run');
  t.equal(rowOf(ctx(silent), 'BLOCK-PAGECACHE-INCOHERENT').status, 'not-checked');
});

t.test('the table has one row per claim in CLAIMS order; HANDOFF carries its unobservable part', async (t) => {
  const rows = claimTable(ctx([]));
  t.same(rows.map((r) => r.claim), Object.keys(CLAIMS));
  t.match(rows.find((r) => r.claim === 'HANDOFF')!.note, /not observable: that the source frees nothing/);
  const bears = collectBears([probeRec('BOTH1', wb, 'PASS', [check(['NFS-CTO'], 'PASS', [{ claim: 'NFS-CTO', status: 'holds', why: 'w' }])])]);
  t.same([...bears.keys()], ['NFS-CTO']);
  t.equal(claimRow('NFS-CTO', bears.get('NFS-CTO')!, ctx([], { key: 'nfs' })).status, 'holds');
});

t.test('verdict-level claims are judged from the verdict table where they apply', async (t) => {
  const run = runRecord({ probes: ['HAND1'] });
  const probes = [handoff('none', 'none'), handoff('directsync', 'none', { outcome: 'HUNG' }), handoff('writeback', 'none', { bad: 8, outcome: 'WARN' }), handoff('writeback', 'fadvise')];
  const verdicts = modeVerdicts(run, probes, 'block');
  const rows = claimTable(ctx(probes, { run, verdicts }));
  const only = rows.find((r) => r.claim === 'BLOCK-CACHE-NONE-ONLY')!;
  t.equal(only.status, 'holds');
  t.same(only.evidence.map((e) => `${e.variant.a} ${e.status}`), ['none holds', 'writeback holds'], 'O_DIRECT counted once; drop-cache not judged');
  t.match(only.why, /^HAND1 none→none \[none\] #1: cache=none, without drop-cache \(QEMU < 4\.0\): measured SAFE: 1024 blocks: 1024 fresh \(and 1 more\)$/);
  t.equal(rows.find((r) => r.claim === 'NFS-CACHE-NONE-SAFE')!.status, 'not-applicable', 'an NFS claim on block');
  const safeWb = modeVerdicts(run, [handoff('writeback', 'none')], 'block');
  const violated = claimTable(ctx([], { run, verdicts: safeWb })).find((r) => r.claim === 'BLOCK-CACHE-NONE-ONLY')!;
  t.equal(violated.status, 'violated');
  t.match(violated.contradiction, /^The stack contradicts the QEMU wiki page \(W\): it claims "Shared block storage is safe for migration only with cache=none/);
  const nfs = modeVerdicts(run, [handoff('none', 'none', { bad: 1 })], 'nfs');
  t.same(verdictEvidence('NFS-CACHE-NONE-SAFE', nfs).map((e) => e.status), ['violated']);
  const cluster = modeVerdicts(run, [handoff('none', 'none'), handoff('unsafe', 'fadvise'), handoff('unsafe', 'none', { bad: 1 })], 'cluster');
  // Judged per QEMU behaviour: the O_DIRECT run counts under both (its condition is the behaviour).
  t.same(verdictEvidence('CLUSTER-FS-ANY-CACHE', cluster).map((e) => `${e.variant.a} ${e.variant.param} ${e.status} ${e.condition}`), [
    'none none holds QEMU ≥ 4.0 (drop-cache on activation)', 'none none holds QEMU < 4.0 (no drop-cache)',
    'unsafe fadvise holds QEMU ≥ 4.0 (drop-cache on activation)', 'unsafe none violated QEMU < 4.0 (no drop-cache)',
  ]);
  t.equal(verdictStatus('HANDOFF', cluster[0]!), undefined, 'not a verdict-level claim');
  const unknown = rows.find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  t.equal(unknown.status, 'not-applicable');
  t.match(notChecked('BLOCK-CACHE-NONE-ONLY', ctx([], { run, verdicts: modeVerdicts(run, [], 'block') })), /^judged from the verdict table, where cache=none is UNKNOWN: not measured: mode none was not selected for both sides \(and 4 more UNKNOWN\)$/);
});
