// The staleness-windows section: per probe, the window chart and the numbers behind it; a note when none was measured.
import type { RunDocument } from '../document.js';
import { html, type Html } from './escape.js';
import { freshStats, windowChart, windowRows, type WindowRow } from './window-chart.js';

const n1 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1));

/** The numbers per variant, as the Markdown report lists them. */
function statsTable(rows: readonly WindowRow[]): Html {
  return html`<table class="window-stats"><thead><tr><th>modes</th><th class="num">measured</th><th class="num">ended fresh</th><th class="num">min ms</th><th class="num">median ms</th><th class="num">p95 ms</th><th class="num">max ms</th><th class="num">still stale at bound</th></tr></thead>
<tbody>${rows.map((r) => {
    const s = freshStats(r.points);
    const never = r.points.length - s.ms.length;
    const bound = r.points[0]?.window.boundMs ?? 0;
    return html`<tr data-variant="${r.variant}"><td><code>${r.variant}</code></td><td class="num">${r.points.length}</td><td class="num">${s.ms.length}</td><td class="num">${n1(s.min)}</td><td class="num">${n1(s.median)}</td><td class="num">${n1(s.p95)}</td><td class="num">${n1(s.max)}</td><td class="num${never ? ' o-fail' : ''}">${never} (bound ${bound / 1000} s)</td></tr>`;
  })}</tbody></table>`;
}

const LEGEND = html`<div class="legend"><span><svg width="12" height="12" viewBox="0 0 12 12"><circle cx="6" cy="6" r="4" fill="#1864ab" fill-opacity="0.55" stroke="#0b3d6e"/></svg>one window (ended fresh)</span>
<span><svg width="12" height="12" viewBox="0 0 12 12"><rect x="2" y="2" width="8" height="8" fill="#fff" stroke="#c92a2a" stroke-width="2"/></svg>still stale at the bound</span>
<span><svg width="22" height="12" viewBox="0 0 22 12"><line x1="3" x2="19" y1="6" y2="6" stroke="#adb5bd" stroke-width="6" stroke-linecap="round"/></svg>min–max</span>
<span><svg width="12" height="12" viewBox="0 0 12 12"><line x1="6" x2="6" y1="0" y2="12" stroke="#1c7ed6" stroke-width="3"/></svg>median</span>
<span><svg width="12" height="12" viewBox="0 0 12 12"><line x1="6" x2="6" y1="1" y2="11" stroke="#e8590c" stroke-width="2" stroke-dasharray="3 2"/></svg>p95</span></div>`;

/** A probe's own summary of its windows (WIN1: min / median / max beside the mount's attribute-cache options and the bound). */
function probeSummary(doc: RunDocument, probe: string): Html {
  const c = doc.probes.filter((p) => p.probe === probe).flatMap((p) => p.checks).find((x) => x.values && 'windowMedianMs' in x.values);
  return c ? html`<p class="window-summary" data-probe="${probe}">${c.observed}</p>` : html``;
}

/** The section: one chart and table per probe with windows. */
export function stalenessSection(doc: RunDocument): Html {
  const byProbe = windowRows(doc.probes);
  const body = byProbe.size
    ? html`${LEGEND}${[...byProbe].map(([probe, rows]) => html`<h3>${probe}</h3>${probeSummary(doc, probe)}<figure class="window-figure" data-probe="${probe}">${windowChart(probe, rows, doc.probes)}</figure>${statsTable(rows)}`)}`
    : html`<p class="muted" id="no-windows">No staleness window was measured in this run (a window is measured when a first read is stale and the run was given <code>--window</code>).</p>`;
  return html`<section id="windows"><h2>Staleness windows</h2>
<p class="muted">How long b took to see fresh data after a stale first read, polled inside b's agent.</p>${body}</section>`;
}
