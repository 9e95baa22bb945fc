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

/** Run a step; never rejects. A step past its bound is killed (SIGKILL to its process group). */
export function runStep(step: LabStep, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<StepResult> {
  const timeoutMs = step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const t0 = performance.now();
  log(`$ ${step.run}`);
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn('sh', ['-c', step.run], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (b: Buffer) => {
      const s = b.toString('utf8');
      process.stdout.write(s);
      output = (output + s).slice(-TAIL);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone already */ }
    }, timeoutMs);
    const finish = (exitCode: number | null, extra = '') => {
      clearTimeout(timer);
      const durationMs = Math.round(performance.now() - t0);
      if (extra) output = (output + extra).slice(-TAIL);
      log(`  → ${timedOut ? `killed after ${timeoutMs} ms` : `exit ${exitCode}`} (${durationMs} ms)`);
      resolve({ ok: !timedOut && exitCode === 0, exitCode, timedOut, durationMs, output });
    };
    child.on('error', (err) => finish(null, String(err)));
    child.on('close', (code) => finish(code));
  });
}

/** One line saying why a step failed, for events and errors. */
export function stepFailure(step: LabStep, r: StepResult): string {
  if (r.timedOut) return `"${step.name}" did not finish within ${step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS} ms`;
  return `"${step.name}" failed (exit ${r.exitCode ?? 'none'})`;
}
