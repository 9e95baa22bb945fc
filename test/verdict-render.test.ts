import t from 'tap';
import { IO_MODES, MODE_TRAITS } from '../src/modes.js';
import { computeVerdicts } from '../src/verdict/record.js';
import { BEHAVIOUR_LABEL, CLAIM_STATUS_LABEL, renderClaimTable, renderVerdicts, VERDICT_LABEL } from '../src/report/verdicts.js';
import { CLAIM_ROW_STATUSES, QEMU_BEHAVIOURS, VERDICTS } from '../src/verdict/types.js';
import { check, handoff, probeRec, runRecord } from './fixtures/verdict-records.js';
import type { ProbeRunRecord } from '../src/result.js';

const catalogue = [
  { code: 'BOTH1', claims: ['NFS-OPEN-BOTH', 'BLOCK-PROTOCOL-COHERENT', 'BLOCK-PAGECACHE-INCOHERENT'] as const },
  { code: 'HAND1', claims: ['HANDOFF', 'EARLY-READ-64K', 'QEMU-DROP-CACHE'] as const },
  { code: 'SIZE1', claims: ['RAW-SIZE'] as const },
].map((p) => ({ ...p, claims: [...p.claims] }));

/** A block run: O_DIRECT fresh; buffered stale without a remedy, fresh after fadvise except in unsafe; directsync hung. */
function blockProbes(): ProbeRunRecord[] {
  const out: ProbeRunRecord[] = [
    probeRec('BOTH1', { a: 'writeback', b: 'writeback' }, 'WARN', [check(['BLOCK-PAGECACHE-INCOHERENT'], 'WARN', [{ claim: 'BLOCK-PAGECACHE-INCOHERENT', status: 'holds', why: 'stale' }])]),
    probeRec('BOTH1', { a: 'none', b: 'none' }, 'FAIL', [check(['BLOCK-PROTOCOL-COHERENT'], 'FAIL', [{ claim: 'BLOCK-PROTOCOL-COHERENT', status: 'violated', why: 'stale under O_DIRECT' }])]),
  ];
  for (const m of IO_MODES) {
    if (m === 'directsync') { out.push(handoff(m, 'none', { outcome: 'HUNG', reason: 'side b did not answer "read" within 10000 ms' })); continue; }
    if (MODE_TRAITS[m].direct) { out.push(handoff(m, 'none', { bad: 1, cls: 'torn' })); continue; }
    out.push(handoff(m, 'none', { bad: 16, outcome: 'WARN' }), handoff(m, 'fadvise', { bad: m === 'unsafe' ? 1024 : 0 }));
  }
  return out;
}

t.test('block stack on two hosts: verdict table and claim table', async (t) => {
  const rec = computeVerdicts(runRecord({ probes: ['BOTH1', 'HAND1'] }), blockProbes(), catalogue);
  const v = renderVerdicts(rec);
  const c = renderClaimTable(rec);
  t.notMatch([...v, ...c].join('\n'), /\d+\.\d+ ms/, 'no timings in these tables');
  t.matchSnapshot(v.join('\n'), 'verdicts');
  t.matchSnapshot(c.join('\n'), 'claims');
});

t.test('one page cache voids SAFE; a glusterfs FUSE mount uses the cluster profile', async (t) => {
  const gluster = { stack: 'fuse' as const, fsType: 'fuse', details: { fuseSubtype: 'glusterfs', notes: [] } };
  const run = runRecord({ a: gluster, probes: ['HAND1'], confounders: [
    { code: 'ONE-PAGE-CACHE', severity: 'voids', message: 'one page cache serves both sides' },
    { code: 'NFS-LOCALIO', severity: 'weakens', message: 'the client may bypass RPC' },
  ] });
  const rec = computeVerdicts(run, [handoff('none', 'none'), handoff('writeback', 'none', { bad: 2 })], catalogue);
  t.matchSnapshot(renderVerdicts(rec).join('\n'), 'verdicts');
  t.matchSnapshot(renderClaimTable(rec).join('\n'), 'claims');
});

t.test('every verdict, behaviour and claim status has a label', async (t) => {
  for (const v of VERDICTS) t.ok(VERDICT_LABEL[v], v);
  for (const b of QEMU_BEHAVIOURS) t.ok(BEHAVIOUR_LABEL[b], b);
  for (const s of CLAIM_ROW_STATUSES) t.ok(CLAIM_STATUS_LABEL[s], s);
  const rec = computeVerdicts(runRecord({ probes: ['BOTH1', 'HAND1'] }), blockProbes(), catalogue);
  const text = [...renderVerdicts(rec), ...renderClaimTable(rec)].join('\n');
  for (const v of VERDICTS) t.match(text, VERDICT_LABEL[v], `the block run shows ${v}`);
  for (const s of CLAIM_ROW_STATUSES) t.match(text, CLAIM_STATUS_LABEL[s], `the block run shows ${s}`);
});
