// The run's outcome counts and exit code (from the end record), or a plain statement that the run has no end record.
import { OUTCOMES } from '../../outcome.js';
import type { RunDocument } from '../document.js';
import { outcomeBadge } from './badges.js';
import { html, type Html } from './escape.js';

/** Counts per outcome as badges, the exit code and when the run finished. */
export function summarySection(doc: RunDocument): Html {
  const end = doc.end;
  if (!end) {
    return html`<section id="summary"><h2>Outcomes</h2><p class="callout incomplete">Incomplete: the run has no end record (${doc.probes.length} probe runs recorded).</p></section>`;
  }
  const parts = OUTCOMES.filter((o) => end.counts[o]).map((o) => html`<span class="count" data-outcome="${o}">${end.counts[o]} ${outcomeBadge(o)}</span>`);
  return html`<section id="summary"><h2>Outcomes</h2>
<p class="legend">${parts.length ? parts : 'no probe ran'}</p>
<p>Exit code <strong>${end.exitCode}</strong>${end.interrupted ? html` <strong>(interrupted)</strong>` : ''}; finished ${end.finishedAt}.</p></section>`;
}
