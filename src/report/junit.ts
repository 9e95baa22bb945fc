// The JUnit XML report (Jenkins/Surefire flavour) for CI systems: one <testcase> per probe record, measurements as properties.
import type { Outcome } from '../outcome.js';
import type { ProbeRunRecord } from '../result.js';
import { CLAIMS } from '../claims.js';
import type { RunDocument } from './document.js';
import { caseName, checkLine, decidingChecks, knownReason, seconds } from './junit-cases.js';
import { junitProperties, missingVerdicts } from './junit-properties.js';
import { describeSide } from './describe.js';
import { renderClaimTable, renderVerdicts } from './verdicts.js';
import { xmlAttrs, xmlText } from './xml.js';
import { labLines, labWarning } from './lab.js';

/** How an outcome is written in JUnit: the child element, the words before the message, and what the outcome means. */
export interface JunitMapping { element: 'failure' | 'error' | 'skipped' | 'system-out' | 'none'; prefix: string; meaning: string }

/** Every outcome mapped: FAIL fails, HUNG/LOST are errors, OMIT/UNSUPPORTED/KNOWN are skipped, WARN passes and says so. */
export const JUNIT_OUTCOME: Record<Outcome, JunitMapping> = {
  PASS: { element: 'none', prefix: '', meaning: 'the claim held as the probe expected' },
  WARN: { element: 'system-out', prefix: 'WARN: ', meaning: 'a hazard the documents describe was observed (not a violation)' },
  UNSUPPORTED: { element: 'skipped', prefix: 'unsupported: ', meaning: 'the stack cannot do what the variant needs' },
  OMIT: { element: 'skipped', prefix: '', meaning: 'not run' },
  KNOWN: { element: 'skipped', prefix: 'known issue: ', meaning: 'a failure a known-issues entry matches (not a pass)' },
  FAIL: { element: 'failure', prefix: '', meaning: 'a claim the probe expects to hold was violated' },
  HUNG: { element: 'error', prefix: 'hung: ', meaning: 'a side did not answer within the timeout' },
  LOST: { element: 'error', prefix: 'lost: ', meaning: 'a side\'s agent went away' },
};

/** The one-line message of a non-passing record: the first deciding check ("sentence: observed (claims: …)") or the reason. */
function messageOf(r: ProbeRunRecord): string {
  const m = JUNIT_OUTCOME[r.outcome];
  const checks = decidingChecks(r);
  const reason = r.reason && r.outcome === 'KNOWN' ? knownReason(r.reason) : r.reason;
  if (r.outcome === 'KNOWN' || !checks.length) return `${m.prefix}${reason ?? m.meaning}`;
  return `${m.prefix}${checkLine(checks[0]!)}${checks.length > 1 ? ` (and ${checks.length - 1} more)` : ''}`;
}

/** The text under the element: every deciding check with its claims' sentences, the reason (unless the message is it), and what the outcome means. */
function detailOf(r: ProbeRunRecord, index: number): string {
  const checks = decidingChecks(r);
  const lines = checks.flatMap((c) => [`${r.outcome}: ${c.sentence}: ${c.observed}`, ...c.claims.map((id) => `  ${id}: ${CLAIMS[id]}`)]);
  if (r.reason && checks.length && r.outcome !== 'KNOWN') lines.push(`reason: ${r.reason}`);
  lines.push(`${r.outcome}: ${JUNIT_OUTCOME[r.outcome].meaning}; probe record #${index} (${r.title})`);
  return lines.join('\n');
}

/** One <testcase>, with its outcome's element. */
function testcase(r: ProbeRunRecord, index: number): string {
  const open = `    <testcase${xmlAttrs({ name: caseName(r), classname: `coprobe.${r.probe}`, time: seconds(r.durationMs) })}`;
  const el = JUNIT_OUTCOME[r.outcome].element;
  if (el === 'none') return `${open}/>`;
  const body = detailOf(r, index);
  const attrs = el === 'skipped' ? xmlAttrs({ message: messageOf(r) }) : el === 'system-out' ? '' : xmlAttrs({ message: messageOf(r), type: r.outcome });
  return `${open}>\n      <${el}${attrs}>${xmlText(body)}</${el}>\n    </testcase>`;
}

/** "2026-11-22T03:31:50": UTC in the Ant pattern (no zone suffix, which strict readers refuse); the exact instant is a property. */
function timestamp(iso: string): string | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 19);
}

/** The run summary a CI system shows with the suite: sides, the lab, verdicts and claim tables, or why they are missing. */
function suiteOut(doc: RunDocument): string {
  const lab = doc.run.lab ? labLines(doc.run.lab).map((l, i) => (i ? `  ${l}` : l)) : [];
  const lines = [`coprobe ${doc.run.version} run ${doc.run.runId}`, ...(['a', 'b'] as const).map((n) => `${n}: ${describeSide(doc.run, n).summary}`), ...lab, ''];
  if (doc.verdicts) lines.push(...renderVerdicts(doc.verdicts), '', ...renderClaimTable(doc.verdicts));
  else lines.push(`No verdicts: ${missingVerdicts(doc)}.`);
  if (!doc.end) lines.push(`Incomplete: the run has no end record (${doc.probes.length} probe runs recorded).`);
  return lines.join('\n');
}

/** The whole run as a JUnit XML document: one suite, its properties, a testcase per probe record, the run summary. */
export function renderJunit(doc: RunDocument): string {
  const { run, probes } = doc;
  const count = (el: JunitMapping['element']) => probes.filter((r) => JUNIT_OUTCOME[r.outcome].element === el).length;
  const finished = doc.end ? Date.parse(doc.end.finishedAt) - Date.parse(run.startedAt) : NaN;
  const counts = {
    tests: probes.length, failures: count('failure'), errors: count('error'), skipped: count('skipped'),
    time: seconds(Number.isNaN(finished) ? probes.reduce((s, r) => s + (Number.isFinite(r.durationMs) && r.durationMs > 0 ? r.durationMs : 0), 0) : finished),
  };
  const hosts = [...new Set([run.sides.a.host.hostname, run.sides.b.host.hostname])].join(',');
  const ts = timestamp(run.startedAt);
  const labWarn = run.lab && labWarning(run.lab);
  const warnings = [...(labWarn ? [labWarn] : []), ...(run.confounders.length ? run.confounders.map((c) => `${c.code} (${c.severity}): ${c.message}`) : run.warnings)];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttrs({ name: 'coprobe', ...counts, timestamp: ts })}>`,
    `  <testsuite${xmlAttrs({ name: `coprobe run ${run.runId}`, ...counts, timestamp: ts, hostname: hosts, id: 0, package: 'coprobe' })}>`,
    '    <properties>',
    ...junitProperties(doc).map(([name, value]) => `      <property${xmlAttrs({ name, value })}/>`),
    '    </properties>',
    ...probes.map((r, i) => testcase(r, i + 1)),
    `    <system-out>${xmlText(suiteOut(doc))}</system-out>`,
    `    <system-err>${xmlText(warnings.map((w) => `WARNING: ${w}`).join('\n'))}</system-err>`,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n') + '\n';
}
