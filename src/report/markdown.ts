// The Markdown report: the terminal's tables as GitHub-flavoured Markdown, for pasting into an issue or a wiki.
import type { Outcome } from '../outcome.js';
import type { RunDocument } from './document.js';
import { describeSide, rowFacts, variantOf } from './describe.js';
import { BEHAVIOUR_LABEL, CLAIM_STATUS_LABEL, LIBVIRT_LABEL, PREDICTION_LABEL, VERDICT_LABEL, splitLines } from './verdicts.js';
import type { ClaimRowStatus } from '../verdict/types.js';
import { STACK_LABEL } from '../verdict/scope.js';
import { CLAIMS } from '../claims.js';
import { percentile, windowStats } from './windows.js';
import { clockLine } from './clock-line.js';
import type { LabFacts } from '../result.js';
import { labItems } from './lab.js';
import { glanceOf } from './glance.js';
import { glanceMarkdown } from './glance-md.js';

/** How each outcome is written in Markdown; every outcome is mapped. */
export const MD_OUTCOME: Record<Outcome, string> = {
  PASS: 'PASS', WARN: '**WARN**', UNSUPPORTED: 'UNSUPPORTED', FAIL: '**FAIL**', KNOWN: 'KNOWN', OMIT: 'OMIT', HUNG: '**HUNG**', LOST: '**LOST**',
};

/** How each claim row status is written in Markdown; every status mapped. */
export const MD_CLAIM_STATUS: Record<ClaimRowStatus, string> = {
  holds: CLAIM_STATUS_LABEL.holds, violated: `**${CLAIM_STATUS_LABEL.violated}**`, mixed: `**${CLAIM_STATUS_LABEL.mixed}**`,
  'not-applicable': CLAIM_STATUS_LABEL['not-applicable'], 'not-checked': CLAIM_STATUS_LABEL['not-checked'],
};

