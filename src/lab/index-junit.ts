// lab.junit.xml: one JUnit file for CI systems that read one — a "coprobe lab" suite (a testcase per scenario: did it run,
// and the lab itself if it failed; the kernel and phase times as properties), then each scenario's run as its own suite.
import { renderJunit } from '../report/junit.js';
import { xmlAttrs, xmlText } from '../report/xml.js';
import type { LabIndex } from './index-model.js';
import { labLine, statusWords } from './index-words.js';

/** The counts a suite's opening tag carries. */
interface Counts { tests: number; failures: number; errors: number; skipped: number; time: number }

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** A counted attribute of an opening tag (0 when absent). */
function attrNumber(tag: string, name: string): number {
  const v = new RegExp(` ${name}="([0-9.]+)"`).exec(tag)?.[1];
  return v === undefined ? 0 : Number(v);
}

/**
 * One scenario's run as a suite of the merged file: the <testsuite> renderJunit writes for the run, named after the
 * scenario (id i, package coprobe.<scenario>) and with its testcases' classnames under coprobe.<scenario>, so two
 * scenarios' cases never share a name in a CI system that keys them by class and name. Throws when renderJunit's
 * output no longer has the shape this reads (one suite inside <testsuites>): a test guards that.
 */
export function scenarioSuite(xml: string, scenario: string, id: number): { lines: string[]; counts: Counts } {
  const lines = xml.split('\n');
  const start = lines.findIndex((l) => l.startsWith('  <testsuite '));
  const end = lines.lastIndexOf('  </testsuite>');
  if (start < 0 || end < start || lines.filter((l) => l.startsWith('  <testsuite ')).length !== 1) {
    throw new Error('renderJunit no longer writes one <testsuite> inside <testsuites>: update scenarioSuite');
  }
  const suite = lines.slice(start, end + 1);
  const open = suite[0]!;
  const runName = / name="([^"]*)"/.exec(open)?.[1] ?? '';
  suite[0] = open.replace(/ name="[^"]*"/, ` name="coprobe lab ${scenario}: ${runName}"`).replace(/ id="[^"]*"/, ` id="${id}"`)
    .replace(/ package="[^"]*"/, ` package="coprobe.${scenario}"`);
  for (let i = 1; i < suite.length; i++) suite[i] = suite[i]!.replace(/^( {4}<testcase [^>]*? classname=")coprobe\./, `$1coprobe.${scenario}.`);
  const counts = { tests: attrNumber(open, 'tests'), failures: attrNumber(open, 'failures'), errors: attrNumber(open, 'errors'), skipped: attrNumber(open, 'skipped'), time: attrNumber(open, 'time') };
  return { lines: suite, counts };
}

/** The lab's own suite: a testcase per scenario (an error when it did not run to the end), the lab's failure if any. */
function labSuite(ix: LabIndex): { lines: string[]; counts: Counts } {
  const s = ix.summary;
  const cases: string[] = [];
  let errors = 0;
  for (const x of ix.scenarios) {
    const phaseMs = s.phases.filter((p) => p.phase.startsWith(`${x.result.name}: `)).reduce((n, p) => n + p.ms, 0);
    const open = `    <testcase${xmlAttrs({ name: x.result.name, classname: 'coprobe.lab', time: seconds(phaseMs) })}`;
    if (x.result.status === 'done' && !x.unreadable) { cases.push(`${open}/>`); continue; }
    errors++;
    const why = x.unreadable ? `its run could not be read: ${x.unreadable}` : statusWords(x);
    cases.push(`${open}>\n      <error${xmlAttrs({ message: why, type: x.result.status === 'done' ? 'unreadable' : x.result.status })}>${xmlText(why)}</error>\n    </testcase>`);
  }
  if (s.failure) {
    errors++;
    cases.push(`    <testcase${xmlAttrs({ name: 'lab', classname: 'coprobe.lab' })}>\n      <error${xmlAttrs({ message: s.failure.message, type: s.failure.code })}>${xmlText(`${s.failure.code}: ${s.failure.message}`)}</error>\n    </testcase>`);
  }
  const time = s.phases.reduce((n, p) => n + p.ms, 0);
  const counts = { tests: cases.length, failures: 0, errors, skipped: 0, time: Number(seconds(time)) };
  const props: [string, string][] = [
    ['lab.kernelPackage', `${s.kernelPackage} ${s.kernelVersion}`], ['lab.kernel', s.kernel], ['lab.accel', s.accel],
    ...s.phases.map((p): [string, string] => [`lab.phase.${p.phase}`, `${seconds(p.ms)} s${p.ok ? '' : ' FAILED'}${p.note ? ` (${p.note})` : ''}`]),
  ];
  return {
    counts,
    lines: [
      `  <testsuite${xmlAttrs({ name: 'coprobe lab', tests: counts.tests, failures: 0, errors, skipped: 0, time: seconds(time), id: 0, package: 'coprobe.lab' })}>`,
      '    <properties>', ...props.map(([name, value]) => `      <property${xmlAttrs({ name, value })}/>`), '    </properties>',
      ...cases,
      `    <system-out>${xmlText(labLine(ix))}</system-out>`,
      '  </testsuite>',
    ],
  };
}

/** lab.junit.xml: the lab's suite, then each scenario's run as a suite; the counts of <testsuites> are their sums, its time the lab's. */
export function renderLabJunit(ix: LabIndex): string {
  const suites = [labSuite(ix), ...ix.scenarios.flatMap((x, i) => (x.run ? [scenarioSuite(renderJunit(x.run.doc), x.result.name, i + 1)] : []))];
  const sum = (k: keyof Counts) => suites.reduce((n, s) => n + s.counts[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // The lab's wall time (its phases hold the runs: a sum over the suites would count each run twice).
    `<testsuites${xmlAttrs({ name: 'coprobe lab', tests: sum('tests'), failures: sum('failures'), errors: sum('errors'), skipped: sum('skipped'), time: suites[0]!.counts.time.toFixed(3) })}>`,
    ...suites.flatMap((s) => s.lines),
    '</testsuites>',
  ].join('\n') + '\n';
}
