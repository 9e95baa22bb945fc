// lab.md: the lab's own index in Markdown — its scenarios (rows) × QEMU cache modes, then × key claims, each cell linking
// to that scenario's report; the scenarios' status and reports; the phase times.
import { CLAIMS } from '../claims.js';
import { mdCell } from '../report/markdown.js';
import { BEHAVIOUR_SHORT } from '../report/merge/columns.js';
import { hrefFrom } from '../report/merge/evidence.js';
import { MD_FLAKY, MD_VALUE } from '../report/merge/matrix-md.js';
import type { Cell, ClaimColumn, Column, ModeColumn } from '../report/merge/types.js';
import { scenarioReport, type IndexScenario, type LabIndex } from './index-model.js';
import { columnAnchor, countsWords, labLine, notedCells, statusWords, wallTime } from './index-words.js';
import { columnName } from '../report/merge/columns.js';

/** One cell: the value linking to where the scenario's report argues it, and the flaky flag. */
function mdIndexCell(c: Cell, col: Column, href: string | undefined): string {
  if (c.value === 'not-measured' || !href) return MD_VALUE[c.value];
  return `[${MD_VALUE[c.value]}](${href}${columnAnchor(href, col)})${c.flaky ? ` ${MD_FLAKY}` : ''}`;
}

/** A table of the scenarios over some columns; a scenario without a run says why in its first cell. */
function table(ix: LabIndex, cols: readonly Column[], head: readonly string[], outPath: string): string[] {
  const rows = ix.scenarios.map((s: IndexScenario) => {
    const target = scenarioReport(s, 'md');
    const href = target ? hrefFrom(outPath, target) : undefined;
    const name = href ? `[\`${s.result.name}\`](${href})` : `\`${s.result.name}\``;
    if (!s.run) return `| ${name} | ${mdCell(s.unreadable ? `its run could not be read: ${s.unreadable}` : statusWords(s))} |${cols.slice(1).map(() => ' |').join('')}`;
    return `| ${name} | ${cols.map((c) => mdIndexCell(s.run!.cells[c.id]!, c, href)).join(' | ')} |`;
  });
  return [`| scenario | ${head.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`, ...rows];
}

/** The mixed and flaky cells in words (what the run's own report says of each), or nothing. */
function notes(ix: LabIndex): string[] {
  const noted = notedCells(ix);
  if (!noted.length) return [];
  return ['Conditional (mixed) and flaky cells:', '', ...noted.map((n) => `- \`${n.scenario}\`, ${mdCell(columnName(n.column))}: ${MD_VALUE[n.value]}: ${mdCell(n.why)}`), ''];
}

/** lab.md for the index; links are relative to the directory of outPath (where the file is written: beside lab.json). */
export function renderLabIndexMarkdown(ix: LabIndex, o: { outPath: string }): string {
  const cols = ix.matrix.columns;
  const modes = cols.filter((c): c is ModeColumn => c.kind === 'mode');
  const claims = cols.filter((c): c is ClaimColumn => c.kind === 'claim');
  const out = [
    '# coprobe lab', '', `${mdCell(labLine(ix))}.`, '',
    'Each cell is what that scenario\'s run concluded, linking to where its report argues it (the verdict or claim table); '
      + `${MD_FLAKY}: the run's repetitions disagree; not measured: the run has no evidence for it (the mode or probe was not selected, or the run did not end).`, '',
    '## Scenarios × QEMU cache modes', '', ...table(ix, modes, modes.map((c) => `\`${c.mode}\`<br>${BEHAVIOUR_SHORT[c.behaviour]}`), o.outPath), '',
    '## Scenarios × key claims', '', ...table(ix, claims, claims.map((c) => `\`${c.claim}\``), o.outPath), '',
    ...notes(ix),
    '<details><summary>Claim sentences</summary>', '', ...claims.map((c) => `- \`${c.claim}\`: ${mdCell(CLAIMS[c.claim])}`), '', '</details>', '',
    '## Scenarios', '', '| scenario | status | outcomes | stale window | reports |', '|---|---|---|---|---|',
  ];
  for (const s of ix.scenarios) {
    const files = Object.entries(s.reports).map(([f, p]) => `[${f}](${hrefFrom(o.outPath, p!)})`);
    if (s.run && !Object.values(s.reports).includes(s.run.file)) files.push(`[jsonl](${hrefFrom(o.outPath, s.run.file)})`);
    out.push(`| \`${s.result.name}\` | ${mdCell(statusWords(s))} | ${mdCell(countsWords(s))} | ${mdCell(s.result.window ?? '')} | ${files.join(' · ') || 'none'} |`);
  }
  const phases = ix.summary.phases;
  out.push('', '## Phases', '', '| phase | wall time | note |', '|---|--:|---|',
    ...phases.map((p) => `| ${mdCell(p.phase)} | ${wallTime(p.ms)} | ${p.ok ? '' : '**FAILED** '}${mdCell(p.note ?? '')} |`),
    `| **all phases** | **${wallTime(phases.reduce((n, p) => n + p.ms, 0))}** | |`);
  const stacks = ix.scenarios.filter((s) => s.run);
  if (stacks.length) {
    out.push('', '<details><summary>Stacks</summary>', '');
    for (const s of stacks) out.push(`- \`${s.result.name}\`: ${mdCell(s.run!.row.label)}`, ...s.run!.row.details.map((d) => `  - ${mdCell(d)}`));
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}
