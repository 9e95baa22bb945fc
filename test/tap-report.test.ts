// The TAP 14 report: snapshots of the recorded runs, parsed back with tap-parser, one test per outcome, escaping.
import t from 'tap';
import { Parser, type Result } from 'tap-parser';
import { renderTap, TAP_OUTCOME } from '../src/report/tap.js';
import { caseName } from '../src/report/junit-cases.js';
import { OUTCOMES, type Outcome } from '../src/outcome.js';
import type { RunDocument } from '../src/report/document.js';
import { asSource, loadLabRun, loadLabSource, withoutLab } from './fixtures/lab-run.js';
import { RUNS, cutShort, hostileRecord, loadRun, recordPerOutcome, withProbes } from './fixtures/junit/outcomes.js';

/** Durations, timestamps and the run id replaced, so the snapshot only changes when the rendering does. */
function scrub(tap: string, doc: RunDocument): string {
  return tap.split(doc.run.runId).join('<run-id>').replace(/duration_ms: \d+(\.\d+)?/g, 'duration_ms: <ms>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<iso>');
}

interface Parsed { asserts: Result[]; comments: string[]; extra: string[]; final: Parser['results'] }

/** Parse TAP the way tap's own runner does; lines that are not TAP are collected as `extra`. */
function parse(text: string): Parsed {
  const p = new Parser();
  const out: Omit<Parsed, 'final'> = { asserts: [], comments: [], extra: [] };
  p.on('assert', (r: Result) => out.asserts.push(r));
  p.on('comment', (c: string) => out.comments.push(c));
  p.on('extra', (e: string) => out.extra.push(e));
  p.end(text);
  return { ...out, final: p.results };
}

t.test('every outcome is mapped', async (t) => {
  t.same(Object.keys(TAP_OUTCOME).sort(), [...OUTCOMES].sort());
});

for (const name of RUNS) {
  t.test(`${name}: snapshot, and tap-parser reads it back`, async (t) => {
    const doc = loadRun(name);
    const tap = renderTap(doc);
    t.matchSnapshot(scrub(tap, doc), 'run.tap');
    t.ok(tap.startsWith('TAP version 14\n'), 'TAP 14 header');
    const p = parse(tap);
    const n = (...os: Outcome[]) => doc.probes.filter((r) => os.includes(r.outcome)).length;
    t.same(p.extra, [], 'no lines outside TAP');
    t.same(p.final?.failures, [], 'no parse failures');
    t.equal(p.final?.ok, true);
    t.equal(p.final?.plan.start, 1);
    t.equal(p.final?.plan.end, doc.probes.length, 'plan');
    t.equal(p.final?.count, doc.probes.length, 'one test point per record');
    t.equal(p.final?.skip, n('OMIT', 'UNSUPPORTED'), 'skips');
    t.equal(p.final?.todo, n('KNOWN'), 'todos');
    t.equal(p.final?.pass, n('PASS', 'WARN', 'OMIT', 'UNSUPPORTED'), 'passes');
    t.same(p.asserts.map((a) => a.name), doc.probes.map(caseName), 'test point names');
    t.same(p.asserts.filter((a) => a.diag).map((a) => a.diag.outcome), doc.probes.filter((r) => TAP_OUTCOME[r.outcome].diag).map((r) => r.outcome), 'a YAML block where the mapping says');
    const verdictComments = p.comments.filter((c) => c.startsWith('# verdict cache='));
    t.equal(verdictComments.length, doc.verdicts!.verdicts.length, 'a comment per verdict');
  });
}

t.test('one test point per outcome, each with its mapping', async (t) => {
  const doc = loadRun('loop-pair');
  const recs = recordPerOutcome(doc);
  const tap = renderTap(withProbes(doc, OUTCOMES.map((o) => recs[o])));
  t.matchSnapshot(scrub(tap.slice(0, tap.indexOf('# verdicts on')), doc), 'test points');
  const p = parse(tap);
  t.same(p.extra, []);
  t.equal(p.final?.count, OUTCOMES.length);
  t.equal(p.final?.ok, false);
  t.equal(p.final?.todo, 1, 'KNOWN is a TODO');
  t.same(p.final?.failures.map((f) => f.name), [recs.FAIL, recs.HUNG, recs.LOST].map(caseName), 'FAIL, HUNG and LOST fail the run (the TODO does not); no parse errors');
  const by = Object.fromEntries(OUTCOMES.map((o, i) => [o, p.asserts[i]!])) as Record<Outcome, Result>;
  for (const o of OUTCOMES) {
    const m = TAP_OUTCOME[o];
    t.equal(by[o].name, caseName(recs[o]), `${o}: named`);
    t.equal(by[o].ok, m.ok, `${o}: ${m.ok ? 'ok' : 'not ok'}`);
    if (m.directive === 'SKIP') t.type(by[o].skip, 'string', `${o}: # SKIP with the reason`);
    if (m.directive === 'TODO') t.type(by[o].todo, 'string', `${o}: # TODO with the reason`);
    t.equal(by[o].diag?.outcome, m.diag ? o : undefined, `${o}: YAML block`);
  }
  const failing = recs.FAIL.checks.find((c) => c.outcome === 'FAIL')!;
  t.match(by.FAIL.diag.checks[0], { sentence: failing.sentence, observed: failing.observed, claims: failing.claims, outcome: 'FAIL' }, 'FAIL: sentence, observed, claims, outcome');
  t.match(by.HUNG.diag.reason, /^side b did not answer "read" within 30000 ms/, 'HUNG: the step that hung');
  t.match(by.LOST.diag.reason, /^side a: agent went away during "write"/, 'LOST: the reason');
  t.equal(by.KNOWN.todo, 'known issue: renderer test: a known issue of this stack');
  t.equal(by.UNSUPPORTED.skip, 'unsupported: renderer test: side b refused O_DIRECT (EINVAL)');
  t.equal(by.OMIT.skip, recs.OMIT.reason);
  t.equal(by.WARN.diag.outcome, 'WARN');
  t.match(by.WARN.diag.checks[0].observed, /16 blocks: 16 stale/, 'WARN: what was observed');
});

