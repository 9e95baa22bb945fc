// The lab's own index (lab.html, lab.md, lab.junit.xml) written from lab.json and the scenarios' report directories,
// without qemu: a lab directory made of recorded runs (a lab run with every report, a run with run.json only, a run cut
// short, an unreadable one) and scenarios that could not run; every link resolves, the JUnit file validates.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readRunFile } from '../src/report/document.js';
import { parseFormats, writeReports } from '../src/report/formats.js';
import { mergeCell } from '../src/report/merge/merge-cell.js';
import { runEntry } from '../src/report/merge/run-entry.js';
import { renderJunit } from '../src/report/junit.js';
import { loadLabIndex, scenarioReport } from '../src/lab/index-model.js';
import { renderLabIndexHtml } from '../src/lab/index-html.js';
import { renderLabIndexMarkdown } from '../src/lab/index-md.js';
import { renderLabJunit, scenarioSuite } from '../src/lab/index-junit.js';
import { writeLabIndex } from '../src/lab/index-write.js';
import { columnAnchor, wallTime } from '../src/lab/index-words.js';
import { LabError } from '../src/lab/errors.js';
import { LAB_RUN } from './fixtures/lab-run.js';
import { launchBrowser, noBrowserReason, openFile } from './fixtures/browser.js';

const XSD = new URL('./fixtures/junit/junit.xsd', import.meta.url).pathname;
const LAB_JSON = new URL('./fixtures/lab-index/lab.json', import.meta.url).pathname;
const LOOP = new URL('./fixtures/runs/loop-pair.jsonl', import.meta.url).pathname;
const noXmllint = spawnSync('xmllint', ['--version']).status === 0 ? undefined : 'xmllint is not installed (apt-get install libxml2-utils)';

/**
 * A lab directory as `coprobe lab` leaves it: lab.json (the fixture), nfs42-sync-one-client/ with its run's .jsonl and
 * every report, loop/ with its .jsonl and run.json only, cut/ with a run cut short, garbled/ with a file that is not a
 * run; iscsi and ceph have no directory (could not run, not run).
 */
function makeLab(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-lab-index-'));
  copyFileSync(LAB_JSON, join(dir, 'lab.json'));
  const put = (name: string, src: string, formats: string, text?: string) => {
    mkdirSync(join(dir, name));
    const doc = readRunFile(src);
    const file = join(dir, name, `coprobe-${name === 'cut' ? CUT_ID : doc.run.runId}.jsonl`);
    if (text !== undefined) writeFileSync(file, text); else copyFileSync(src, file);
    if (formats) writeReports(join(dir, name), readRunFile(file), parseFormats(formats));
  };
  put('nfs42-sync-one-client', LAB_RUN, 'json,md,html,junit');
  put('loop', LOOP, 'json');
  // The run record and five probe records (no verdicts, no end record), under a run id of its own.
  const loopId = readRunFile(LOOP).run.runId;
  put('cut', LOOP, '', readFileSync(LOOP, 'utf8').split('\n').slice(0, 6).join('\n').split(loopId).join(CUT_ID) + '\n');
  put('garbled', LOOP, '', 'not a run\n{"also": "not"}\n');
  return dir;
}

