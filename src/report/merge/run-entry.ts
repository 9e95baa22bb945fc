// What one run says about one column: a measured value with the records behind it, or why it measured nothing.
import type { RunDocument } from '../document.js';
import type { ClaimRowStatus, ModeVerdict } from '../../verdict/types.js';
import type { Outcome } from '../../outcome.js';
import type { Column, MeasuredValue, NotMeasured, RunValue } from './types.js';

/**
 * How a claim status enters the matrix. not-checked is "not measured". not-applicable is a value only where the claim is
 * not about this stack (the documents say so; the same on every run of the stack); where the claim is about the stack,
 * not-applicable means no check of this run could judge it (the writer skipped its flush, the control read was already
 * fresh): "not measured", so it never disagrees with a run that could. mixed (held under some conditions, violated under
 * others) is its own value: a conditional answer of one run, never a disagreement between repetitions.
 */
export const CLAIM_ENTRY: Record<ClaimRowStatus, (applies: boolean) => MeasuredValue | 'not-measured'> = {
  holds: () => 'holds', violated: () => 'violated', mixed: () => 'mixed',
  'not-applicable': (applies) => (applies ? 'not-measured' : 'not-applicable'), 'not-checked': () => 'not-measured',
};

/**
 * Whether a HAND1 record with this outcome measured its mode (every outcome mapped): OMIT did not run; HUNG, LOST and
 * UNSUPPORTED ran and could not decide (the verdict is a measured UNKNOWN); the rest ran to the end.
 */
export const EVIDENCE_ENTRY: Record<Outcome, 'measured' | 'not-measured'> = {
  PASS: 'measured', WARN: 'measured', FAIL: 'measured', KNOWN: 'measured', HUNG: 'measured', LOST: 'measured', UNSUPPORTED: 'measured', OMIT: 'not-measured',
};

/**
 * A mode cell: the run's verdict when HAND1 evidence stands behind it. No evidence (HAND1 or the mode not selected) or
 * only OMIT records (not run, with the reason) is not measured; HUNG, LOST or UNSUPPORTED records are a measured UNKNOWN.
 */
function modeEntry(n: number, v: ModeVerdict | undefined): RunValue | NotMeasured {
  if (!v) return { run: n, why: 'the run\'s verdicts have no row for this mode' };
  if (v.evidence.every((e) => EVIDENCE_ENTRY[e.outcome] === 'not-measured')) return { run: n, why: v.why };
  const count = (j: string) => v.evidence.filter((e) => e.judged === j).length;
  const [unsafe, safe] = [count('UNSAFE'), count('SAFE')];
  const mixed = unsafe && safe ? `${unsafe} of ${v.evidence.length} repetitions UNSAFE, ${safe} SAFE` : undefined;
  return { run: n, value: v.verdict, records: [...new Set(v.evidence.map((e) => e.record))], why: v.why, ...(mixed ? { mixed } : {}) };
}

/** One run's entry for a column; an incomplete run (no verdicts) measured nothing. */
export function runEntry(n: number, doc: RunDocument, col: Column): RunValue | NotMeasured {
  const v = doc.verdicts;
  if (!v) return { run: n, why: `the run has no verdicts (${doc.end?.interrupted ? 'interrupted' : 'cut short'})` };
  if (col.kind === 'mode') return modeEntry(n, v.verdicts.find((x) => x.mode === col.mode && x.behaviour === col.behaviour));
  const row = v.claims.find((c) => c.claim === col.claim);
  if (!row) return { run: n, why: 'the run\'s claim table has no row for this claim' };
  const value = CLAIM_ENTRY[row.status](row.applies);
  if (value === 'not-measured') return { run: n, why: row.why };
  return { run: n, value, records: [...new Set(row.evidence.map((e) => e.record))].sort((x, y) => x - y), why: row.why };
}

/** True for an entry that measured a value. */
export function isMeasured(e: RunValue | NotMeasured): e is RunValue {
  return 'value' in e;
}
