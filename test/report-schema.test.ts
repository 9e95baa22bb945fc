// The result schema: every recorded run and a fresh loop-pair run validate, broken documents are refused with the path
// named, and the published JSON Schema file is what the code generates.
import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentOf, parseRunText, readRunFile, type RunDocument } from '../src/report/document.js';
import { formatPath, validateRecord, validateRunDocument } from '../src/report/validate.js';
import { JSON_SCHEMA_FILE, runDocumentJsonSchemaText } from '../src/report/schema/json-schema.js';
import { packageRoot } from '../src/package-info.js';
import { startRun } from '../src/run/runner.js';
import { parseSide } from '../src/transport/spec.js';
import { selectProbes } from '../src/registry.js';
import { parseModes } from '../src/cli/modes-arg.js';
import { attachLoopPair } from '../src/loop-pair.js';
import { PROBES } from '../probes/index.js';
import { loopsUnder, noLoopReason } from './fixtures/root.js';

const RUNS = new URL('./fixtures/runs/', import.meta.url).pathname;
const fixtures = readdirSync(RUNS).filter((f) => f.endsWith('.jsonl')).sort();
const loopPair = () => readRunFile(join(RUNS, 'loop-pair.jsonl'));

/** The JSON-lines records of a file, parsed. */
function linesOf(path: string): unknown[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
}

/** Validate a whole document and each of its records (as the JSON-lines file holds them); tap assertions per file. */
function assertValid(t: Test, doc: RunDocument, records: unknown[], what: string): void {
  const v = validateRunDocument(doc);
  t.same(v.ok ? [] : v.errors, [], `${what}: the document validates`);
  const bad = records.map((r, i) => [i + 1, validateRecord(r)] as const).filter(([, r]) => !r.ok);
  t.same(bad.map(([line, r]) => `line ${line}: ${r.ok ? '' : r.errors.join('; ')}`), [], `${what}: every record validates`);
}

/** The errors of a document that must be refused. */
function errorsOf(doc: unknown): string[] {
  const v = validateRunDocument(doc);
  return v.ok ? [] : v.errors;
}

t.test('every recorded run validates, as a document and record by record', async (t) => {
  t.ok(fixtures.length >= 4, 'the recorded runs are there');
  for (const f of fixtures) {
    const doc = readRunFile(join(RUNS, f));
    assertValid(t, doc, linesOf(join(RUNS, f)), f);
    t.ok(doc.verdicts && doc.end, `${f}: a whole run (verdicts and end record)`);
    const roundTrip = parseRunText(JSON.stringify(doc, null, 1), `${f} as run.json`);
    t.ok(validateRunDocument(roundTrip).ok, `${f}: its run.json form validates too`);
  }
});

t.test('records written before the stale-block map (no ranges) still validate', async (t) => {
  const doc = structuredClone(loopPair());
  let stripped = 0;
  for (const p of doc.probes) for (const c of p.checks) if (c.read?.ranges) { delete c.read.ranges; delete c.read.rangesOmitted; stripped++; }
  t.ok(stripped > 0, 'the recorded run has ranges to strip');
  t.same(errorsOf(doc), []);
});

t.test('a run cut short (no verdicts, no end record) validates', async (t) => {
  const whole = loopPair();
  const doc = documentOf([whole.run, ...whole.probes.slice(0, 5)], 'cut short');
  t.notOk(doc.verdicts ?? doc.end);
  t.same(errorsOf(doc), []);
});

