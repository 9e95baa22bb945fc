// `coprobe run` with a misbehaving agent on side b (--via-b env --agent-command fake-agent.mjs): exit 2 at start-up, LOST mid-run.
import t, { type Test } from 'tap';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runCli } from './fixtures/cli.js';

const FAKE = fileURLToPath(new URL('./fixtures/fake-agent.mjs', import.meta.url));

/** A fresh scratch directory and report directory, removed after the test. */
function dirs(t: Test) {
  const scratch = mkdtempSync(join(tmpdir(), 'coprobe-fake-'));
  const report = mkdtempSync(join(tmpdir(), 'coprobe-fake-report-'));
  t.teardown(() => { rmSync(scratch, { recursive: true, force: true }); rmSync(report, { recursive: true, force: true }); });
  return { scratch, report };
}

/** Processes whose command line mentions s (leak check: fake agents and the real agents behind them). */
function processesMentioning(s: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(s) && Number(pid) !== process.pid) found.push(`${pid}: ${cmd}`);
    } catch { /* gone */ }
  }
  return found;
}

/** coprobe run on one directory for both sides, side b's agent broken as asked. */
async function runBroken(scratch: string, report: string, fakeArgs: string[], extra: string[] = []) {
  const t0 = performance.now();
  const r = await runCli(['run', scratch, scratch, '--report', report, '--format', 'json', '--modes', 'writeback', '--probes', 'CTO1',
    '--via-b', 'env', '--agent-command', ['node', FAKE, ...fakeArgs].join(' '), ...extra], 60_000);
  return { ...r, ms: Math.round(performance.now() - t0) };
}

t.test('side b\'s agent answers hello with garbage: the run stops with exit 2 naming side b, nothing left behind', async (t) => {
  const { scratch, report } = dirs(t);
  const r = await runBroken(scratch, report, ['text', 'hello']);
  t.equal(r.code, 2);
  t.match(r.stderr, /coprobe: side b: .*protocol error: malformed JSON from the agent: "this is not json at all"/);
  t.notMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  t.comment(`hello garbage: ${r.stderr.trim()} (${r.ms} ms for the whole command)`);
  t.same(readdirSync(scratch), [], 'no scratch file');
  t.same(processesMentioning(scratch), [], 'no agent left running');
});

t.test('side b\'s agent breaks the protocol in the preflight: exit 2 naming side b, not a crash', async (t) => {
  const { scratch, report } = dirs(t);
  const r = await runBroken(scratch, report, ['wrong-id', 'setBlockSize']);
  t.equal(r.code, 2);
  t.match(r.stderr, /^coprobe: side b: protocol error: response id \d+ does not answer the outstanding request \d+ \("setBlockSize"\)/m);
  t.notMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
  t.comment(`preflight wrong id: ${r.stderr.trim()} (${r.ms} ms)`);
  t.same(readdirSync(scratch), [], 'no scratch file');
  t.same(processesMentioning(scratch), [], 'no agent left running');
});

t.test('side b\'s agent breaks one answer mid-probe: that probe is LOST naming side b, the next runs with a fresh agent', async (t) => {
  const { scratch, report } = dirs(t);
  const trigger = join(report, 'break-once');
  writeFileSync(trigger, '');
  // read#2: the preflight's read is the first; the probe's first read is broken, once (the restarted agent behaves).
  const r = await runBroken(scratch, report, ['truncated', 'read#2', trigger], ['--probes', 'CTO1,BOTH1']);
  t.equal(r.code, 1, 'exit 1: a probe was LOST');
  t.notOk(existsSync(trigger), 'the fault fired');
  const jsonl = readdirSync(report).find((f) => f.endsWith('.jsonl'))!;
  const recs = readFileSync(join(report, jsonl), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; probe?: string; outcome?: string; reason?: string; durationMs?: number });
  const probes = recs.filter((x) => x.type === 'probe');
  t.same(probes.map((p) => `${p.probe} ${p.outcome}`), ['CTO1 LOST', 'BOTH1 PASS'], 'LOST, then the run went on');
  // V8 names a position for some truncations only ("Unexpected end of JSON input" has none): either form.
  t.match(probes[0]!.reason, /^side b: protocol error: malformed JSON from the agent( \(at position \d+\))?: /);
  t.comment(`mid-probe truncated answer: ${probes[0]!.outcome}: ${probes[0]!.reason!.slice(0, 120)} (${probes[0]!.durationMs} ms into the variant)`);
  t.match(r.stdout, /LOST/);
  const rep = await runCli(['report', join(report, 'run.json'), '--format', 'text'], 30_000);
  t.equal(rep.code, 0, 'the stored run re-renders');
  t.same(readdirSync(scratch), [], 'no scratch file');
  t.same(processesMentioning(scratch), [], 'no agent left running');
});
