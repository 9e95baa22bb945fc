import t from 'tap';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentOf, parseRunText, readRunFile } from '../src/report/document.js';
import { ReportError } from '../src/errors.js';
import { RESULT_SCHEMA_VERSION } from '../src/result.js';

const fixture = 'test/fixtures/runs/loop-pair.jsonl';
const text = readFileSync(fixture, 'utf8');

t.test('a run\'s JSON-lines file becomes one document: header, probe records in order, verdicts, end', async (t) => {
  const doc = readRunFile(fixture);
  const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
  t.equal(doc.format, 'coprobe-run');
  t.equal(doc.schema, 1, 'a result schema 1 fixture still reads');
  t.ok(RESULT_SCHEMA_VERSION > 1);
  t.equal(doc.probes.length, lines.filter((l) => l.type === 'probe').length);
  t.equal(doc.probes.length, 130);
  t.ok(doc.verdicts, 'verdicts');
  t.equal(doc.end?.exitCode, 0);
  t.same(doc.probes.map((p) => p.type), doc.probes.map(() => 'probe'));
});

t.test('run.json (the document itself, pretty or not) reads back the same', async (t) => {
  const doc = readRunFile(fixture);
  t.same(parseRunText(JSON.stringify(doc, null, 1), 'run.json'), doc);
  t.same(parseRunText(JSON.stringify(doc), 'run.json'), doc);
});

t.test('an interrupted run reads: no verdicts, and a last line cut mid-write is dropped', async (t) => {
  const lines = text.trim().split('\n');
  const cut = lines.slice(0, 5).join('\n') + '\n' + lines[5]!.slice(0, 40);
  const doc = parseRunText(cut, 'cut.jsonl');
  t.equal(doc.probes.length, 4);
  t.equal(doc.verdicts, undefined);
  t.equal(doc.end, undefined);
});

t.test('what is not a run is refused with a message naming the file and the problem', async (t) => {
  const code = (f: () => unknown) => { try { f(); return 'none'; } catch (e) { t.type(e, ReportError); return `${(e as ReportError).code}: ${(e as Error).message}`; } };
  t.match(code(() => parseRunText('', 'e.json')), /^REPORT_EMPTY: e.json: empty file/);
  t.match(code(() => parseRunText('{"a": 1}', 'x.json')), /^REPORT_NOT_A_RUN: x.json: JSON, but not a coprobe run/);
  t.match(code(() => parseRunText('{"type":"end"}\n{"type":"end"}', 'y.jsonl')), /^REPORT_NO_RUN: y.jsonl: no run record/);
  const lines = text.trim().split('\n');
  t.match(code(() => parseRunText([lines[0], 'garbage', lines[1]].join('\n'), 'z.jsonl')), /^REPORT_BAD_JSON: z.jsonl: line 2 is not JSON/);
  t.match(code(() => readRunFile('/nonexistent/run.json')), /^REPORT_UNREADABLE: cannot read \/nonexistent\/run.json: ENOENT/);
  const newer = { ...readRunFile(fixture), schema: RESULT_SCHEMA_VERSION + 1 };
  t.match(code(() => parseRunText(JSON.stringify(newer), 'new.json')), /^REPORT_SCHEMA_NEWER: new.json: written with result schema 3, this coprobe reads up to 2: upgrade coprobe/);
  t.match(code(() => documentOf([])), /no run record/);
});

t.test('readRunFile reads a file from disk', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-doc-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'run.json'), JSON.stringify(readRunFile(fixture)));
  t.equal(readRunFile(join(dir, 'run.json')).run.runId, readRunFile(fixture).run.runId);
});

t.test('a document that does not match the result schema is refused, naming the paths', async (t) => {
  const doc = readRunFile(fixture);
  const bad = { ...doc, probes: doc.probes.map((p, i) => (i === 2 ? { ...p, outcome: 'MAYBE' } : p)) };
  t.throws(() => parseRunText(JSON.stringify(bad), 'bad.json'), { code: 'REPORT_INVALID', message: /^bad.json: does not match result schema 2 \(schema\/coprobe-run-v2.schema.json\):\n  probes\[2\]\.outcome: / });
});
