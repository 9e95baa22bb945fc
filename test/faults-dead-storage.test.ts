// Fault: the storage stops answering for good mid-run: one HUNG, then the side is declared dead and the rest is OMIT at once.
import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { alive, childrenOf, noFaultReason, PROBE_ROW, scratchDir, scratchLeft, watchCli, type WatchedCli } from './fixtures/faults.js';
import { noTgtReason } from './fixtures/tgt.js';
import { startPrivateTgt } from './fixtures/private-tgt.js';
import type { EndRecord, ProbeRunRecord, ResultRecord } from '../src/result.js';

const DEAD = /^side [ab]'s storage does not answer \(.+\): no answer since \S+Z; 2 restarts of its agent in a row got no answer to "init" within \d+ ms, so it is not restarted again this run$/;

/** Every pid that was a child of the CLI while it ran (its agents), sampled every 100 ms until it exits. */
function watchAgents(c: WatchedCli): Set<number> {
  const seen = new Set<number>();
  const timer = setInterval(() => childrenOf(c.child.pid!).forEach((p) => seen.add(p)), 100);
  void c.exited.then(() => clearInterval(timer));
  return seen;
}

/** The JSON-lines report the CLI named on stdout. */
function records(stdout: string): ResultRecord[] {
  const jsonl = /report: (\S+\.jsonl)/.exec(stdout)?.[1];
  return jsonl ? readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultRecord) : [];
}

/** The probe records after the one HUNG are all OMIT: with the dead reason, or their own when they would not run anyway. */
function afterHang(t: Test, probes: ProbeRunRecord[]): ProbeRunRecord[] {
  const hung = probes.filter((p) => p.outcome === 'HUNG');
  t.equal(hung.length, 1, 'one variant HUNG');
  t.match(hung[0]?.reason, /^side [ab] did not answer "\w+" within \d+ ms \(stuck in I\/O\?\): its agent was killed$/);
  const after = probes.slice(probes.indexOf(hung[0]!) + 1);
  t.ok(after.length > 0, `${after.length} variants after it`);
  t.same([...new Set(after.map((p) => p.outcome))], ['OMIT'], 'every variant after it is OMIT');
  const dead = after.filter((p) => DEAD.test(p.reason ?? ''));
  t.ok(dead.length > 0, `${dead.length} OMIT naming the dead storage`);
  for (const p of after.filter((x) => !dead.includes(x))) t.notMatch(p.reason, /restart/, `${p.probe} keeps its own reason (it would not run on this stack anyway): ${p.reason}`);
  return dead;
}

const tgtSkip = noTgtReason();

t.test('a tgtd frozen for good (SIGSTOP) 3 s into a run with --timeout 5000: one HUNG, side declared dead, the rest OMIT at once, the run over within 60 s of the freeze', { skip: tgtSkip, timeout: 240_000 }, async (t) => {
  const tgt = await startPrivateTgt();
  t.teardown(() => tgt.stop());
  const reports = mkdtempSync(join(tmpdir(), 'coprobe-dead-storage-'));
  t.teardown(() => rmSync(reports, { recursive: true, force: true }));
  const t0 = performance.now();
  const c = watchCli(['run', tgt.url, tgt.url, '--destroy-data-on-device', tgt.url, '--timeout', '5000', '--report', reports, '--format', 'json'], 200_000);
  const agents = watchAgents(c);
  // 3 s into the run, and after its first probe row (on a loaded host set-up alone can take 3 s: freezing then would
  // test a set-up error instead).
  await c.waitFor(PROBE_ROW);
  await sleep(Math.max(0, 3000 - (performance.now() - t0)));
  process.kill(tgt.pid, 'SIGSTOP');
  const frozenAt = performance.now();
  const frozenWall = Date.now();
  const r = await c.exited;
  const after = Math.round(r.at - frozenAt);
  t.comment(`frozen ${Math.round(frozenAt - t0)} ms into the run; the run ended ${after} ms after the freeze (exit ${r.code})`);
  t.ok(after < 60_000, `the run is over ${after} ms after the freeze (< 60 s)`);
  t.equal(r.code, 1, 'exit 1: a variant HUNG (README: exit codes)');
  t.notMatch(r.stderr, /\n\s+at .+:\d+:\d+|EINTERNAL|Unhandled/, 'no crash');

  const recs = records(r.stdout);
  const probes = recs.filter((x): x is ProbeRunRecord => x.type === 'probe');
  const dead = afterHang(t, probes);
  const end = recs.at(-1) as EndRecord;
  t.equal(end.type, 'end');
  t.equal(end.exitCode, 1);
  t.equal(end.deadSides?.length, 1, 'the end record names the dead side');
  const d = end.deadSides![0]!;
  t.match(d, { what: 'storage', target: tgt.url, command: 'init', timeoutMs: 5000, restarts: 2, omitted: dead.length });
  const since = Date.parse(d.since);
  // "since" is when the first command that got no answer was sent: the one in flight at the freeze, or the next one sent
  // after it (under load the next can leave seconds later), and in any case before the two restarts that waited out
  // their --timeout each.
  t.ok(since >= frozenWall - 3000, `dead since ${d.since}: not before the freeze at ${new Date(frozenWall).toISOString()} (less the command in flight)`);
  t.ok(since <= Date.parse(d.declaredAt) - 2 * 5000, `dead since ${d.since}: before the two restarts that waited 5000 ms each (declared ${d.declaredAt})`);
  t.ok(Date.parse(d.declaredAt) - frozenWall < 40_000, `declared dead ${Date.parse(d.declaredAt) - frozenWall} ms after the freeze`);
  // The first of them is the variant whose restart (the second in a row) declared the side dead.
  t.ok(dead[0]!.durationMs < 2 * 5000 + 10_000, `the first took one restart: ${dead[0]!.durationMs} ms`);
  t.ok(dead.slice(1).every((p) => p.durationMs < 100), `the others took no time (at most ${Math.max(...dead.slice(1).map((p) => p.durationMs))} ms)`);
  t.match(r.stdout, new RegExp(`^side ${d.side}: its storage \\(${tgt.url.replace(/[.]/g, '\\.')}\\) stopped answering at ${d.since.replace(/[.]/g, '\\.')} and was declared dead at \\S+ after 2 restarts got no answer to "init" within 5000 ms; ${dead.length} variants after it OMIT without trying again$`, 'm'), 'the summary says it');
  t.comment(`${probes.length} variants: ${probes.filter((p) => p.outcome === 'PASS').length} PASS, 1 HUNG, ${probes.filter((p) => p.outcome === 'OMIT').length} OMIT (${dead.length} for the dead storage); dead since ${d.since}, declared ${d.declaredAt}, end ${end.finishedAt}`);

  await sleep(500);
  const left = [...agents].filter(alive);
  t.same(left, [], `none of the ${agents.size} agents it started is left (libiscsi is userspace: SIGKILL ends them on the frozen target)`);
});

