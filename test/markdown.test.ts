import t from 'tap';
import { readRunFile, parseRunText } from '../src/report/document.js';
import { renderMarkdown, mdCell, mdCode, MD_OUTCOME } from '../src/report/markdown.js';
import { OUTCOMES } from '../src/outcome.js';
import { scrub } from './fixtures/scrub.js';
import { readFileSync } from 'node:fs';
import { asSource, loadLabRun, loadLabSource, withoutLab } from './fixtures/lab-run.js';

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

t.test('a lab run: a Lab section after the sides (snapshot); nothing else changes, and nothing without lab facts', async (t) => {
  const doc = loadLabRun();
  const lab = doc.run.lab!;
  const md = renderMarkdown(doc);
  const start = md.indexOf('## Lab\n'), end = md.indexOf('## Confounders\n') >= 0 ? md.indexOf('## Confounders\n') : md.indexOf('## Verdicts');
  t.ok(start > md.indexOf('- **b** (reader)') && end > start, 'after the sides, before the confounders and verdicts');
  const section = md.slice(start, end);
  t.matchSnapshot(section, 'Lab section');
  t.match(section, `scenario **${mdCell(lab.scenario)}** — ${mdCell(lab.summary)}.`);
  t.match(section, `> **Confounded scenario:** ${mdCell(lab.confounded!)}`, 'the confounded reason as a caveat');
  t.match(section, `- **kernel package:** ${mdCell(lab.kernelPackage)}\n- **guest kernel:** ${mdCell(lab.kernel)}\n- **accelerator:** kvm\n`);
  t.match(section, '- **packages:** nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1\n');
  t.match(section, `- **exports:** \`${lab.exports!}\`\n- **set-up a:** \`${lab.setup.a!}\`\n- **set-up b:** \`${lab.setup.b!}\`\n`, 'commands as code, verbatim');
  const plain = renderMarkdown(loadLabSource());
  // The glance names the confounded scenario among the confounders: the one other line lab facts change.
  const glanceLine = `**Confounders:** lab scenario ${lab.scenario} is confounded on purpose.`;
  t.match(md.slice(0, md.indexOf('## Run\n')), glanceLine, 'the glance names the confounded scenario');
  const rest = (md.slice(0, start) + md.slice(end)).replace(glanceLine, '**Confounders:** none detected.');
  t.equal(asSource(rest), plain, 'the rest is the Markdown of the run it was copied from');
  t.equal(renderMarkdown(withoutLab(doc)), rest, 'and without lab facts, the rest is all there is');
  t.notMatch(plain, /## Lab|coprobe lab/, 'which has no lab section');
  const noReason = structuredClone(doc);
  delete noReason.run.lab!.confounded;
  t.notMatch(renderMarkdown(noReason), 'Confounded scenario', 'no caveat for a scenario that is not confounded');
});

t.test('inline code holds any command: backticks, leading spaces, markup', async (t) => {
  t.equal(mdCode('mount -o a|b <x> *y*'), '`mount -o a|b <x> *y*`', 'nothing escaped inside code');
  t.equal(mdCode('echo `id`'), '`` echo `id` ``', 'a longer fence, padded (both sides) where the text ends with a backtick');
  t.equal(mdCode('a ``b`` c'), '```a ``b`` c```');
  t.equal(mdCode(' x '), '`  x  `', 'padded where CommonMark strips a space');
  t.equal(mdCode('one\ntwo'), '`one two`', 'one line');
});
