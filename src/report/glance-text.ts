// The glance on a terminal: one 80 × 24 screen, printed last so it is what stays on screen after a run or a report.
import { PLAIN, type Paint } from './colour.js';
import { readRunFile, type RunDocument } from './document.js';
import { GLANCE_STATUS_LABEL, cellText, glanceOf, superscripts, type Glance, type GlanceContradiction } from './glance.js';

/** The screen the glance must fit: columns and lines. */
export const GLANCE_WIDTH = 80;
export const GLANCE_HEIGHT = 24;

/** Display width of plain text (every character this renderer emits is one column wide). */
export function textWidth(s: string): number {
  return [...s].length;
}

/** Cut to `w` columns, ending with "…" when cut. */
function clip(s: string, w: number): string {
  const cs = [...s];
  return cs.length <= w ? s : `${cs.slice(0, w - 1).join('')}…`;
}

/** Word-wrap to `width` columns; lines after the first start with `indent`; a word longer than a line is cut. */
export function wrap(s: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const prefix = out.length ? indent : '';
    const next = line ? `${line} ${word}` : `${prefix}${word}`;
    if (textWidth(next) <= width) { line = next; continue; }
    if (line) out.push(line);
    line = clip(`${indent}${word}`, width);
  }
  if (line || !out.length) out.push(line);
  return out;
}

function pad(s: string, n: number): string {
  const w = textWidth(s);
  return w >= n ? s : s + ' '.repeat(n - w);
}

/** How much a contradiction is shortened to fit the screen: 0 in full, 1 the claim's sentence on one line, 2 all on one line. */
type Squeeze = 0 | 1 | 2;

/** One contradicted claim: id, document, status, a mixed row's conditions, the cells the documents got wrong, the claim's sentence. */
function contradictionLines(c: GlanceContradiction, squeeze: Squeeze, paint: Paint): string[] {
  const label = GLANCE_STATUS_LABEL[c.status];
  const head = `${c.claim} (${c.source}) ${label}`;
  const detail = [
    ...(c.violatedFor !== undefined ? [`violated for ${c.violatedFor}; holds for ${c.holdsFor}`] : []),
    ...(c.cells ?? []),
  ].join('; ');
  const says = `claims: "${c.says}"`;
  const colour = (l: string) => l.replace(label, paint.warn(label));
  if (squeeze === 2) return [colour(clip(`  ${head}${detail ? `: ${detail}` : ` — ${says}`}`, GLANCE_WIDTH))];
  const first = wrap(`${head}${detail ? `: ${detail}` : ''}`, GLANCE_WIDTH - 2, '    ').map((l) => `  ${l}`);
  const sentence = squeeze === 1 ? [clip(`      ${says}`, GLANCE_WIDTH)] : wrap(says, GLANCE_WIDTH - 6).map((l) => `      ${l}`);
  return [colour(first[0]!), ...first.slice(1), ...sentence];
}

/** The grid: a header line and one line per mode, columns as wide as their longest cell. */
function gridLines(g: Glance, paint: Paint): string[] {
  const first = Math.max(textWidth('cache mode'), ...g.rows.map((r) => textWidth(r.mode)));
  const widths = g.columns.map((col, i) => Math.max(textWidth(col.label + superscripts(col.notes)), ...g.rows.map((r) => textWidth(cellText(r.cells[i]!)))));
  const head = [pad('cache mode', first), ...g.columns.map((col, i) => pad(col.label + superscripts(col.notes), widths[i]!))].join('   ').trimEnd();
  const rows = g.rows.map((r) => [pad(r.mode, first), ...r.cells.map((c, i) => {
    const text = cellText(c);
    const verdict = c.verdict ?? '-';
    const painted = c.verdict ? paint.verdict(c.verdict, verdict) + text.slice(verdict.length) : text;
    return painted + ' '.repeat(Math.max(0, widths[i]! - textWidth(text)));
  })].join('   ').trimEnd());
  return [head, ...rows];
}

