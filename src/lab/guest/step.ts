// Run one lab step in the guest: sh -c in its own process group, bounded, its output kept (tail) and echoed to the log.
import { spawn } from 'node:child_process';
import type { LabStep } from '../types.js';

/** What a step did, shaped like a result whether it worked or not. */
export interface StepResult {
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** The last 4 KiB of its stdout and stderr, interleaved. */
  output: string;
}

export const DEFAULT_STEP_TIMEOUT_MS = 60_000;
const TAIL = 4096;

/**
 * Run a step; never rejects. A step past its bound gets SIGTERM (so `coprobe run` can end its report and remove its
 * scratch files), then SIGKILL `termGraceMs` later, both to its process group. It is over when its shell exits: a
 * daemon it started that keeps the output pipes open does not hold it (the pipes are read for a moment more, then let go).
 */
export function runStep(step: LabStep, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`), termGraceMs = 0): Promise<StepResult> {
  const timeoutMs = step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const t0 = performance.now();
  log(`$ ${step.run}`);
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let done = false;
    const child = spawn('sh', ['-c', step.run], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (b: Buffer) => {
      const s = b.toString('utf8');
      process.stdout.write(s);
      output = (output + s).slice(-TAIL);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const group = (sig: NodeJS.Signals) => { try { process.kill(-child.pid!, sig); } catch { /* gone already */ } };
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      if (termGraceMs > 0) {
        group('SIGTERM');
        killTimer = setTimeout(() => group('SIGKILL'), termGraceMs);
      } else group('SIGKILL');
    }, timeoutMs);
    const finish = (exitCode: number | null, extra = '') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      child.stdout.destroy();
      child.stderr.destroy();
      const durationMs = Math.round(performance.now() - t0);
      if (extra) output = (output + extra).slice(-TAIL);
      log(`  → ${timedOut ? `stopped after ${timeoutMs} ms` : `exit ${exitCode}`} (${durationMs} ms)`);
      resolve({ ok: !timedOut && exitCode === 0, exitCode, timedOut, durationMs, output });
    };
    child.on('error', (err) => finish(null, String(err)));
    child.on('close', (code) => finish(code));
    // The shell exited: give the pipes a moment to drain, then stop waiting for them.
    child.on('exit', (code) => setTimeout(() => finish(code), 500));
  });
}

/** One line saying why a step failed, for events and errors. */
export function stepFailure(step: LabStep, r: StepResult): string {
  if (r.timedOut) return `"${step.name}" did not finish within ${step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS} ms`;
  return `"${step.name}" failed (exit ${r.exitCode ?? 'none'})`;
}
