// Staleness windows over repeats: how long b took to see fresh data, per probe variant (min/median/p95/max).
import type { ProbeRunRecord } from '../result.js';
import { variantLabel } from '../verdict/format.js';

/** The windows measured for one probe variant. */
export interface WindowStat {
  probe: string;
  variant: string;
  /** Windows that ended fresh, in ms, ascending. */
  freshMs: number[];
  /** Polls that ran out of their bound still stale. */
  neverFresh: number;
  boundMs: number;
}

/** The p-th percentile (0..100) of an ascending list, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Group every measured window by probe and variant. */
export function windowStats(records: ProbeRunRecord[]): WindowStat[] {
  const by = new Map<string, WindowStat>();
  for (const r of records) {
    for (const c of r.checks) {
      if (!c.window) continue;
      const variant = variantLabel(r.variant);
      const key = `${r.probe} ${variant}`;
      const s = by.get(key) ?? { probe: r.probe, variant, freshMs: [], neverFresh: 0, boundMs: c.window.boundMs };
      if (c.window.fresh) s.freshMs.push(c.window.elapsedUs / 1000);
      else s.neverFresh++;
      by.set(key, s);
    }
  }
  for (const s of by.values()) s.freshMs.sort((x, y) => x - y);
  return [...by.values()];
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Terminal lines: one per variant whose first read was stale; empty when no window was measured. */
export function renderWindows(stats: WindowStat[]): string[] {
  if (stats.length === 0) return [];
  const lines = ['', 'staleness windows (first read stale → fresh, polled inside b\'s agent)'];
  for (const s of stats) {
    const f = s.freshMs;
    const fresh = f.length ? `min ${ms(f[0]!)}, median ${ms(percentile(f, 50))}, p95 ${ms(percentile(f, 95))}, max ${ms(f.at(-1)!)} over ${f.length}` : 'never fresh';
    const never = s.neverFresh ? `; ${s.neverFresh} still stale after ${s.boundMs / 1000} s` : '';
    lines.push(`  ${s.probe} ${s.variant}: ${fresh}${never}`);
  }
  return lines;
}
