// coprobe report merge: the matrix rules on recorded runs, then real runs on several stacks (a loop pair, tgt, ganesha)
// merged with the committed fixtures, including two real runs of one loop pair that disagree.
import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readRunFile, type RunDocument } from '../src/report/document.js';
import { packageRoot } from '../src/package-info.js';
import { mergeRuns } from '../src/report/merge/matrix.js';
import { mergeCell } from '../src/report/merge/merge-cell.js';
import { runEntry } from '../src/report/merge/run-entry.js';
import { mergeCommand } from '../src/report/merge/command.js';
import { stackKeyOf } from '../src/report/merge/stack-key.js';
import { stackWords } from '../src/report/merge/stack-label.js';
import type { LabFacts } from '../src/result.js';
import { evidenceFile, hrefFrom } from '../src/report/merge/evidence.js';
import { KEY_CLAIMS } from '../src/report/merge/columns.js';
import { CELL_VALUES, type Cell, type Matrix, type MatrixRow } from '../src/report/merge/types.js';
import { TEXT_VALUE, renderMatrixText } from '../src/report/merge/matrix-text.js';
import { MD_VALUE, renderMatrixMarkdown } from '../src/report/merge/matrix-md.js';
import { HTML_CLASS, HTML_VALUE, renderMatrixHtml } from '../src/report/merge/matrix-html.js';
import { attachLoopPair } from '../src/loop-pair.js';
import { noLoopReason } from './fixtures/root.js';
import { keptRun } from './fixtures/kept-run.js';
import { pinPages } from './fixtures/pin-pages.js';
import { ensureTgt, noTgtReason } from './fixtures/tgt.js';
import { ensureGanesha, noGaneshaReason } from './fixtures/ganesha.js';

const root = packageRoot();
const FIXTURES = join(root, 'test', 'fixtures', 'runs');
const fixture = (name: string) => join(FIXTURES, `${name}.jsonl`);
const work = mkdtempSync(join(tmpdir(), 'coprobe-merge-'));
t.teardown(() => rmSync(work, { recursive: true, force: true }));
t.cleanSnapshot = (s) => s.replaceAll(root, '<root>');

const load = (...paths: string[]) => paths.map((path) => ({ path, doc: readRunFile(path) }));
const rowOf = (m: Matrix, runPath: string): MatrixRow => {
  const n = m.runs.find((r) => r.path === runPath)!.n;
  return m.rows.find((r) => r.runs.includes(n))!;
};
const runNo = (m: Matrix, path: string) => m.runs.find((r) => r.path === path)!.n;
const values = (c: Cell) => c.measured.map((r) => [r.run, r.value]);

t.test('every cell value has a word in each renderer and a colour in the page', async (t) => {
  for (const map of [TEXT_VALUE, MD_VALUE, HTML_VALUE, HTML_CLASS]) t.same(Object.keys(map).sort(), [...CELL_VALUES].sort());
});

t.test('merge rules: worst wins, counts add up, disagreement is flaky, not measured never disagrees', async (t) => {
  const safe = { run: 1, value: 'SAFE' as const, records: [3], why: 'fresh' };
  const unsafe = { run: 2, value: 'UNSAFE' as const, records: [3, 4], why: 'stale' };
  const unknown = { run: 3, value: 'UNKNOWN' as const, records: [5], why: 'HUNG' };
  const none = { run: 4, why: 'not measured: HAND1 was not selected' };
  t.match(mergeCell([safe, none]), { value: 'SAFE', flaky: false, runs: 1, repetitions: 1, notMeasured: [none] }, 'a run that measured nothing is no disagreement');
  t.match(mergeCell([safe, unsafe, none]), { value: 'UNSAFE', flaky: true, runs: 2, repetitions: 3 });
  t.match(mergeCell([safe, unknown]), { value: 'UNKNOWN', flaky: true });
  t.match(mergeCell([unknown, unsafe]), { value: 'UNSAFE', flaky: true });
  t.match(mergeCell([none]), { value: 'not-measured', flaky: false, runs: 0 });
  t.match(mergeCell([{ ...unsafe, mixed: '1 of 2 repetitions UNSAFE, the others SAFE' }]), { value: 'UNSAFE', flaky: true, runs: 1 }, 'one run\'s repetitions disagreeing is flaky too');
  const claim = (run: number, value: 'holds' | 'violated' | 'not-applicable') => ({ run, value, records: [1], why: '' });
  t.match(mergeCell([claim(1, 'holds'), claim(2, 'violated')]), { value: 'violated', flaky: true });
  t.match(mergeCell([claim(1, 'not-applicable'), claim(2, 'holds')]), { value: 'holds', flaky: true });
});

