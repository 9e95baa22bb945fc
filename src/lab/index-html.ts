// lab.html: the lab's own index page — its scenarios (rows) × QEMU cache modes and key claims, each cell linking to that
// scenario's report, the scenarios' status and reports, and the phase times; self-contained, links relative.
import { esc } from '../report/html/escape.js';
import { CLAIMS } from '../claims.js';
import { BEHAVIOUR_SHORT } from '../report/merge/columns.js';
import { hrefFrom } from '../report/merge/evidence.js';
import { MATRIX_CSS } from '../report/merge/html-style.js';
import { HTML_CLASS, HTML_FLAKY, HTML_VALUE } from '../report/merge/matrix-html.js';
import type { Cell, CellValue, ClaimColumn, Column, ModeColumn } from '../report/merge/types.js';
import { countWords } from '../report/merge/words.js';
import { scenarioReport, type IndexScenario, type LabIndex } from './index-model.js';
import { columnAnchor, countsWords, labLine, notedCells, statusWords, wallTime } from './index-words.js';
import { columnName } from '../report/merge/columns.js';

/** Rules the index adds to the matrix page's stylesheet (its claim headers wrap: the ids are long). */
const INDEX_CSS = `
td.cell a.val { color: inherit; text-decoration: none; } td.cell a.val:hover { text-decoration: underline; }
td.norun { background: #fbeaea; color: #9b1c1c; text-align: left; }
table.matrix tbody th { min-width: 12em; max-width: 18em; } td.cell { min-width: 5.5em; }
table.matrix thead th code { white-space: normal; overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 2px solid #888; }
.failed { color: #9b1c1c; font-weight: 600; }
details { margin: 1em 0; } summary { cursor: pointer; font-weight: 600; }
`;

/** The page's policy: every fetch forbidden but its own inline stylesheet; no script at all. */
export const INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Most evidence records a cell links to one by one (a claim may rest on dozens). */
const RECORD_LINKS = 3;

/** The tooltip of a cell: the run's why (and its repetitions' split), or why it measured nothing. */
function cellTitle(c: Cell): string {
  return [...c.measured.map((r) => `${HTML_VALUE[r.value]}: ${r.why}${r.mixed ? ` (${r.mixed})` : ''}`), ...c.notMeasured.map((r) => `not measured: ${r.why}`)].join('\n');
}

/** One cell: the value linking to where the scenario's report argues it, the flaky flag, and links to the first evidence records. */
function cell(c: Cell, col: Column, href: string | undefined, isHtml: boolean): string {
  const value = esc(HTML_VALUE[c.value]);
  const head = href && c.value !== 'not-measured' ? `<a class="val" href="${esc(href + columnAnchor(href, col))}">${value}</a>` : `<div class="val">${value}</div>`;
  const records = [...new Set(c.measured.flatMap((r) => r.records))];
  const links = href && isHtml && records.length
    ? `<div class="links">${records.slice(0, RECORD_LINKS).map((n) => `<a href="${esc(`${href}#probe-${n}`)}">#${n}</a>`).join(' ')}${records.length > RECORD_LINKS ? ` +${records.length - RECORD_LINKS}` : ''}</div>`
    : '';
  const body = c.value === 'not-measured' ? '' : `${c.flaky ? `<div class="flag">${HTML_FLAKY}</div>` : ''}${c.repetitions ? `<div class="n">${esc(countWords(c).replace(/^1 run, /, ''))}</div>` : ''}${links}`;
  return `<td class="cell ${HTML_CLASS[c.value]}${c.flaky ? ' flaky' : ''}" title="${esc(cellTitle(c))}">${head}${body}</td>`;
}

/** The scenario's row head: its name linking to its report, what it sets up, and its status when it did not end well. */
function rowHead(s: IndexScenario, href: string | undefined): string {
  const name = href ? `<a href="${esc(href)}"><code>${esc(s.result.name)}</code></a>` : `<code>${esc(s.result.name)}</code>`;
  const about = s.run?.doc.run.lab?.summary;
  const status = s.result.status === 'done' ? '' : `<div class="failed">${esc(statusWords(s))}</div>`;
  return `<th scope="row">${name}${about ? `<div class="n">${esc(about)}</div>` : ''}${status}</th>`;
}

/** A matrix table over some columns: a row per scenario (lab order), modes grouped by mode (two QEMU behaviours). */
function matrixTable(ix: LabIndex, cols: readonly Column[], outPath: string): string[] {
  const modes = cols.filter((c): c is ModeColumn => c.kind === 'mode');
  const claims = cols.filter((c): c is ClaimColumn => c.kind === 'claim');
  const head1 = [...new Set(modes.map((c) => c.mode))].map((mode) => `<th colspan="${modes.filter((c) => c.mode === mode).length}"><code>${esc(mode)}</code></th>`).join('')
    + (claims.length ? `<th colspan="${claims.length}">key claims</th>` : '');
  const head2 = modes.map((c) => `<th>${esc(BEHAVIOUR_SHORT[c.behaviour])}</th>`).join('') + claims.map((c) => `<th title="${esc(CLAIMS[c.claim])}"><code>${esc(c.claim)}</code></th>`).join('');
  const rows = ix.scenarios.map((s) => {
    const target = scenarioReport(s, 'html');
    const href = target ? hrefFrom(outPath, target) : undefined;
    if (!s.run) {
      const why = s.unreadable ? `its run could not be read: ${s.unreadable}` : statusWords(s);
      return `<tr>${rowHead(s, href)}<td class="norun" colspan="${cols.length}">no run to show: ${esc(why)}</td></tr>`;
    }
    const isHtml = !!target?.endsWith('.html');
    return `<tr>${rowHead(s, href)}${cols.map((c) => cell(s.run!.cells[c.id]!, c, href, isHtml)).join('')}</tr>`;
  });
  return ['<div class="scroll"><table class="matrix">', `<thead><tr><th rowspan="2">scenario</th>${head1}</tr><tr>${head2}</tr></thead>`, '<tbody>', ...rows, '</tbody></table></div>'];
}