t.test('broken documents are refused, each error naming its path', async (t) => {
  const withBroken = (f: (d: RunDocument) => void) => { const d = structuredClone(loopPair()); f(d); return errorsOf(d); };
  const firstChecked = loopPair().probes.findIndex((p) => p.checks[0]?.read);
  t.ok(firstChecked >= 0, 'a probe record with a read to break');

  t.match(withBroken((d) => { delete (d.probes[2] as Partial<RunDocument['probes'][number]>).title; }),
    ['probes[2].title: missing (expected string)'], 'a missing required field');
  t.match(withBroken((d) => { (d.probes[3]!.checks[0] as { outcome: string }).outcome = 'MAYBE'; }),
    [/^probes\[3\]\.checks\[0\]\.outcome: Invalid option: expected one of "PASS"\|.* \(found "MAYBE"\)$/], 'an unknown outcome');
  t.match(withBroken((d) => { Object.assign(d.probes[4]!, { verdict: 'SAFE' }); }),
    ['probes[4].verdict: unknown key (not in the result schema)'], 'an extra unknown key');
  t.match(withBroken((d) => { (d.probes[firstChecked]!.checks[0]!.read!.counts as Record<string, unknown>).stale = '16'; }),
    [new RegExp(`^probes\\[${firstChecked}\\]\\.checks\\[0\\]\\.read\\.counts\\.stale: .*expected number.*\\(found "16"\\)$`)], 'a wrong type deep inside: a check\'s read counts');
  t.match(withBroken((d) => { (d.probes[firstChecked]!.checks[0]!.read!.counts as Record<string, unknown>).rotten = 1; }),
    [`probes[${firstChecked}].checks[0].read.counts.rotten: unknown key (not in the result schema)`], 'a block class the code does not have');
  t.match(withBroken((d) => { Object.assign(d.run, { schema: 3 }); Object.assign(d, { schema: 3 }); }),
    [/^schema: result schema version: this schema reads versions 1 and 2 \(found 3\)$/, /^run\.schema: /], 'a newer schema version');
  t.same(withBroken((d) => { Object.assign(d.run, { schema: 2 }); Object.assign(d, { schema: 2 }); }), [], 'version 2 (this one) validates');

  const many = withBroken((d) => { for (const p of d.probes) delete (p as Partial<typeof p>).title; });
  t.equal(many.length, 21, 'at most 20 errors listed...');
  t.match(many.at(-1), /^\.\.\.and 110 more$/, '...and the rest counted');
});

t.test('lab facts (coprobe lab): the lab fixture validates; a run without them too; broken facts are refused by path', async (t) => {
  const lab = readRunFile(join(RUNS, 'lab-nfs.jsonl'));
  t.ok(lab.run.lab, 'the fixture carries lab facts');
  assertValid(t, lab, linesOf(join(RUNS, 'lab-nfs.jsonl')), 'lab-nfs.jsonl');
  const facts = lab.run.lab!;
  const minimal = { scenario: 'iscsi', summary: 's', kernelPackage: 'linux-image-x 1', kernel: 'x', accel: 'tcg', packages: {}, setup: {}, clients: 'c' };
  t.same(errorsOf({ ...lab, run: { ...lab.run, lab: minimal } }), [], 'the optional facts (confounded, exports, each side\'s set-up) may be absent');
  const broken = (f: (l: Record<string, unknown>) => void) => { const d = structuredClone(lab); f(d.run.lab as unknown as Record<string, unknown>); return errorsOf(d); };
  t.match(broken((l) => { delete l.clients; }), ['run.lab.clients: missing (expected string)']);
  t.match(broken((l) => { l.accel = 1; }), [/^run\.lab\.accel: .*expected string.*\(found 1\)$/]);
  t.match(broken((l) => { l.netns = 'net:[1]'; }), ['run.lab.netns: unknown key (not in the result schema)']);
  t.match(broken((l) => { (l.setup as Record<string, string>).c = 'mount'; }), ['run.lab.setup.c: unknown key (not in the result schema)']);
  t.match(broken((l) => { (l.packages as Record<string, unknown>).tgt = 1; }), [/^run\.lab\.packages\.tgt: .*expected string/]);
  t.ok(validateRecord({ ...lab.run, lab: facts }).ok, 'the run record alone validates as a JSON-lines record');
  t.ok(validateRecord({ ...lab.run, sides: { ...lab.run.sides, a: { ...lab.run.sides.a, host: { ...lab.run.sides.a.host, netns: 'net:[4026531840]' } } } }).ok, 'so does a side whose agent reported its network namespace');
});

t.test('cross-record rules: one run id, evidence quoting the probe record it names', async (t) => {
  const d = structuredClone(loopPair());
  d.probes[6]!.runId = '0000000000000000';
  d.verdicts!.verdicts[0]!.evidence[0]!.record = 999;
  d.verdicts!.claims.find((c) => c.evidence.length)!.evidence[0]!.record = 1;
  const errors = errorsOf(d);
  t.match(errors, [
    /^probes\[6\]\.runId: run id 0000000000000000 is not the run's/,
    /^verdicts\.verdicts\[0\]\.evidence\[0\]\.record: names probe record 999, but the document has 130$/,
    /^verdicts\.claims\[\d+\]\.evidence\[0\]\.record: names probe record 1 \(SHARE1 started .*\), but quotes /,
  ]);
});

