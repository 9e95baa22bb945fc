// Scratch files of a crashed run (agent SIGKILLed) are removed by the next run in the directory — only those, never a live run's.
import t, { type Test } from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { agent } from './fixtures/agent.js';
import { runCli } from './fixtures/cli.js';
import { cliEntry } from '../src/package-info.js';
import type { AgentClient } from '../src/transport/client.js';
import type { TargetInfo } from '../src/protocol/results.js';
import { LOCK_MARKER, ownerState, self } from '../src/agent/run-lock.js';

const CRASHED = 'c0ffee00c0ffee00';
const LIVE = '11fe11fe11fe11fe';
const NEXT = '0e0e0e0e0e0e0e0e';

function scratchDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-orphans-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An agent of run runId on dir that created the given scratch files (one block written to each). */
async function agentWithFiles(t: Test, dir: string, runId: string, labels: string[]): Promise<AgentClient> {
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 10_000), { ok: true });
  for (const [i, label] of labels.entries()) {
    const h = `f${i}`;
    t.match(await c.call('open', { h, file: `.coprobe-${runId}-${label}`, mode: 'writeback', create: true }, 10_000), { ok: true });
    t.match(await c.call('write', { h, gen: 1, first: 0, count: 1 }, 10_000), { ok: true });
  }
  return c;
}

/** Wait until the agent process has exited. */
function exited(c: AgentClient): Promise<void> {
  return new Promise((r) => { const tick = () => (c.alive ? setTimeout(tick, 10) : r()); tick(); });
}

t.test('a SIGKILLed run\'s files are removed by the next run; look-alikes, unlocked runs and a live run\'s files stay', async (t) => {
  const dir = scratchDir(t);
  // The live run starts first (its own init would otherwise be the one to sweep the crashed run's files).
  const live = await agentWithFiles(t, dir, LIVE, ['001-BOTH1']);
  const crashed = await agentWithFiles(t, dir, CRASHED, ['001-HAND1', '002-CTO1']);
  crashed.kill(); // SIGKILL: no chance to clean up
  await exited(crashed);
  t.ok(existsSync(join(dir, `.coprobe-${CRASHED}-001-HAND1`)), 'the crashed run left its files');
  t.ok(existsSync(join(dir, `.coprobe-${CRASHED}.1.lock`)), '…and its lock file, no longer locked');

  // Look-alikes: a name of the crashed run that its lock does not list, a run without a lock, a lock that is not coprobe's.
  const decoys = [`.coprobe-${CRASHED}-999-DECOY`, '.coprobe-4444444444444444-001-X', '.coprobe-notes', '.coprobe-5555555555555555-001-Y', '.coprobe-5555555555555555.1.lock'];
  for (const d of decoys) writeFileSync(join(dir, d), 'not coprobe\'s\n');
  // A run whose agent ran under another kernel (another host on a shared filesystem): its liveness cannot be told here.
  const other = ['.coprobe-6666666666666666-001-Z', '.coprobe-6666666666666666.1.lock'];
  writeFileSync(join(dir, other[0]!), '');
  writeFileSync(join(dir, other[1]!), `${LOCK_MARKER}\nrun 6666666666666666 writer 1 host elsewhere boot 00000000-0000-0000-0000-000000000000 pidns pid:[1] pid 1 start 1\n${other[0]}\n`);
  decoys.push(...other);

  const next = agent();
  t.teardown(() => next.kill());
  const t0 = performance.now();
  const init = await next.call<TargetInfo>('init', { target: dir, runId: NEXT, writerId: 1, destroy: false }, 10_000);
  const ms = Math.round(performance.now() - t0);
  t.match(init, { ok: true });
  t.same(init.ok && [...init.result.removedScratch!].sort(), [`.coprobe-${CRASHED}-001-HAND1`, `.coprobe-${CRASHED}-002-CTO1`], 'init reports the two files it removed');
  t.comment(`init removed ${init.ok && init.result.removedScratch!.join(', ')} in ${ms} ms`);
  t.same(readdirSync(dir).sort(), [...decoys, `.coprobe-${LIVE}-001-BOTH1`, `.coprobe-${LIVE}.1.lock`].sort(), 'everything else is still there');

  t.match(await live.call('read', { h: 'f0', gen: 1, first: 0, count: 1, writerId: 1 }, 10_000), { ok: true, result: { counts: { fresh: 1 } } }, 'the live run reads its file as before');
  t.match(await live.call('cleanup', {}, 10_000), { ok: true, result: { removed: [join(dir, `.coprobe-${LIVE}-001-BOTH1`)] } });
  t.notOk(existsSync(join(dir, `.coprobe-${LIVE}.1.lock`)), 'with no scratch files left the live run drops its lock file');
  t.match(await next.call<TargetInfo>('init', { target: dir, runId: NEXT, writerId: 1, destroy: false }, 10_000), { ok: true, result: { removedScratch: undefined } }, 'a second look removes nothing');
  t.same(readdirSync(dir).sort(), [...decoys].sort());
});