/** The scenarios: status, outcome counts, stale window, and a link to each report file. */
function scenarioTable(ix: LabIndex, outPath: string): string[] {
  const out = ['<table><thead><tr><th>scenario</th><th>status</th><th>outcomes</th><th>stale window</th><th>reports</th></tr></thead><tbody>'];
  for (const s of ix.scenarios) {
    const files = Object.entries(s.reports).map(([f, p]) => `<a href="${esc(hrefFrom(outPath, p!))}">${esc(f)}</a>`);
    if (s.run && !Object.values(s.reports).includes(s.run.file)) files.push(`<a href="${esc(hrefFrom(outPath, s.run.file))}">jsonl</a>`);
    out.push(`<tr><td><code>${esc(s.result.name)}</code></td><td${s.result.status === 'done' ? '' : ' class="failed"'}>${esc(statusWords(s))}</td>`
      + `<td>${esc(countsWords(s))}</td><td>${esc(s.result.window ?? '')}</td><td>${files.join(' · ') || 'none'}</td></tr>`);
  }
  out.push('</tbody></table>');
  return out;
}

/** The phase times from lab.json, and their sum. */
function phaseTable(ix: LabIndex): string[] {
  const phases = ix.summary.phases;
  return [
    '<table><thead><tr><th>phase</th><th>wall time</th><th>note</th></tr></thead><tbody>',
    ...phases.map((p) => `<tr><td>${esc(p.phase)}</td><td class="num">${esc(wallTime(p.ms))}</td><td${p.ok ? '' : ' class="failed"'}>${p.ok ? '' : 'FAILED '}${esc(p.note ?? '')}</td></tr>`),
    `<tr class="total"><td>all phases</td><td class="num">${esc(wallTime(phases.reduce((n, p) => n + p.ms, 0)))}</td><td></td></tr>`,
    '</tbody></table>',
  ];
}

/** The mixed and flaky cells in words (what the run's own report says of each), or nothing. */
function notes(ix: LabIndex): string[] {
  const noted = notedCells(ix);
  if (!noted.length) return [];
  return ['<p>Conditional (mixed) and flaky cells:</p><ul>',
    ...noted.map((n) => `<li><code>${esc(n.scenario)}</code>, ${esc(columnName(n.column))}: <b>${esc(HTML_VALUE[n.value])}</b>: ${esc(n.why)}</li>`), '</ul>'];
}

/** lab.html for the index; links are relative to the directory of outPath (where the page is written: beside lab.json). */
export function renderLabIndexHtml(ix: LabIndex, o: { outPath: string }): string {
  const legend = (Object.keys(HTML_CLASS) as CellValue[]).map((v) => `<span class="${HTML_CLASS[v]}">${esc(HTML_VALUE[v])}</span>`).join(' ');
  const stacks = ix.scenarios.filter((s) => s.run);
  const claims = ix.matrix.columns.filter((c): c is ClaimColumn => c.kind === 'claim');
  return [
    '<!doctype html>', '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, nothing fetched: only the inline stylesheet (links to the reports are navigation, which the policy allows).
    `<meta http-equiv="Content-Security-Policy" content="${esc(INDEX_CSP)}">`,
    '<title>coprobe lab</title>', `<style>${MATRIX_CSS}${INDEX_CSS}</style></head><body>`,
    '<h1>coprobe lab</h1>', `<p>${esc(labLine(ix))}.</p>`,
    `<p class="legend">${legend} <span class="flag">${HTML_FLAKY}</span>: the run's repetitions disagree. `
      + 'Each cell is what that scenario\'s run concluded: a value links to where its report argues it (the verdict or claim table), #N to the probe records behind it. Hover a cell for the reason.</p>',
    '<h2>Scenarios × QEMU cache modes</h2>', ...matrixTable(ix, ix.matrix.columns.filter((c) => c.kind === 'mode'), o.outPath),
    '<h2>Scenarios × key claims</h2>', ...matrixTable(ix, claims, o.outPath),
    ...notes(ix),
    '<h2>Scenarios</h2>', ...scenarioTable(ix, o.outPath),
    '<h2>Phases</h2>', ...phaseTable(ix),
    ...(stacks.length ? ['<details><summary>Stacks</summary>', ...stacks.map((s) => `<p><code>${esc(s.result.name)}</code>: ${esc(s.run!.row.label)}</p><ul class="details">${s.run!.row.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`), '</details>'] : []),
    '<details><summary>Claim sentences</summary><ul>', ...claims.map((c) => `<li><code>${esc(c.claim)}</code>: ${esc(CLAIMS[c.claim])}</li>`), '</ul></details>',
    '<p class="n">Written by coprobe lab.</p>', '</body></html>',
  ].join('\n') + '\n';
}
