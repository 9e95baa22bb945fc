// Aggregate block findings over a range: counts per class and a bounded list of the non-fresh ones.
import { BLOCK_CLASSES, type BlockClass, type BlockFinding } from './classify.js';

/** Counts per class over one read of a range, with the first non-fresh findings as evidence. */
export interface ReadSummary {
  blocks: number;
  counts: Record<BlockClass, number>;
  findings: BlockFinding[];
  findingsOmitted: number;
}

export const MAX_FINDINGS = 16;

/** An empty summary to add findings to. */
export function emptySummary(): ReadSummary {
  const counts = Object.fromEntries(BLOCK_CLASSES.map((c) => [c, 0])) as Record<BlockClass, number>;
  return { blocks: 0, counts, findings: [], findingsOmitted: 0 };
}

/** Add one finding to a summary (keeps at most MAX_FINDINGS non-fresh findings). */
export function addFinding(s: ReadSummary, f: BlockFinding): void {
  s.blocks++;
  s.counts[f.cls]++;
  if (f.cls === 'fresh') return;
  if (s.findings.length < MAX_FINDINGS) s.findings.push(f);
  else s.findingsOmitted++;
}

/** Sum of two summaries of disjoint ranges (the findings kept stay bounded by MAX_FINDINGS). */
export function mergeSummaries(x: ReadSummary, y: ReadSummary): ReadSummary {
  const out = emptySummary();
  out.blocks = x.blocks + y.blocks;
  for (const c of BLOCK_CLASSES) out.counts[c] = x.counts[c] + y.counts[c];
  const all = [...x.findings, ...y.findings];
  out.findings = all.slice(0, MAX_FINDINGS);
  out.findingsOmitted = x.findingsOmitted + y.findingsOmitted + Math.max(0, all.length - MAX_FINDINGS);
  return out;
}

/** True when every block of the summary was fresh. */
export function allFresh(s: ReadSummary): boolean {
  return s.blocks > 0 && s.counts.fresh === s.blocks;
}

/** "16 blocks: 12 fresh, 4 stale" — the non-zero counts in class order. */
export function describeCounts(s: ReadSummary): string {
  const parts = BLOCK_CLASSES.filter((c) => s.counts[c] > 0).map((c) => `${s.counts[c]} ${c}`);
  return `${s.blocks} blocks: ${parts.join(', ') || 'none read'}`;
}
