// The matrix as one self-contained HTML page: coloured cells, a visible flaky flag, links to each run's evidence.
import { esc } from '../html/escape.js';
import { CLAIMS } from '../../claims.js';
import { BEHAVIOUR_SHORT } from './columns.js';
import { hrefFrom } from './evidence.js';
import { MATRIX_CSS } from './html-style.js';
import type { Cell, CellValue, ClaimColumn, Matrix, MeasuredValue, ModeColumn } from './types.js';
import { countWords, flakyCells, letterOfRun, mixedCells, rowLetter, summaryWords } from './words.js';

/** How each cell value is written on the page; every value mapped. */
export const HTML_VALUE: Record<CellValue, string> = {
  SAFE: 'SAFE', UNSAFE: 'UNSAFE', UNKNOWN: 'UNKNOWN', holds: 'holds', violated: 'VIOLATED', mixed: 'mixed', 'not-applicable': 'n/a', 'not-measured': 'not measured',
};
/** The CSS class (colour) of each cell value; every value mapped. */
export const HTML_CLASS: Record<CellValue, string> = {
  SAFE: 'v-SAFE', UNSAFE: 'v-UNSAFE', UNKNOWN: 'v-UNKNOWN', holds: 'v-holds', violated: 'v-violated', mixed: 'v-mixed', 'not-applicable': 'v-not-applicable', 'not-measured': 'v-not-measured',
};
/** The flaky flag, in the cell and in the list of flaky cells. */
export const HTML_FLAKY = '⚑ flaky';


type Link = (run: number, text?: string) => string;

/** The tooltip of a cell: each run's value and why, and why the others measured nothing. */
function cellTitle(c: Cell): string {
  return [
    ...c.measured.map((r) => `#${r.run} ${HTML_VALUE[r.value]}: ${r.why}${r.mixed ? ` (${r.mixed})` : ''}`),
    ...c.notMeasured.map((r) => `#${r.run} not measured: ${r.why}`),
  ].join('\n');
}

/** One cell: value, flaky flag, counts, a link per run (with each run's own value when they disagree). */
function htmlCell(c: Cell, link: Link): string {
  const runs = c.flaky
    ? c.measured.map((r) => `${link(r.run)} ${esc(HTML_VALUE[r.value as MeasuredValue])}`).join('<br>')
    : c.measured.map((r) => link(r.run)).join(' ');
  const body = c.value === 'not-measured' ? '' : `${c.flaky ? `<div class="flag">${HTML_FLAKY}</div>` : ''}<div class="n">${esc(countWords(c))}</div><div class="links">${runs}</div>`;
  return `<td class="cell ${HTML_CLASS[c.value]}${c.flaky ? ' flaky' : ''}" title="${esc(cellTitle(c))}"><div class="val">${esc(HTML_VALUE[c.value])}</div>${body}</td>`;
}

/** The matrix table: a stack column, a column group per mode (two QEMU behaviours), then the claims. */
function matrixTable(m: Matrix, link: Link): string[] {
  const modes = m.columns.filter((c): c is ModeColumn => c.kind === 'mode');
  const claims = m.columns.filter((c): c is ClaimColumn => c.kind === 'claim');
  const modeNames = [...new Set(modes.map((c) => c.mode))];
  const head1 = modeNames.map((mode) => `<th colspan="${modes.filter((c) => c.mode === mode).length}"><code>${esc(mode)}</code></th>`).join('')
    + (claims.length ? `<th colspan="${claims.length}">claims</th>` : '');
  const head2 = modes.map((c) => `<th>${esc(BEHAVIOUR_SHORT[c.behaviour])}</th>`).join('') + claims.map((c) => `<th title="${esc(CLAIMS[c.claim])}"><code>${esc(c.claim)}</code></th>`).join('');
  const body = m.rows.map((row, i) => `<tr><th scope="row"><span class="letter">${rowLetter(i)}</span>${esc(row.label)}<div class="n">runs ${row.runs.map((n) => link(n)).join(' ')}</div></th>${m.columns.map((c) => htmlCell(row.cells[c.id]!, link)).join('')}</tr>`);
  return ['<div class="scroll"><table class="matrix">', `<thead><tr><th rowspan="2">stack</th>${head1}</tr><tr>${head2}</tr></thead>`, '<tbody>', ...body, '</tbody></table></div>'];
}

