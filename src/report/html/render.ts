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

export { HTML_OUTCOME } from './labels.js';

/** Render a run: stack, confounders (before any verdict), verdicts, claims, stale-block maps, windows, probe table, evidence. */
export function renderHtml(doc: RunDocument): string {
  const sections = [
    ['confounders', 'Confounders'], ['verdicts', 'Verdicts'], ...(doc.verdicts ? [['claims', 'Claims']] : []),
    ...(doc.probes.some((r) => r.probe === HANDOFF_PROBE) ? [['handoff', 'Stale-block maps']] : []),
    ['windows', 'Staleness windows'], ['probes', 'Probe runs'], ['summary', 'Outcomes'], ['evidence', 'Evidence'],
  ];
  const body = html`${headerSection(doc)}
<nav class="toc">${sections.map(([id, name]) => html`<a href="#${id}">${name}</a>`)}</nav>
${confoundersSection(doc)}
${verdictsSection(doc)}
${claimsSection(doc)}
${handoffSection(doc)}
${stalenessSection(doc)}
${probesSection(doc)}
${summarySection(doc)}
${evidenceSection(doc)}
<p class="footer">Written by coprobe ${doc.run.version} from run ${doc.run.runId}; self-contained: nothing on this page is fetched.</p>`;
  return page(`coprobe run ${doc.run.runId}`, body);
}
