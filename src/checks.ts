// A check is one sentence a probe asserts, with the claims it bears on, its outcome and what was observed.
import type { ClaimId } from './claims.js';
import type { Outcome } from './outcome.js';
import { allFresh, describeCounts, type ReadSummary } from './blocks/tally.js';
import type { BlockFinding } from './blocks/classify.js';

/** What one observation says about one claim: the claim table is built from these, never from outcomes alone. */
export type ClaimStatus = 'holds' | 'violated' | 'not-applicable';
export interface ClaimEvidence { claim: ClaimId; status: ClaimStatus; why: string }

/** How long b took to see fresh data after a stale first read, polled inside b's agent (ms resolution or better). */
export interface StalenessWindow { fresh: boolean; elapsedUs: number; polls: number; boundMs: number }

export interface Check {
  claims: ClaimId[];
  /** "reader should see the new data after fsync on the writer with O_DIRECT". */
  sentence: string;
  outcome: Outcome;
  /** What was seen; on failure appended to the sentence in reports. */
  observed: string;
  /** The read the check judged, when it judged one. */
  read?: ReadSummary;
  /** µs from the writer's fsync returning to the reader's read starting (agents' wall clocks). */
  fsyncToReadUs?: number;
  /** What the observation means for each claim it bears on (holds / violated / not applicable here). */
  bears?: ClaimEvidence[];
  /** Set when the first read was stale and a staleness window was measured (--window). */
  window?: StalenessWindow;
  /** Probe-specific measured values (sizes seen, pages left, RPC counts), named. */
  values?: Record<string, number | string | boolean | null>;
}

/** Judge a read that should be all fresh: PASS when it is, else `onStale` (FAIL for a violated claim, WARN for a documented hazard). */
export function expectFresh(o: {
  sentence: string; claims: ClaimId[]; read: ReadSummary; onStale: 'FAIL' | 'WARN'; note?: string; fsyncToReadUs?: number;
}): Check {
  const fresh = allFresh(o.read);
  const observed = fresh ? describeCounts(o.read) : `${describeCounts(o.read)}${firstFinding(o.read)}${o.note ? ` — ${o.note}` : ''}`;
  return {
    claims: o.claims, sentence: o.sentence, outcome: fresh ? 'PASS' : o.onStale, observed, read: o.read,
    // A gap that could not be measured (NaN: a reply without a transcript entry) is left out, never written as null.
    ...(o.fsyncToReadUs !== undefined && Number.isFinite(o.fsyncToReadUs) ? { fsyncToReadUs: o.fsyncToReadUs } : {}),
  };
}

/** "; block 3 stale: generation expected 7, found 6". */
export function firstFinding(s: ReadSummary): string {
  const f: BlockFinding | undefined = s.findings[0];
  if (!f) return '';
  const field = f.field ? `: ${f.field} expected ${f.expected ?? '-'}, found ${f.found ?? '-'}` : '';
  return `; block ${f.index} ${f.cls}${field}`;
}
