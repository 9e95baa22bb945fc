import t from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMATS, parseFormats, validateFormats, writeReports } from '../src/report/formats.js';
import { readRunFile, parseRunText } from '../src/report/document.js';
import { UsageError } from '../src/errors.js';

t.test('the registry: unique names and files, each with a renderer, validated naming the format', async (t) => {
  t.ok(FORMATS.length >= 3);
  t.same(validateFormats(FORMATS), FORMATS);
  const json = FORMATS.find((f) => f.name === 'json')!;
  t.throws(() => validateFormats([json, { ...json }]), /report format "json": name or file run.json registered twice/);
  t.throws(() => validateFormats([{ ...json, name: 'Bad' }]), /report format "Bad": name must be lower-case letters/);
  t.throws(() => validateFormats([{ ...json, render: undefined as never }]), /report format "json": no render function/);
});

t.test('--format lists: comma-separated or repeated, duplicates once, an unknown name refused naming the known ones', async (t) => {
  t.same(parseFormats(['json,md', 'md']).map((f) => f.name), ['json', 'md']);
  t.same(parseFormats('text').map((f) => f.name), ['text']);
  t.throws(() => parseFormats('json,xml'), new UsageError(`unknown report format "xml": choose from ${FORMATS.map((f) => f.name).join(', ')}`));
});

t.test('every format renders every fixture run and an interrupted one; json round-trips', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-formats-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of ['loop-pair', 'iscsi-user', 'nfs-user-v4', 'loop-window', 'lab-nfs']) {
    const doc = readRunFile(`test/fixtures/runs/${name}.jsonl`);
    const paths = writeReports(join(dir, name), doc, FORMATS);
    t.same(paths, FORMATS.map((f) => join(dir, name, f.file)));
    for (const p of paths) t.ok(readFileSync(p, 'utf8').length > 100, `${name}: ${p} written`);
    t.same(readRunFile(join(dir, name, 'run.json')), doc, `${name}: run.json reads back as the same document`);
  }
  const cut = parseRunText(readFileSync('test/fixtures/runs/loop-pair.jsonl', 'utf8').split('\n').slice(0, 3).join('\n'), 'cut');
  for (const f of FORMATS) t.ok(f.render(cut).length > 0, `${f.name} renders a cut-short run`);
});
