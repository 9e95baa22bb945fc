import t from 'tap';
import { readRunFile, parseRunText } from '../src/report/document.js';
import { renderMarkdown, mdCell, MD_OUTCOME } from '../src/report/markdown.js';
import { OUTCOMES } from '../src/outcome.js';
import { scrub } from './fixtures/scrub.js';
import { readFileSync } from 'node:fs';

for (const name of ['loop-pair', 'iscsi-user', 'loop-window']) {
  t.test(`Markdown of the ${name} run (snapshot, timings and run id scrubbed)`, async (t) => {
    const doc = readRunFile(`test/fixtures/runs/${name}.jsonl`);
    const md = renderMarkdown(doc);
    t.matchSnapshot(scrub(md, doc));
    const rows = md.split('\n').filter((l) => /^\| \d+ \| /.test(l));
    t.equal(rows.length, doc.probes.length, 'one probe row per record');
    for (const v of doc.verdicts!.verdicts) t.ok(md.includes(`| \`${v.mode}\` |`), v.mode);
    t.equal(md.split('\n').filter((l) => /^\| `[A-Z0-9-]+` \| (holds|VIOLATED|not applicable|not checked) \|/.test(l)).length, doc.verdicts!.claims.length, 'one row per claim');
  });
}

t.test('the windows table holds the measured windows', async (t) => {
  const md = renderMarkdown(readRunFile('test/fixtures/runs/loop-window.jsonl'));
  t.match(md, /## Staleness windows/);
  t.match(md, /\| BOTH1 \| unsafe→none \| 5 \| \d+\.\d \| \d+\.\d \| \d+\.\d \| \d+\.\d \| 0 \|/);
});

t.test('an interrupted run says it has no verdicts and no end', async (t) => {
  const lines = readFileSync('test/fixtures/runs/loop-pair.jsonl', 'utf8').trim().split('\n').slice(0, 4);
  const md = renderMarkdown(parseRunText(lines.join('\n'), 'cut'));
  t.match(md, /No verdicts: the run did not finish before they were computed/);
  t.match(md, /\*\*Incomplete:\*\* the run has no end record \(3 probe runs recorded\)/);
});

t.test('cells are escaped: a pipe, a newline or markup in a path cannot break the table', async (t) => {
  t.equal(mdCell('a|b\nc *d* <e>'), 'a\\|b<br>c \\*d\\* \\<e\\>');
  for (const o of OUTCOMES) t.ok(MD_OUTCOME[o].includes(o), o);
});