const CUT_ID = 'c0c0c0c0c0c0c0c0';
const dir = makeLab();
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test('the model: every scenario in the lab\'s order, each run once in the matrix, cells as the run\'s own entries', async (t) => {
  const ix = loadLabIndex(dir);
  t.same(ix.scenarios.map((s) => s.result.name), ['nfs42-sync-one-client', 'loop', 'cut', 'garbled', 'iscsi', 'ceph']);
  t.same(ix.scenarios.map((s) => s.run?.n), [1, 2, 3, undefined, undefined, undefined], 'runs numbered in the lab\'s order');
  t.equal(ix.matrix.runs.length, 3);
  t.equal(ix.scenarios[0]!.dir, join(dir, 'nfs42-sync-one-client'), 'the directory beside lab.json, not lab.json\'s reportDir');
  t.match(ix.matrix.runs[2], { incomplete: /cut short/ }, 'the cut run is in the matrix as incomplete');
  t.match(ix.scenarios[3], { unreadable: /garbled\/coprobe-.*\.jsonl/ }, 'a file that is not a run says why');
  const lab = readRunFile(LAB_RUN);
  for (const c of ix.matrix.columns) t.same(ix.scenarios[0]!.run!.cells[c.id], mergeCell([runEntry(1, lab, c)]), `cell ${c.id}`);
  t.equal(ix.scenarios[0]!.run!.row.runs.length, 1, 'one run per row: the scenario is part of the stack key');
  t.equal(scenarioReport(ix.scenarios[0]!, 'html'), join(dir, 'nfs42-sync-one-client', 'run.html'));
  t.equal(scenarioReport(ix.scenarios[0]!, 'md'), join(dir, 'nfs42-sync-one-client', 'run.md'));
  t.equal(scenarioReport(ix.scenarios[1]!, 'html'), join(dir, 'loop', 'run.json'), 'no html or md: run.json');
  t.match(scenarioReport(ix.scenarios[2]!, 'md'), /cut\/coprobe-.*\.jsonl$/, 'no report at all: the run file');
  t.equal(scenarioReport(ix.scenarios[4]!, 'md'), undefined, 'no run, no report');
});

