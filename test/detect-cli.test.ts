import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectCommand, type PairReport, type PathReport } from '../src/cli/detect.js';

t.test('one directory named twice: both described, and the pair is one page cache', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-detect-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await detectCommand([dir, dir], { json: false, timeoutMs: 10_000 });
  t.equal(r.exitCode, 0);
  t.equal(r.lines.filter((l) => l.startsWith(`${dir}: directory on `)).length, 2);
  t.ok(r.lines.some((l) => l.startsWith('  mount: ')));
  t.ok(r.lines.includes(`confounders with a = ${dir}, b = ${dir}:`));
  t.ok(r.lines.some((l) => /^ {2}VOIDS ONE-PAGE-CACHE: both sides reach the same filesystem/.test(l)));
});

t.test('a missing path exits 2; a userspace URI says what to give instead', async (t) => {
  const r = await detectCommand(['/nonexistent/coprobe', 'nbd://h/e'], { json: false, timeoutMs: 10_000 });
  t.equal(r.exitCode, 2);
  t.match(r.lines[0], /^\/nonexistent\/coprobe: MISSING — host /);
  t.match(r.lines.join('\n'), /nbd:\/\/h\/e: userspace URI served by the QEMU nbd driver.*\/dev\/nbdN/);
  t.notOk(r.lines.some((l) => l.startsWith('confounders')), 'no pairs without two detected paths');
});

t.test('an agent that never answers is HUNG after the timeout, and the tool goes on', async (t) => {
  const t0 = Date.now();
  const r = await detectCommand(['/a', '/b'], { json: false, timeoutMs: 300, agentArgv: ['sleep', '60'] });
  t.ok(Date.now() - t0 < 5000, 'returned soon after the timeout');
  t.equal(r.exitCode, 1);
  t.match(r.lines, [/^\/a: HUNG: no answer within 300 ms to "hello".*raise --timeout/, /^\/b: HUNG/]);
});

t.test('an agent that exits at once is LOST', async (t) => {
  const r = await detectCommand(['/a'], { json: false, timeoutMs: 5000, agentArgv: ['false'] });
  t.equal(r.exitCode, 1);
  t.match(r.lines[0], /^\/a: LOST: side \/a: agent went away/);
});

t.test('--json: one document with every path and every pair', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-detect-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await detectCommand([dir, '/'], { json: true, timeoutMs: 10_000 });
  t.equal(r.lines.length, 1);
  const doc = JSON.parse(r.lines[0]!) as { paths: PathReport[]; pairs: PairReport[] };
  t.match(doc.paths, [{ arg: dir, status: 'ok', host: { bootId: String }, result: { kind: 'dir', details: { notes: [] } } }, { arg: '/', status: 'ok' }]);
  t.match(doc.pairs, [{ a: dir, b: '/', confounders: Array }]);
});