t.test('a run cut short: what is there, and that it is incomplete', async (t) => {
  const doc = cutShort(loadRun('loop-pair'));
  const tap = renderTap(doc);
  t.match(tap, '# no verdicts: the run did not finish before they were computed');
  t.match(tap, '# incomplete: the run has no end record (12 probe runs recorded)');
  const p = parse(tap);
  t.equal(p.final?.count, 12);
  t.same(p.final?.failures, []);
  const empty = parse(renderTap(cutShort(doc, 0)));
  t.equal(empty.final?.count, 0);
  t.equal(empty.final?.plan.skipAll, true, 'an empty run skips all');
  t.same(empty.final?.failures, []);
});

t.test('escaping: # and \\ in names and directives read back as written', async (t) => {
  const doc = loadRun('loop-window');
  const rec = hostileRecord(doc);
  const tap = renderTap(withProbes(doc, [rec]));
  const p = parse(tap);
  t.same(p.extra, []);
  t.same(p.final?.failures, []);
  t.equal(p.asserts[0]?.name, caseName(rec), 'the name reads back');
  t.equal(p.asserts[0]?.skip, rec.reason!.replace(/[\r\n]+/g, ' '), 'the skip reason reads back, on one line');
  t.match(tap, /^ok 1 - CTO1 unsafe→none \[a\\#b\\\\c /m, 'escaped as TAP 14 says');
});

t.test('a lab run: a comment per lab fact after the sides (snapshot); nothing without lab facts', async (t) => {
  const doc = loadLabRun();
  const lab = doc.run.lab!;
  const tap = renderTap(doc);
  t.matchSnapshot(scrub(tap.slice(0, tap.indexOf('\nok 1 - ')), doc), 'header comments');
  const p = parse(tap);
  t.same(p.extra, [], 'no lines outside TAP');
  t.same(p.final?.failures, [], 'no parse failures');
  t.equal(p.final?.count, doc.probes.length);
  const labComments = p.comments.filter((c) => c.startsWith('# lab ')).map((c) => c.trimEnd());
  t.same(labComments, [
    '# lab scenario: nfs42-sync-one-client', `# lab summary: ${lab.summary}`, `# lab confounded: ${lab.confounded!}`,
    '# lab kernel package: linux-image-6.12.48+deb13-amd64 6.12.48-1', '# lab guest kernel: 6.12.48+deb13-amd64', '# lab accelerator: kvm',
    '# lab packages: nfs-common 1:2.8.3-1, nfs-kernel-server 1:2.8.3-1, open-iscsi 2.1.11-1, tgt 1:1.0.85-1',
    `# lab exports: ${lab.exports!}`, `# lab set-up a: ${lab.setup.a!}`, `# lab set-up b: ${lab.setup.b!}`, `# lab clients: ${lab.clients}`,
  ], 'each fact, in order');
  const lines = tap.split('\n');
  t.equal(lines.indexOf('# lab scenario: nfs42-sync-one-client'), lines.findIndex((l) => l.startsWith('# b (reader): ')) + 1, 'right after the sides');
  const hostile = structuredClone(doc);
  hostile.run.lab!.setup.b = 'mount x\nok 99 - injected # SKIP';
  const h = parse(renderTap(hostile));
  t.same(h.extra, []);
  t.equal(h.final?.count, doc.probes.length, 'a newline in a fact cannot add a test point');
  const without = renderTap(withoutLab(doc));
  t.equal(asSource(without), renderTap(loadLabSource()), 'without lab facts: the report of the run it was copied from');
  t.notMatch(without, 'lab');
});
