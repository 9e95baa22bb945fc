// The HTML report: escaping and cut-short documents without a browser; then each real run opened in headless chromium.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readRunFile, type RunDocument } from '../src/report/document.js';
import { HTML_OUTCOME, renderHtml } from '../src/report/html/render.js';
import { esc, html, raw } from '../src/report/html/escape.js';
import { CALLS_SHOWN, boundCalls } from '../src/report/html/transcript.js';
import { blockMap, gridOf } from '../src/report/html/block-map.js';
import { windowChart, windowRows } from '../src/report/html/window-chart.js';
import { emptySummary, addFinding, MAX_RANGES } from '../src/blocks/tally.js';
import { OUTCOMES } from '../src/outcome.js';
import { BEHAVIOUR_LABEL, CLAIM_STATUS_LABEL, LIBVIRT_LABEL, PREDICTION_LABEL, VERDICT_LABEL } from '../src/report/verdicts.js';
import { launchBrowser, noBrowserReason, openFile } from './fixtures/browser.js';
import { asSource, loadLabRun, loadLabSource, withoutLab } from './fixtures/lab-run.js';

const RUNS = new URL('./fixtures/runs/', import.meta.url);
const FIXTURES = ['loop-pair', 'loop-window', 'iscsi-user', 'nfs-user-v4', 'lab-nfs'] as const;
/** Full-page screenshots (a few seconds each for a page this tall): the run with every probe, the one with windows. */
const SCREENSHOTS: ReadonlySet<string> = new Set(['loop-pair', 'loop-window']);
const load = (name: string): RunDocument => readRunFile(new URL(`${name}.jsonl`, RUNS).pathname);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const EVIL = `<script>window.__pwned=1</script>"'&amp;<img src=x onerror="window.__pwned=2">`;

/** loop-window with attacker-controlled strings wherever a record carries text (paths, messages, sentences, args). */
function hostileDoc(): RunDocument {
  const d = clone(load('loop-window'));
  d.run.runId = `run${EVIL}`;
  d.run.argv.push(EVIL);
  d.run.sides.a.arg = `/mnt/${EVIL}`;
  d.run.sides.b.host.hostname = `host${EVIL}`;
  d.run.confounders = [{ code: 'ONE-PAGE-CACHE', severity: 'voids', message: `one page cache ${EVIL}` }];
  d.run.warnings = [`one page cache ${EVIL}`];
  d.run.lab = {
    scenario: `lab${EVIL}`, summary: `summary ${EVIL}`, confounded: `confounded ${EVIL}`, kernelPackage: `linux-image ${EVIL}`, kernel: EVIL,
    accel: EVIL, packages: { [`pkg${EVIL}`]: EVIL }, exports: `/srv ${EVIL}`, setup: { a: `mount ${EVIL}`, b: EVIL }, clients: `clients ${EVIL}`,
  };
  const p = d.probes.find((r) => r.checks.some((c) => c.read?.findings.length))!;
  p.reason = `because ${EVIL}`;
  p.title = `title ${EVIL}`;
  p.variant.param = `p${EVIL}`;
  const c = p.checks.find((x) => x.read?.findings.length)!;
  c.sentence = `sentence ${EVIL}`;
  c.observed = `observed ${EVIL}`;
  c.read!.findings[0]!.expected = EVIL;
  c.read!.findings[0]!.found = `"><svg onload="window.__pwned=3">`;
  c.values = { [`k${EVIL}`]: EVIL };
  p.transcripts.b[0]!.args = { path: EVIL, nested: { x: EVIL } };
  p.transcripts.b[0]!.calls.push({ call: 'pread', at: 1, dur: 1, ret: -1, errno: 'EIO', detail: EVIL });
  const v = d.verdicts!;
  v.voids = [`voided ${EVIL}`];
  v.stackNote = `note ${EVIL}`;
  v.verdicts[0]!.why = `why ${EVIL}`;
  v.verdicts[0]!.libvirt.why = `libvirt ${EVIL}`;
  v.verdicts[0]!.disagreement = `disagree ${EVIL}`;
  v.claims[0]!.why = `claim ${EVIL}`;
  v.claims[0]!.note = `n ${EVIL}`;
  return d;
}

