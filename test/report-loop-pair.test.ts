// A real run on the loop pair writes all five formats; each is checked as its consumer would: schema, xmllint, tap-parser, chromium.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'tap-parser';
import { runCli } from './fixtures/cli.js';
import { noLoopReason } from './fixtures/root.js';
import { launchBrowser, noBrowserReason, openFile } from './fixtures/browser.js';
import { readRunFile } from '../src/report/document.js';
import { validateRunDocument } from '../src/report/validate.js';

t.test('a loop-pair run with --format json,md,html,junit,tap', { skip: noLoopReason() }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-five-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await runCli(['run', '--probes', 'HAND1', 'BOTH1', 'FLUSH1', '--modes', 'writeback,none', '--report', dir, '--format', 'json,md,html,junit,tap'], 180_000);
  t.equal(r.code, 0, r.stderr);
  const doc = readRunFile(join(dir, 'run.json'));
  t.ok(validateRunDocument(doc).ok, 'run.json matches the result schema');
  const unsafe = doc.verdicts!.verdicts.find((v) => v.mode === 'writeback' && v.behaviour === 'no-drop-cache')!;
  t.equal(unsafe.verdict, 'UNSAFE', 'writeback without drop-cache: b\'s page cache kept old blocks');

  t.match(readFileSync(join(dir, 'run.md'), 'utf8'), /\| `writeback` \| QEMU < 4\.0 \| \*\*UNSAFE\*\* \|/);

  const junit = join(dir, 'run.junit.xml');
  const xmllint = spawnSync('xmllint', ['--noout', '--schema', 'test/fixtures/junit/junit.xsd', junit], { encoding: 'utf8' });
  if (xmllint.error) t.skip('xmllint missing (libxml2-utils)');
  else t.equal(xmllint.status, 0, `JUnit valid: ${xmllint.stderr}`);
  t.equal((readFileSync(junit, 'utf8').match(/<testcase /g) ?? []).length, doc.probes.length, 'one testcase per probe record');

  const tap = readFileSync(join(dir, 'run.tap'), 'utf8');
  const parsed = await new Promise<{ count: number; plan: { end: number }; failures: unknown[] }>((resolve) => {
    const p = new Parser((res) => resolve(res as never));
    p.end(tap);
  });
  t.equal(parsed.count, doc.probes.length);
  t.equal(parsed.plan.end, doc.probes.length);
  t.same(parsed.failures, [], 'no failing test point, no parse error');

  if (noBrowserReason()) { t.skip(noBrowserReason()); return; }
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const opened = await openFile(browser, join(dir, 'run.html'));
  t.same(opened.consoleErrors, [], 'no console errors');
  t.same(opened.pageErrors, [], 'no page errors');
  t.same(opened.requests, [opened.url], 'no request but the page itself');
  const hand1 = doc.probes.filter((p) => p.probe === 'HAND1' && p.checks.some((c) => c.read)).length;
  t.ok(hand1 >= 4, `HAND1 ran (${hand1} records)`);
  t.ok(await opened.page.locator('.block-map[data-blocks] svg').count() >= hand1, 'a stale-block map per HAND1 read');
  const staleDrawn = await opened.page.locator('.block-map g.range[data-cls="stale"]').count();
  t.ok(staleDrawn >= 1, `stale blocks drawn on the maps (${staleDrawn} runs of blocks)`);
  const shot = join(dir, 'run.png');
  await opened.page.screenshot({ path: shot, fullPage: true });
  t.ok(statSync(shot).size > 10_000, 'a screenshot');
  t.equal(readFileSync(shot).subarray(1, 4).toString(), 'PNG');
});