t.test('runner logic without a storage stack: an agent that drops storage commands while a trigger file exists (dir targets, --timeout 1000)', { skip: noFaultReason(), timeout: 120_000 }, async (t) => {
  const agent = `${process.execPath} ${new URL('./fixtures/hanging-agent.mjs', import.meta.url).pathname}`;
  const run = async (thawAtHung: boolean) => {
    const d = scratchDir('dead-side');
    const trigger = join(d.dir, '..', `coprobe-dead-trigger-${process.pid}-${thawAtHung}`);
    t.teardown(() => { rmSync(trigger, { force: true }); d.release(); });
    const reports = mkdtempSync(join(tmpdir(), 'coprobe-dead-side-'));
    t.teardown(() => rmSync(reports, { recursive: true, force: true }));
    const c = watchCli(['run', d.dir, d.dir, '--via-b', 'env', '--agent-command', `${agent} ${trigger}`, '--probes', 'CTO1,BOTH1,SIZE1',
      '--modes', 'none,writeback', '--timeout', '1000', '--report', reports, '--format', 'json'], 100_000);
    const agents = watchAgents(c);
    await c.waitFor(PROBE_ROW);
    writeFileSync(trigger, '');
    // The HUNG row is printed after the first restart (which the trigger also hangs): lifting it there is a short stall.
    if (thawAtHung) { await c.waitFor(/ HUNG /); rmSync(trigger); }
    const r = await c.exited;
    const recs = records(r.stdout);
    await sleep(300);
    return { r, recs, probes: recs.filter((x): x is ProbeRunRecord => x.type === 'probe'), left: scratchLeft(d.dir), agents: [...agents].filter(alive) };
  };

  const dead = await run(false);
  t.equal(dead.r.code, 1);
  const omitted = afterHang(t, dead.probes);
  const end = dead.recs.at(-1) as EndRecord;
  t.match(end.deadSides, [{ side: 'b', what: 'storage', command: 'init', timeoutMs: 1000, restarts: 2, omitted: omitted.length }]);
  t.same(dead.agents, [], 'no agent left');
  t.comment(`dead: ${dead.probes.map((p) => p.outcome).join(' ')}; scratch left on the dead side: ${dead.left.join(', ') || 'none'}`);
  t.ok(dead.left.length <= 1, 'at most the hung variant\'s scratch file, which only the dead side could remove');

  const stall = await run(true);
  t.equal(stall.r.code, 1, 'exit 1: a variant HUNG');
  const outcomes = stall.probes.map((p) => p.outcome);
  const i = outcomes.indexOf('HUNG');
  t.ok(i >= 0 && outcomes.slice(i + 1).some((o) => o === 'PASS' || o === 'WARN' || o === 'FAIL'), `a stall lifted after one failed restart: the run goes on (${outcomes.join(' ')})`);
  t.equal((stall.recs.at(-1) as EndRecord).deadSides, undefined, 'no side declared dead');
  t.same(stall.left, [], 'the restarted agent removed the hung variant\'s scratch file');
  t.same(stall.agents, [], 'no agent left');
});