/** How the glance is shortened: contradictions' squeeze and how many are listed; notes on one line each; how many notes listed. */
interface Fit { squeeze: Squeeze; keep: number; notesClipped: boolean; notesKept: number }

/** The glance's lines at one fit (what is left out is counted, pointing at the tables above). */
function layout(g: Glance, paint: Paint, fit: Fit): string[] {
  const { squeeze, keep } = fit;
  const rule = (s: string) => (textWidth(s) >= GLANCE_WIDTH ? clip(s, GLANCE_WIDTH) : s + '━'.repeat(GLANCE_WIDTH - textWidth(s)));
  const one = `━━ At a glance: run ${g.runId}${g.stack ? ` on ${g.stack}` : ''} `;
  const lines = textWidth(one) <= GLANCE_WIDTH || !g.stack ? [rule(one)] : [rule(`━━ At a glance: run ${g.runId} `), ...wrap(`on ${g.stack}`, GLANCE_WIDTH, '  ')];
  lines.push(...wrap(g.headline, GLANCE_WIDTH, '  '));
  if (g.rows.length) lines.push(...gridLines(g, paint));
  for (const n of g.notes.slice(0, fit.notesKept)) {
    const note = `${superscripts([n.n])} ${n.text}`;
    lines.push(...(fit.notesClipped ? [clip(note, GLANCE_WIDTH - 2)] : wrap(note, GLANCE_WIDTH - 2, '  ')).map((l) => `  ${l}`));
  }
  if (g.notes.length > fit.notesKept) lines.push(`  … and ${g.notes.length - fit.notesKept} more notes: see the verdict table above`);
  const conf = g.confounders.length ? g.confounders.join(', ') : 'none detected';
  lines.push(...wrap(`Confounders: ${conf}`, GLANCE_WIDTH, '  ').map((l, i) => (i === 0 && g.confounders.length ? paint.warn(l) : l)));
  if (g.missing) return lines;
  if (!g.contradictions.length) {
    lines.push('Document claims this stack contradicts: none');
    return lines;
  }
  lines.push(`Document claims this stack contradicts (${g.contradictions.length}):`);
  g.contradictions.slice(0, keep).forEach((c) => lines.push(...contradictionLines(c, squeeze, paint)));
  const rest = g.contradictions.length - keep;
  if (rest > 0) lines.push(`  … and ${rest} more: see the claim table above`);
  return lines;
}

/** The glance as terminal lines: at most 24 lines of at most 80 columns, shortening contradictions first, then notes. */
export function renderGlanceLines(g: Glance, paint: Paint = PLAIN): string[] {
  const all = g.contradictions.length, notes = g.notes.length;
  const fits: Fit[] = [
    ...([0, 1, 2] as const).map((squeeze) => ({ squeeze, keep: all, notesClipped: false, notesKept: notes })),
    { squeeze: 2, keep: all, notesClipped: true, notesKept: notes },
  ];
  for (const fit of fits) {
    const lines = layout(g, paint, fit);
    if (lines.length <= GLANCE_HEIGHT) return lines;
  }
  const fit: Fit = { squeeze: 2, keep: all, notesClipped: true, notesKept: notes };
  let lines = layout(g, paint, fit);
  while (lines.length > GLANCE_HEIGHT && fit.keep > 0) { fit.keep--; lines = layout(g, paint, fit); }
  while (lines.length > GLANCE_HEIGHT && fit.notesKept > 0) { fit.notesKept--; lines = layout(g, paint, fit); }
  return lines;
}

/**
 * One scenario's (or run's) answer at a glance for a terminal, from its run document or the path of its run.json /
 * coprobe-<runid>.jsonl: lines without a trailing newline, coloured by `paint` (PLAIN: none). Throws ReportError when the
 * file cannot be read as a run. What `coprobe lab` prints at the end of each scenario.
 */
export function terminalGlance(source: RunDocument | string, paint: Paint = PLAIN): string[] {
  const doc = typeof source === 'string' ? readRunFile(source) : source;
  return renderGlanceLines(glanceOf(doc), paint);
}