t.test('one JSON-lines record at a time', async (t) => {
  const doc = loopPair();
  t.ok(validateRecord(doc.end).ok);
  t.same((validateRecord({ type: 'summary' }) as { errors: string[] }).errors, [`type: Invalid discriminator value. Expected 'run' | 'probe' | 'verdicts' | 'end' (found "summary")`]);
  t.match((validateRecord({ ...doc.end, counts: { PASS: 3, MAYBE: 1 } }) as { errors: string[] }).errors, ['counts.MAYBE: unknown key (not in the result schema)']);
  t.match((validateRecord(42) as { errors: string[] }).errors, [/^\(top level\): .*expected object/]);
  t.equal(formatPath(['verdicts', 'claims', 2, 'evidence', 0, 'record']), 'verdicts.claims[2].evidence[0].record');
  t.equal(formatPath(['run', 'sides', 'a', 'host', 'unavailable', 'lib-x']), 'run.sides.a.host.unavailable["lib-x"]');
});

t.test(`${JSON_SCHEMA_FILE} is what the code generates`, async (t) => {
  const path = join(packageRoot(), JSON_SCHEMA_FILE);
  const committed = readFileSync(path, 'utf8');
  const generated = runDocumentJsonSchemaText();
  const line = committed.split('\n').findIndex((l, i) => l !== generated.split('\n')[i]);
  t.ok(committed === generated, committed === generated ? `${JSON_SCHEMA_FILE} matches src/report/schema`
    : `${JSON_SCHEMA_FILE} is out of date with src/report/schema (first difference at line ${line + 1}): regenerate it with `
      + `\`npx tsc -p . && node dist/src/report/schema/emit.js > ${JSON_SCHEMA_FILE}\` and commit it`);
  const json = JSON.parse(committed) as { $defs: Record<string, unknown> };
  for (const def of ['RunDocument', 'RunRecord', 'ProbeRunRecord', 'VerdictsRecord', 'EndRecord', 'ResultRecord', 'Check', 'ReadSummary']) {
    t.ok(json.$defs[def], `$defs.${def}`);
  }
});

t.test('a fresh loop-pair run validates (HAND1 included: the stale-block map appears)', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(16);
  const prefix = pair.backing.replace(/\/backing\.img$/, '');
  const reportDir = mkdtempSync(join(tmpdir(), 'coprobe-schema-'));
  t.teardown(() => { pair.detach(); rmSync(reportDir, { recursive: true, force: true }); });
  const h = startRun({
    sides: { a: parseSide('a', pair.a), b: parseSide('b', pair.b) }, probes: selectProbes(PROBES, ['BOTH1', 'FLUSH1', 'HAND1']),
    pairs: parseModes('none,writeback'), blocks: 16, reportDir, argv: [], timeoutMs: 10_000, destroy: [pair.a, pair.b],
    remoteAgent: ['coprobe', 'agent'], print: () => undefined,
  });
  const { reportPath } = await h.done;
  const doc = readRunFile(reportPath);
  assertValid(t, doc, linesOf(reportPath), 'fresh run');
  t.ok(doc.verdicts && doc.end, 'verdicts and end record written');
  t.same(new Set(doc.probes.map((p) => p.probe)), new Set(['BOTH1', 'FLUSH1', 'HAND1']));
  t.same(new Set(doc.probes.map((p) => p.variant.a)), new Set(['none', 'writeback']), 'both modes ran');
  const hand = doc.probes.find((p) => p.probe === 'HAND1' && p.variant.a === 'writeback' && p.variant.param === 'none');
  t.ok(hand?.checks[0]?.read?.ranges?.length, 'HAND1 without a remedy in writeback: the stale-block map is in the record');
  t.same(errorsOf(parseRunText(JSON.stringify(doc), 'run.json')), [], 'its run.json form validates');
  pair.detach();
  t.equal(loopsUnder(prefix).length, 0, 'no loop device left behind');
});
