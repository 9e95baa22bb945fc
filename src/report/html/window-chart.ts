// The staleness-window chart: one SVG per probe, a row per variant, each window a point on a ms axis, stats marked.
import type { StalenessWindow } from '../../checks.js';
import type { ProbeRunRecord } from '../../result.js';
import { variantOf } from '../describe.js';
import { percentile } from '../windows.js';
import { domainOf, niceTicks, tickLabel } from './axis.js';
import { html, type Html } from './escape.js';
import { recordName } from './refs.js';

/** One measured window and the record it came from (1-based). */
export interface WindowPoint { record: number; repeat?: number; window: StalenessWindow }

/** The windows of one probe variant. */
export interface WindowRow { variant: string; points: WindowPoint[] }

const LABEL_W = 200;
const PLOT_W = 560;
const STALE_W = 150;
const ROW_H = 40;
const AXIS_H = 34;
const TOP = 22;

/** Every measured window of the run, by probe then variant (report order). */
export function windowRows(probes: readonly ProbeRunRecord[]): Map<string, WindowRow[]> {
  const out = new Map<string, WindowRow[]>();
  probes.forEach((r, i) => {
    for (const c of r.checks) {
      if (!c.window) continue;
      const rows = out.get(r.probe) ?? [];
      const variant = variantOf(r);
      let row = rows.find((x) => x.variant === variant);
      if (!row) rows.push(row = { variant, points: [] });
      row.points.push({ record: i + 1, ...(r.repeat ? { repeat: r.repeat } : {}), window: c.window });
      out.set(r.probe, rows);
    }
  });
  return out;
}

/** min, median, p95, max of the windows that ended fresh (ms, nearest rank as the terminal report computes them). */
export function freshStats(points: readonly WindowPoint[]): { ms: number[]; min?: number; median?: number; p95?: number; max?: number } {
  const ms = points.filter((p) => p.window.fresh).map((p) => p.window.elapsedUs / 1000).sort((x, y) => x - y);
  if (!ms.length) return { ms };
  return { ms, min: ms[0]!, median: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1)! };
}

/** A small deterministic vertical offset so equal windows do not hide each other. */
function jitter(k: number): number {
  return ((k * 7) % 5 - 2) * 3;
}

/** One variant's row: label, range line min→max, median and p95 ticks, a point per window, the still-stale count. */
function row(probe: string, r: WindowRow, y: number, x: (ms: number) => number, probes: readonly ProbeRunRecord[]): Html {
  const s = freshStats(r.points);
  const mid = y + ROW_H / 2;
  const marks = s.min !== undefined ? html`<line class="range" x1="${x(s.min)}" x2="${x(s.max!)}" y1="${mid}" y2="${mid}" stroke="#adb5bd" stroke-width="6" stroke-linecap="round"><title>min ${s.min.toFixed(1)} ms – max ${s.max!.toFixed(1)} ms</title></line>
<line class="stat median" x1="${x(s.median!)}" x2="${x(s.median!)}" y1="${mid - 13}" y2="${mid + 13}" stroke="#1c7ed6" stroke-width="3"><title>median ${s.median!.toFixed(1)} ms</title></line>
<line class="stat p95" x1="${x(s.p95!)}" x2="${x(s.p95!)}" y1="${mid - 10}" y2="${mid + 10}" stroke="#e8590c" stroke-width="2" stroke-dasharray="3 2"><title>p95 ${s.p95!.toFixed(1)} ms</title></line>` : '';
  let k = 0;
  let never = 0;
  const points = r.points.map((p) => {
    const name = probes[p.record - 1] ? recordName(probes[p.record - 1]!) : `${probe} ${r.variant}`;
    const polls = `${p.window.polls} poll${p.window.polls === 1 ? '' : 's'}`;
    if (!p.window.fresh) {
      const cx = LABEL_W + PLOT_W + 22 + (never++ % 5) * 9;
      return html`<rect class="win-point never" data-record="${p.record}" x="${cx - 4}" y="${mid - 4 + jitter(never)}" width="8" height="8" fill="#fff" stroke="#c92a2a" stroke-width="2"><title>#${p.record} ${name}: still stale after ${p.window.boundMs} ms (${polls})</title></rect>`;
    }
    const ms = p.window.elapsedUs / 1000;
    return html`<circle class="win-point fresh" data-record="${p.record}" data-ms="${ms.toFixed(3)}" cx="${x(ms).toFixed(1)}" cy="${mid + jitter(k++)}" r="4" fill="#1864ab" fill-opacity="0.55" stroke="#0b3d6e"><title>#${p.record} ${name}: fresh after ${ms.toFixed(1)} ms (${polls})</title></circle>`;
  });
  const bound = r.points[0]?.window.boundMs ?? 0;
  return html`<g class="win-row" data-variant="${r.variant}" data-points="${r.points.length}" data-never="${never}">
<text x="${LABEL_W - 8}" y="${mid + 4}" text-anchor="end">${r.variant}</text>
<line x1="${LABEL_W}" x2="${LABEL_W + PLOT_W}" y1="${mid}" y2="${mid}" stroke="#e9ecef"/>
${marks}${points}
<text class="never-count" x="${LABEL_W + PLOT_W + STALE_W - 4}" y="${mid + 4}" text-anchor="end" fill="${never ? '#c92a2a' : '#868e96'}" font-weight="${never ? 700 : 400}">${never} at ${tickLabel(bound / 1000)} s</text>
</g>`;
}

/** The chart of one probe's windows: a shared ms axis over every variant, a column for windows still stale at the bound. */
export function windowChart(probe: string, rows: readonly WindowRow[], probes: readonly ProbeRunRecord[]): Html {
  const d = domainOf(rows.flatMap((r) => freshStats(r.points).ms));
  const ticks = niceTicks(d.hi, d.lo);
  const x0 = ticks[0]!;
  const x1 = ticks.at(-1)!;
  const x = (ms: number) => LABEL_W + ((ms - x0) / (x1 - x0)) * PLOT_W;
  const h = TOP + rows.length * ROW_H + AXIS_H;
  const axisY = TOP + rows.length * ROW_H;
  const axis = ticks.map((t) => html`<line x1="${x(t)}" x2="${x(t)}" y1="${TOP}" y2="${axisY + 4}" stroke="#dee2e6"/><text x="${x(t)}" y="${axisY + 16}" text-anchor="middle">${tickLabel(t)}</text>`);
  const width = LABEL_W + PLOT_W + STALE_W;
  return html`<svg class="window-chart" data-probe="${probe}" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" role="img" aria-label="${probe}: staleness windows per variant, in ms">
${axis}
<line x1="${LABEL_W}" x2="${LABEL_W + PLOT_W}" y1="${axisY}" y2="${axisY}" stroke="#495057"/>
<text x="${LABEL_W + PLOT_W / 2}" y="${axisY + 30}" text-anchor="middle">ms from the first (stale) read to fresh data${d.zoomed ? ` (axis starts at ${tickLabel(x0)} ms, not 0)` : ''}</text>
<line x1="${LABEL_W + PLOT_W + 10}" x2="${LABEL_W + PLOT_W + 10}" y1="${TOP}" y2="${axisY}" stroke="#c92a2a" stroke-dasharray="4 3"/>
<text x="${LABEL_W + PLOT_W + STALE_W - 4}" y="${TOP - 8}" text-anchor="end" fill="#c92a2a">still stale at bound</text>
${rows.map((r, i) => row(probe, r, TOP + i * ROW_H, x, probes))}
</svg>`;
}
