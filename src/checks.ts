// A check is one sentence a probe asserts, with the claims it bears on, its outcome and what was observed.
import type { ClaimId } from './claims.js';
import type { Outcome } from './outcome.js';
import { allFresh, describeCounts, type ReadSummary } from './blocks/tally.js';
import type { BlockFinding } from './blocks/classify.js';

/** What one observation says about one claim: the claim table is built from these, never from outcomes alone. */
export type ClaimStatus = 'holds' | 'violated' | 'not-applicable';
export interface ClaimEvidence {
  claim: ClaimId;
  status: ClaimStatus;
  why: string;
  /**
   * The condition this observation was made under, when the probe names it ("O_DIRECT reader", "buffered reader after
   * fadvise(DONTNEED)"): a claim row whose checks disagree names the condition each side holds under. When absent the
   * claim table derives it from the record's variant and the check's access proof.
   */
  condition?: string;
}

/**
 * Where the read a check judged was served from. A check bears on a claim about what the storage returns (server, LUN,
 * cluster) only when its read demonstrably reached the storage; a read served from the reader's own cache bears only
 * on claims about caches.
 * - storage: every byte came from the storage (O_DIRECT, a backend without a page cache, or counters showing it);
 * - partial: counters show some but not all of the bytes came from the storage (the rest from the page cache);
 * - cache: counters show nothing reached the storage: the reader's own cache served it;
 * - unproven: a buffered read on a stack that exposes no counter.
 */
export type AccessPath = 'storage' | 'partial' | 'cache' | 'unproven';
export const ACCESS_PATHS: readonly AccessPath[] = ['storage', 'partial', 'cache', 'unproven'];

/** The proof of a read's access path: how it is known, and the storage-side counters sampled around it. */
export interface AccessProof {
  reached: AccessPath;
  /** One line: "O_DIRECT; NFS READ ops 12 → 14, 65536 bytes from the server", "device read I/Os 100 → 100: served from b's page cache". */
  how: string;
  /** The counters sampled just before and just after the read, by name: [before, after]. */
  counters?: Record<string, [number, number]>;
}

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
  /** Where the judged read was served from (storage or b's own cache), with the counters that prove it. */
  access?: AccessProof;
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