/** Every relative link target in a page (anchors dropped), resolved against the page's directory. */
function targets(text: string, re: RegExp, page: string): { href: string; file: string; anchor: string }[] {
  return [...text.matchAll(re)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((h) => !h.startsWith('#')).map((href) => {
    const [path, anchor = ''] = href.split('#');
    return { href, file: resolve(dirname(page), decodeURIComponent(path!)), anchor };
  });
}

t.test('lab.html: both tables with a row per scenario, cells linking into the scenario\'s report, every link resolving', async (t) => {
  const page = join(dir, 'lab.html');
  const html = renderLabIndexHtml(loadLabIndex(dir), { outPath: page });
  t.match(html, /<h2>Scenarios × QEMU cache modes<\/h2>[\s\S]*<h2>Scenarios × key claims<\/h2>[\s\S]*<h2>Scenarios<\/h2>[\s\S]*<h2>Phases<\/h2>/);
  t.equal((html.match(/<tr><th scope="row">/g) ?? []).length, 12, 'six scenarios in each of the two tables');
  t.match(html, /<a class="val" href="nfs42-sync-one-client\/run\.html#verdicts">/, 'a mode cell links to the verdict table');
  t.match(html, /<a class="val" href="nfs42-sync-one-client\/run\.html#claims">/, 'a claim cell links to the claim table');
  t.match(html, /<a href="nfs42-sync-one-client\/run\.html#probe-\d+">#\d+<\/a>/, 'and to the probe records behind it');
  t.match(html, /<a class="val" href="loop\/run\.json">/, 'without html or md: run.json, no anchor');
  t.notMatch(html, /loop\/run\.json#probe/, 'record links only into an html report');
  t.match(html, /no run to show: could not run \(&quot;service iscsi-target&quot;\): service iscsi-target did not start/);
  t.match(html, /no run to show: not run: the guest stopped before this scenario/);
  t.match(html, /no run to show: its run could not be read: /);
  t.match(html, /the lab failed \(LAB_GUEST\): the guest is stuck in service iscsi-target/);
  t.match(html, /<tr class="total"><td>all phases<\/td><td class="num">5 min 05.4 s<\/td>/, 'phases summed');
  t.match(html, /<td>service iscsi-target<\/td><td class="num">2\.7 s<\/td><td class="failed">FAILED /);
  t.notMatch(html, /(?:src|href)="(?:https?:)?\/\//, 'self-contained: nothing fetched');
  t.match(html, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`, 'a policy forbidding any fetch');
  t.notMatch(html, /<script/, 'no script');
  const links = targets(html, /href="([^"]+)"/g, page);
  t.ok(links.length > 50, `${links.length} links`);
  const anchorsOf = new Map<string, string>();
  for (const l of links) {
    t.ok(existsSync(l.file), `${l.href} exists`);
    if (!l.anchor || !l.file.endsWith('.html')) continue;
    if (!anchorsOf.has(l.file)) anchorsOf.set(l.file, readFileSync(l.file, 'utf8'));
    t.ok(anchorsOf.get(l.file)!.includes(`id="${l.anchor}"`), `${l.href}: the report has #${l.anchor}`);
  }
});

t.test('lab.md: a table per column kind, one row per scenario, links resolving', async (t) => {
  const page = join(dir, 'lab.md');
  const md = renderLabIndexMarkdown(loadLabIndex(dir), { outPath: page });
  for (const [title, n] of [['## Scenarios × QEMU cache modes', 10], ['## Scenarios × key claims', 9]] as const) {
    const lines = md.split('\n');
    const at = lines.indexOf(title);
    const rows = lines.slice(at + 2).filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')));
    t.equal(rows.length, 2 + 6, `${title}: header, rule, six scenarios`);
    for (const r of rows) t.equal(r.replace(/\\\|/g, '').split('|').length - 2, n + 1, `${title}: ${n + 1} cells in "${r.slice(0, 40)}…"`);
  }
  t.match(md, /\| \[`nfs42-sync-one-client`\]\(nfs42-sync-one-client\/run\.md\) \| \[[^\]]+\]\(nfs42-sync-one-client\/run\.md#verdicts-per-qemu-cache-mode\)/);
  t.match(md, /\| `iscsi` \| could not run \("service iscsi-target"\): service iscsi-target did not start/);
  t.match(md, /\| \*\*all phases\*\* \| \*\*5 min 05\.4 s\*\* \| \|/);
  const links = targets(md, /\]\(([^)\s]+)\)/g, page);
  t.ok(links.length > 30, `${links.length} links`);
  for (const l of links) t.ok(existsSync(l.file), `${l.href} exists`);
  const report = readFileSync(join(dir, 'nfs42-sync-one-client', 'run.md'), 'utf8');
  t.match(report, /^## Verdicts per QEMU cache mode$/m, 'the anchor the mode cells use is a heading of the scenario\'s run.md');
  t.match(report, /^## Claims$/m);
});

t.test('lab.junit.xml: the lab\'s suite then a suite per run, counts summed, case names per scenario, valid', async (t) => {
  const ix = loadLabIndex(dir);
  const xml = renderLabJunit(ix);
  const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
  const lab = readRunFile(LAB_RUN);
  const loop = readRunFile(LOOP);
  t.same(suites, [
    ['coprobe lab', 7],
    [`coprobe lab nfs42-sync-one-client: coprobe run ${lab.run.runId}`, lab.probes.length],
    [`coprobe lab loop: coprobe run ${loop.run.runId}`, loop.probes.length],
    [`coprobe lab cut: coprobe run ${CUT_ID}`, 5],
  ], 'a testcase per scenario and one for the lab; each run\'s probe records');
  t.match(xml, new RegExp(`<testsuites name="coprobe lab" tests="${7 + lab.probes.length + loop.probes.length + 5}" `));
  t.match(xml, /<testsuites [^>]* time="305\.368">/, 'the lab\'s wall time, not a sum counting each run twice');
  t.match(xml, /<testsuite name="coprobe lab" tests="7" failures="0" errors="5" /, 'cut, garbled, iscsi, ceph and the lab itself are errors');
  t.match(xml, /<testcase name="iscsi" classname="coprobe\.lab"[^>]*>\n {6}<error message="could not run \(&quot;service iscsi-target&quot;\)[^"]*" type="failed">/);
  t.match(xml, /<testcase name="lab" classname="coprobe\.lab">\n {6}<error message="the guest is stuck [^"]*" type="LAB_GUEST">/);
  t.match(xml, /<testcase name="nfs42-sync-one-client" classname="coprobe\.lab" time="187\.490"\/>/, 'a scenario\'s time: its phases');
  t.match(xml, /<property name="lab\.phase\.boot" value="11\.085 s \(512 MiB, 2 vCPUs\)"\/>/);
  t.notMatch(xml, /classname="coprobe\.(?!lab"|nfs42-sync-one-client\.|loop\.|cut\.)/, 'every run\'s cases under coprobe.<scenario>');
  t.equal((xml.match(/ id="(\d+)"/g) ?? []).length, 4);
  if (noXmllint) return void t.pass('validates against junit.xsd', { skip: noXmllint });
  const file = join(dir, 'check.junit.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  t.equal(r.status, 0, `validates against junit.xsd: ${r.stderr}`);
  const broken = join(dir, 'broken.junit.xml');
  writeFileSync(broken, xml.replace(/ tests="7"/, ' tests="-7"'));
  t.not(spawnSync('xmllint', ['--noout', '--schema', XSD, broken]).status, 0, 'the check is not vacuous');
});

t.test('scenarioSuite reads renderJunit\'s shape, and says so when that shape changes', async (t) => {
  const doc = readRunFile(LAB_RUN);
  const s = scenarioSuite(renderJunit(doc), 'x', 9);
  t.match(s.lines[0], / id="9" package="coprobe\.x">$/);
  t.equal(s.counts.tests, doc.probes.length);
  t.equal(s.lines.at(-1), '  </testsuite>');
  t.throws(() => scenarioSuite('<testsuites>\n</testsuites>\n', 'x', 1), /renderJunit no longer writes one <testsuite>/);
});

t.test('writeLabIndex: the three files beside lab.json; no lab.json is LAB_INDEX with what to do', async (t) => {
  const written = writeLabIndex(dir);
  t.same(written, ['lab.html', 'lab.md', 'lab.junit.xml'].map((f) => join(dir, f)));
  for (const f of written) t.ok(readFileSync(f, 'utf8').length > 1000, `${f} written`);
  const empty = mkdtempSync(join(tmpdir(), 'coprobe-lab-index-empty-'));
  t.teardown(() => rmSync(empty, { recursive: true, force: true }));
  t.throws(() => writeLabIndex(empty), new LabError('LAB_INDEX', `${join(empty, 'lab.json')}: cannot read the lab's summary (ENOENT): run coprobe lab with --report ${empty} first`));
  writeFileSync(join(empty, 'lab.json'), JSON.stringify({ phases: [], scenarios: [{ name: '../etc' }] }));
  t.throws(() => writeLabIndex(empty), { code: 'LAB_INDEX', message: /not a coprobe lab summary/ }, 'a scenario name that is not a directory name is refused');
});

t.test('words: wall times, anchors per report kind', async (t) => {
  t.equal(wallTime(59_949), '59.9 s');
  t.equal(wallTime(182_240), '3 min 02.2 s');
  t.equal(wallTime(3_600_000), '60 min 00.0 s');
  const mode = { id: 'none/drop-cache', kind: 'mode', mode: 'none', behaviour: 'drop-cache' } as const;
  const claim = { id: 'NFS-CTO', kind: 'claim', claim: 'NFS-CTO' } as const;
  t.equal(columnAnchor('a/run.html', mode), '#verdicts');
  t.equal(columnAnchor('a/run.md', claim), '#claims');
  t.equal(columnAnchor('a/run.json', mode), '');
});

t.test('lab.html in a browser: nothing fetched, no error, the tables fit the page, a cell\'s link opens the scenario\'s report', { skip: noBrowserReason() }, async (t) => {
  const [page] = writeLabIndex(dir);
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const o = await openFile(browser, page!);
  t.same(o.requests, [o.url], 'only the page itself was requested');
  t.same([...o.consoleErrors, ...o.pageErrors], [], 'no error, no policy violation');
  const styled = await o.page.evaluate(() => getComputedStyle(document.querySelector('td.v-SAFE, td.v-UNSAFE')!).backgroundColor);
  t.not(styled, 'rgba(0, 0, 0, 0)', `the inline stylesheet applies under the policy (${styled})`);
  const widths = await o.page.evaluate(() => [...document.querySelectorAll('table.matrix')].map((e) => e.getBoundingClientRect().right));
  t.equal(widths.length, 2);
  for (const w of widths) t.ok(w <= 1280, `a matrix table fits 1280 px (${Math.round(w)})`);
  await o.page.click('a.val[href$="#verdicts"]');
  await o.page.waitForLoadState('load');
  t.match(o.page.url(), /\/nfs42-sync-one-client\/run\.html#verdicts$/, 'followed to the scenario\'s verdict table');
  t.ok(await o.page.evaluate(() => !!document.getElementById('verdicts')), 'which the report has');
});
