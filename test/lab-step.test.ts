// A guest step: sh -c in its own process group, bounded; the result says ok, the exit code, whether it was killed, and
// keeps the output's last 4 KiB; a step past its bound is killed with everything it started.
import t from 'tap';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_STEP_TIMEOUT_MS, runStep, stepFailure } from '../src/lab/guest/step.js';

const dir = mkdtempSync(join(tmpdir(), 'coprobe-step-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Whether a process is still running (gone or a zombie counts as not). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

t.test('a step that works: ok, exit 0, its output kept, the command and result logged', async (t) => {
  const log: string[] = [];
  const r = await runStep({ name: 'greet', run: 'echo step-out; echo step-err >&2' }, (l) => log.push(l));
  t.equal(r.ok, true);
  t.equal(r.exitCode, 0);
  t.equal(r.timedOut, false);
  t.match(r.output, /step-out\n/);
  t.match(r.output, /step-err\n/, 'stderr kept too');
  t.ok(r.durationMs >= 0 && r.durationMs < 10_000);
  t.equal(log[0], '$ echo step-out; echo step-err >&2', 'the command logged first');
  t.match(log[1], /^  → exit 0 \(\d+ ms\)$/, 'then how it ended');
  t.equal(stepFailure({ name: 'greet', run: '' }, r), '"greet" failed (exit 0)', 'stepFailure still words it (callers ask only when not ok)');
});

t.test('a failing step: not ok, its exit code, its output', async (t) => {
  const step = { name: 'start nfsd', run: 'echo "rpc.nfsd: unable to bind" >&2; exit 3' };
  const r = await runStep(step, () => {});
  t.equal(r.ok, false);
  t.equal(r.exitCode, 3);
  t.equal(r.timedOut, false);
  t.match(r.output, /unable to bind/);
  t.equal(stepFailure(step, r), '"start nfsd" failed (exit 3)');
  const missing = await runStep({ name: 'm', run: 'coprobe-no-such-command-x' }, () => {});
  t.equal(missing.exitCode, 127, 'a missing command is exit 127');
  t.equal(missing.ok, false);
});

t.test('a step past its bound is killed with its process group (its sleep too)', async (t) => {
  const pidFile = join(dir, 'sleep.pid');
  const step = { name: 'hang', run: `echo started; sleep 30 & echo $! > ${pidFile}; wait`, timeoutMs: 400 };
  const log: string[] = [];
  const t0 = Date.now();
  const r = await runStep(step, (l) => log.push(l));
  const took = Date.now() - t0;
  t.equal(r.timedOut, true, 'timed out');
  t.equal(r.ok, false);
  t.equal(r.exitCode, null, 'no exit code: killed by a signal');
  t.ok(took >= 380 && took < 5000, `ended soon after its bound (${took} ms)`);
  t.match(r.output, /started/, 'the output before the kill is kept');
  t.match(log[1], /^  → stopped after 400 ms \(\d+ ms\)$/);
  t.equal(stepFailure(step, r), '"hang" did not finish within 400 ms');
  t.ok(existsSync(pidFile), 'the step wrote its sleep\'s pid');
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  // The orphaned sleep is reaped by init; give it a moment.
  for (let i = 0; i < 50 && running(pid); i++) await new Promise((res) => setTimeout(res, 20));
  t.equal(running(pid), false, `the step's child sleep (pid ${pid}) was killed too`);
});

t.test('stepFailure for the default bound', async (t) => {
  t.equal(stepFailure({ name: 'x', run: 'true' }, { ok: false, exitCode: null, timedOut: true, durationMs: 60_000, output: '' }),
    `"x" did not finish within ${DEFAULT_STEP_TIMEOUT_MS} ms`);
  t.equal(stepFailure({ name: 'x', run: 'true' }, { ok: false, exitCode: null, timedOut: false, durationMs: 1, output: '' }),
    '"x" failed (exit none)', 'no exit code and not timed out: killed by something else');
});

t.test('only the last 4 KiB of a long output is kept', async (t) => {
  // Ten numbered lines of 1000 bytes (few lines: runStep echoes them to this test's output too), then an end marker.
  const r = await runStep({ name: 'long', run: 'for i in 0 1 2 3 4 5 6 7 8 9; do printf "line $i "; head -c 992 /dev/zero | tr "\\0" x; echo; done; echo END-MARK' }, () => {});
  t.equal(r.ok, true);
  t.equal(r.output.length, 4096, 'exactly 4096 characters');
  t.match(r.output, /line 9 x{992}\nEND-MARK\n$/, 'the end is kept');
  t.notMatch(r.output, /line [0-5] /, 'the start is dropped');
  t.match(r.output, /line 7 /);
});
