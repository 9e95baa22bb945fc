// The answer at a glance: the model read from each stored run, and its terminal, Markdown, HTML, JUnit and TAP renderings.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'tap-parser';
import type { Browser } from 'playwright-core';
import { readRunFile, type RunDocument } from '../src/report/document.js';
import { glanceOf, mixedConditions, superscripts, type Glance } from '../src/report/glance.js';
import { GLANCE_HEIGHT, GLANCE_WIDTH, renderGlanceLines, terminalGlance, textWidth } from '../src/report/glance-text.js';
import { renderTerminal } from '../src/report/terminal.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderHtml } from '../src/report/html/render.js';
import { renderJunit } from '../src/report/junit.js';
import { renderTap } from '../src/report/tap.js';
import { COLOUR } from '../src/report/colour.js';
import { IO_MODES } from '../src/modes.js';
import { CLAIMS } from '../src/claims.js';
import { RESULT_SCHEMA_VERSION } from '../src/result.js';
import { computeVerdicts } from '../src/verdict/record.js';
import { QEMU_BEHAVIOURS, type ClaimRow } from '../src/verdict/types.js';
import { claimSplit, splitWords } from '../src/verdict/claims.js';
import { refOf } from '../src/verdict/handoff.js';
import { check, handoff, probeRec, runRecord } from './fixtures/verdict-records.js';
import { launchBrowser, noBrowserReason, openFile } from './fixtures/browser.js';
import { noLoopReason } from './fixtures/root.js';