t.test('a run\'s entry: OMIT-only HAND1 records are not measured, a HUNG one is a measured UNKNOWN, repetitions that disagree are mixed', async (t) => {
  const doc = readRunFile(fixture('loop-pair'));
  const col = { id: 'writeback/drop-cache', kind: 'mode', mode: 'writeback', behaviour: 'drop-cache' } as const;
  const as = (outcome: 'OMIT' | 'HUNG', verdict: 'UNKNOWN') => {
    const d = structuredClone(doc);
    const v = d.verdicts!.verdicts.find((x) => x.mode === 'writeback' && x.behaviour === 'drop-cache')!;
    Object.assign(v, { verdict, why: `HAND1 writeback→writeback [fadvise] #109: ${outcome}`, evidence: v.evidence.map((e) => ({ ...e, outcome, judged: 'UNKNOWN' })) });
    return d;
  };
  t.same(runEntry(1, as('OMIT', 'UNKNOWN'), col), { run: 1, why: 'HAND1 writeback→writeback [fadvise] #109: OMIT' });
  t.match(runEntry(1, as('HUNG', 'UNKNOWN'), col), { run: 1, value: 'UNKNOWN', records: [109] });
  const repeated = structuredClone(doc);
  const v = repeated.verdicts!.verdicts.find((x) => x.mode === 'writeback' && x.behaviour === 'drop-cache')!;
  v.evidence = [v.evidence[0]!, { ...v.evidence[0]!, record: 110, judged: 'UNSAFE' }];
  v.verdict = 'UNSAFE';
  t.match(runEntry(1, repeated, col), { value: 'UNSAFE', records: [109, 110], mixed: '1 of 2 repetitions UNSAFE, 1 SAFE' });
  t.match(runEntry(2, { ...doc, verdicts: undefined } as unknown as RunDocument, col), { run: 2, why: /no verdicts \(cut short\)/ });
});

t.test('the committed runs: one row per stack, the window run adds no verdict and no disagreement', async (t) => {
  const m = mergeRuns(load(fixture('loop-pair'), fixture('iscsi-user'), fixture('nfs-user-v4'), fixture('loop-window')));
  t.equal(m.columns.length, 10 + KEY_CLAIMS.length);
  t.same(m.columns.slice(0, 3).map((c) => c.id), ['none/drop-cache', 'none/no-drop-cache', 'directsync/drop-cache']);
  t.same(m.columns.slice(10).map((c) => c.id), KEY_CLAIMS);
  t.equal(m.rows.length, 3, 'loop pair (two runs), userspace iSCSI, userspace NFSv4');
  const loop = rowOf(m, fixture('loop-pair'));
  t.same(loop.runs, [1, 4], 'loop-pair and loop-window: one stack, whatever their loop devices and temp paths');
  t.match(loop.label, /^two loop devices \(direct I\/O on\) over one backing file — on vm, kernel 6\.18\.44/);
  const wb = loop.cells['writeback/no-drop-cache']!;
  t.match(wb, { value: 'UNSAFE', flaky: false, runs: 1, repetitions: 1 });
  t.match(wb.notMeasured, [{ run: 4, why: /HAND1 was not selected/ }]);
  t.match(loop.cells['BLOCK-PAGECACHE-INCOHERENT'], { value: 'holds', runs: 1, notMeasured: [{ run: 4 }] }, 'not checked in the window run');
  t.match(loop.cells['NFS-CTO'], { value: 'not-applicable', runs: 2, flaky: false }, 'a claim about NFS is not about this stack, in both runs');
  const iscsi = rowOf(m, fixture('iscsi-user'));
  t.match(iscsi.label, /^both sides: iSCSI LUN 1 of iqn\.2026-11\.org\.coprobe:lun at 127\.0\.0\.1:3260 via libiscsi/);
  t.match(iscsi.cells['BLOCK-CACHE-NONE-ONLY'], { value: 'holds' });
  t.match(iscsi.cells['INVALIDATE-REMEDY'], { value: 'not-applicable' });
  const nfs = rowOf(m, fixture('nfs-user-v4'));
  t.match(nfs.cells['NFS-UNLINK-AFTER-OPEN'], { value: 'violated', runs: 1 });
  t.match(nfs.cells['NFS-CTO'], { value: 'holds' });
  t.same(m.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.flaky), [], 'nothing flaky among the committed runs');
  t.matchSnapshot(renderMatrixText(m).join('\n'), 'terminal');
  t.matchSnapshot(renderMatrixMarkdown(m, { outPath: join(FIXTURES, 'matrix.md') }), 'markdown, linking the runs beside it');
});

