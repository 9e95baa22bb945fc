import t from 'tap';
import { renderRow, renderSummary, renderHeader, OUTCOME_LABEL } from '../src/report/table.js';
import { OUTCOMES } from '../src/outcome.js';
import { record, side } from './fixtures/records.js';
import { asSource, loadLabRun, loadLabSource, withoutLab } from './fixtures/lab-run.js';
import { COLOUR } from '../src/report/colour.js';
import type { RunRecord } from '../src/result.js';

t.test('rows for every outcome (timings scrubbed)', async (t) => {
  const rows = OUTCOMES.map((o) => renderRow(o === 'OMIT' || o === 'HUNG' || o === 'LOST' || o === 'UNSUPPORTED' ? record(o, 0, `why ${o}`) : record(o, o === 'PASS' ? 0 : 16)));
  t.matchSnapshot(rows.map((r) => r.replace(/\d+\.\d+ ms/, 'N ms')).join('\n'));
  for (const o of OUTCOMES) t.ok(rows.some((r) => r.includes(OUTCOME_LABEL[o])), o);
});

t.test('header lists sides and warnings first; summary counts outcomes', async (t) => {
  const lines = renderHeader({
    type: 'run', schema: 1, runId: 'r', version: '0.1.0', startedAt: '', argv: [], blockSize: 4096, blocks: 16,
    sides: { a: side(), b: side() }, warnings: ['one page cache'], probes: [],
  });
  t.ok(lines.includes('WARNING: one page cache'));
  t.equal(renderSummary({ PASS: 3, WARN: 1 }, '/r.jsonl'), '\n3 PASS, 1 WARN; report: /r.jsonl');
});

t.test('header: a lab run shows its scenario, kernel, packages, set-up and clients; a confounded one warns first', async (t) => {
  const doc = loadLabRun();
  const lab = doc.run.lab!;
  const lines = renderHeader(doc.run);
  t.matchSnapshot(lines.join('\n').split(doc.run.runId).join('RUNID'), 'lab header');
  const block = lines.indexOf(`  block size ${doc.run.blockSize}, ${doc.run.blocks} blocks per probe`);
  t.equal(lines[block + 1], `  coprobe lab scenario ${lab.scenario} (kernel ${lab.kernelPackage}): ${lab.summary}`, 'the scenario after the sides');
  t.same(lines.slice(block + 2, block + 8), [
    `     guest kernel ${lab.kernel}, accelerator ${lab.accel}`,
    '     packages: nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1',
    `     exports: ${lab.exports!}`,
    `     set-up a: ${lab.setup.a!}`,
    `     set-up b: ${lab.setup.b!}`,
    `     clients: ${lab.clients}`,
  ]);
  t.equal(lines[block + 8], `WARNING: confounded lab scenario ${lab.scenario}: ${lab.confounded!}`, 'the confounded reason is the first warning');
  t.match(renderHeader(doc.run, COLOUR).find((l) => l.includes('confounded lab scenario')), /^\u001b\[/, 'painted as a warning');

  const plain = structuredClone(doc.run);
  const facts = plain.lab!;
  delete facts.confounded;
  delete facts.exports;
  facts.setup = { a: 'iscsiadm --login a' };
  facts.packages = {};
  const other = renderHeader(plain);
  t.notMatch(other.join('\n'), /WARNING|exports:|set-up b/, 'no warning, export or b set-up when the facts have none');
  t.ok(other.includes('     packages: none recorded'));
  t.ok(other.includes('     set-up a: iscsiadm --login a'));

  const without = renderHeader(withoutLab(doc).run).join('\n');
  t.equal(asSource(without), renderHeader(loadLabSource().run).join('\n'), 'without lab facts: the header of the run it was copied from');
  t.notMatch(without, /lab/);
});

t.test('a side\'s network namespace is shown when the other side is in another one of the same kernel', async (t) => {
  const run = (a: ReturnType<typeof side>, b: ReturnType<typeof side>): RunRecord => ({
    type: 'run', schema: 1, runId: 'r', version: '0.1.0', startedAt: '', argv: [], blockSize: 4096, blocks: 16, sides: { a, b }, warnings: [], confounders: [], probes: [],
  });
  const two = renderHeader(run(side({ netns: 'net:[1]', hostname: 'laba' }), side({ netns: 'net:[2]', hostname: 'labb' })));
  t.ok(two.includes('     network namespace net:[1] (the other side\'s: net:[2]; one kernel)'), 'a');
  t.ok(two.includes('     network namespace net:[2] (the other side\'s: net:[1]; one kernel)'), 'b');
  for (const [what, a, b] of [
    ['one namespace', side({ netns: 'net:[1]' }), side({ netns: 'net:[1]' })],
    ['an older agent', side({ netns: 'net:[1]' }), side()],
    ['two kernels (namespace ids are per kernel)', side({ netns: 'net:[1]' }), side({ netns: 'net:[2]', bootId: 'boot-2' })],
  ] as const) t.notMatch(renderHeader(run(a, b)).join('\n'), 'network namespace', what);
});
