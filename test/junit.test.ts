// The JUnit XML report: snapshots of the recorded runs, schema validation with xmllint, one test per outcome, escaping.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJunit, JUNIT_OUTCOME } from '../src/report/junit.js';
import { caseName } from '../src/report/junit-cases.js';
import { xmlStrip } from '../src/report/xml.js';
import { OUTCOMES, type Outcome } from '../src/outcome.js';
import type { RunDocument } from '../src/report/document.js';
import { asSource, loadLabRun, loadLabSource, withoutLab } from './fixtures/lab-run.js';
import { RUNS, cutShort, hostileRecord, loadRun, recordPerOutcome, withProbes } from './fixtures/junit/outcomes.js';

const XSD = new URL('./fixtures/junit/junit.xsd', import.meta.url).pathname;
const noXmllint = spawnSync('xmllint', ['--version']).status === 0 ? undefined : 'xmllint is not installed (apt-get install libxml2-utils)';
const dir = mkdtempSync(join(tmpdir(), 'coprobe-junit-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Timings, timestamps and the run id replaced, so the snapshot only changes when the rendering does. */
function scrub(xml: string, doc: RunDocument): string {
  return xml.split(doc.run.runId).join('<run-id>').replace(/ time="[0-9.]+"/g, ' time="<s>"').replace(/ timestamp="[^"]*"/g, ' timestamp="<ts>"')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<iso>');
}

/** Run xmllint with the schema on the document; status 0 when it validates. */
function validate(xml: string, name: string): { status: number | null; stderr: string } {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** The value an XPath expression gives on the document, as xmllint reads it. */
function xpath(xml: string, expr: string): string {
  const file = join(dir, 'xpath.xml');
  writeFileSync(file, xml);
  return spawnSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).stdout.replace(/\n$/, '');
}

function attr(xml: string, el: string, name: string): string | undefined {
  return new RegExp(`<${el} [^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
}

t.test('every outcome is mapped', async (t) => {
  t.same(Object.keys(JUNIT_OUTCOME).sort(), [...OUTCOMES].sort());
});

for (const name of RUNS) {
  t.test(`${name}: snapshot, counts and schema`, async (t) => {
    const doc = loadRun(name);
    const xml = renderJunit(doc);
    t.matchSnapshot(scrub(xml, doc), 'junit.xml');
    const n = (...os: Outcome[]) => String(doc.probes.filter((r) => os.includes(r.outcome)).length);
    t.equal((xml.match(/<testcase /g) ?? []).length, doc.probes.length, 'one testcase per probe record');
    for (const el of ['testsuites', 'testsuite']) {
      t.equal(attr(xml, el, 'tests'), String(doc.probes.length), `${el} tests`);
      t.equal(attr(xml, el, 'failures'), n('FAIL'), `${el} failures`);
      t.equal(attr(xml, el, 'errors'), n('HUNG', 'LOST'), `${el} errors`);
      t.equal(attr(xml, el, 'skipped'), n('OMIT', 'UNSUPPORTED', 'KNOWN'), `${el} skipped`);
    }
    t.equal((xml.match(/<skipped /g) ?? []).length, Number(n('OMIT', 'UNSUPPORTED', 'KNOWN')));
    t.equal((xml.match(/<system-out>WARN: /g) ?? []).length, Number(n('WARN')), 'each WARN says so');
    for (const v of doc.verdicts!.verdicts) t.match(xml, `<property name="verdict.${v.mode}.${v.behaviour}" value="${v.verdict} with `);
    t.notMatch(xml, /<testcase name="[^"]*(?:drop-cache|VERDICT)/, 'verdicts are properties, not testcases');
    if (noXmllint) return void t.pass('validates against junit.xsd', { skip: noXmllint });
    const r = validate(xml, name);
    t.equal(r.status, 0, `validates against junit.xsd: ${r.stderr}`);
  });
}

