import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyKnown, defaultKnownIssuesPath, loadKnownIssues, matchKnown, parseKnownIssues, type KnownIssue } from '../src/known.js';
import { UsageError } from '../src/errors.js';
import { OUTCOMES } from '../src/outcome.js';
import { PROBES } from '../probes/index.js';
import { check, probeRec, readOf, runRecord } from './fixtures/verdict-records.js';

const run = runRecord({ a: { stack: 'nfs', fsType: 'nfs', details: { mount: { mountId: 1, mountPoint: '/m', fsType: 'nfs4', source: 's:/e', options: {}, dev: '0:50' }, notes: [] } }, kernelB: '6.12.3-arch1' });
const fail = probeRec('BOTH1', { a: 'writeback', b: 'writeback' }, 'FAIL', [check(['NFS-OPEN-BOTH'], 'PASS'), check(['NFS-ODIRECT-READ'], 'FAIL', [], readOf(16, 2))]);
const entry = (e: Partial<KnownIssue>): KnownIssue => ({ probe: 'BOTH1', reason: 'r', ...e });

t.test('matching: probe code, stack, fsType and kernel regexes on either side, variant fields', async (t) => {
  t.ok(matchKnown(fail, run, [entry({})]), 'probe code alone');
  t.notOk(matchKnown(fail, run, [entry({ probe: 'CTO1' })]), 'other probe');
  t.ok(matchKnown(fail, run, [entry({ stack: 'nfs' })]), 'stack of side a');
  t.notOk(matchKnown(fail, run, [entry({ stack: 'cluster' })]));
  t.ok(matchKnown(fail, run, [entry({ fsType: '^nfs4$' })]), 'the mount\'s fsType');
  t.notOk(matchKnown(fail, run, [entry({ fsType: '^xfs$' })]));
  t.ok(matchKnown(fail, run, [entry({ kernel: '^6\\.12\\.' })]), 'kernel of side b');
  t.notOk(matchKnown(fail, run, [entry({ kernel: '^5\\.' })]));
  t.ok(matchKnown(fail, run, [entry({ variant: { a: 'writeback' } })]));
  t.notOk(matchKnown(fail, run, [entry({ variant: { b: 'none' } })]));
  t.notOk(matchKnown(fail, run, [entry({ variant: { param: 'fadvise' } })]), 'param given but the variant has none');
  t.equal(matchKnown(fail, run, [entry({ stack: 'block', reason: 'x' }), entry({ reason: 'y' })])?.reason, 'y', 'the first entry that matches');
});

t.test('only FAIL becomes KNOWN, with the reason and the failing checks marked', async (t) => {
  const known = applyKnown({ ...fail, reason: 'step failed' }, run, [entry({ reason: 'NFS client bug 123' })]);
  t.equal(known.outcome, 'KNOWN');
  t.equal(known.reason, 'known: NFS client bug 123 — step failed');
  t.same(known.checks.map((c) => c.outcome), ['PASS', 'KNOWN']);
  t.equal(applyKnown(fail, run, [entry({ reason: 'z' })]).reason, 'known: z');
  t.equal(applyKnown(fail, run, [entry({ probe: 'CTO1' })]), fail, 'no match: the record unchanged');
  for (const o of OUTCOMES.filter((o) => o !== 'FAIL')) t.equal(applyKnown({ ...fail, outcome: o }, run, [entry({})]).outcome, o, `${o} stays ${o}`);
});

t.test('the loader names the file and the entry index', async (t) => {
  t.same(parseKnownIssues('[]', 'k.json'), []);
  t.same(parseKnownIssues('[{"probe":"BOTH1","stack":"nfs","kernel":"^6","variant":{"a":"none"},"reason":"why"}]', 'k.json'),
    [{ probe: 'BOTH1', stack: 'nfs', kernel: '^6', variant: { a: 'none' }, reason: 'why' }]);
  const bad: [string, RegExp][] = [
    ['{', /^known-issues file k\.json: not valid JSON/],
    ['{}', /^known-issues file k\.json: must be a JSON array of entries$/],
    ['[{"probe":"BOTH1","reason":"x"},{"probe":"BOTH1"}]', /^known-issues file k\.json: entry 1: reason: /],
    ['[{"probe":"both","reason":"x"}]', /entry 0: probe: a probe code like CTO1/],
    ['[{"probe":"BOTH1","reason":"x","stack":"san"}]', /entry 0: stack: /],
    ['[{"probe":"BOTH1","reason":"x","fsType":"("}]', /entry 0: fsType: not a valid regular expression/],
    ['[{"probe":"BOTH1","reason":"x","variant":{"a":"fast"}}]', /entry 0: variant\.a: /],
    ['[{"probe":"BOTH1","reason":"x","colour":"red"}]', /entry 0: .*colour/],
    ['[{"probe":"GONE1","reason":"x"}]', /entry 0: probe: no probe has code GONE1/],
  ];
  for (const [text, re] of bad) {
    t.throws(() => parseKnownIssues(text, 'k.json', ['BOTH1']), re, text);
    t.throws(() => parseKnownIssues(text, 'k.json', ['BOTH1']), UsageError);
  }
});

t.test('files: the embedded default is valid against the catalogue; a missing file is a usage error', async (t) => {
  t.match(defaultKnownIssuesPath(), /known-issues\.json$/);
  t.ok(Array.isArray(loadKnownIssues(undefined, PROBES.map((p) => p.code))));
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-known-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const f = join(dir, 'k.json');
  writeFileSync(f, '[{"probe":"BOTH1","reason":"x"}]');
  t.same(loadKnownIssues(f), [{ probe: 'BOTH1', reason: 'x' }]);
  t.throws(() => loadKnownIssues(join(dir, 'none.json')), /known-issues file .*none\.json: cannot be read/);
});