t.test('the stack key: volatile parts do not split a row, the stack\'s own options do', async (t) => {
  const doc = readRunFile(fixture('loop-pair'));
  const moved = structuredClone(doc.run);
  for (const [s, dev] of [[moved.sides.a, 'loop5'], [moved.sides.b, 'loop9']] as const) {
    s.target.details!.block!.backing = '/tmp/coprobe-loop-XYZ123/backing.img';
    s.target.details!.block!.name = dev;
    s.target.details!.block!.sysfs = `/sys/devices/virtual/block/${dev}`;
    s.target.dev = `7:${dev.slice(4)}`;
    s.target.path = s.arg = `/dev/${dev}`;
    s.host.pid += 1000;
    s.host.bootId = 'another-boot';
  }
  moved.runId = 'another-run';
  t.equal(stackKeyOf(moved), stackKeyOf(doc.run), 'other loop devices, temp dir, pids, boot and run id: the same stack');
  const buffered = structuredClone(doc.run);
  buffered.sides.b.target.details!.block!.loopDirectIo = false;
  t.not(stackKeyOf(buffered), stackKeyOf(doc.run), 'a loop device without direct I/O is another stack');
  const otherKernel = structuredClone(doc.run);
  otherKernel.sides.a.host.kernel = otherKernel.sides.b.host.kernel = '6.1.0-18-amd64';
  t.not(stackKeyOf(otherKernel), stackKeyOf(doc.run), 'another kernel is another row');
  const iscsi = readRunFile(fixture('iscsi-user')).run;
  const again = structuredClone(iscsi);
  again.sides.a.target.userspace!.facts.initiator = 'iqn.2026-11.org.coprobe:initiator-99999-1';
  t.equal(stackKeyOf(again), stackKeyOf(iscsi), 'the initiator name has the agent\'s pid: not part of the stack');
});

