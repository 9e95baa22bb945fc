// The terminal report re-rendered from a stored run: the same lines `coprobe run` printed as it went.
import type { RunDocument } from './document.js';
import { renderHeader, renderRow, renderSummary } from './table.js';
import { renderWindows, windowStats } from './windows.js';
import { PLAIN, type Paint } from './colour.js';
import { renderClaimTable, renderVerdicts } from './verdicts.js';
import { renderGlanceLines } from './glance-text.js';
import { glanceOf } from './glance.js';

/** Header (sides, confounder warnings first), one row per probe run, windows, verdicts, claims, counts; the glance last, to stay on screen. */
export function renderTerminal(doc: RunDocument, source = 'this file', paint: Paint = PLAIN): string {
  const lines = [...renderHeader(doc.run, paint), ...doc.probes.map((r) => renderRow(r, paint)), ...renderWindows(windowStats(doc.probes))];
  if (doc.verdicts) lines.push('', ...renderVerdicts(doc.verdicts, paint), '', ...renderClaimTable(doc.verdicts, paint));
  else lines.push('', `no verdicts: the run ${doc.end?.interrupted ? 'was interrupted' : 'did not finish'} before they were computed`);
  lines.push(doc.end ? renderSummary(doc.end.counts, source) : `\nincomplete run: no end record; ${doc.probes.length} probe runs recorded in ${source}`);
  lines.push('', ...renderGlanceLines(glanceOf(doc), paint));
  return lines.join('\n') + '\n';
}
