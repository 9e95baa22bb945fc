// The HTML report: one self-contained page (inline CSS, script and SVG; a CSP forbids any fetch) from a run document.
import type { RunDocument } from '../document.js';
import { claimsSection } from './claims.js';
import { confoundersSection } from './confounders.js';
import { html } from './escape.js';
import { evidenceSection } from './evidence.js';
import { HANDOFF_PROBE, handoffSection } from './handoff.js';
import { headerSection } from './header.js';
import { page } from './page.js';
import { probesSection } from './probes.js';
import { stalenessSection } from './staleness.js';
import { summarySection } from './summary.js';
import { verdictsSection } from './verdicts.js';
import { glanceSection } from './glance.js';
import { fold } from './fold.js';

export { HTML_OUTCOME } from './labels.js';

/**
 * Render a run: the answer at a glance right under the title, then the stack, confounders (before any verdict), then folded (closed <details>): verdicts,
 * claims, stale-block maps, windows, probe table; the outcome counts; folded evidence. A run without verdicts keeps its
 * verdicts section open (it is one sentence saying why).
 */
export function renderHtml(doc: RunDocument): string {
  const sections = [
    ['confounders', 'Confounders'], ['verdicts', 'Verdicts'], ...(doc.verdicts ? [['claims', 'Claims']] : []),
    ...(doc.probes.some((r) => r.probe === HANDOFF_PROBE) ? [['handoff', 'Stale-block maps']] : []),
    ['windows', 'Staleness windows'], ['probes', 'Probe runs'], ['summary', 'Outcomes'], ['evidence', 'Evidence'],
  ];
  const records = `${doc.probes.length} probe record${doc.probes.length === 1 ? '' : 's'}`;
  const v = doc.verdicts;
  const body = html`${headerSection(doc, glanceSection(doc))}
<nav class="toc">${sections.map(([id, name]) => html`<a href="#${id}">${name}</a>`)}</nav>
${confoundersSection(doc)}
${v ? fold('verdicts', 'Verdicts per QEMU cache mode', `${v.verdicts.length} mode × QEMU rows with their evidence, libvirt's reasons and the documents' predictions`, verdictsSection(doc)) : verdictsSection(doc)}
${v ? fold('claims', 'Claims', `${v.claims.length} claims with what decided each`, claimsSection(doc)) : ''}
${fold('handoff', 'Handoff: stale-block maps', 'what the destination read after the handoff, block by block', handoffSection(doc))}
${fold('windows', 'Staleness windows', doc.probes.some((r) => r.checks.some((c) => c.window)) ? 'how long stale reads lasted' : 'none measured in this run', stalenessSection(doc))}
${fold('probes', 'Probe runs', `${records}, with a filter by outcome`, probesSection(doc))}
${summarySection(doc)}
${fold('evidence', 'Evidence per probe run', `${records}: checks and both sides' transcripts`, evidenceSection(doc))}
<p class="footer">Written by coprobe ${doc.run.version} from run ${doc.run.runId}; self-contained: nothing on this page is fetched.</p>`;
  return page(`coprobe run ${doc.run.runId}`, body);
}
