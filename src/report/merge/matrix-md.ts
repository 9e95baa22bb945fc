// The matrix as Markdown: stacks, a mode table and a claim table (cells link to each run's evidence), flaky cells, runs.
import { CLAIMS } from '../../claims.js';
import { mdCell } from '../markdown.js';
import { BEHAVIOUR_SHORT } from './columns.js';
import { hrefFrom } from './evidence.js';
import type { Cell, CellValue, ClaimColumn, Column, Matrix, MeasuredValue, ModeColumn } from './types.js';
import { countWords, flakyCells, letterOfRun, mixedCells, rowLetter, summaryWords } from './words.js';

/** How each cell value is written in Markdown; every value mapped. */
export const MD_VALUE: Record<CellValue, string> = {
  SAFE: 'SAFE', UNSAFE: '**UNSAFE**', UNKNOWN: 'UNKNOWN', holds: 'holds', violated: '**VIOLATED**', mixed: '*mixed*', 'not-applicable': 'n/a', 'not-measured': 'not measured',
};
/** The flaky flag, in the cell and in the list. */
export const MD_FLAKY = '⚠ flaky';

type Link = (run: number) => string;

/** A cell: value, flaky flag, counts, and a link per run (with each run's own value when they disagree). */
function mdMatrixCell(c: Cell, link: Link): string {
  if (c.value === 'not-measured') return MD_VALUE['not-measured'];
  const runs = c.flaky ? c.measured.map((r) => `${link(r.run)} ${MD_VALUE[r.value as MeasuredValue]}`).join(' · ') : c.measured.map((r) => link(r.run)).join(' ');
  return `${MD_VALUE[c.value]}${c.flaky ? ` ${MD_FLAKY}` : ''}<br>${countWords(c)}: ${runs}`;
}

function table(m: Matrix, cols: Column[], head: string[], link: Link): string[] {
  return [
    `| stack | ${head.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`,
    ...m.rows.map((row, i) => `| **${rowLetter(i)}** | ${cols.map((c) => mdMatrixCell(row.cells[c.id]!, link)).join(' | ')} |`),
  ];
}

/** The matrix as Markdown; links are relative to the directory of outPath (where the file is written). */
export function renderMatrixMarkdown(m: Matrix, o: { outPath: string }): string {
  const href = (n: number) => hrefFrom(o.outPath, m.runs[n - 1]!.evidence);
  const link: Link = (n) => `[#${n}](${href(n)})`;
  const modes = m.columns.filter((c): c is ModeColumn => c.kind === 'mode');
  const claims = m.columns.filter((c): c is ClaimColumn => c.kind === 'claim');
  const out = [
    '# coprobe compatibility matrix', '', `${mdCell(summaryWords(m))}.`, '',
    'Each cell is the worst value the runs of that stack measured (UNSAFE > UNKNOWN > SAFE; VIOLATED > mixed > holds > n/a), the runs and probe records behind it, and a link to each run\'s evidence. '
      + 'mixed: in one run the claim held under some conditions and was violated under others (listed under Mixed cells). '
      + `${MD_FLAKY}: the runs disagree (each run's value is listed). A run that did not measure a cell (probe or mode not selected, no evidence, incomplete run) is not a disagreement.`, '',
    '## Stacks', '',
  ];
  m.rows.forEach((row, i) => out.push(`- **${rowLetter(i)}**: ${mdCell(row.label)} (runs ${row.runs.map(link).join(', ')})`, ...row.details.map((d) => `  - ${mdCell(d)}`)));
  out.push('', '## Verdicts per QEMU cache mode', '', ...table(m, modes, modes.map((c) => `\`${c.mode}\`<br>${BEHAVIOUR_SHORT[c.behaviour]}`), link), '');
  out.push('## Claims', '', ...table(m, claims, claims.map((c) => `\`${c.claim}\``), link), '');
  out.push('<details><summary>Claim sentences</summary>', '', ...claims.map((c) => `- \`${c.claim}\`: ${mdCell(CLAIMS[c.claim])}`), '', '</details>', '');
  const flaky = flakyCells(m);
  if (flaky.length) {
    out.push('## Flaky cells', '');
    for (const f of flaky) {
      out.push(`- **${f.letter}**, ${mdCell(f.name)}: ${MD_VALUE[f.cell.value]} ${MD_FLAKY}`, ...f.cell.measured.map((r) => `  - ${link(r.run)} ${MD_VALUE[r.value]}: ${mdCell(r.why)}${r.mixed ? ` (${mdCell(r.mixed)})` : ''}`));
    }
    out.push('');
  }
  const mixed = mixedCells(m);
  if (mixed.length) {
    out.push('## Mixed cells', '', 'A conditional answer: the claim held under some conditions and was violated under others.', '');
    for (const f of mixed) out.push(`- **${f.letter}**, ${mdCell(f.name)}:`, ...f.cell.measured.filter((r) => r.value === 'mixed').map((r) => `  - ${link(r.run)}: ${mdCell(r.why)}`));
    out.push('');
  }
  out.push('## Runs', '', '| # | file | run id | started | stack | verdicts |', '|---|---|---|---|---|---|');
  for (const r of m.runs) out.push(`| ${link(r.n)} | ${mdCell(r.path)} | \`${r.runId}\` | ${mdCell(r.startedAt)} | **${letterOfRun(m, r)}** | ${r.incomplete ? `**incomplete**: ${mdCell(r.incomplete)}` : 'yes'} |`);
  for (const d of m.duplicates) out.push('', `${mdCell(d.path)} is run \`${d.runId}\` again (as ${link(d.sameAs)}): counted once.`);
  return out.join('\n') + '\n';
}