t.test('the schema check is not vacuous: broken documents fail it', { skip: noXmllint }, async (t) => {
  const xml = renderJunit(loadRun('loop-window'));
  const broken = {
    'testcase without a name': xml.replace(/<testcase name="[^"]*"/, '<testcase'),
    'negative count': xml.replace(/ failures="0"/, ' failures="-1"'),
    'unknown element': xml.replace('<properties>', '<properties><bogus/>'),
    'failure outside a testcase': xml.replace('<properties>', '<failure message="x"/><properties>'),
    'timestamp with a zone': xml.replace(/ timestamp="([^"]*)"/, ' timestamp="$1+02:00"'),
    'not well-formed': xml.replace('coprobe.BOTH1', 'coprobe & BOTH1'),
  };
  for (const [what, doc] of Object.entries(broken)) {
    t.not(doc, xml, `${what}: the mutation applied`);
    const r = validate(doc, 'broken');
    t.not(r.status, 0, what);
    t.match(r.stderr, /Schemas validity error|parser error/, `${what}: refused by the schema or the parser`);
  }
});

t.test('one testcase per outcome, each with its mapping', async (t) => {
  const doc = loadRun('loop-pair');
  const recs = recordPerOutcome(doc);
  const xml = renderJunit(withProbes(doc, OUTCOMES.map((o) => recs[o])));
  t.matchSnapshot(scrub(xml.slice(xml.indexOf('</properties>'), xml.indexOf('    <system-out>coprobe')), doc), 'testcases');
  for (const o of OUTCOMES) {
    const name = caseName(recs[o]).replace(/[<>&"]/g, '');
    const m = new RegExp(`<testcase name="${name.replace(/[[\]()]/g, '\\$&')}"[^>]*?(/>|>([\\s\\S]*?)</testcase>)`).exec(xml);
    t.ok(m, `${o}: testcase found`);
    const body = m?.[2] ?? '';
    const el = JUNIT_OUTCOME[o].element;
    if (el === 'none') t.equal(m?.[1], '/>', `${o}: a plain testcase`);
    else t.match(body, `<${el}`, `${o}: <${el}>`);
  }
  const failing = recs.FAIL.checks.find((c) => c.outcome === 'FAIL')!;
  t.match(xml, `<failure message="${failing.sentence}: ${failing.observed} (claims: ${failing.claims.join(', ')})`, 'FAIL: sentence: observed, and the claim ids');
  t.match(xml, '<failure message="', 'FAIL → failure');
  t.match(xml, `<error message="hung: side b did not answer &quot;read&quot; within 30000 ms`, 'HUNG → error with the step that hung');
  t.match(xml, `<error message="lost: side a: agent went away during &quot;write&quot;`, 'LOST → error');
  t.match(xml, '<skipped message="unsupported: renderer test: side b refused O_DIRECT (EINVAL)">', 'UNSUPPORTED → skipped');
  t.match(xml, '<skipped message="known issue: renderer test: a known issue of this stack">', 'KNOWN → skipped with the known-issue reason');
  t.match(xml, `<skipped message="${recs.OMIT.reason!}">`, 'OMIT → skipped with the reason');
  t.match(xml, /<system-out>WARN: [^<]+: 16 blocks/, 'WARN → passes and says what was observed');
  t.match(xml, / tests="8" failures="1" errors="2" skipped="3"/);
  if (!noXmllint) t.equal(validate(xml, 'outcomes').status, 0, 'validates');
});

t.test('a run cut short: what is there, and that it is incomplete', async (t) => {
  const doc = cutShort(loadRun('loop-pair'));
  const xml = renderJunit(doc);
  t.match(xml, '<property name="verdicts" value="none: the run did not finish before they were computed"/>');
  t.match(xml, '<property name="coprobe.incomplete" value="no end record: the run was cut short after 12 probe runs"/>');
  t.match(xml, 'Incomplete: the run has no end record (12 probe runs recorded).');
  t.notMatch(xml, 'coprobe.exit-code');
  t.equal((xml.match(/<testcase /g) ?? []).length, 12);
  if (!noXmllint) t.equal(validate(xml, 'cut').status, 0, 'validates');
  const empty = renderJunit(cutShort(doc, 0));
  t.match(empty, / tests="0" failures="0" errors="0" skipped="0" time="0.000"/);
  if (!noXmllint) t.equal(validate(empty, 'empty').status, 0, 'an empty run validates');
});

t.test('escaping: markup, quotes, CR/LF/tab kept, characters XML 1.0 forbids removed', { skip: noXmllint }, async (t) => {
  const doc = loadRun('loop-window');
  const rec = hostileRecord(doc);
  const xml = renderJunit(withProbes(doc, [rec]));
  t.equal(validate(xml, 'hostile').status, 0, 'validates');
  t.notMatch(xml, /[\u0001\u0008\uFFFF]/, 'forbidden characters removed');
  t.notMatch(xml, ']]>');
  t.equal(xpath(xml, 'string(//testcase/@name)'), caseName(rec), 'the name reads back as written');
  t.equal(xpath(xml, 'string(//skipped/@message)'), xmlStrip(rec.reason!), 'the message reads back, newline and tab included');
});

t.test('a lab run: coprobe.lab.* properties, the lab in the summary, a confounded scenario as a warning; nothing without lab facts', async (t) => {
  const doc = loadLabRun();
  const lab = doc.run.lab!;
  const xml = renderJunit(doc);
  t.matchSnapshot(scrub(xml.slice(xml.indexOf('    <properties>'), xml.indexOf('      <property name="verdicts.profile"')), doc), 'properties up to the verdicts');
  const prop = (name: string) => new RegExp(`<property name="${name.replace(/\./g, '\\.')}" value="([^"]*)"/>`).exec(xml)?.[1];
  t.equal(prop('coprobe.lab.scenario'), 'nfs42-sync-one-client');
  t.equal(prop('coprobe.lab.summary'), lab.summary);
  t.equal(prop('coprobe.lab.confounded'), lab.confounded);
  t.equal(prop('coprobe.lab.kernel-package'), 'linux-image-6.12.48+deb13-amd64 6.12.48-1');
  t.equal(prop('coprobe.lab.kernel'), '6.12.48+deb13-amd64');
  t.equal(prop('coprobe.lab.accel'), 'kvm');
  t.equal(prop('coprobe.lab.packages'), 'nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1');
  t.equal(prop('coprobe.lab.exports'), lab.exports);
  t.equal(prop('coprobe.lab.setup.a'), lab.setup.a);
  t.equal(prop('coprobe.lab.setup.b'), lab.setup.b);
  t.equal(prop('coprobe.lab.clients'), lab.clients);
  const names = [...xml.matchAll(/<property name="([^"]+)"/g)].map((m) => m[1]);
  t.equal(new Set(names).size, names.length, 'property names stay unique');
  t.ok(names.indexOf('coprobe.lab.scenario') > names.indexOf('side.b.kernel'), 'after the sides');
  t.match(xml, new RegExp(`<system-out>coprobe [^\\n]*\\na: [^\\n]*\\nb: [^\\n]*\\ncoprobe lab scenario nfs42-sync-one-client \\(kernel linux-image-6\\.12\\.48\\+deb13-amd64 6\\.12\\.48-1\\): `), 'the summary names the lab after the sides');
  t.match(xml, `  set-up b: ${lab.setup.b!}\n`);
  t.match(xml, `<system-err>WARNING: confounded lab scenario nfs42-sync-one-client: ${lab.confounded!}</system-err>`);
  if (noXmllint) t.pass('validates against junit.xsd', { skip: noXmllint });
  else t.equal(validate(xml, 'lab').status, 0, 'validates against junit.xsd');

  const without = renderJunit(withoutLab(doc));
  t.equal(asSource(without), renderJunit(loadLabSource()), 'without lab facts: the report of the run it was copied from');
  t.notMatch(without, 'lab');
});