t.test('lab runs: a row per scenario, kernel package and export line, named after the scenario; old keys unchanged', async (t) => {
  const lab = readRunFile(fixture('lab-nfs'));
  const nfs = readRunFile(fixture('nfs-user-v4'));
  t.notMatch(stackKeyOf(nfs.run), /"lab"|"twoNetns"/, 'a run without lab facts or namespaces keeps the key it had');
  t.not(stackKeyOf(lab.run), stackKeyOf(nfs.run), 'a lab run is not the run it was copied from');
  let edits = 0;
  const edited = (f: (l: LabFacts) => void): RunDocument => {
    const d = structuredClone(lab);
    f(d.run.lab!);
    d.run.runId = `${d.run.runId}-${++edits}`;
    return d;
  };
  const scenario = edited((l) => { l.scenario = 'nfs42-sync'; delete l.confounded; l.summary = 'two clients'; });
  const kernel = edited((l) => { l.kernelPackage = 'linux-image-6.1.0-40-amd64 6.1.153-1'; l.kernel = '6.1.0-40-amd64'; });
  const exports = edited((l) => { l.exports = l.exports!.replace(/\bsync\b/g, 'async'); });
  const volatile = edited((l) => { l.accel = 'tcg'; l.packages = { 'nfs-kernel-server': '1:2.8.4-1' }; l.summary = 'reworded'; l.setup = { a: 'mount a', b: 'mount b' }; l.clients = 'reworded'; });
  for (const [what, d] of [['another scenario', scenario], ['another kernel package', kernel], ['another export line', exports]] as const) {
    t.not(stackKeyOf(d.run), stackKeyOf(lab.run), `${what}: another row`);
  }
  t.equal(stackKeyOf(volatile.run), stackKeyOf(lab.run), 'accelerator, package versions and wording: the same row');
  const m = mergeRuns([nfs, lab, scenario, kernel, volatile].map((doc, i) => ({ path: join(FIXTURES, `lab-${i}.jsonl`), doc })));
  t.equal(m.rows.length, 4, 'the copied run, and one row per scenario or kernel');
  const row = m.rows.find((r) => r.runs.includes(2))!;
  t.same(row.runs, [2, 5]);
  t.match(row.label, /^coprobe lab scenario nfs42-sync-one-client \(kernel linux-image-6\.12\.48\+deb13-amd64 6\.12\.48-1\): both sides: NFSv4 export/);
  t.match(m.rows.find((r) => r.runs.includes(3))!.label, /^coprobe lab scenario nfs42-sync \(kernel linux-image-6\.12\.48\+deb13-amd64/);
  t.match(m.rows.find((r) => r.runs.includes(1))!.label, /^both sides: NFSv4 export .* — on vm, kernel 6\.18\.44/, 'the copied run is labelled as before');
  t.same(row.details.slice(0, 4), [
    `lab: scenario nfs42-sync-one-client: ${lab.run.lab!.summary}`, `lab: confounded: ${lab.run.lab!.confounded!}`,
    'lab: kernel package linux-image-6.12.48+deb13-amd64 6.12.48-1 (uname -r 6.12.48+deb13-amd64)', `lab: exports: ${lab.run.lab!.exports!}`,
  ], 'the lab\'s part of the key first in the details');
  t.matchSnapshot(m.rows.map((r) => [r.label, ...r.details.map((d) => `  ${d}`)].join('\n')).join('\n'), 'rows');
});

t.test('two network namespaces in one kernel are another row; one namespace or an agent that does not say is not', async (t) => {
  const base = readRunFile(fixture('nfs-user-v4')).run;
  const withNetns = (a: string | undefined, b: string | undefined, bootB?: string) => {
    const r = structuredClone(base);
    if (a) r.sides.a.host.netns = a;
    if (b) r.sides.b.host.netns = b;
    if (bootB) r.sides.b.host.bootId = bootB;
    return r;
  };
  const two = withNetns('net:[4026531840]', 'net:[4026532301]');
  t.not(stackKeyOf(two), stackKeyOf(base), 'two namespaces: another row');
  t.ok(stackWords(two).details.includes('a, b: one kernel, two network namespaces'), 'and its details say so');
  t.equal(stackKeyOf(withNetns('net:[4026531840]', 'net:[4026532999]')), stackKeyOf(two), 'the namespace ids themselves are not part of the key');
  t.equal(stackKeyOf(withNetns('net:[4026531840]', 'net:[4026531840]')), stackKeyOf(base), 'one namespace: the row of runs whose agents did not say');
  t.equal(stackKeyOf(withNetns('net:[4026531840]', undefined)), stackKeyOf(base), 'one agent did not say: as before');
  t.equal(stackKeyOf(withNetns('net:[4026531840]', 'net:[4026531841]', 'boot-b')), stackKeyOf(withNetns(undefined, undefined, 'boot-b')), 'two kernels: namespace ids are not comparable');
  t.notOk(stackWords(base).details.some((d) => d.includes('network namespace')));
});

t.test('duplicates, incomplete runs, links, and files that are not runs', async (t) => {
  const dir = join(work, 'rules');
  const out = join(dir, 'run-out');
  mkdirSync(out, { recursive: true });
  // The report layout: out/run.json (the run document, as `coprobe run --format json` writes it) beside the run's .jsonl.
  const doc = readRunFile(fixture('loop-pair'));
  writeFileSync(join(out, 'run.json'), JSON.stringify(doc, null, 1) + '\n');
  // A run killed mid-write: the first records of a real run as they stood on disk, no verdicts, no end record.
  const lines = readFileSync(fixture('iscsi-user'), 'utf8').split('\n');
  const cut = join(dir, 'cut.jsonl');
  writeFileSync(cut, lines.slice(0, 6).join('\n') + '\n' + lines[6]!.slice(0, 40));
  const m = mergeRuns(load(join(out, 'run.json'), fixture('loop-pair'), cut, fixture('nfs-user-v4')));
  t.match(m.duplicates, [{ path: fixture('loop-pair'), runId: doc.run.runId, sameAs: 1 }], 'run.json and the .jsonl of one run: counted once');
  t.equal(m.runs.length, 3);
  const cutRun = m.runs.find((r) => r.path === cut)!;
  t.match(cutRun.incomplete, /cut short: no verdicts and no end record \(5 probe runs recorded\)/);
  const iscsiRow = rowOf(m, cut);
  t.same(Object.values(iscsiRow.cells).map((c) => c.value), Array(m.columns.length).fill('not-measured'), 'an incomplete run measured nothing');
  t.match(iscsiRow.cells['none/drop-cache']!.notMeasured, [{ run: cutRun.n, why: /no verdicts \(cut short\)/ }]);
  const text = renderMatrixText(m).join('\n');
  t.match(text, /#2 .*cut\.jsonl: run 603dc082ea2a80eb, .*INCOMPLETE: cut short/, 'the incomplete run is listed');
  t.match(text, /loop-pair\.jsonl: run 759ef19e04f7acc0 again \(as #1\): counted once/);

  // Links: relative to the output's directory; run.html beside the JSON when it is this run's page.
  t.equal(evidenceFile(join(out, 'run.json'), doc.run.runId), join(out, 'run.json'), 'no run.html: the JSON');
  writeFileSync(join(out, 'run.html'), '<!doctype html><title>coprobe run some-other-run</title>');
  t.equal(evidenceFile(join(out, 'run.json'), doc.run.runId), join(out, 'run.json'), 'a run.html of another run (a reports directory keeps the latest): the JSON');
  writeFileSync(join(out, 'run.html'), `<!doctype html><title>coprobe run ${doc.run.runId}</title>`);
  t.equal(evidenceFile(join(out, 'run.json'), doc.run.runId), join(out, 'run.html'), 'this run\'s run.html');
  t.equal(hrefFrom(join(dir, 'matrices', 'm.html'), join(out, 'run (1).html')), '../run-out/run%20%281%29.html');
  const r = mergeCommand([join(out, 'run.json'), fixture('nfs-user-v4')], { md: join(dir, 'matrices', 'm.md'), html: join(dir, 'matrices', 'm.html') });
  t.equal(r.exitCode, 0);
  t.match(r.lines.at(-1), /matrix written: Markdown: .*m\.md; HTML: .*m\.html/);
  const html = readFileSync(join(dir, 'matrices', 'm.html'), 'utf8');
  t.match(html, 'href="../run-out/run.html"', 'the page links the run\'s page');
  t.match(html, `href="${relative(join(dir, 'matrices'), fixture('nfs-user-v4'))}"`, 'and the JSON of a run without one');
  t.match(readFileSync(join(dir, 'matrices', 'm.md'), 'utf8'), '[#1](../run-out/run.html)');

  for (const [paths, msg] of [
    [[join(dir, 'missing.json')], /cannot read .*missing\.json: ENOENT/],
    [[join(root, 'package.json')], /package\.json: /],
    [[fixture('loop-pair'), join(dir, 'empty.jsonl')], /empty\.jsonl: empty file/],
    [[], /give the runs to merge/],
  ] as const) {
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const bad = mergeCommand([...paths], { md: join(dir, 'never.md') });
    t.equal(bad.exitCode, 2);
    t.match(bad.lines.join('\n'), msg);
  }
  t.notOk(existsSync(join(dir, 'never.md')), 'nothing written when a run cannot be read');
});

/** Real runs this file made, by what they are. */
const made: Record<string, { path: string; doc: RunDocument }> = {};
const keep = (name: string, path: string) => { made[name] = { path, doc: readRunFile(path) }; return made[name]!.doc; };
const verdict = (doc: RunDocument, mode: string, behaviour: string) => doc.verdicts!.verdicts.find((v) => v.mode === mode && v.behaviour === behaviour)!;
const claimStatus = (doc: RunDocument, claim: string) => doc.verdicts!.claims.find((c) => c.claim === claim)!.status;

/*
 * The disagreeing pair: two real runs of HAND1 on one loop pair, nothing edited afterwards. Between them another process
 * maps b's first 64 KiB (mmap + touch), so the device's page cache holds run 1's blocks there. In run 2 QEMU's drop-cache
 * (fadvise DONTNEED on b) cannot drop mapped pages, and b's close and reopen is not the device's last close, so b reads
 * run 1's data in the head (foreign blocks: another run id) after a's final flush: (writeback, drop-cache) is SAFE in run 1
 * and UNSAFE in run 2, and the merged cell must say UNSAFE, flagged flaky, with both runs listed. Measured on 6.18.
 */
t.test('loop pair: two real runs of one stack that disagree (b\'s head pinned in its page cache in the second)', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  const destroy = [pair.a, pair.b];
  const first = keep('loop-1', (await keptRun(pair.a, pair.b, join(work, 'loop-1'), { probes: ['BOTH1', 'FLUSH1', 'CTO1', 'HAND1'], modes: 'none,writeback', destroy })).path);
  t.equal(verdict(first, 'writeback', 'drop-cache').verdict, 'SAFE', 'run 1: QEMU\'s drop-cache (fadvise DONTNEED) leaves b all fresh');
  t.equal(verdict(first, 'writeback', 'no-drop-cache').verdict, 'UNSAFE', 'run 1: without it the early-read head is stale');

  // Another process maps and touches b's first 64 KiB now that run 1's data is on the device: those pages stay in b's
  // page cache through run 2 (DONTNEED skips mapped pages; the open mapping means no close of b's is a last close).
  const pin = await pinPages(pair.b, 64 * 1024);
  t.teardown(() => pin.release());
  t.equal(pin.resident, 16, 'b\'s first 16 pages are resident and mapped');
  const second = keep('loop-2', (await keptRun(pair.a, pair.b, join(work, 'loop-2'), { probes: ['HAND1'], modes: 'none,writeback', destroy })).path);
  await pin.release();
  const dropped = verdict(second, 'writeback', 'drop-cache');
  t.equal(dropped.verdict, 'UNSAFE', 'run 2: drop-cache could not drop the pinned pages');
  const e = dropped.evidence[0]!;
  t.equal(e.read!.counts.fresh, 1024 - 16, 'all but the head fresh');
  t.ok(e.badBlocks.length > 0 && e.badBlocks.every((i) => i < 16), `the bad blocks are the pinned head: ${e.badBlocks.join(',')}`);
  t.match(e.summary, /16 (foreign|stale)/, 'b read run 1\'s data there');
  t.equal(verdict(second, 'none', 'drop-cache').verdict, 'SAFE', 'O_DIRECT reads go past the pinned pages');
  t.equal(claimStatus(second, 'QEMU-DROP-CACHE'), 'violated');
  t.equal(claimStatus(second, 'INVALIDATE-REMEDY'), 'violated', 'a reopen is not a last close while the holder maps the device');
  t.equal(stackKeyOf(first.run), stackKeyOf(second.run), 'one stack');
});

t.test('userspace iSCSI (tgt): a real run', { skip: noTgtReason() }, async (t) => {
  const tgt = ensureTgt();
  t.teardown(() => tgt.release());
  const doc = keep('iscsi', (await keptRun(tgt.url, tgt.url, join(work, 'iscsi'), { probes: ['BOTH1', 'HAND1'], modes: 'none,writeback', destroy: [tgt.url] })).path);
  t.equal(doc.verdicts!.stack, 'iscsi-user');
});

t.test('userspace NFS (ganesha): real runs over NFSv4 and NFSv3', { skip: noGaneshaReason() }, async (t) => {
  const nfs = ensureGanesha();
  t.teardown(() => nfs.release());
  for (const v of [4, 3] as const) {
    const doc = keep(`nfs-v${v}`, (await keptRun(nfs.url(v), nfs.url(v), join(work, `nfs-v${v}`), { probes: ['CTO1', 'HAND1'], modes: 'none,writeback' })).path);
    t.equal(doc.verdicts!.stack, 'nfs-user');
  }
});

t.test('the matrix of the real runs and the committed ones', async (t) => {
  const fixtures = ['loop-pair', 'loop-window', 'iscsi-user', 'nfs-user-v4'].map(fixture);
  const paths = [...fixtures, ...Object.values(made).map((x) => x.path)];
  const outDir = join(work, 'matrix');
  const r = mergeCommand(paths, { md: join(outDir, 'matrix.md'), html: join(outDir, 'matrix.html') });
  t.equal(r.exitCode, 0);
  const m = mergeRuns(load(...paths));
  t.equal(m.runs.length, paths.length);
  t.equal(m.columns.length, 10 + KEY_CLAIMS.length);
  const md = readFileSync(join(outDir, 'matrix.md'), 'utf8');
  const html = readFileSync(join(outDir, 'matrix.html'), 'utf8');
  for (const p of paths) {
    const href = relative(outDir, p);
    t.match(md, `](${href})`, `the Markdown links ${href}`);
    t.match(html, `href="${href}"`, `the page links ${href}`);
  }
  t.notMatch(html, /<(script|link|img|iframe)\b|url\(|(src|href)="https?:/i, 'self-contained: no script, stylesheet, image or remote URL');

  // A made run shares a committed run's row when its stack key is that run's: on the fixtures' host and kernel (the
  // development machine) for the loop pair, whose other fields are fixed; elsewhere it is a row of its own.
  const fixtureHost = readRunFile(fixture('loop-pair')).run.sides.a.host;
  const sameHost = (doc: RunDocument) => doc.run.sides.a.host.hostname === fixtureHost.hostname && doc.run.sides.a.host.kernel === fixtureHost.kernel;
  const joins = (doc: RunDocument, name: string) => stackKeyOf(doc.run) === stackKeyOf(readRunFile(fixture(name)).run);
  const rowsExpected = new Set(paths.map((p) => stackKeyOf(readRunFile(p).run))).size;
  t.equal(m.rows.length, rowsExpected);
  t.ok(m.rows.length >= 3);

  const loop1 = made['loop-1'];
  const loop2 = made['loop-2'];
  if (loop1 && loop2) {
    const row = rowOf(m, loop1.path);
    t.equal(row, rowOf(m, loop2.path), 'both loop runs in one row');
    const [n1, n2, nf] = [runNo(m, loop1.path), runNo(m, loop2.path), runNo(m, fixture('loop-pair'))];
    const joined = joins(loop1.doc, 'loop-pair');
    if (sameHost(loop1.doc)) t.ok(joined, 'on the fixtures\' host and kernel: other loop devices and temp paths, the same row');
    t.equal(row.runs.length, joined ? 4 : 2, joined ? 'with the committed loop-pair and loop-window runs' : 'the committed runs are another host or kernel');
    const cell = row.cells['writeback/drop-cache']!;
    t.equal(cell.value, 'UNSAFE', 'the worst wins');
    t.equal(cell.flaky, true, 'and the disagreement is flagged');
    t.same(values(cell), [...(joined ? [[nf, 'SAFE']] : []), [n1, 'SAFE'], [n2, 'UNSAFE']], 'each run\'s value listed');
    t.equal(cell.runs, joined ? 3 : 2);
    t.equal(cell.repetitions, cell.runs, 'one HAND1 record each');
    const steady = row.cells['writeback/no-drop-cache']!;
    t.match(steady, { value: 'UNSAFE', flaky: false, runs: joined ? 3 : 2 });
    t.match(row.cells['none/no-drop-cache'], { value: 'SAFE', flaky: false, runs: joined ? 3 : 2 });
    const unsafeMode = row.cells['unsafe/drop-cache']!;
    t.match(unsafeMode, { value: joined ? 'UNSAFE' : 'not-measured', flaky: false, runs: joined ? 1 : 0 }, 'mode unsafe: only the committed run measured it');
    t.match(unsafeMode.notMeasured.find((x) => x.run === n1), { why: /mode unsafe was not selected/ });
    t.match(row.cells['QEMU-DROP-CACHE'], { value: 'violated', flaky: true });
    t.match(row.cells['BLOCK-PAGECACHE-INCOHERENT'], { value: 'holds', flaky: false, runs: joined ? 2 : 1 }, 'run 2 did not run BOTH1/FLUSH1: not measured, no disagreement');
    const letter = String.fromCharCode(65 + m.rows.indexOf(row));
    const expected = `${letter} writeback, QEMU ≥ 4.0: UNSAFE — ${joined ? `#${nf} SAFE, ` : ''}#${n1} SAFE, #${n2} UNSAFE`;
    t.ok(r.lines.includes(`  ${expected}`), `terminal: ${expected}`);
    t.match(html, /<td class="cell v-UNSAFE flaky"[^>]*><div class="val">UNSAFE<\/div><div class="flag">⚑ flaky<\/div>/, 'the page shows the flag in the cell');
    t.match(md, `**UNSAFE** ⚠ flaky<br>${joined ? 3 : 2} runs, ${joined ? 3 : 2} records: `, 'so does the Markdown');
  }
  const iscsi = made.iscsi;
  if (iscsi) {
    const row = rowOf(m, iscsi.path);
    const joined = joins(iscsi.doc, 'iscsi-user');
    if (sameHost(iscsi.doc)) t.ok(joined, 'on the fixtures\' host: another initiator name (it has the agent\'s pid), the same row');
    t.equal(row.runs.length, joined ? 2 : 1);
    t.match(row.cells['writeback/no-drop-cache'], { value: 'SAFE', flaky: false, runs: joined ? 2 : 1 }, 'no page cache: writeback is none\'s I/O, SAFE');
    t.match(row.label, /iSCSI LUN 1 of iqn\.2026-11\.org\.coprobe:lun at 127\.0\.0\.1:3260 via libiscsi/);
  }
  const [v4, v3] = [made['nfs-v4'], made['nfs-v3']];
  if (v4 && v3) {
    t.not(rowOf(m, v4.path), rowOf(m, v3.path), 'NFSv4 and NFSv3 are two stacks');
    const row = rowOf(m, v4.path);
    const joined = joins(v4.doc, 'nfs-user-v4');
    t.match(row.cells['NFS-CTO'], { value: 'holds', flaky: false, runs: joined ? 2 : 1 });
    t.match(row.cells['NFS-UNLINK-AFTER-OPEN'], { value: joined ? 'violated' : 'not-measured', flaky: false }, 'UNL1 was not run here: not measured, no disagreement');
    t.match(rowOf(m, v3.path).label, /^both sides: NFSv3 export \/export of 127\.0\.0\.1 via libnfs/);
  }
  t.comment(r.lines.join('\n'));
});
