// Aggregate block findings over a range: counts per class and a bounded list of the non-fresh ones.
import { BLOCK_CLASSES, type BlockClass, type BlockFinding } from './classify.js';

/** Counts per class over one read of a range, with the first non-fresh findings as evidence. */
export interface ReadSummary {
  blocks: number;
  counts: Record<BlockClass, number>;
  findings: BlockFinding[];
  findingsOmitted: number;
  /**
   * Where the non-fresh blocks were: runs of consecutive block indices of one class, in read order (the stale-block map).
   * At most MAX_RANGES runs; `rangesOmitted` counts the non-fresh blocks past them. Absent in reports before this field.
   */
  ranges?: BlockRange[];
  rangesOmitted?: number;
  /**
   * Storage-side counters the agent sampled just before and just after this read (the read command's `proof`
   * argument): NFS per-op RPC counts and byte counters of the mount, or the block device's I/O counters. Absent when
   * not asked for; `countersUnavailable` says why when asked for and none could be read.
   */
  counters?: ReadCounters;
  countersUnavailable?: string;
}

/** Counters sampled around one read, [before, after] by name, and where they come from. */
export interface ReadCounters {
  /** "mountstats /mnt/x" (NFS: READ and GETATTR ops, serverReadBytes) or "sysfs /sys/dev/block/8:16/stat" (readIos, readSectors). */
  source: string;
  values: Record<string, [number, number]>;
}

/** `count` consecutive blocks from `start` that all read back as `cls`. */
export interface BlockRange { start: number; count: number; cls: BlockClass }

export const MAX_FINDINGS = 16;
export const MAX_RANGES = 512;

/** An empty summary to add findings to. */
export function emptySummary(): ReadSummary {
  const counts = Object.fromEntries(BLOCK_CLASSES.map((c) => [c, 0])) as Record<BlockClass, number>;
  return { blocks: 0, counts, findings: [], findingsOmitted: 0, ranges: [], rangesOmitted: 0 };
}

/** Extend the last range or start a new one (bounded by MAX_RANGES). */
function addToRanges(s: ReadSummary, index: number, cls: BlockClass): void {
  const ranges = (s.ranges ??= []);
  const last = ranges.at(-1);
  if (last && last.cls === cls && last.start + last.count === index) last.count++;
  else if (ranges.length < MAX_RANGES) ranges.push({ start: index, count: 1, cls });
  else s.rangesOmitted = (s.rangesOmitted ?? 0) + 1;
}

/** Add one finding to a summary (keeps at most MAX_FINDINGS non-fresh findings). */
export function addFinding(s: ReadSummary, f: BlockFinding): void {
  s.blocks++;
  s.counts[f.cls]++;
  if (f.cls === 'fresh') return;
  addToRanges(s, f.index, f.cls);
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
  out.rangesOmitted = (x.rangesOmitted ?? 0) + (y.rangesOmitted ?? 0);
  for (const r of [...(x.ranges ?? []), ...(y.ranges ?? [])]) {
    const last = out.ranges!.at(-1);
    if (last && last.cls === r.cls && last.start + last.count === r.start) last.count += r.count;
    else if (out.ranges!.length < MAX_RANGES) out.ranges!.push({ ...r });
    else out.rangesOmitted += r.count;
  }
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
