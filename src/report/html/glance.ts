// The glance on the HTML page: the first section after the header, linking each cell and claim to its evidence below.
import type { RunDocument } from '../document.js';
import { GLANCE_STATUS_LABEL, glanceOf, type GlanceCell, type GlanceContradiction } from '../glance.js';
import { verdictBadge } from './badges.js';
import { html, type Html } from './escape.js';
import { HTML_CLAIM_STATUS } from './labels.js';

/** The id of a verdict-table row (what a glance cell links to). */
export function verdictRowId(mode: string, behaviour: string): string {
  return `verdict-${mode}-${behaviour}`;
}

/** The id of a claim-table row (what a contradicted claim links to). */
export function claimRowId(claim: string): string {
  return `claim-${claim}`;
}

/** Note numbers as superscript links to the notes under the grid. */
function noteRefs(ns: readonly number[]): Html {
  return html`${ns.map((n) => html`<sup class="note-ref"><a href="#glance-note-${n}">${n}</a></sup>`)}`;
}

/** One cell: the verdict badge linked to its row in the verdict table, its notes, libvirt's decision where it disagrees. */
function cell(c: GlanceCell, hasVerdicts: boolean): Html {
  const badge = c.verdict ? verdictBadge(c.verdict) : '-';
  const linked = c.verdict && hasVerdicts ? html`<a href="#${verdictRowId(c.mode, c.behaviour)}" title="the verdict's evidence">${badge}</a>` : badge;
  return html`<td data-behaviour="${c.behaviour}" data-verdict="${c.verdict ?? ''}">${linked}${noteRefs(c.notes)}${c.libvirt ? html` <span class="libvirt-disagrees">libvirt ${c.libvirt}</span>` : ''}</td>`;
}

/** One contradicted claim: id linked to its row, document, status badge, a mixed row's conditions, the cells, the sentence. */
function contradiction(c: GlanceContradiction): Html {
  const m = HTML_CLAIM_STATUS[c.status];
  const detail = [...(c.violatedFor !== undefined ? [`violated for ${c.violatedFor}; holds for ${c.holdsFor}`] : []), ...(c.cells ?? [])].join('; ');
  return html`<li data-claim="${c.claim}" data-status="${c.status}"><a href="#${claimRowId(c.claim)}"><code>${c.claim}</code></a> <span class="muted">(${c.source})</span> <span class="badge ${m.cls}">${GLANCE_STATUS_LABEL[c.status]}</span>${detail ? html`: ${detail}` : ''}<div class="small muted">claims: ${c.says}</div></li>`;
}

/** The glance section: headline, the mode × QEMU grid, notes, confounders, contradicted claims, and a control to open every section. */
export function glanceSection(doc: RunDocument): Html {
  const g = glanceOf(doc);
  const has = !!doc.verdicts;
  const grid = g.rows.length
    ? html`<table id="glance-table"><thead><tr><th>cache mode</th>${g.columns.map((c) => html`<th data-behaviour="${c.behaviour}">${c.label}${noteRefs(c.notes)}</th>`)}</tr></thead>
<tbody>${g.rows.map((r) => html`<tr data-mode="${r.mode}"><th><code>${r.mode}</code></th>${r.cells.map((c) => cell(c, has))}</tr>`)}</tbody></table>`
    : '';
  const notes = g.notes.length ? html`<ol class="glance-notes small">${g.notes.map((n) => html`<li id="glance-note-${n.n}" value="${n.n}">${n.text}</li>`)}</ol>` : '';
  const confounders = html`<p class="glance-confounders"><strong>Confounders:</strong> ${g.confounders.length ? html`<a href="#confounders">${g.confounders.join(', ')}</a>` : 'none detected'}</p>`;
  const claims = g.missing ? '' : g.contradictions.length
    ? html`<div class="glance-contradictions"><strong>Document claims this stack contradicts (${g.contradictions.length}):</strong><ul>${g.contradictions.map(contradiction)}</ul></div>`
    : html`<p class="glance-contradictions"><strong>Document claims this stack contradicts:</strong> none</p>`;
  return html`<section id="glance" class="glance"><h2>At a glance${g.stack ? html` <span class="muted small">on ${g.stack}</span>` : ''}</h2>
<p class="headline"><strong>${g.headline}</strong></p>
${grid}${notes}${confounders}${claims}
<div class="controls small"><span class="muted">The evidence is below, each part folded:</span><button type="button" data-details="open" data-scope="body" data-only="details.fold">open every part</button><button type="button" data-details="close" data-scope="body" data-only="details.fold">fold them again</button></div>
</section>`;
}