/** The first probes of loop-pair as a run killed early writes them: no verdicts, no end record. */
function cutShort(n = 5): RunDocument {
  const d = clone(load('loop-pair'));
  return { format: d.format, schema: d.schema, run: d.run, probes: d.probes.slice(0, n) };
}

t.test('escaping: the html tag escapes every interpolated value; only raw() passes markup', async (t) => {
  t.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  t.equal(html`<p title="${'"x"'}">${'<b>'}${1}${null}${undefined}${false}${['<i>', raw('<br>')]}</p>`.text, '<p title="&quot;x&quot;">&lt;b&gt;1&lt;i&gt;<br></p>');
  t.equal(html`${html`<b>${'&'}</b>`}`.text, '<b>&amp;</b>', 'nested markup is not escaped twice');
});

t.test('a record full of markup renders as text: one script element (ours), no injected element or attribute', async (t) => {
  const out = renderHtml(hostileDoc());
  t.equal(out.match(/<script/g)?.length, 1, 'only the page\'s own script element');
  t.notMatch(out, /<img|<svg onload/i, 'no injected element');
  t.notMatch(out, /on(error|load)="window/, 'no injected handler attribute (quotes are escaped, so none can close an attribute)');
  t.notMatch(out, /window\.__pwned=1<\/script>/, 'no injected script body');
  t.match(out, '&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;&#39;&amp;amp;&lt;img', 'the text is there, escaped (& too)');
  t.match(out, `<div class="callout weakens lab-confounded"><strong>Confounded scenario</strong> <span class="badge">a deliberately confounded case</span> confounded ${esc(EVIL)}</div>`, 'the lab facts too');
  t.match(out, `<tr data-fact="setup.a"><th>set-up a</th><td><code>mount ${esc(EVIL)}</code></td></tr>`);
});

t.test('a lab run: a Lab section in the run\'s head (a confounded scenario as a warning callout); nothing without lab facts', async (t) => {
  const doc = loadLabRun();
  const lab = doc.run.lab!;
  const out = renderHtml(doc);
  const start = out.indexOf('<section id="lab"');
  const end = out.indexOf('</section>\n', start) + '</section>\n'.length;
  t.ok(start > out.indexOf('<ul class="sides" id="sides">') && end < out.indexOf('</header>'), 'inside the head, after the sides');
  const section = out.slice(start, end);
  t.match(section, `<section id="lab" data-scenario="nfs42-sync-one-client"><h2>Lab</h2>`);
  t.match(section, `scenario <strong>nfs42-sync-one-client</strong> — ${esc(lab.summary)}.</p>`);
  t.match(section, `<div class="callout weakens lab-confounded"><strong>Confounded scenario</strong> <span class="badge">a deliberately confounded case</span> ${esc(lab.confounded!)}</div>`);
  const rows = [...section.matchAll(/<tr data-fact="([^"]+)"><th>([^<]+)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
  t.same(rows, [
    ['kernel-package', 'kernel package', 'linux-image-6.12.48+deb13-amd64 6.12.48-1'], ['kernel', 'guest kernel', '6.12.48+deb13-amd64'], ['accel', 'accelerator', 'kvm'],
    ['packages', 'packages', 'nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1'],
    ['exports', 'exports', `<code>${esc(lab.exports!)}</code>`], ['setup.a', 'set-up a', `<code>${esc(lab.setup.a!)}</code>`],
    ['setup.b', 'set-up b', `<code>${esc(lab.setup.b!)}</code>`], ['clients', 'clients', esc(lab.clients)],
  ], 'a row per fact, commands as code');
  // The glance names the confounded scenario among the confounders: the one other place lab facts change.
  const glanceLine = `<strong>Confounders:</strong> <a href="#confounders">lab scenario ${lab.scenario} is confounded on purpose</a>`;
  t.match(out.slice(0, out.indexOf('<section id="lab"')), glanceLine, 'the glance names the confounded scenario');
  const rest = (out.slice(0, start) + out.slice(end)).replace(glanceLine, '<strong>Confounders:</strong> none detected');
  t.equal(asSource(rest), renderHtml(loadLabSource()), 'the rest is the page of the run it was copied from');
  t.equal(renderHtml(withoutLab(doc)), rest, 'and without lab facts, the rest is all there is');
  const plain = clone(doc);
  delete plain.run.lab!.confounded;
  t.notMatch(renderHtml(plain), 'lab-confounded', 'no callout for a scenario that is not confounded');
  t.notMatch(renderHtml(loadLabSource()), /id="lab"|coprobe lab|lab-confounded/, 'no section without lab facts');
});

t.test('HTML_OUTCOME maps every outcome to a label and a distinct class', async (t) => {
  t.same(Object.keys(HTML_OUTCOME).sort(), [...OUTCOMES].sort());
  for (const o of OUTCOMES) t.equal(HTML_OUTCOME[o].label, o);
  t.equal(new Set(OUTCOMES.map((o) => HTML_OUTCOME[o].cls)).size, OUTCOMES.length);
});

t.test('a cut-short run: no verdicts, no end record, and the page says so', async (t) => {
  const out = renderHtml(cutShort());
  t.match(out, 'Incomplete run:');
  t.match(out, 'No verdicts: the run did not finish');
  t.match(out, 'Incomplete: the run has no end record (5 probe runs recorded)');
  t.notMatch(out, 'id="verdict-table"');
  t.notMatch(out, 'id="claim-table"');
  t.equal(out.match(/<tr data-record=/g)?.length, 5, 'a row per probe record');
  const interrupted: RunDocument = { ...cutShort(3), end: { type: 'end', runId: 'x', finishedAt: 'then', counts: { PASS: 3 }, exitCode: 130, interrupted: true } };
  const out2 = renderHtml(interrupted);
  t.match(out2, 'the run was interrupted');
  t.match(out2, 'Exit code <strong>130</strong>');
});

t.test('stale-block map: large images, cut and absent ranges are said; counts come from the record', async (t) => {
  t.same(gridOf(1024), { per: 1, cells: 1024, cols: 64, rows: 16 });
  t.same(gridOf(10), { per: 1, cells: 10, cols: 10, rows: 1 });
  t.match(gridOf(262144), { per: 128, cols: 64, rows: 32 }, 'a 1 GiB image: 128 blocks per cell, the grid stays 64×32');
  const read = emptySummary();
  for (let i = 0; i < 2 * MAX_RANGES + 10; i++) addFinding(read, { index: i, cls: i % 2 ? 'stale' : 'fresh' });
  const cut = blockMap(read, { id: 'm', label: 'x', headBlocks: 16 }).text;
  t.equal(cut.match(/<g class="range"/g)?.length, MAX_RANGES, 'every kept run drawn');
  t.match(cut, `${read.rangesOmitted} more non-fresh blocks past the first ${MAX_RANGES} runs kept are not drawn`);
  t.match(cut, 'dashed: the head (first 16 blocks');
  t.match(cut, `stale ${read.counts.stale}`, 'the legend counts every stale block');
  const old = { ...read, ranges: undefined, rangesOmitted: undefined };
  const none = blockMap(old, { id: 'm', label: 'x' }).text;
  t.notMatch(none, '<svg');
  t.match(none, 'predates the stale-block map');
});

t.test('window chart: a point per window; windows still stale at the bound are counted and drawn apart', async (t) => {
  const doc = clone(load('loop-window'));
  const w = doc.probes.flatMap((r) => r.checks).find((c) => c.window)!.window!;
  w.fresh = false;
  const rows = windowRows(doc.probes);
  t.same([...rows.keys()], ['BOTH1']);
  const svg = windowChart('BOTH1', rows.get('BOTH1')!, doc.probes).text;
  t.equal(svg.match(/class="win-point fresh"/g)?.length, 9);
  t.equal(svg.match(/class="win-point never"/g)?.length, 1);
  t.match(svg, '>1 at 20 s</text>', 'the still-stale count, in the row');
  t.match(svg, 'still stale after 20000 ms');
  t.match(svg, 'axis starts at', 'windows near 1 s: the axis is zoomed, and says so');
});

t.test('self-contained: a CSP forbidding fetches, nothing that would fetch; bounded transcripts and page size', async (t) => {
  const doc = load('loop-pair');
  const out = renderHtml(doc);
  t.match(out, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;unsafe-inline&#39;; img-src data:">`);
  t.notMatch(out, /\ssrc=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no src attribute, CSS url() or remote address');
  t.same(out.match(/<link [^>]*>/g), ['<link rel="icon" href="data:,">'], 'one link: the empty data: favicon');
  const entries = doc.probes.flatMap((r) => [...r.transcripts.a, ...r.transcripts.b]);
  const busy = entries.find((e) => e.calls.length > CALLS_SHOWN)!;
  t.equal(boundCalls(busy).shown.length, CALLS_SHOWN, 'long call lists are cut');
  t.match(out, `… ${boundCalls(busy).omitted} more calls not shown`);
  t.ok(out.length < 1.5e6, `loop-pair renders to ${(out.length / 1024).toFixed(0)} KiB`);
  t.comment(`loop-pair.jsonl: ${(readFileSync(new URL('loop-pair.jsonl', RUNS)).length / 1024).toFixed(0)} KiB of records → ${(Buffer.byteLength(out) / 1024).toFixed(0)} KiB of HTML`);
});

/** Text of every cell of the table's body rows. */
async function cells(page: import('playwright-core').Page, table: string): Promise<string[][]> {
  return page.$$eval(`${table} > tbody > tr`, (rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => (c.textContent ?? '').trim())));
}

t.test('in headless chromium', { skip: noBrowserReason() }, async (t) => {
  const outer = t;
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-html-'));
  let browser: Browser | undefined;
  t.teardown(async () => {
    await browser?.close();
    if (process.env.COPROBE_KEEP_HTML) t.comment(`pages and screenshots kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  const started = Date.now();
  browser = await launchBrowser();
  t.comment(`chromium ${browser.version()} launched in ${Date.now() - started} ms`);

  /** Write the page, open it, and check what every page must satisfy: no error, no request but itself. */
  const open = async (t: typeof outer, name: string, doc: RunDocument) => {
    const path = join(dir, `${name}.html`);
    writeFileSync(path, renderHtml(doc));
    const o = await openFile(browser!, path);
    t.teardown(() => o.page.close());
    t.same(o.consoleErrors, [], 'no console error or warning');
    t.same(o.pageErrors, [], 'no uncaught error');
    t.same(o.requests, [o.url], 'no request but the page itself');
    return o;
  };

  for (const name of FIXTURES) {
    t.test(name, async (t) => {
      const doc = load(name);
      const { page } = await open(t, name, doc);
      const v = doc.verdicts!;
      t.ok(await page.locator('#glance-table').isVisible(), 'the glance is shown');
      t.equal(await page.locator('details.fold[open]').count(), 0, 'the long sections start folded');
      t.notOk(await page.locator('#verdict-table').isVisible(), 'the verdict table among them');
      await page.click('#glance button[data-details="open"][data-only="details.fold"]');
      t.equal(await page.locator('details.fold[open]').count(), await page.locator('details.fold').count(), 'one button opens every folded section');
      t.equal(await page.locator('#lab').count(), doc.run.lab ? 1 : 0, doc.run.lab ? 'a Lab section' : 'no Lab section');
      if (doc.run.lab) {
        t.ok(await page.locator('#lab .lab-confounded').isVisible(), 'the confounded scenario\'s callout is shown');
        t.equal(await page.locator('#lab table.lab-facts tr').count(), 8, 'a row per fact');
      }

      const vrows = await cells(page, '#verdict-table');
      t.equal(vrows.length, v.verdicts.length, 'a verdict row per mode × QEMU behaviour');
      v.verdicts.forEach((m, i) => {
        const [mode, qemu, verdict, libvirt, docs] = vrows[i]!;
        t.same([mode, qemu, verdict], [m.mode, BEHAVIOUR_LABEL[m.behaviour], VERDICT_LABEL[m.verdict]], `${m.mode}, ${m.behaviour}`);
        t.ok(libvirt!.startsWith(LIBVIRT_LABEL[m.libvirt.allows ? 'allows' : 'refuses']), 'libvirt\'s opinion');
        t.ok(docs!.startsWith(PREDICTION_LABEL[m.predicted?.verdict ?? 'none']), 'the documents\' prediction');
      });
      const links = await page.$$eval('#verdict-table .evidence ul.evidence a', (as) => as.map((a) => a.getAttribute('href')));
      t.same(links, v.verdicts.flatMap((m) => m.evidence.map((e) => `#probe-${e.record}`)), 'evidence links to the deciding records');

      const crows = await cells(page, '#claim-table');
      t.same(crows.map((r) => [r[0], r[1]]), v.claims.map((c) => [c.claim, CLAIM_STATUS_LABEL[c.status]]), 'a claim row per claim, with its status');

      const prows = await page.$$eval('#probe-table > tbody > tr', (rows) => rows.map((r) => ['td:first-child', 'td.probe', 'td.outcome'].map((s) => r.querySelector(s)?.textContent?.trim())));
      t.same(prows, doc.probes.map((r, i) => [`#${i + 1}`, r.probe, HTML_OUTCOME[r.outcome].label]), 'a probe row per record, with its outcome');
      t.equal(await page.locator('section.probe').count(), doc.probes.length, 'an evidence section per record');

      const hand = doc.probes.map((r, i) => ({ r, n: i + 1 })).filter((x) => x.r.probe === 'HAND1' && x.r.checks[0]?.read);
      if (doc.run.probes.includes('HAND1')) t.ok(hand.length > 0, 'HAND1 read the image');
      let stale = 0;
      for (const { r, n } of hand) {
        const read = r.checks[0]!.read!;
        const drawn = await page.$$eval(`#map-${n} g.range`, (gs) => gs.map((g) => [g.getAttribute('data-cls'), Number(g.getAttribute('data-count'))] as const));
        const sum = (cls: string) => drawn.filter(([c]) => c === cls).reduce((s, [, k]) => s + k, 0);
        t.equal(await page.locator(`#map-${n} svg`).count(), 1, `#${n}: a map`);
        t.equal(sum('stale') + (read.rangesOmitted ?? 0), read.counts.stale, `#${n}: ${read.counts.stale} stale blocks drawn`);
        t.equal(drawn.reduce((s, [, k]) => s + k, 0), read.blocks - read.counts.fresh - (read.rangesOmitted ?? 0), `#${n}: every non-fresh block drawn`);
        stale += sum('stale');
      }
      if (name === 'loop-pair') t.equal(stale, 4 * 80 + 4 * 1024, 'loop-pair: 80 stale in four buffered runs, 1024 in each unsafe one');

      const windows = doc.probes.flatMap((r) => r.checks.filter((c) => c.window));
      t.equal(await page.locator('svg.window-chart .win-point').count(), windows.length, 'a point per measured window');
      if (!windows.length) t.ok(await page.locator('#no-windows').isVisible(), 'says no window was measured');
      else {
        const ms = await page.$$eval('svg.window-chart .win-point.fresh', (cs) => cs.map((c) => Number(c.getAttribute('data-ms'))));
        const byValue = (x: number, y: number) => x - y;
        t.same(ms.sort(byValue), windows.filter((c) => c.window!.fresh).map((c) => Number((c.window!.elapsedUs / 1000).toFixed(3))).sort(byValue), 'at the measured ms');
        t.equal(await page.locator('svg.window-chart .never-count').count(), new Set(doc.probes.filter((r) => r.checks.some((c) => c.window)).map((r) => `${r.probe} ${JSON.stringify(r.variant)}`)).size, 'a still-stale count per variant');
      }

      if (SCREENSHOTS.has(name)) {
        const shot = join(dir, `${name}.png`);
        const shotAt = Date.now();
        await page.screenshot({ path: shot, fullPage: true });
        const png = readFileSync(shot);
        t.same([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG, of the page as it opens');
        t.ok(statSync(shot).size > 10_000, `full-page screenshot, ${(png.length / 1024).toFixed(0)} KiB in ${Date.now() - shotAt} ms`);
      }

      const first = page.locator('details.transcript').first();
      const table = first.locator('table');
      t.notOk(await table.isVisible(), 'transcripts start closed');
      await first.locator('summary').click();
      t.ok(await table.isVisible(), 'a click on the summary opens the transcript');
      t.ok((await table.locator('tbody tr').count()) > 0, 'with its commands');
      await page.click('#evidence button[data-details="open"]');
      t.equal(await page.locator('#evidence details[open]').count(), await page.locator('#evidence details').count(), 'expand all opens every transcript');

      const warn = doc.probes.filter((r) => r.outcome === 'WARN').length;
      if (warn) {
        await page.selectOption('#outcome-filter', 'WARN');
        t.equal(await page.locator('#probe-table tbody tr:visible').count(), warn, 'the outcome filter shows only WARN rows');
      }
    });
  }

  t.test('a link to a record\'s evidence opens and shows it', async (t) => {
    const doc = load('loop-pair');
    const { page } = await open(t, 'links', doc);
    const m = doc.verdicts!.verdicts.find((x) => x.verdict === 'UNSAFE')!;
    const n = m.evidence[0]!.record;
    t.notOk(await page.locator(`#verdict-${m.mode}-${m.behaviour}`).isVisible(), 'the verdict row starts folded away');
    await page.click(`#glance-table a[href="#verdict-${m.mode}-${m.behaviour}"]`);
    t.ok(await page.locator(`#verdict-${m.mode}-${m.behaviour}`).isVisible(), 'a glance cell opens the verdicts section at its row');
    await page.click(`#verdict-table a[href="#probe-${n}"] >> nth=0`);
    t.ok(await page.locator(`#probe-${n}`).isVisible(), `#probe-${n} is shown`);
    t.equal(await page.evaluate(() => location.hash), `#probe-${n}`);
  });

  t.test('hostile strings stay text in the browser too', async (t) => {
    const { page, dialogs } = await open(t, 'hostile', hostileDoc());
    t.same(dialogs, [], 'no dialog');
    t.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'no injected code ran');
    t.equal(await page.locator('img, [onerror], [onload]').count(), 0, 'no injected element or handler attribute in the DOM');
    t.equal(await page.locator('script').count(), 1, 'one script element: the page\'s own');
    t.match(await page.locator('#sides').textContent(), EVIL, 'the path is shown verbatim');
    t.match(await page.locator('.confounder').first().textContent(), EVIL, 'and the confounder message');
    t.match(await page.locator('#lab [data-fact="setup.b"] code').textContent(), EVIL, 'and the lab\'s set-up command');
  });

  t.test('the page\'s CSP is in force: an image from the network is refused, the request fails in the browser', async (t) => {
    const { page } = await open(t, 'csp', cutShort(1));
    const failed = page.waitForEvent('requestfailed');
    const directive = await page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      const img = document.createElement('img');
      img.src = 'http://127.0.0.1:9/pixel.png';
      document.body.append(img);
    }));
    t.equal(directive, 'img-src', 'the CSP names the directive that refused it');
    t.equal((await failed).failure()?.errorText, 'csp', 'the request failed in the browser, refused by the CSP');
  });

  t.test('a cut-short run opens cleanly and says what is missing', async (t) => {
    const { page } = await open(t, 'cut-short', cutShort());
    t.ok(await page.locator('#incomplete').isVisible());
    t.ok(await page.locator('#no-verdicts').isVisible());
    t.equal(await page.locator('#probe-table tbody tr').count(), 5);
  });
});