/** Escape a table cell: pipes, newlines, and Markdown's own markup characters. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`<>[\]])/g, '\\$1').replace(/\r?\n/g, '<br>');
}

/** Inline code for any one-line text: a fence longer than its longest run of backticks, padded where CommonMark strips. */
export function mdCode(s: string): string {
  const one = s.replace(/\r?\n/g, ' ');
  if (!one) return '';
  const fence = '`'.repeat(Math.max(0, ...(one.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(one) ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/** The "Lab" section of a run `coprobe lab` made: scenario, a confounded scenario's caveat, kernel, packages, set-up. */
function labSection(lab: LabFacts): string[] {
  const out = ['## Lab', '', `Run by \`coprobe lab\` in a qemu guest with Debian's kernel, scenario **${mdCell(lab.scenario)}** — ${mdCell(lab.summary)}.`, ''];
  if (lab.confounded !== undefined) out.push(`> **Confounded scenario:** ${mdCell(lab.confounded)}`, '');
  const skip = new Set(['scenario', 'summary', 'confounded']);
  out.push(...labItems(lab).filter((i) => !skip.has(i.key)).map((i) => `- **${i.label}:** ${i.command ? mdCode(i.value) : mdCell(i.value)}`), '');
  return out;
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The whole run as Markdown: the answer at a glance first, then stack, the lab (when `coprobe lab` made the run), confounders, verdicts, claims, probe runs, staleness windows, counts. */
export function renderMarkdown(doc: RunDocument): string {
  const { run } = doc;
  const out: string[] = [`# coprobe run ${run.runId}`, '', ...glanceMarkdown(glanceOf(doc)), '## Run', '', `coprobe ${run.version}, started ${run.startedAt}; block size ${run.blockSize}, ${run.blocks} blocks per probe.`, ''];
  for (const n of ['a', 'b'] as const) {
    const d = describeSide(run, n);
    const clock = clockLine(run.sides[n].clock);
    out.push(`- **${n}** (${n === 'a' ? 'writer' : 'reader'}): ${mdCell(d.summary)}`, ...[...d.details, ...(clock ? [clock] : [])].map((l) => `  - ${mdCell(l)}`));
  }
  out.push('');
  if (run.lab) out.push(...labSection(run.lab));
  if (run.confounders.length || run.warnings.length) {
    out.push('## Confounders', '');
    if (run.confounders.length) for (const c of run.confounders) out.push(`- **${c.code}** (${c.severity}): ${mdCell(c.message)}`);
    else for (const w of run.warnings) out.push(`- ${mdCell(w)}`);
    out.push('');
  }
  const v = doc.verdicts;
  if (v) {
    out.push('## Verdicts per QEMU cache mode', '', `On ${mdCell(STACK_LABEL[v.stack])} (profile \`${v.stack}\`)${v.stackNote ? `: ${mdCell(v.stackNote)}` : ''}.`, '');
    for (const x of v.voids) out.push(`> **SAFE voided:** ${mdCell(x)}`, '');
    for (const x of v.weakens) out.push(`> **Caveat:** ${mdCell(x)}`, '');
    out.push(...table(['mode', 'QEMU', 'verdict', 'libvirt', 'documents', 'evidence'], v.verdicts.map((m) => [
      `\`${m.mode}\``, BEHAVIOUR_LABEL[m.behaviour], `**${VERDICT_LABEL[m.verdict]}**`, LIBVIRT_LABEL[m.libvirt.allows ? 'allows' : 'refuses'],
      PREDICTION_LABEL[m.predicted?.verdict ?? 'none'], mdCell(m.why),
    ])), '');
    const notes = v.verdicts.flatMap((m) => [m.disagreement, m.contradiction].filter((x): x is string => !!x).map((x) => `- \`${m.mode}\`, ${BEHAVIOUR_LABEL[m.behaviour]}: ${mdCell(x)}`));
    if (notes.length) out.push(...notes, '');
    out.push('## Claims', '', ...table(['claim', 'status', 'evidence / why'], v.claims.map((c) => [
      `\`${c.claim}\``, MD_CLAIM_STATUS[c.status],
      mdCell([...(c.split ? splitLines(c) : [c.why]), c.contradiction, c.note ? `note: ${c.note}` : undefined].filter(Boolean).join('\n')),
    ])), '');
    out.push('<details><summary>Claim sentences</summary>', '', ...v.claims.map((c) => `- \`${c.claim}\`: ${mdCell(CLAIMS[c.claim])}`), '', '</details>', '');
  } else {
    out.push('## Verdicts', '', `No verdicts: the run ${doc.end?.interrupted ? 'was interrupted' : 'did not finish'} before they were computed.`, '');
  }
  out.push('## Probe runs', '', ...table(['#', 'probe', 'modes a→b [param]', 'outcome', 'fresh/stale/other', 'fsync→read', 'observed'], doc.probes.map((r, i) => {
    const f = rowFacts(r);
    return [String(i + 1), r.probe, mdCell(variantOf(r)) + (r.repeat ? ` (repeat ${r.repeat})` : ''), MD_OUTCOME[r.outcome], f.counts, f.gap, mdCell(f.note)];
  })), '');
  const windows = windowStats(doc.probes);
  if (windows.length) {
    out.push('## Staleness windows', '', 'First read stale → fresh, polled inside b\'s agent.', '', ...table(['probe', 'modes', 'ended fresh', 'min ms', 'median ms', 'p95 ms', 'max ms', 'still stale at bound'], windows.map((s) => {
      const f = s.freshMs;
      const n = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(1));
      return [s.probe, mdCell(s.variant), String(f.length), n(f[0]), n(percentile(f, 50)), n(percentile(f, 95)), n(f.at(-1)), s.neverFresh ? `${s.neverFresh} (bound ${s.boundMs / 1000} s)` : '0'];
    })), '');
  }
  const counts = doc.end?.counts ?? {};
  const parts = (Object.keys(MD_OUTCOME) as Outcome[]).filter((o) => counts[o]).map((o) => `${counts[o]} ${o}`);
  out.push(doc.end
    ? `**Outcomes:** ${parts.join(', ') || 'no probe ran'}; exit code ${doc.end.exitCode}${doc.end.interrupted ? ' (interrupted)' : ''}, finished ${doc.end.finishedAt}.`
    : `**Incomplete:** the run has no end record (${doc.probes.length} probe runs recorded).`);
  return out.join('\n') + '\n';
}
