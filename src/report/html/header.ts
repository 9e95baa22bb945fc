// The report's head: run identity, each side's stack (writer a, reader b), and a banner when the run was cut short.
import type { RunDocument } from '../document.js';
import { describeSide } from '../describe.js';
import { clockLine } from '../clock-line.js';
import { STACK_LABEL } from '../../verdict/scope.js';
import { html, type Html } from './escape.js';
import { labSection } from './lab.js';

/** Title line, `lead` (the answer at a glance) right under it, run facts, the two sides as `describeSide` words them, and the lab when `coprobe lab` made the run. */
export function headerSection(doc: RunDocument, lead: Html | '' = ''): Html {
  const { run } = doc;
  const sides = (['a', 'b'] as const).map((n) => {
    const d = describeSide(run, n);
    const clock = clockLine(run.sides[n].clock);
    if (clock) d.details.push(clock);
    return html`<li data-side="${n}"><strong>${n}</strong> (${n === 'a' ? 'writer' : 'reader'}): ${d.summary}
      ${d.details.length ? html`<ul>${d.details.map((l) => html`<li>${l}</li>`)}</ul>` : ''}</li>`;
  });
  const profile = doc.verdicts ? html`; verdicts judged by the reader's stack: ${STACK_LABEL[doc.verdicts.stack]} (profile <code>${doc.verdicts.stack}</code>)${doc.verdicts.stackNote ? html` — ${doc.verdicts.stackNote}` : ''}` : '';
  return html`<header id="run">
<h1>coprobe run <code>${run.runId}</code></h1>
${lead}
<p class="muted">coprobe ${run.version}, started ${run.startedAt}; block size ${run.blockSize} bytes, ${run.blocks} blocks per probe; command: <code>coprobe ${run.argv.join(' ')}</code>${profile}.</p>
<ul class="sides" id="sides">${sides}</ul>
${labSection(run)}${incompleteBanner(doc)}
</header>`;
}

/** Says plainly what a cut-short run lacks (verdicts, end record); nothing for a complete run. */
export function incompleteBanner(doc: RunDocument): Html | '' {
  if (doc.verdicts && doc.end) return '';
  const how = doc.end?.interrupted ? 'was interrupted' : doc.end ? 'ended without computing verdicts' : 'did not finish (no end record)';
  const lacks = [doc.verdicts ? '' : 'no verdicts and no claim table', doc.end ? '' : 'no outcome counts'].filter(Boolean).join('; ');
  return html`<div class="callout incomplete" id="incomplete"><strong>Incomplete run:</strong> the run ${how}: ${lacks}. Shown below: the ${doc.probes.length} probe records it wrote.</div>`;
}