const RUNS = join('test', 'fixtures', 'runs');
const FIXTURES = readdirSync(RUNS).filter((f) => f.endsWith('.jsonl')).sort();
/** A real lab's reports: the ones .ci/run made (COPROBE_LAB_REPORTS), else a kept lab output on this machine, if any. */
const LAB_SAMPLE = process.env.COPROBE_LAB_REPORTS ?? '/work/lab-sample';
const labRuns = existsSync(LAB_SAMPLE) ? readdirSync(LAB_SAMPLE).map((d) => join(LAB_SAMPLE, d, 'run.json')).filter(existsSync).sort() : [];
const load = (f: string) => readRunFile(join(RUNS, f));
const ANSI = /\x1b\[[0-9;]*m/g;

/** The four conditions of the mixed NFS-UNLINK-AFTER-OPEN row the nfs42-sync lab scenario measured, verbatim. */
const NFS42_SPLIT = [
  { condition: 'unlink by the other client, O_DIRECT reader, NFSv4.2', status: 'violated' as const, checks: 2 },
  { condition: 'unlink by the other client, buffered reader after dropping its cache, NFSv4.2', status: 'violated' as const, checks: 3 },
  { condition: 'chmod 000 by the other client, O_DIRECT reader as uid 65534, NFSv4.2', status: 'holds' as const, checks: 2 },
  { condition: 'chmod 000 by the other client, buffered reader after dropping its cache as uid 65534, NFSv4.2', status: 'holds' as const, checks: 3 },
];

/** A document from records made with the verdict fixtures, its verdicts computed as a run computes them. */
function docOf(run: ReturnType<typeof runRecord>, probes: ReturnType<typeof probeRec>[]): RunDocument {
  const catalogue = [{ code: 'HAND1', claims: ['HANDOFF', 'EARLY-READ-64K', 'QEMU-DROP-CACHE'] }, { code: 'BOTH1', claims: ['BLOCK-PROTOCOL-COHERENT', 'BLOCK-PAGECACHE-INCOHERENT'] }] as Parameters<typeof computeVerdicts>[2];
  return {
    format: 'coprobe-run', schema: run.schema, run, probes, verdicts: computeVerdicts(run, probes, catalogue),
    end: { type: 'end', runId: run.runId, finishedAt: '2026-01-01T00:01:00.000Z', counts: {}, exitCode: 0 },
  };
}

/** nfs-user-v4 with its violated NFS-UNLINK-AFTER-OPEN row made mixed, with the lab's four conditions. */
function mixedDoc(split = NFS42_SPLIT): RunDocument {
  const doc = structuredClone(load('nfs-user-v4.jsonl'));
  doc.schema = doc.run.schema = RESULT_SCHEMA_VERSION;
  const row = doc.verdicts!.claims.find((c) => c.claim === 'NFS-UNLINK-AFTER-OPEN')!;
  const ev = row.evidence[0]!;
  const evidence = split.flatMap((s) => Array.from({ length: s.checks }, () => ({ ...ev, status: s.status, condition: s.condition })));
  Object.assign(row, { status: 'mixed', split: claimSplit(evidence), why: splitWords(claimSplit(evidence)), evidence } satisfies Partial<ClaimRow>);
  return doc;
}

/** Checks every glance must satisfy against the document it was read from. */
function checkModel(t: Test, doc: RunDocument, g: Glance): void {
  const v = doc.verdicts!;
  t.same(g.rows.map((r) => r.mode), IO_MODES, 'a row per mode, in the project\'s order');
  t.same(g.columns.map((c) => c.behaviour), QEMU_BEHAVIOURS, 'a column per QEMU behaviour');
  for (const r of g.rows) {
    for (const c of r.cells) {
      const m = v.verdicts.find((x) => x.mode === c.mode && x.behaviour === c.behaviour)!;
      if (c.verdict !== m.verdict || (c.libvirt !== undefined) !== (m.disagreement !== undefined)) t.fail(`${c.mode} ${c.behaviour}: ${c.verdict} / ${c.libvirt}`);
      if (c.libvirt) t.equal(c.libvirt, m.libvirt.allows ? 'allows' : 'refuses', `${c.mode} ${c.behaviour}: libvirt's decision where it disagrees`);
    }
  }
  t.pass('each cell is the record\'s verdict; libvirt only where it disagrees');
  const cited = new Set([...g.columns.flatMap((c) => c.notes), ...g.rows.flatMap((r) => r.cells.flatMap((c) => c.notes))]);
  t.same([...cited].sort((a, b) => a - b), g.notes.map((n) => n.n), 'every note is cited, every citation has its note');
  for (const b of QEMU_BEHAVIOURS) {
    const safe = v.verdicts.filter((m) => m.behaviour === b && m.verdict === 'SAFE').map((m) => m.mode);
    for (const mode of IO_MODES) {
      const named = new RegExp(`${b === 'drop-cache' ? 'drop-cache \\(QEMU ≥ 4\\.0\\)' : 'older QEMU'}: [^;]*\\b${mode}\\b`).test(g.headline);
      if (named !== safe.includes(mode)) t.fail(`headline: ${mode} with ${b}`);
    }
  }
  t.pass('the headline names exactly the SAFE modes of each column');
  const expected = new Set([
    ...v.claims.filter((c) => c.contradiction && (c.status === 'violated' || c.status === 'mixed')).map((c) => c.claim),
    ...v.verdicts.filter((m) => m.contradiction && m.predicted).map((m) => m.predicted!.claim),
  ]);
  t.same(g.contradictions.map((c) => c.claim).sort(), [...expected].sort(), 'the contradicted claims: rows with a contradiction, and predictions the verdicts contradict');
  for (const c of g.contradictions) t.equal(c.says, CLAIMS[c.claim], `${c.claim}: the claim's own sentence`);
}

/** The terminal glance fits one 80 × 24 screen. */
function checkScreen(t: Test, lines: readonly string[], what: string): void {
  t.ok(lines.length <= GLANCE_HEIGHT, `${what}: ${lines.length} lines ≤ ${GLANCE_HEIGHT}`);
  const widest = Math.max(...lines.map(textWidth));
  t.ok(widest <= GLANCE_WIDTH, `${what}: ${widest} columns ≤ ${GLANCE_WIDTH}`);
}

for (const f of FIXTURES) {
  t.test(`${f}: the model, and one screen`, async (t) => {
    const doc = load(f);
    const g = glanceOf(doc);
    checkModel(t, doc, g);
    checkScreen(t, renderGlanceLines(g), f);
    const coloured = renderGlanceLines(g, COLOUR);
    t.ok(coloured.join('\n').match(ANSI), 'coloured by the Paint given');
    t.same(coloured.map((l) => l.replace(ANSI, '')), renderGlanceLines(g), 'colour adds only escape codes');
    const text = renderTerminal(doc);
    t.ok(text.endsWith(`${renderGlanceLines(g).join('\n')}\n`), 'the terminal report ends with the glance (after the tables: it stays on screen)');
    t.ok(text.indexOf('━━ At a glance') > text.lastIndexOf('report: this file'), 'after the counts line');
  });
}

t.test('what each fixture run says at a glance', async (t) => {
  const loop = glanceOf(load('loop-pair.jsonl'));
  t.equal(loop.headline, 'Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback; with older QEMU: none, directsync.');
  t.same(loop.rows.flatMap((r) => r.cells.filter((c) => c.libvirt).map((c) => [c.mode, c.behaviour, c.verdict, c.libvirt])), [['unsafe', 'drop-cache', 'UNSAFE', 'allows']], 'libvirt allows cache=unsafe with drop-cache; the measurement says UNSAFE');
  t.same(loop.confounders, [], 'no confounder');
  const window = glanceOf(load('loop-window.jsonl'));
  t.same(window.notes, [{ n: 1, text: 'not measured: HAND1 was not selected' }], 'a run without HAND1: every cell UNKNOWN, saying why once');
  t.ok(window.rows.every((r) => r.cells.every((c) => c.verdict === 'UNKNOWN' && c.notes[0] === 1)));
  const nfs = glanceOf(load('nfs-user-v4.jsonl'));
  t.match(nfs.contradictions, [{ claim: 'NFS-UNLINK-AFTER-OPEN', status: 'violated', source: 'qemu-devel 2010' }]);
  const lab = glanceOf(load('lab-nfs.jsonl'));
  t.same(lab.confounders, ['lab scenario nfs42-sync-one-client is confounded on purpose'], 'a deliberately confounded lab scenario is named');
  const lines = renderGlanceLines(nfs);
  t.same(lines.slice(-3), [
    '  NFS-UNLINK-AFTER-OPEN (qemu-devel 2010) VIOLATED',
    '      claims: "On NFS, removing (or chmod-ing) a file from another client makes',
    '      access through an open file fail, unlike POSIX."',
  ]);
});

t.test('a mixed row stays mixed, named with the conditions that separate its sides', async (t) => {
  t.same(mixedConditions({ split: NFS42_SPLIT }), { violatedFor: 'unlink by the other client', holdsFor: 'chmod 000 by the other client' });
  const noFacet = [{ condition: 'O_DIRECT reader', status: 'violated' as const, checks: 1 }, { condition: 'O_DIRECT reader, FLUSH1 fadvise', status: 'holds' as const, checks: 1 }];
  t.same(mixedConditions({ split: noFacet }), { violatedFor: 'O_DIRECT reader', holdsFor: 'FLUSH1 fadvise' }, 'the holds side is named by what only it has');
  const neither = [{ condition: 'a, b', status: 'violated' as const, checks: 1 }, { condition: 'a, c', status: 'violated' as const, checks: 1 }, { condition: 'a, b, c', status: 'holds' as const, checks: 1 }];
  t.same(mixedConditions({ split: neither }), { violatedFor: 'a, b; a, c', holdsFor: 'a, b, c' }, 'no separating facet: every condition in full');
  const doc = mixedDoc();
  const g = glanceOf(doc);
  checkModel(t, doc, g);
  t.match(g.contradictions, [{ claim: 'NFS-UNLINK-AFTER-OPEN', status: 'mixed', violatedFor: 'unlink by the other client', holdsFor: 'chmod 000 by the other client' }]);
  const text = renderGlanceLines(g).join('\n');
  t.match(text, 'NFS-UNLINK-AFTER-OPEN (qemu-devel 2010) MIXED: violated for unlink by the\n      other client; holds for chmod 000 by the other client');
  t.match(renderMarkdown(doc), '- `NFS-UNLINK-AFTER-OPEN` (qemu-devel 2010) **MIXED**: violated for unlink by the other client; holds for chmod 000 by the other client — claims: ');
  t.match(renderHtml(doc), /<li data-claim="NFS-UNLINK-AFTER-OPEN" data-status="mixed"><a href="#claim-NFS-UNLINK-AFTER-OPEN">.*MIXED<\/span>: violated for unlink by the other client; holds for chmod 000 by the other client/);
  t.match(renderJunit(doc), '<property name="coprobe.glance.contradicts" value="NFS-UNLINK-AFTER-OPEN (mixed)"/>');
});

t.test('cells whose verdict depends on something carry a note: disagreeing runs, a voided SAFE, a caveat, the rbd column', async (t) => {
  const run = runRecord({ probes: ['HAND1'] });
  const flaky = docOf(run, [handoff('writeback', 'none', { bad: 16 }), handoff('writeback', 'none'), handoff('none', 'none')]);
  const g = glanceOf(flaky);
  checkModel(t, flaky, g);
  const wb = g.rows.find((r) => r.mode === 'writeback')!.cells.find((c) => c.behaviour === 'no-drop-cache')!;
  t.equal(wb.verdict, 'UNSAFE');
  t.same(wb.notes.map((n) => g.notes[n - 1]!.text), ['UNSAFE in 1 of 2 handoff runs; 1 read all fresh'], 'runs that disagree are not flattened');
  t.match(renderGlanceLines(g).join('\n'), new RegExp(`^writeback +UNKNOWN\\S* +UNSAFE${superscripts(wb.notes)}$`, 'm'), 'the terminal cell carries the note\'s number');
  t.same(g.notes.filter((n) => n.text.includes('not selected')).map((n) => n.text), ['not measured: the mode was not selected for both sides'], 'one note for every mode not selected');

  const voided = docOf(runRecord({ probes: ['HAND1'], confounders: [
    { code: 'ONE-PAGE-CACHE', severity: 'voids', message: 'one page cache serves both sides' },
    { code: 'NFS-LOCALIO', severity: 'weakens', message: 'the client may bypass RPC' },
  ] }), [handoff('none', 'none'), handoff('writeback', 'none', { bad: 2 })]);
  const gv = glanceOf(voided);
  checkModel(t, voided, gv);
  const none = gv.rows[0]!.cells[1]!;
  t.equal(none.verdict, 'UNKNOWN');
  t.same(none.notes.map((n) => gv.notes[n - 1]!.text), ['measured SAFE, voided by ONE-PAGE-CACHE'], 'a voided SAFE says so');
  t.same(gv.confounders, ['ONE-PAGE-CACHE (voids SAFE)', 'NFS-LOCALIO (weakens)'], 'confounders named short');

  const weak = docOf(runRecord({ probes: ['HAND1'], confounders: [{ code: 'NFS-LOCALIO', severity: 'weakens', message: 'the client may bypass RPC' }] }), [handoff('none', 'none')]);
  const gw = glanceOf(weak);
  t.same(gw.rows[0]!.cells[1]!.notes.map((n) => gw.notes[n - 1]!.text), ['SAFE with a caveat: NFS-LOCALIO']);
  t.match(gw.headline, /older QEMU: none \(note \d\)/, 'the headline carries the note of a conditional SAFE');

  const rbd = structuredClone(load('loop-pair.jsonl'));
  for (const m of rbd.verdicts!.verdicts) if (m.behaviour === 'no-drop-cache' && m.remedy !== 'none') m.remedy = 'invalidate';
  for (const m of rbd.verdicts!.verdicts) if (m.mode === 'writeback') m.remedy = 'invalidate';
  const gr = glanceOf(rbd);
  t.same(gr.columns[1]!.notes.map((n) => gr.notes[n - 1]!.text), ['the driver invalidates its cache on activation (rbd, since QEMU 2.2): this column is 2.2 ≤ QEMU < 4.0']);
  t.match(renderGlanceLines(gr)[3], `QEMU < 4.0${superscripts(gr.columns[1]!.notes)}`, 'on the column\'s header');
});

t.test('a run with many contradictions still fits one screen: sentences shortened, then the rest counted', async (t) => {
  const doc = structuredClone(load('loop-pair.jsonl'));
  for (const c of doc.verdicts!.claims) {
    c.status = 'violated';
    c.contradiction = `The stack contradicts the documents on ${c.claim}.`;
  }
  const g = glanceOf(doc);
  t.equal(g.contradictions.length, doc.verdicts!.claims.length);
  const lines = renderGlanceLines(g);
  checkScreen(t, lines, 'every claim violated');
  t.match(lines.at(-1), /^ {2}… and \d+ more: see the claim table above$/, 'the rest counted, pointing at the table');
  const manyNotes = structuredClone(load('loop-window.jsonl'));
  manyNotes.verdicts!.verdicts.forEach((m, i) => { m.why = `not measured: reason number ${i} is a fairly long sentence that wraps on a terminal of eighty columns`; });
  const ten = renderGlanceLines(glanceOf(manyNotes));
  checkScreen(t, ten, 'ten notes');
  t.equal(ten.filter((l) => /^ {2}\S+ not measured: reason number \d+ .*…$/.test(l)).length, 10, 'each note cut to its one line');
  const twice = structuredClone(doc);
  twice.verdicts!.verdicts.forEach((m, i) => { m.verdict = 'UNKNOWN'; m.evidence = []; m.why = `not measured: reason number ${i}`; });
  const both = renderGlanceLines(glanceOf(twice));
  checkScreen(t, both, 'ten notes and every claim violated');
  t.match(both.join('\n'), /… and \d+ more notes: see the verdict table above|… and \d+ more: see the claim table above/, 'what is left out is counted');
});

t.test('a run cut short: the glance says there is no answer, and why', async (t) => {
  const doc = structuredClone(load('loop-pair.jsonl'));
  delete doc.verdicts;
  delete doc.end;
  const g = glanceOf(doc);
  t.equal(g.headline, 'No answer: no verdicts: the run did not finish before they were computed.');
  t.same(g.rows, []);
  const lines = renderGlanceLines(g);
  checkScreen(t, lines, 'cut short');
  t.notMatch(lines.join('\n'), 'contradicts', 'no claim list without claims');
  t.match(renderHtml(doc), /<section id="glance" class="glance">[\s\S]*No answer: no verdicts/);
  t.notMatch(renderHtml(doc), '<details class="fold" id="fold-verdicts"', 'the verdicts section (one sentence) stays open');
  t.match(renderJunit(doc), '<property name="coprobe.glance.missing" value="no verdicts: the run did not finish before they were computed"/>');
});

t.test('terminalGlance: from a document or a file (what coprobe lab calls per scenario)', async (t) => {
  const path = join(RUNS, 'loop-pair.jsonl');
  t.same(terminalGlance(path), terminalGlance(readRunFile(path)));
  t.same(terminalGlance(path, COLOUR).map((l) => l.replace(ANSI, '')), terminalGlance(path));
  t.throws(() => terminalGlance('/nonexistent/run.json'), { code: 'REPORT_UNREADABLE' });
});

t.test('Markdown: the glance right after the title', async (t) => {
  for (const f of FIXTURES) {
    const md = renderMarkdown(load(f));
    const lines = md.split('\n');
    t.same(lines.slice(0, 3), [lines[0], '', '## At a glance'], `${f}: the first section`);
    t.ok(md.indexOf('## At a glance') < md.indexOf('## Run\n') && md.indexOf('## Run\n') < md.indexOf('## Verdicts'), `${f}: before the run and the long tables`);
    const g = glanceOf(load(f));
    const cell = (c: Glance['rows'][number]['cells'][number]) => `**${c.verdict}**${superscripts(c.notes)}${c.libvirt ? ` (libvirt ${c.libvirt})` : ''}`;
    for (const r of g.rows) t.match(md, `\n| \`${r.mode}\` | ${r.cells.map(cell).join(' | ')} |\n`, `${f}: ${r.mode}'s row`);
  }
  const md = renderMarkdown(load('loop-pair.jsonl'));
  t.match(md, '| `unsafe` | **UNSAFE** (libvirt allows) | **UNSAFE** |');
  t.match(md, '| cache mode | QEMU ≥ 4.0 (drop-cache) | QEMU \\< 4.0 |');
});

t.test('HTML: the glance right under the title, linking into the folded sections', async (t) => {
  for (const f of FIXTURES) {
    const doc = load(f);
    const out = renderHtml(doc);
    const h1 = out.indexOf('<h1>');
    const glance = out.indexOf('<section id="glance"');
    t.ok(h1 > 0 && glance > h1 && out.slice(out.indexOf('</h1>', h1) + 5, glance).trim() === '', `${f}: the glance follows the title`);
    for (const id of ['verdicts', 'claims', 'probes', 'evidence']) t.match(out, `<details class="fold" id="fold-${id}" data-fold="${id}"><summary>`, `${f}: ${id} folded`);
    t.notMatch(out, /<details class="fold"[^>]* open/, `${f}: no fold starts open`);
    for (const m of doc.verdicts!.verdicts) t.match(out, `<tr id="verdict-${m.mode}-${m.behaviour}" `, 'the verdict row a cell links to');
  }
});

t.test('JUnit: a property per cell; TAP: the glance as comments before the first test point', async (t) => {
  for (const f of FIXTURES) {
    const doc = load(f);
    const xml = renderJunit(doc);
    for (const m of doc.verdicts!.verdicts) t.match(xml, `<property name="coprobe.glance.${m.mode}.${m.behaviour}" value="${m.verdict}"/>`);
    const names = [...xml.matchAll(/<property name="([^"]+)"/g)].map((x) => x[1]);
    t.equal(new Set(names).size, names.length, `${f}: property names stay unique`);
    const tap = renderTap(doc);
    const glance = renderGlanceLines(glanceOf(doc)).map((l) => `# ${l}`).join('\n');
    t.equal(tap.indexOf(glance), tap.indexOf('\n1..') + tap.slice(tap.indexOf('\n1..') + 1).indexOf('\n') + 2, `${f}: right after the plan`);
    const p = new Parser();
    const extra: string[] = [];
    p.on('extra', (e: string) => extra.push(e));
    p.end(tap);
    t.same(extra, [], `${f}: TAP still parses cleanly`);
  }
  const loop = renderJunit(load('loop-pair.jsonl'));
  t.match(loop, '<property name="coprobe.glance.unsafe.drop-cache.libvirt" value="allows (disagrees with the measurement)"/>');
});

for (const path of labRuns) {
  t.test(`the lab's own output: ${path}`, async (t) => {
    const doc = readRunFile(path);
    const g = glanceOf(doc);
    checkModel(t, doc, g);
    checkScreen(t, renderGlanceLines(g), path);
    t.equal(g.headline, 'Safe with drop-cache (QEMU ≥ 4.0): none, directsync, writethrough, writeback; with older QEMU: none, directsync.', 'the three lab scenarios agree');
    if (path.includes('nfs42')) t.match(g.contradictions, [{ claim: 'NFS-UNLINK-AFTER-OPEN', status: 'mixed', violatedFor: 'unlink by the other client', holdsFor: 'chmod 000 by the other client' }]);
  });
}
if (!labRuns.length) t.pass(`no ${LAB_SAMPLE} (set COPROBE_LAB_REPORTS to a lab's --report directory): the real lab output is checked where it exists`, { skip: true });

t.test('in headless chromium: the glance is what the page opens on, the evidence folded below it', { skip: noBrowserReason() }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-glance-'));
  let browser: Browser | undefined;
  t.teardown(async () => { await browser?.close(); rmSync(dir, { recursive: true, force: true }); });
  browser = await launchBrowser();
  const sources: [string, RunDocument][] = [['nfs-user-v4', mixedDoc()], ...labRuns.filter((p) => p.includes('nfs42')).map((p): [string, RunDocument] => ['lab-nfs42', readRunFile(p)])];
  for (const [name, doc] of sources) {
    const path = join(dir, `${name}.html`);
    writeFileSync(path, renderHtml(doc));
    const o = await openFile(browser, path);
    const { page } = o;
    t.same([o.consoleErrors, o.pageErrors], [[], []], `${name}: no error`);
    const box = (await page.locator('#glance').boundingBox())!;
    t.ok(box.y < 120 && box.y + box.height <= 900, `${name}: the whole glance is in the first 1280×900 screen (top ${box.y.toFixed(0)} px, bottom ${(box.y + box.height).toFixed(0)} px)`);
    const first = await page.evaluate(() => [...document.querySelectorAll('h1 ~ *, h1')].map((e) => e.id || e.tagName)[1]);
    t.equal(first, 'glance', `${name}: the first element after the title`);
    for (const id of ['#verdict-table', '#claim-table', '#probe-table', '#evidence']) t.notOk(await page.locator(id).isVisible(), `${name}: ${id} folded`);
    const height = await page.evaluate(() => document.body.scrollHeight);
    t.ok(height < 3000, `${name}: the page opens ${height} px tall`);
    if (process.env.COPROBE_GLANCE_PNG && name === sources.at(-1)![0]) {
      await page.screenshot({ path: process.env.COPROBE_GLANCE_PNG });
      t.comment(`screenshot of the page as it opens: ${process.env.COPROBE_GLANCE_PNG}`);
    }
    const claim = 'NFS-UNLINK-AFTER-OPEN';
    await page.click(`#glance a[href="#claim-${claim}"]`);
    t.ok(await page.locator(`#claim-${claim}`).isVisible(), `${name}: a contradicted claim's link opens the claims section at its row`);
    await page.locator('#fold-claims > summary').click();
    t.notOk(await page.locator(`#claim-${claim}`).isVisible(), `${name}: folded again by its summary`);
    await page.click(`#glance a[href="#claim-${claim}"]`);
    t.ok(await page.locator(`#claim-${claim}`).isVisible(), `${name}: the same link opens it again (no hashchange this time)`);
    await page.click('nav.toc a[href="#probes"]');
    t.ok(await page.locator('#probe-table').isVisible(), `${name}: the table of contents opens a folded section`);
    await page.close();
  }
});

t.test('coprobe run ends with the glance: a live run on the embedded loop pair', { skip: noLoopReason() }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-glance-run-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = spawnSync(process.execPath, ['bin/coprobe.js', 'run', '--probes', 'HAND1', '--modes', 'none,writeback', '--report', dir, '--format', 'json'], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  t.equal(r.status, 0, `the run ended (stderr: ${r.stderr.slice(-300)})`);
  const jsonl = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
  const glance = terminalGlance(join(dir, jsonl));
  checkScreen(t, glance, 'the live run');
  t.ok(r.stdout.endsWith(`\n${glance.join('\n')}\n`), 'stdout ends with the glance of the run it wrote');
  t.ok(r.stdout.indexOf('━━ At a glance') > r.stdout.indexOf('reports: '), 'after the tables, the counts and where the reports went');
  t.match(glance.join('\n'), /^writeback +SAFE +UNSAFE$/m, 'buffered loop devices: writeback needs drop-cache');
});