/** The whole page; links are relative to the directory of outPath (where the page is written). */
export function renderMatrixHtml(m: Matrix, o: { outPath: string }): string {
  const link: Link = (n, text = `#${n}`) => `<a href="${esc(hrefFrom(o.outPath, m.runs[n - 1]!.evidence))}">${esc(text)}</a>`;
  const legend = (Object.keys(HTML_CLASS) as CellValue[]).map((v) => `<span class="${HTML_CLASS[v]}">${esc(HTML_VALUE[v])}</span>`).join(' ');
  const out = [
    '<!doctype html>', '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>coprobe compatibility matrix</title>', `<style>${MATRIX_CSS}</style></head><body>`,
    '<h1>coprobe compatibility matrix</h1>', `<p>${esc(summaryWords(m))}.</p>`,
    `<p class="legend">${legend} <span class="flag">${HTML_FLAKY}</span>: the runs disagree (each run's value is listed in the cell). `
      + 'A cell shows the worst value the runs of that stack measured (UNSAFE &gt; UNKNOWN &gt; SAFE; VIOLATED &gt; mixed &gt; holds &gt; n/a), how many runs and probe records stand behind it, and links to each run\'s evidence; '
      + 'a run that did not measure a cell (not selected, no evidence, incomplete) is not a disagreement; mixed: in one run the claim held under some conditions and was violated under others (listed under Mixed cells). Hover a cell for each run\'s reason.</p>',
    ...matrixTable(m, link),
    '<h2>Stacks</h2>',
    ...m.rows.map((row, i) => `<p><span class="letter">${rowLetter(i)}</span>${esc(row.label)}</p><ul class="details">${row.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`),
  ];
  const flaky = flakyCells(m);
  if (flaky.length) {
    out.push('<h2>Flaky cells</h2>', '<ul>');
    for (const f of flaky) {
      out.push(`<li><span class="letter">${f.letter}</span>${esc(f.name)}: <b>${esc(HTML_VALUE[f.cell.value])}</b> <span class="flag">${HTML_FLAKY}</span><ul>`
        + f.cell.measured.map((r) => `<li>${link(r.run)} <b>${esc(HTML_VALUE[r.value])}</b>: ${esc(r.why)}${r.mixed ? ` (${esc(r.mixed)})` : ''}</li>`).join('') + '</ul></li>');
    }
    out.push('</ul>');
  }
  const mixed = mixedCells(m);
  if (mixed.length) {
    out.push('<h2>Mixed cells</h2>', '<p>A conditional answer: the claim held under some conditions and was violated under others.</p>', '<ul>');
    for (const f of mixed) {
      out.push(`<li><span class="letter">${f.letter}</span>${esc(f.name)}<ul>`
        + f.cell.measured.filter((r) => r.value === 'mixed').map((r) => `<li>${link(r.run)} <b>${esc(HTML_VALUE.mixed)}</b>: ${esc(r.why)}</li>`).join('') + '</ul></li>');
    }
    out.push('</ul>');
  }
  out.push('<h2>Runs</h2>', '<table><thead><tr><th>#</th><th>file</th><th>run id</th><th>started</th><th>stack</th><th>verdicts</th></tr></thead><tbody>');
  for (const r of m.runs) {
    out.push(`<tr><td>${link(r.n)}</td><td class="mono">${esc(r.path)}</td><td class="mono">${esc(r.runId)}</td><td>${esc(r.startedAt)}</td><td>${letterOfRun(m, r)}</td><td>${r.incomplete ? `<span class="incomplete">incomplete</span>: ${esc(r.incomplete)}` : 'yes'}</td></tr>`);
  }
  out.push('</tbody></table>');
  for (const d of m.duplicates) out.push(`<p><span class="mono">${esc(d.path)}</span> is run <span class="mono">${esc(d.runId)}</span> again (as ${link(d.sameAs)}): counted once.</p>`);
  out.push('<p class="n">Written by coprobe report merge.</p>', '</body></html>');
  return out.join('\n') + '\n';
}