t.test('a lock file\'s owner: alive, gone (no such process, or the pid reused), or unknown (another kernel or pid namespace)', async (t) => {
  const me = self();
  t.equal(ownerState(me, me), 'alive');
  t.equal(ownerState({ ...me, pid: process.ppid, start: 'x' }, me), 'gone', 'the pid runs, but it started at another time: reused');
  t.equal(ownerState({ ...me, pid: 2 ** 22 + 1 }, me), 'gone', 'no such process');
  t.equal(ownerState({ ...me, boot: 'another-boot' }, me), 'unknown');
  t.equal(ownerState({ ...me, pidns: 'pid:[1]' }, me), 'unknown');
  t.equal(ownerState({ ...me, start: '' }, me), 'unknown');
});

t.test('an agent that exits normally leaves neither files nor lock', async (t) => {
  const dir = scratchDir(t);
  const c = await agentWithFiles(t, dir, LIVE, ['001-X']);
  t.same(readdirSync(dir).sort(), [`.coprobe-${LIVE}-001-X`, `.coprobe-${LIVE}.1.lock`]);
  await c.close();
  t.same(readdirSync(dir), []);
});

/** The agents started by coprobe process pid (direct children running `coprobe agent`). */
function agentsOf(pid: number): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('agent');
    } catch { return false; }
  }).map(Number);
}

