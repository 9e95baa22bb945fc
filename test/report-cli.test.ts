import t from 'tap';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './fixtures/cli.js';
import { noLoopReason } from './fixtures/root.js';

t.test('coprobe run --format writes each format; coprobe report re-renders the stored run identically', { skip: noLoopReason() }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-report-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runCli(['run', '--probes', 'BOTH1', 'HAND1', '--modes', 'writeback,none', '--report', dir, '--format', 'json,md', '--format', 'text'], 120_000);
  t.equal(r.code, 0, r.stderr);
  t.match(r.stdout, new RegExp(`reports: ${dir}/run.json, ${dir}/run.md, ${dir}/run.txt`));
  t.notMatch(r.stdout, /\x1b\[/, 'no colour off a TTY');
  t.notMatch(r.stderr, /\r/, 'no progress bar off a TTY');
  const files = readdirSync(dir).sort();
  t.same(files.filter((f) => f.startsWith('run.')), ['run.json', 'run.md', 'run.txt']);
  t.equal(files.filter((f) => /^coprobe-[0-9a-f]+\.jsonl$/.test(f)).length, 1, 'the streamed JSON-lines report too');
  const md = await runCli(['report', join(dir, 'run.json'), '--format', 'md']);
  t.equal(md.code, 0);
  t.equal(md.stdout, readFileSync(join(dir, 'run.md'), 'utf8'), 'report run.json --format md = run.md');
  const jsonl = files.find((f) => f.endsWith('.jsonl'))!;
  const fromLines = await runCli(['report', join(dir, jsonl), '--format', 'md']);
  t.equal(fromLines.stdout, md.stdout, 'the JSON-lines file renders the same');
  const text = await runCli(['report', join(dir, 'run.json')]);
  t.match(text.stdout, /Verdicts on shared block storage/);
  t.match(text.stdout, /writeback +QEMU < 4.0 +UNSAFE/);
});

t.test('coprobe report refuses what it cannot read, exit 2 with the reason', async (t) => {
  const missing = await runCli(['report', '/nonexistent/run.json']);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /coprobe: cannot read \/nonexistent\/run.json: ENOENT/);
  const notRun = await runCli(['report', 'tsconfig.json']);
  t.equal(notRun.code, 2);
  t.match(notRun.stderr, /tsconfig.json: JSON, but not a coprobe run/);
  const badFormat = await runCli(['report', 'test/fixtures/runs/iscsi-user.jsonl', '--format', 'xml']);
  t.equal(badFormat.code, 2);
  t.match(badFormat.stderr, /unknown report format "xml"/);
  const two = await runCli(['report', 'test/fixtures/runs/iscsi-user.jsonl', '--format', 'md,json']);
  t.equal(two.code, 2);
  t.match(two.stderr, /give one format to print/);
  t.ok(!existsSync('run.json'), 'nothing written by report');
});

t.test('coprobe report merge writes the matrix files; a file that is not a run is refused, exit 2', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-merge-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const runs = ['loop-pair', 'iscsi-user', 'nfs-user-v4'].map((n) => `test/fixtures/runs/${n}.jsonl`);
  const r = await runCli(['report', 'merge', ...runs, '--md', join(dir, 'm.md'), '--html', join(dir, 'm.html')]);
  t.equal(r.code, 0, r.stderr);
  t.match(r.stdout, /compatibility matrix: 3 runs, 3 stacks/);
  t.match(readFileSync(join(dir, 'm.md'), 'utf8'), /\| `writeback`<br>QEMU < 4\.0 \|/);
  t.match(readFileSync(join(dir, 'm.html'), 'utf8'), /^<!DOCTYPE html>/i);
  const bad = await runCli(['report', 'merge', runs[0]!, 'tsconfig.json']);
  t.equal(bad.code, 2);
  t.match(bad.stderr, /tsconfig.json/);
});
