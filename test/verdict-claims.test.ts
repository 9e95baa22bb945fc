import t from 'tap';
import { CLAIMS } from '../src/claims.js';
import { claimRow, claimTable, collectBears, type ClaimContext } from '../src/verdict/claims.js';
import { notChecked } from '../src/verdict/not-checked.js';
import { modeVerdicts } from '../src/verdict/modes.js';
import { verdictEvidence, verdictStatus } from '../src/verdict/verdict-claims.js';
import { check, handoff, probeRec, runRecord } from './fixtures/verdict-records.js';

const wb = { a: 'writeback', b: 'writeback' } as const;
const ctx = (probes: ClaimContext['probes'], o: Partial<ClaimContext> = {}): ClaimContext => ({
  run: runRecord({ probes: ['BOTH1', 'REM1'] }), probes, catalogue: [{ code: 'BOTH1', claims: ['BLOCK-PAGECACHE-INCOHERENT'] }, { code: 'LOCK1', claims: ['LOCK-INVALIDATES'] }], key: 'block', verdicts: [], ...o,
});
const rowOf = (c: ClaimContext, claim: keyof typeof CLAIMS) => claimTable(c).find((r) => r.claim === claim)!;

t.test('any violated → violated, with a plain contradiction where the documents assert the claim here', async (t) => {
  const probes = [
    probeRec('BOTH1', wb, 'WARN', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'WARN', [{ claim: 'BLOCK-PAGECACHE-INCOHERENT', status: 'holds', why: 'stale' }])]),
    probeRec('BOTH1', wb, 'PASS', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'PASS', [{ claim: 'BLOCK-PAGECACHE-INCOHERENT', status: 'violated', why: 'fresh' }])]),
  ];
  const row = rowOf(ctx(probes), 'BLOCK-PAGECACHE-INCOHERENT');
  t.equal(row.status, 'violated');
  t.equal(row.evidence.length, 1);
  t.match(row.why, /^BOTH1 writeback→writeback #2: sentence of BLOCK-PAGECACHE-INCOHERENT: observed/);
  t.match(row.contradiction, /^The stack contradicts the QEMU wiki .*: it claims "The Linux page cache is not coherent across nodes.*", but BOTH1 writeback→writeback #2 observed: observed\.$/);
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
  t.same(verdictEvidence('CLUSTER-FS-ANY-CACHE', cluster).map((e) => `${e.variant.a} ${e.variant.param} ${e.status}`), ['none none holds', 'unsafe fadvise holds', 'unsafe none violated']);
  t.equal(verdictStatus('HANDOFF', cluster[0]!), undefined, 'not a verdict-level claim');
  const unknown = rows.find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  t.equal(unknown.status, 'not-applicable');
  t.match(notChecked('BLOCK-CACHE-NONE-ONLY', ctx([], { run, verdicts: modeVerdicts(run, [], 'block') })), /^judged from the verdict table, where cache=none is UNKNOWN: not measured: mode none was not selected for both sides \(and 4 more UNKNOWN\)$/);
});