t.test('coprobe run SIGKILLed mid-probe with its agents; the next run removes what they left and says so in the header and run.json', async (t) => {
  const dir = scratchDir(t);
  const report = scratchDir(t);
  const first = spawn(process.execPath, [cliEntry(), 'run', dir, dir, '--probes', 'HAND1', '--modes', 'writeback', '--image-size', '256M', '--report', report, '--format', 'json'], { stdio: 'ignore' });
  t.teardown(() => first.kill('SIGKILL'));
  let files: string[] = [];
  for (let i = 0; i < 300 && !files.some((f) => /-HAND1$/.test(f)); i++) {
    await new Promise((r) => setTimeout(r, 50));
    files = readdirSync(dir);
  }
  t.ok(files.some((f) => /-HAND1$/.test(f)), `the first run is in HAND1 (${files.join(' ')})`);
  const agents = agentsOf(first.pid!);
  t.equal(agents.length, 2, 'two agents');
  process.kill(first.pid!, 'SIGKILL');
  for (const a of agents) process.kill(a, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  const left = readdirSync(dir);
  t.ok(left.some((f) => /^\.coprobe-[0-9a-f]{16}-\d{3}-HAND1$/.test(f)) && left.some((f) => /\.lock$/.test(f)), `left behind: ${left.join(' ')}`);

  const t0 = performance.now();
  const r = await runCli(['run', dir, dir, '--probes', 'CTO1', '--modes', 'writeback', '--report', report, '--format', 'json'], 60_000);
  t.equal(r.code, 0, r.stderr);
  const line = r.stdout.split('\n').find((l) => /removed \d+ scratch files? left by crashed runs/.test(l));
  t.match(line, /removed 1 scratch file left by crashed runs: \.coprobe-[0-9a-f]{16}-\d{3}-HAND1/, 'the header says what was removed');
  t.comment(`next run (${Math.round(performance.now() - t0)} ms): ${line?.trim()}`);
  const doc = JSON.parse(readFileSync(join(report, 'run.json'), 'utf8')) as { run: { sides: Record<'a' | 'b', { target: TargetInfo }> } };
  const removed = [...(doc.run.sides.a.target.removedScratch ?? []), ...(doc.run.sides.b.target.removedScratch ?? [])];
  t.equal(removed.length, 1, 'run.json records it');
  t.same(readdirSync(dir), [], 'nothing left: the crashed run\'s file and lock, and the new run\'s own');
  const rep = await runCli(['report', join(report, 'run.json'), '--format', 'md'], 30_000);
  t.equal(rep.code, 0, 'the run document with the new field validates and renders');
  t.match(rep.stdout, /removed 1 scratch file left by crashed runs/);
});

t.test('two coprobe runs in one directory at once: the second leaves the first one\'s files alone, both finish', async (t) => {
  const dir = scratchDir(t);
  const report1 = scratchDir(t);
  const report2 = scratchDir(t);
  const first = runCli(['run', dir, dir, '--probes', 'HAND1', '--modes', 'writeback', '--image-size', '128M', '--report', report1, '--format', 'json'], 120_000);
  let files: string[] = [];
  for (let i = 0; i < 300 && !files.some((f) => /-HAND1$/.test(f)); i++) {
    await new Promise((r) => setTimeout(r, 50));
    files = readdirSync(dir);
  }
  t.ok(files.some((f) => /-HAND1$/.test(f)), 'the first run has its HAND1 file');
  const second = await runCli(['run', dir, dir, '--probes', 'CTO1', '--modes', 'writeback', '--report', report2, '--format', 'json'], 60_000);
  t.equal(second.code, 0, second.stderr);
  t.notMatch(second.stdout, /left by crashed runs/, 'the second run removed nothing');
  const r1 = await first;
  t.equal(r1.code, 0, `the first run finished unharmed: ${r1.stderr}`);
  t.notMatch(r1.stdout, /LOST|FAIL|ENOENT/);
  t.same(readdirSync(dir), [], 'both cleaned up after themselves');
});

t.test('a temporary lock file (killed between write and rename) is removed when its owner is provably gone, else kept', async (t) => {
  const dir = scratchDir(t);
  const crashed = await agentWithFiles(t, dir, CRASHED, ['001-HAND1']);
  crashed.kill();
  await exited(crashed);
  const content = readFileSync(join(dir, `.coprobe-${CRASHED}.1.lock`), 'utf8');
  const tmpGone = `.coprobe-${CRASHED}.1.lock.4242.new`;
  const tmpElsewhere = '.coprobe-6666666666666666.1.lock.7.new';
  const tmpPartial = '.coprobe-7777777777777777.1.lock.8.new';
  writeFileSync(join(dir, tmpGone), content);
  writeFileSync(join(dir, tmpElsewhere), `${LOCK_MARKER}\nrun 6666666666666666 writer 1 host elsewhere boot 00000000-0000-0000-0000-000000000000 pidns pid:[1] pid 1 start 1\n`);
  writeFileSync(join(dir, tmpPartial), `${LOCK_MARKER}\nrun 77`);
  const next = agent();
  t.teardown(() => next.kill());
  const r = await next.call<TargetInfo>('init', { target: dir, runId: NEXT, writerId: 1, destroy: false }, 10_000);
  t.match(r, { ok: true });
  const left = readdirSync(dir);
  t.notOk(left.includes(tmpGone), 'the crashed agent\'s temporary lock is removed');
  t.ok(left.includes(tmpElsewhere), 'another kernel\'s: kept (liveness cannot be told)');
  t.ok(left.includes(tmpPartial), 'an incomplete one: kept (nothing proves its owner gone)');
  t.ok(r.ok && r.result.removedScratch?.includes(tmpGone), 'the header names it among the removed files');
});
