// The verdict table: per QEMU cache mode and QEMU behaviour, the verdict, libvirt's opinion, the documents' prediction, evidence.
import type { ProbeRunRecord } from '../../result.js';
import type { ModeVerdict, VerdictsRecord } from '../../verdict/types.js';
import { STACK_LABEL } from '../../verdict/scope.js';
import type { RunDocument } from '../document.js';
import { BEHAVIOUR_LABEL, LIBVIRT_LABEL, PREDICTION_LABEL } from '../verdicts.js';
import { verdictBadge, outcomeBadge } from './badges.js';
import { html, type Html } from './escape.js';
import { probeLink } from './refs.js';
import { verdictRowId } from './glance.js';

/** SAFE-voiding and weakening confounder messages, as callouts above the table. */
function caveats(v: VerdictsRecord): Html {
  return html`${v.voids.map((x) => html`<div class="callout voids"><strong>SAFE voided:</strong> ${x}</div>`)}${v.weakens.map((x) => html`<div class="callout weakens"><strong>Caveat:</strong> ${x}</div>`)}`;
}

/** The evidence cell: why, the deciding HAND1 runs with links, other runs of the mode (listed, never deciding), notes. */
function evidenceCell(m: ModeVerdict, probes: readonly ProbeRunRecord[]): Html {
  const deciding = m.evidence.map((e) => html`<li>${probeLink(e.record, probes)} ${outcomeBadge(e.outcome)} judged ${e.judged}: ${e.summary}${e.early ? html` <span class="muted">(${e.early})</span>` : ''}</li>`);
  const secondary = m.secondary.length
    ? html`<details class="secondary"><summary class="small">${m.secondary.length} other run${m.secondary.length === 1 ? '' : 's'} with these modes (not deciding)</summary><ul class="small">${m.secondary.map((e) => html`<li>${probeLink(e.record, probes)} ${e.probe} ${outcomeBadge(e.outcome)} ${e.summary}</li>`)}</ul></details>`
    : '';
  const notes = [m.disagreement, m.contradiction].filter((x): x is string => !!x).map((x) => html`<div class="callout weakens small">${x}</div>`);
  return html`<div class="why">${m.why}</div>${deciding.length ? html`<ul class="small evidence">${deciding}</ul>` : ''}${secondary}${notes}`;
}

/** One table row; the cells carry classes the browser test reads back. */
function row(m: ModeVerdict, probes: readonly ProbeRunRecord[]): Html {
  const lv = LIBVIRT_LABEL[m.libvirt.allows ? 'allows' : 'refuses'];
  const docs = PREDICTION_LABEL[m.predicted?.verdict ?? 'none'];
  return html`<tr id="${verdictRowId(m.mode, m.behaviour)}" data-mode="${m.mode}" data-behaviour="${m.behaviour}" data-verdict="${m.verdict}">
<td class="mode"><code>${m.mode}</code></td>
<td class="behaviour">${BEHAVIOUR_LABEL[m.behaviour]}</td>
<td class="verdict">${verdictBadge(m.verdict)}</td>
<td class="libvirt" title="${m.libvirt.why}">${lv}<div class="small muted">${m.libvirt.why}</div></td>
<td class="docs">${docs}${m.predicted ? html`<div class="small muted"><code>${m.predicted.claim}</code>: ${m.predicted.says}</div>` : ''}</td>
<td class="evidence">${evidenceCell(m, probes)}</td>
</tr>`;
}

/** The verdicts section, or a plain statement that the run has none. */
export function verdictsSection(doc: RunDocument): Html {
  const v = doc.verdicts;
  if (!v) {
    return html`<section id="verdicts"><h2>Verdicts per QEMU cache mode</h2><p class="callout incomplete" id="no-verdicts">No verdicts: the run ${doc.end?.interrupted ? 'was interrupted' : 'did not finish'} before they were computed. The probe records below are what it measured.</p></section>`;
  }
  return html`<section id="verdicts"><h2>Verdicts per QEMU cache mode</h2>
<p>On ${STACK_LABEL[v.stack]} (profile <code>${v.stack}</code>)${v.stackNote ? html`: ${v.stackNote}` : ''}. A verdict rests on the handoff probe HAND1 run with the remedy that models each QEMU; other runs with the same modes are listed, never deciding.</p>
${caveats(v)}
<table id="verdict-table"><thead><tr><th>mode</th><th>QEMU</th><th>verdict</th><th>libvirt</th><th>documents</th><th>evidence</th></tr></thead>
<tbody>${v.verdicts.map((m) => row(m, doc.probes))}</tbody></table></section>`;
}
