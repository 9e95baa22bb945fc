// The JUnit <properties> of a run: what it ran on and what it measured (verdicts, claims), which are not tests.
import type { RunDocument } from './document.js';
import { describeSide } from './describe.js';
import { BEHAVIOUR_LABEL, CLAIM_STATUS_LABEL, LIBVIRT_LABEL, PREDICTION_LABEL, VERDICT_LABEL, splitLines } from './verdicts.js';
import { STACK_LABEL } from '../verdict/scope.js';
import type { ClaimRow, ModeVerdict, VerdictsRecord } from '../verdict/types.js';
import { labItems } from './lab.js';
import { glanceOf } from './glance.js';
import { glanceProperties } from './glance-properties.js';

/** Why a document has no verdicts, in words (a run cut short never computed them). */
export function missingVerdicts(doc: RunDocument): string {
  return `the run ${doc.end?.interrupted ? 'was interrupted' : 'did not finish'} before they were computed`;
}

/** One verdict in a line: "UNSAFE with QEMU < 4.0: <evidence>; libvirt refuses; documents: unsafe[; disagreement]". */
export function verdictLine(m: ModeVerdict): string {
  const notes = [m.disagreement, m.contradiction].filter((x): x is string => !!x).map((x) => `; ${x}`).join('');
  return `${VERDICT_LABEL[m.verdict]} with ${BEHAVIOUR_LABEL[m.behaviour]}: ${m.why}; libvirt ${LIBVIRT_LABEL[m.libvirt.allows ? 'allows' : 'refuses']}; documents: ${PREDICTION_LABEL[m.predicted?.verdict ?? 'none']}${notes}`;
}

/** One claim row in a line: "holds: <why>[; contradiction]"; a mixed row's why is its split ("MIXED: violated for …; holds for …"). */
export function claimLine(c: ClaimRow): string {
  return `${CLAIM_STATUS_LABEL[c.status]}: ${c.why}${c.contradiction ? `; ${c.contradiction}` : ''}`;
}

/** The profile the verdicts used: "block (shared block storage)[: note]". */
export function profileLine(v: VerdictsRecord): string {
  return `${v.stack} (${STACK_LABEL[v.stack]})${v.stackNote ? `: ${v.stackNote}` : ''}`;
}

/** name → value pairs, in a stable order (the run's identity, then the answer at a glance); names are unique (readers keep properties in a map). */
export function junitProperties(doc: RunDocument): [string, string][] {
  const { run, verdicts: v, end } = doc;
  const p: [string, string][] = [
    ['coprobe.run-id', run.runId], ['coprobe.version', run.version], ['coprobe.started-at', run.startedAt],
    ['coprobe.block-size', String(run.blockSize)], ['coprobe.blocks', String(run.blocks)],
    ...glanceProperties(glanceOf(doc)),
  ];
  for (const n of ['a', 'b'] as const) {
    const d = describeSide(run, n);
    p.push([`side.${n}`, `${n === 'a' ? 'writer' : 'reader'}: ${d.summary}`], [`side.${n}.kernel`, run.sides[n].host.kernel]);
    if (d.details.length) p.push([`side.${n}.details`, d.details.join('; ')]);
  }
  if (run.lab) for (const i of labItems(run.lab)) p.push([`coprobe.lab.${i.key}`, i.value]);
  run.confounders.forEach((c, i) => p.push([`confounder.${i + 1}`, `${c.code} (${c.severity}): ${c.message}`]));
  if (!run.confounders.length) run.warnings.forEach((w, i) => p.push([`warning.${i + 1}`, w]));
  if (v) {
    p.push(['verdicts.profile', profileLine(v)]);
    v.voids.forEach((x, i) => p.push([`verdicts.safe-voided.${i + 1}`, x]));
    v.weakens.forEach((x, i) => p.push([`verdicts.caveat.${i + 1}`, x]));
    for (const m of v.verdicts) p.push([`verdict.${m.mode}.${m.behaviour}`, verdictLine(m)]);
    for (const c of v.claims) {
      p.push([`claim.${c.claim}`, claimLine(c)]);
      splitLines(c).forEach((s, i) => p.push([`claim.${c.claim}.split.${i + 1}`, s]));
    }
  } else {
    p.push(['verdicts', `none: ${missingVerdicts(doc)}`]);
  }
  if (end) p.push(['coprobe.finished-at', end.finishedAt], ['coprobe.exit-code', String(end.exitCode)], ...(end.interrupted ? [['coprobe.interrupted', 'true'] as [string, string]] : []));
  else p.push(['coprobe.incomplete', `no end record: the run was cut short after ${doc.probes.length} probe runs`]);
  return p;
}
