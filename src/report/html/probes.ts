// The probe table: one row per probe record (report order), its outcome, block counts, fsync→read gap and note.
import { OUTCOMES, type Outcome } from '../../outcome.js';
import type { ProbeRunRecord } from '../../result.js';
import type { RunDocument } from '../document.js';
import { rowFacts, variantOf } from '../describe.js';
import { outcomeBadge } from './badges.js';
import { html, type Html } from './escape.js';
import { HTML_OUTCOME } from './labels.js';
import { probeLink } from './refs.js';

/** One row; `n` is the record's 1-based position (what verdict evidence cites). */
function row(r: ProbeRunRecord, n: number, probes: readonly ProbeRunRecord[], repeats: boolean): Html {
  const f = rowFacts(r);
  return html`<tr data-record="${n}" data-probe="${r.probe}" data-outcome="${r.outcome}">
<td class="num">${probeLink(n, probes)}</td><td class="probe">${r.probe}</td><td class="modes"><code>${variantOf(r)}</code></td>
${repeats ? html`<td class="num">${r.repeat ?? ''}</td>` : ''}<td class="outcome">${outcomeBadge(r.outcome)}</td><td class="num counts">${f.counts}</td>
<td class="num">${f.gap}</td><td class="num">${r.durationMs} ms</td><td class="note small">${f.note}</td></tr>`;
}

/** A select of the outcomes present, with their counts (the inline script filters rows by it). */
function filter(probes: readonly ProbeRunRecord[]): Html {
  const counts = new Map<Outcome, number>();
  for (const r of probes) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const options = OUTCOMES.filter((o) => counts.has(o)).map((o) => html`<option value="${o}">${HTML_OUTCOME[o].label} (${counts.get(o)})</option>`);
  return html`<div class="controls"><label>Show <select id="outcome-filter"><option value="">every outcome (${probes.length})</option>${options}</select></label><span id="outcome-filter-count" class="muted"></span></div>`;
}

/** The probe-runs section: every record, linked to its evidence. */
export function probesSection(doc: RunDocument): Html {
  const p = doc.probes;
  const repeats = p.some((r) => r.repeat);
  return html`<section id="probes"><h2>Probe runs</h2>
<p class="muted">${p.length} probe records in report order; # links to each record's evidence. Blocks: fresh/stale/other of the judged read; fsync→read: from the writer's fsync returning to the reader's read starting (agents' wall clocks).</p>
${p.length ? filter(p) : ''}
<table id="probe-table"><thead><tr><th class="num">#</th><th>probe</th><th>modes a→b [param]</th>${repeats ? html`<th class="num">repeat</th>` : ''}<th>outcome</th><th class="num">blocks f/s/o</th><th class="num">fsync→read</th><th class="num">took</th><th>observed / reason</th></tr></thead>
<tbody>${p.map((r, i) => row(r, i + 1, p, repeats))}</tbody></table></section>`;
}
