// An ssh connection dropping under a side: its sshd session killed, or its namespace's link taken down. The coordinator
// reports HUNG or LOST for that probe and goes on; the remote agent, its stdin closed, exits and removes its scratch files.
import t, { type Test } from 'tap';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { netnsHosts, noNetnsReason, type HostName, type NetnsHosts } from './fixtures/netns-hosts.js';
import { REMOTE_AGENT, startCli, type CliRun } from './fixtures/ssh-run.js';
import { AgentClient } from '../src/transport/client.js';
import { agentArgv, parseSide, splitWords } from '../src/transport/spec.js';
import type { HelloResult } from '../src/protocol/results.js';

const noNetns = noNetnsReason();
let hosts: NetnsHosts | undefined;
t.before(async () => { if (!noNetns) hosts = await netnsHosts(); });
t.teardown(() => hosts?.teardown());

function alive(pid: number): boolean {
  try { return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')); } catch { return false; }
}

/** Poll until cond() holds or boundMs passes; the milliseconds it took, or undefined. */
async function within(boundMs: number, cond: () => boolean): Promise<number | undefined> {
  const t0 = performance.now();
  while (performance.now() - t0 < boundMs) {
    if (cond()) return Math.round(performance.now() - t0);
    await sleep(25);
  }
  return cond() ? Math.round(performance.now() - t0) : undefined;
}

const scratch = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.coprobe-'));

/** An agent on host n through ssh, initialised on dir, holding one scratch file with a block written. */
async function agentWithScratch(t: Test, h: NetnsHosts, n: HostName, dir: string) {
  const spec = { ...parseSide(n, `ssh://${h.hosts[n].alias}${dir}`), sshConfig: h.sshConfig };
  const client = new AgentClient(n, agentArgv(spec, [], splitWords(REMOTE_AGENT, '--agent-command')));
  t.teardown(() => client.kill());
  const hello = await client.call<HelloResult>('hello', {}, 15_000);
  if (!hello.ok) throw new Error(hello.error.message);
  const runId = '00112233445566ff';
  for (const [cmd, args] of [
    ['init', { target: dir, runId, writerId: 1, destroy: false }], ['open', { h: 'f', file: `.coprobe-${runId}-drop`, mode: 'writeback', create: true }],
    ['write', { h: 'f', gen: 1, first: 0, count: 1 }],
  ] as const) {
    const r = await client.call(cmd, args, 10_000);
    if (!r.ok) throw new Error(`${cmd}: ${r.error.message}`);
  }
  return { client, pid: hello.result.pid, file: join(dir, `.coprobe-${runId}-drop`) };
}

t.test('the sshd session of an agent killed: the client sees it lost, the agent exits and removes its scratch file', { skip: noNetns, timeout: 60_000 }, async (t) => {
  const h = hosts!;
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-ssh-drop-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { client, pid, file } = await agentWithScratch(t, h, 'a', dir);
  t.ok(existsSync(file), 'the scratch file exists');
  t.ok(alive(pid), `the agent (pid ${pid}) runs in namespace ${h.hosts.a.ns}`);
  const sessions = h.sessions('a');
  t.equal(sessions.length, 1, 'one ssh session serves it');
  for (const p of sessions) process.kill(p, 'SIGKILL');
  const lostMs = await within(10_000, () => !client.alive);
  const goneMs = await within(10_000, () => !alive(pid) && !existsSync(file));
  t.comment(`session killed: client saw the agent lost after ${lostMs} ms; the agent had exited and removed its scratch file after ${goneMs} ms`);
  t.ok(lostMs !== undefined, 'the coordinator\'s client knows the agent is gone');
  await t.rejects(client.call('ping', {}, 1000), { code: 'ELOST' });
  t.ok(goneMs !== undefined, 'the remote agent exited and its scratch file is gone');
  t.same(scratch(dir), []);
});

t.test('the link of an agent\'s host cut: its command hangs, and the agent (dropped by sshd) removes its scratch file', { skip: noNetns, timeout: 60_000 }, async (t) => {
  const h = hosts!;
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-ssh-cut-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { client, pid, file } = await agentWithScratch(t, h, 'a', dir);
  h.linkDown('a');
  t.teardown(() => h.linkUp('a'));
  const t0 = performance.now();
  const err = await client.call('read', { h: 'f', gen: 1, first: 0, count: 1 }, 2000).then(() => undefined, (e: Error & { code?: string }) => e);
  const failedMs = Math.round(performance.now() - t0);
  t.comment(`link down: the read failed after ${failedMs} ms with ${err?.code}: ${err?.message}`);
  t.ok(err && (err.code === 'EHUNG' || err.code === 'ELOST'), 'HUNG (no answer within 2000 ms) or LOST (ssh gave up first)');
  // Nobody can reach the host while its link is down: the file can only go because the agent removed it.
  const goneMs = await within(15_000, () => !alive(pid) && !existsSync(file));
  t.comment(`link down: the remote agent had exited and removed its scratch file ${goneMs} ms after the command failed (sshd ClientAliveInterval 1 × 3)`);
  t.ok(goneMs !== undefined, 'the agent exited and removed its scratch file while the link was still down');
  h.linkUp('a');
  t.equal(h.ssh('a', 'true').status, 0, 'the host is reachable again');
});

/** Start a run on two directories of the hosts; once a FLUSH1 scratch file has lasted 1 s (its 3 s wait), cut side b. */
async function runAndCut(h: NetnsHosts, cut: () => void, extra: string[] = []): Promise<{ r: CliRun; dir: string; cutAtMs: number | undefined; firstB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-ssh-run-'));
  const run = startCli([`ssh://${h.hosts.a.alias}${dir}`, `ssh://${h.hosts.b.alias}${dir}`, '--ssh-config', h.sshConfig, '--agent-command', REMOTE_AGENT,
    '--probes', 'FLUSH1,LOCK1', '--modes', 'writeback', ...extra], 120_000);
  const t0 = performance.now();
  const seen = new Map<string, number>();
  let cutAtMs: number | undefined;
  let firstB = NaN;
  const poll = async () => {
    for (;;) {
      const now = performance.now();
      for (const n of scratch(dir).filter((x) => x.endsWith('-FLUSH1'))) if (!seen.has(n)) seen.set(n, now);
      if ([...seen.entries()].some(([n, at]) => now - at > 1000 && existsSync(join(dir, n)))) {
        firstB = (run.records().find((x) => x.type === 'run') as { sides: { b: { host: { pid: number } } } } | undefined)?.sides.b.host.pid ?? NaN;
        cut();
        cutAtMs = Math.round(now - t0);
        return;
      }
      if (now - t0 > 60_000) return;
      await sleep(20);
    }
  };
  const [r] = await Promise.all([run.done, poll()]);
  return { r, dir, cutAtMs, firstB };
}

function summary(r: CliRun): string {
  return r.probes.map((p) => `${p.probe} [${p.variant.param}] ${p.outcome} (${p.durationMs} ms)`).join(', ');
}

t.test('a full run: b\'s sshd session killed mid-probe → LOST for that probe, the run goes on', { skip: noNetns, timeout: 120_000 }, async (t) => {
  const h = hosts!;
  const { r, dir, cutAtMs, firstB } = await runAndCut(h, () => { for (const p of h.sessions('b')) process.kill(p, 'SIGKILL'); });
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.comment(`session killed at ${cutAtMs} ms: exit ${r.code} after ${r.ms} ms; ${summary(r)}`);
  t.ok(cutAtMs !== undefined, 'the FLUSH1 wait was found and b\'s session killed');
  const lost = r.probes.filter((p) => p.outcome === 'LOST');
  t.equal(lost.length, 1, 'one probe run is LOST');
  // The client notices the exit while the probe waits (between two commands), and the probe's next step fails on it.
  t.match(lost[0], { probe: 'FLUSH1', variant: { param: 'sleep' }, reason: /^side b: agent went away during "(\(between commands\)|read)" \(exit code 255\)/ });
  t.comment(`LOST reason: ${lost[0]?.reason}`);
  const after = r.probes.slice(r.probes.indexOf(lost[0]!) + 1);
  t.ok(after.length > 0 && after.every((p) => p.outcome !== 'LOST' && p.outcome !== 'HUNG'), 'the probes after it ran with a new agent on b');
  t.equal(r.code, 1, 'LOST makes the exit code 1');
  t.equal(r.end?.counts.LOST, 1);
  t.notOk(alive(firstB), `b's first agent (pid ${firstB}) exited`);
  t.same(scratch(dir), [], 'no scratch file left');
  t.same(h.sessions('a').concat(h.sessions('b')), [], 'no ssh session left');
});

t.test('a full run: b\'s link cut mid-probe → HUNG (or LOST) for that probe, the run goes on once it is back', { skip: noNetns, timeout: 120_000 }, async (t) => {
  const h = hosts!;
  let restored: Promise<void> | undefined;
  const { r, dir, cutAtMs, firstB } = await runAndCut(h, () => {
    h.linkDown('b');
    const pid = h.pids('b').find((p) => { try { return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('agent'); } catch { return false; } });
    // Back up once sshd has dropped the session and b's agent has exited (or after 8 s).
    restored = within(8000, () => pid === undefined || !alive(pid)).then(() => h.linkUp('b'));
  }, ['--timeout', '2000']);
  await restored;
  t.teardown(() => { h.linkUp('b'); rmSync(dir, { recursive: true, force: true }); });
  t.comment(`link cut at ${cutAtMs} ms: exit ${r.code} after ${r.ms} ms; ${summary(r)}`);
  const bad = r.probes.filter((p) => p.outcome === 'HUNG' || p.outcome === 'LOST');
  t.equal(bad.length, 1, 'one probe run is HUNG or LOST');
  t.match(bad[0], { probe: 'FLUSH1', variant: { param: 'sleep' } });
  t.match(bad[0]!.reason, /^side b(?: did not answer "read" within 2000 ms|: agent went away during "read" \(exit code 255\): Timeout, server)/);
  t.comment(`${bad[0]?.outcome} reason: ${bad[0]?.reason}`);
  const after = r.probes.slice(r.probes.indexOf(bad[0]!) + 1);
  t.ok(after.length > 0 && after.some((p) => p.outcome === 'PASS' || p.outcome === 'WARN'), 'probes after it ran once b was reachable again');
  t.equal(r.code, 1);
  t.notOk(alive(firstB), `b's first agent (pid ${firstB}) exited`);
  t.same(scratch(dir), [], 'no scratch file left');
});
