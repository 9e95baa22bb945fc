// Fault: the coordinator killed with SIGINT or SIGTERM mid-run: exit 130, agents gone, nothing left, the report so far readable.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { attachLoopPair } from '../src/loop-pair.js';
import type { EndRecord, ResultRecord } from '../src/result.js';
import { alive, childrenOf, PROBE_ROW, scratchDir, scratchLeft, watchCli } from './fixtures/faults.js';
import { runCli } from './fixtures/cli.js';
import { noLoopReason } from './fixtures/root.js';

/** How the signal reaches the coordinator: to its pid (kill PID), or to its process group as a terminal's Ctrl-C does. */
type Target = 'pid' | 'group';

/**
 * Start `coprobe run SIDES…`, wait for `rows` probe rows, send sig, and check what the fault tests promise: exit 130,
 * the agents it had gone, the JSON-lines report intact (an interrupted end record last) and readable by `coprobe report`.
 * Returns the coordinator's stdout for further checks.
 */
async function interrupt(t: Test, sides: string[], sig: NodeJS.Signals, to: Target, rows = 3): Promise<string> {
  const rep = scratchDir('signal-report');
  t.teardown(() => rep.release());
  const c = watchCli(['run', ...sides, '--modes', 'none,writeback', '--report', rep.dir], 120_000);
  await c.waitFor(PROBE_ROW, rows);
  const agents = childrenOf(c.child.pid!);
  t.equal(agents.length, 2, 'two agents run');
  const t0 = performance.now();
  process.kill(to === 'group' ? -c.child.pid! : c.child.pid!, sig);
  const r = await c.exited;
  const ms = Math.round(r.at - t0);
  t.equal(r.code, 130, `exit 130 (${r.stderr.trim().split('\n').slice(-1)[0]})`);
  t.match(r.stderr, new RegExp(`coprobe: ${sig}: stopping; agents remove their scratch files`));
  t.notMatch(r.stderr, /\n\s+at .+:\d+:\d+|Unhandled/, 'no stack trace');
  for (const pid of agents) t.notOk(alive(pid), `agent ${pid} exited with the coordinator`);
  t.ok(ms < 15_000, `stopped within 15 s (${ms} ms)`);

  const printed = c.lines.filter((l) => PROBE_ROW.test(l));
  const jsonl = readdirJsonl(rep.dir);
  const lines = readFileSync(jsonl, 'utf8').split('\n');
  t.equal(lines.pop(), '', 'the file ends with a whole line');
  const records = lines.map((l) => JSON.parse(l) as ResultRecord);
  t.equal(records[0]!.type, 'run');
  t.equal(records.filter((x) => x.type === 'probe').length, printed.length, 'a record for every row printed, none for the variant cut short');
  t.match(records.at(-1), { type: 'end', exitCode: 130, interrupted: true } satisfies Partial<EndRecord>, 'an interrupted end record last');
  t.equal(records.filter((x) => x.type === 'end').length, 1, 'one end record');
  const shown = await runCli(['report', jsonl]);
  t.equal(shown.code, 0, `coprobe report reads it (${shown.stderr.trim()})`);
  t.match(shown.stdout, /no verdicts: the run was interrupted/);
  for (const row of printed) t.ok(shown.stdout.includes(row.slice(0, 40)), `report shows: ${row.slice(0, 40)}`);
  t.ok(existsSync(join(rep.dir, 'run.json')), 'run.json written from what was measured');
  t.equal((await runCli(['report', join(rep.dir, 'run.json'), '--format', 'md'])).code, 0, 'and it renders');
  t.comment(`${sig} to the ${to === 'group' ? 'process group' : 'coordinator'} after ${printed.length} rows: exit 130 after ${ms} ms`);
  return r.stdout;
}

/** The one JSON-lines report in a directory. */
function readdirJsonl(dir: string): string {
  const r = spawnSync('sh', ['-c', `ls ${dir}/coprobe-*.jsonl`], { encoding: 'utf8' });
  return r.stdout.trim();
}

t.test('SIGINT and SIGTERM on a directory target: no scratch file left', async (t) => {
  for (const [sig, to] of [['SIGINT', 'pid'], ['SIGTERM', 'pid'], ['SIGINT', 'group']] as const) {
    await t.test(`${sig} to the ${to}`, async (t) => {
      const d = scratchDir('signal');
      t.teardown(() => d.release());
      await interrupt(t, [d.dir, d.dir], sig, to);
      t.same(scratchLeft(d.dir), [], 'no scratch file left');
    });
  }
});

t.test('SIGTERM and SIGINT on the embedded default stack: its loop devices are detached and their backing file removed', { skip: noLoopReason() }, async (t) => {
  for (const [sig, to] of [['SIGTERM', 'pid'], ['SIGINT', 'group']] as const) {
    await t.test(`${sig} to the ${to}`, async (t) => {
      const out = await interrupt(t, [], sig, to);
      const backing = /→ (\S+backing\.img)\)/.exec(out)?.[1];
      t.ok(backing, `the run named its backing file (${backing})`);
      t.notMatch(spawnSync('losetup', ['-a'], { encoding: 'utf8' }).stdout, backing!, 'no loop device over it is left');
      t.notOk(existsSync(backing!), 'the backing file is gone');
    });
  }
});

t.test('SIGINT with a loop pair the test attached: the agents let go of the devices, which then detach', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(64);
  t.teardown(() => pair.detach());
  await interrupt(t, [pair.a, pair.b, '--destroy-data-on-device', pair.a, '--destroy-data-on-device', pair.b], 'SIGINT', 'pid');
  pair.detach();
  // A device still held open would only be flagged for autoclear and stay listed.
  await sleep(100);
  t.notMatch(spawnSync('losetup', ['-a'], { encoding: 'utf8' }).stdout, pair.backing, 'both devices detached');
});
