// The claim table: each claim's status on this stack, what decided it, the claim's sentence and links to the records.
import { CLAIMS } from '../../claims.js';
import type { ProbeRunRecord } from '../../result.js';
import { conditionOf } from '../../verdict/claims.js';
import type { ClaimEvidenceRef, ClaimRow } from '../../verdict/types.js';
import { splitLine } from '../verdicts.js';
import type { RunDocument } from '../document.js';
import { claimBadge } from './badges.js';
import { html, type Html } from './escape.js';
import { probeLink } from './refs.js';
import { claimRowId } from './glance.js';

/** Links to the records behind evidence, each record once, in record order. */
function evidenceLinks(evidence: readonly ClaimEvidenceRef[], probes: readonly ProbeRunRecord[]): Html {
  const records = [...new Set(evidence.map((e) => e.record))].sort((x, y) => x - y);
  return html`${records.map((n, i) => html`${i ? ' ' : ''}${probeLink(n, probes)}`)}`;
}

/** A mixed row's why: one item per condition × status, coloured by status, with the records behind it. */
function splitList(c: ClaimRow, probes: readonly ProbeRunRecord[]): Html {
  return html`<ul class="split">${(c.split ?? []).map((s) => html`<li class="s-${s.status}" data-split-status="${s.status}">${splitLine(s)}: ${evidenceLinks(c.evidence.filter((e) => e.status === s.status && conditionOf(e) === s.condition), probes)}</li>`)}</ul>`;
}

/** One row: id, status badge, why (a mixed row: its split; with contradiction and note), the sentence, evidence links. */
function row(c: ClaimRow, probes: readonly ProbeRunRecord[]): Html {
  const scope = c.applies ? (c.predicts ? 'the documents assert this claim here' : 'the documents make this claim here') : 'the documents do not make this claim about this stack';
  return html`<tr id="${claimRowId(c.claim)}" data-claim="${c.claim}" data-status="${c.status}">
<td class="claim"><code>${c.claim}</code></td>
<td class="status">${claimBadge(c.status)}</td>
<td class="why">${c.split ? splitList(c, probes) : c.why}${c.contradiction ? html`<div class="callout weakens small">${c.contradiction}</div>` : ''}${c.note ? html`<div class="small muted">note: ${c.note}</div>` : ''}</td>
<td class="sentence">${CLAIMS[c.claim] ?? ''}<div class="small muted">${scope}</div></td>
<td class="records small">${evidenceLinks(c.evidence, probes)}</td>
</tr>`;
}

/** The claims section; empty when the run has no verdicts record (the verdicts section already says why). */
export function claimsSection(doc: RunDocument): Html | '' {
  const v = doc.verdicts;
  if (!v) return '';
  return html`<section id="claims"><h2>Claims</h2>
<p class="muted">Each claim the documents make, judged from what the checks observed (never from outcomes alone).</p>
<table id="claim-table"><thead><tr><th>claim</th><th>status</th><th>why</th><th>says</th><th>records</th></tr></thead>
<tbody>${v.claims.map((c) => row(c, doc.probes))}</tbody></table></section>`;
}
