// The TAP version 14 report for CI systems: one test point per probe record, YAML diagnostics, verdicts as comments.
import type { Outcome } from '../outcome.js';
import type { ProbeRunRecord } from '../result.js';
import type { RunDocument } from './document.js';
import { describeSide } from './describe.js';
import { caseName, decidingChecks, knownReason } from './junit-cases.js';
import { claimLine, missingVerdicts, profileLine, verdictLine } from './junit-properties.js';
import { splitLines } from './verdicts.js';
import { yamlLines, type YamlValue } from './tap-yaml.js';
import { labItems } from './lab.js';
import { glanceOf } from './glance.js';
import { renderGlanceLines } from './glance-text.js';

/** How an outcome is written in TAP: ok or not, the directive, the words before the reason, whether a YAML block follows. */
export interface TapMapping { ok: boolean; directive?: 'SKIP' | 'TODO'; prefix: string; diag: boolean; meaning: string }

/** Every outcome mapped: FAIL/HUNG/LOST are not ok, KNOWN is a TODO (a known failure), OMIT/UNSUPPORTED skip, WARN passes and says so. */
export const TAP_OUTCOME: Record<Outcome, TapMapping> = {
  PASS: { ok: true, prefix: '', diag: false, meaning: 'the claim held as the probe expected' },
  WARN: { ok: true, prefix: '', diag: true, meaning: 'a hazard the documents describe was observed (not a violation)' },
  UNSUPPORTED: { ok: true, directive: 'SKIP', prefix: 'unsupported: ', diag: false, meaning: 'the stack cannot do what the variant needs' },
  OMIT: { ok: true, directive: 'SKIP', prefix: '', diag: false, meaning: 'not run' },
  KNOWN: { ok: false, directive: 'TODO', prefix: 'known issue: ', diag: true, meaning: 'a failure a known-issues entry matches (not a pass)' },
  FAIL: { ok: false, prefix: '', diag: true, meaning: 'a claim the probe expects to hold was violated' },
  HUNG: { ok: false, prefix: '', diag: true, meaning: 'a side did not answer within the timeout' },
  LOST: { ok: false, prefix: '', diag: true, meaning: 'a side\'s agent went away' },
};

/** A description or directive text on one line, with `\` and `#` escaped as TAP 14 requires. */
export function tapEscape(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/#/g, '\\#').trim();
}

/** A comment line (no escaping: a comment runs to the end of its line). */
function comment(s: string): string {
  return `# ${s.replace(/[\r\n]+/g, ' ')}`;
}

/** The YAML block under a test point: outcome, what it means, the deciding checks, the reason. */
function diagnostic(r: ProbeRunRecord, index: number): string[] {
  const checks: YamlValue[] = decidingChecks(r).map((c) => ({ sentence: c.sentence, observed: c.observed, claims: c.claims, outcome: c.outcome }));
  const map: { [k: string]: YamlValue } = {
    outcome: r.outcome, meaning: TAP_OUTCOME[r.outcome].meaning, ...(checks.length ? { checks } : {}),
    ...(r.reason ? { reason: r.reason } : {}), record: index, title: r.title, duration_ms: r.durationMs,
  };
  return ['  ---', ...yamlLines(map, 2), '  ...'];
}

/** One test point, with its directive and YAML block. */
function testPoint(r: ProbeRunRecord, index: number): string[] {
  const m = TAP_OUTCOME[r.outcome];
  const why = r.reason ? (r.outcome === 'KNOWN' ? knownReason(r.reason) : r.reason) : m.meaning;
  const directive = m.directive ? ` # ${m.directive} ${tapEscape(m.prefix + why)}` : '';
  return [`${m.ok ? 'ok' : 'not ok'} ${index} - ${tapEscape(caseName(r))}${directive}`, ...(m.diag ? diagnostic(r, index) : [])];
}

/** The whole run as TAP 14: version, plan, the answer at a glance (comments), what ran where (and the lab's facts), a test point per probe record, then verdicts and claims as comments. */
export function renderTap(doc: RunDocument): string {
  const { run, verdicts: v, end } = doc;
  const out = ['TAP version 14', doc.probes.length ? `1..${doc.probes.length}` : '1..0 # SKIP no probe runs recorded'];
  out.push(...renderGlanceLines(glanceOf(doc)).map(comment));
  out.push(comment(`coprobe ${run.version} run ${run.runId}, started ${run.startedAt}`));
  for (const n of ['a', 'b'] as const) out.push(comment(`${n} (${n === 'a' ? 'writer' : 'reader'}): ${describeSide(run, n).summary}`));
  if (run.lab) for (const i of labItems(run.lab)) out.push(comment(`lab ${i.label}: ${i.value}`));
  for (const c of run.confounders) out.push(comment(`confounder ${c.code} (${c.severity}): ${c.message}`));
  if (!run.confounders.length) for (const w of run.warnings) out.push(comment(`warning: ${w}`));
  doc.probes.forEach((r, i) => out.push(...testPoint(r, i + 1)));
  if (v) {
    out.push(comment(`verdicts on profile ${profileLine(v)}`), ...v.voids.map((x) => comment(`SAFE voided: ${x}`)), ...v.weakens.map((x) => comment(`caveat: ${x}`)));
    for (const m of v.verdicts) out.push(comment(`verdict cache=${m.mode}: ${verdictLine(m)}`));
    for (const c of v.claims) out.push(comment(`claim ${c.claim}: ${claimLine(c)}`), ...splitLines(c).map((s) => comment(`  ${c.claim} ${s}`)));
  } else {
    out.push(comment(`no verdicts: ${missingVerdicts(doc)}`));
  }
  out.push(comment(end ? `exit code ${end.exitCode}${end.interrupted ? ' (interrupted)' : ''}, finished ${end.finishedAt}`
    : `incomplete: the run has no end record (${doc.probes.length} probe runs recorded)`));
  return out.join('\n') + '\n';
}
