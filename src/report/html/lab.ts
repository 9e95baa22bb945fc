// The lab part of the run's head (`coprobe lab` made the run): scenario, a confounded scenario's warning, the guest.
import type { RunRecord } from '../../result.js';
import { labItems } from '../lab.js';
import { html, type Html } from './escape.js';

/** Facts the section's opening line and callout already say; the table holds the rest. */
const IN_TEXT: ReadonlySet<string> = new Set(['scenario', 'summary', 'confounded']);

/** Scenario and summary, the confounded reason as a warning callout, a table of the guest's facts (a line of its own); nothing without lab facts. */
export function labSection(run: RunRecord): Html | '' {
  const lab = run.lab;
  if (!lab) return '';
  const rows = labItems(lab).filter((i) => !IN_TEXT.has(i.key))
    .map((i) => html`<tr data-fact="${i.key}"><th>${i.label}</th><td>${i.command ? html`<code>${i.value}</code>` : i.value}</td></tr>`);
  const confounded = lab.confounded !== undefined
    ? html`<div class="callout weakens lab-confounded"><strong>Confounded scenario</strong> <span class="badge">a deliberately confounded case</span> ${lab.confounded}</div>`
    : '';
  return html`<section id="lab" data-scenario="${lab.scenario}"><h2>Lab</h2>
<p>Run by <code>coprobe lab</code> in a qemu guest with Debian's kernel, scenario <strong>${lab.scenario}</strong> — ${lab.summary}.</p>
${confounded}<table class="lab-facts"><tbody>${rows}</tbody></table></section>
`;
}
