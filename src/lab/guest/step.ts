// Run one lab step in the guest: a bounded shell command (the runner's host command), its output kept (tail) and echoed to the log.
import { runHostCommand } from '../../run/host-command.js';
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
 * Run a step (runHostCommand: sh -c in its own process group, bounded); never rejects. Past its bound it gets SIGTERM
 * (so `coprobe run` can end its report and remove its scratch files) and SIGKILL `termGraceMs` later, or SIGKILL at once.
 * It is over when its shell exits: a daemon it started that keeps the output pipes open does not hold it. Its output is
 * echoed to this process's stdout (the guest log) as it comes.
 */
export async function runStep(step: LabStep, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`), termGraceMs = 0): Promise<StepResult> {
  const timeoutMs = step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  log(`$ ${step.run}`);
  const r = await runHostCommand(step.run, timeoutMs, { termGraceMs, tailBytes: TAIL, drainMs: 500, onOutput: (s) => process.stdout.write(s) });
  log(`  → ${r.timedOut ? `stopped after ${timeoutMs} ms` : `exit ${r.exitCode}`} (${r.durationMs} ms)`);
  const output = r.error ? (r.output + r.error).slice(-TAIL) : r.output;
  return { ok: !r.timedOut && r.exitCode === 0, exitCode: r.exitCode, timedOut: r.timedOut, durationMs: r.durationMs, output };
}

/** One line saying why a step failed, for events and errors. */
export function stepFailure(step: LabStep, r: StepResult): string {
  if (r.timedOut) return `"${step.name}" did not finish within ${step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS} ms`;
  return `"${step.name}" failed (exit ${r.exitCode ?? 'none'})`;
}
