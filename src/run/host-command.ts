// Run a user's shell command on the coordinator's host (a server restart between two probe steps), bounded in time.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { HostCommandResult } from '../probe.js';

/** Bytes of output kept (the tail): enough for a script's error message, small enough for a report. */
export const HOST_OUTPUT_TAIL = 4000;

/** How runHostCommand stops a command past its bound and what it does with the output. */
export interface HostCommandOptions {
  /** Send SIGTERM first and SIGKILL this long after (0: SIGKILL at once). */
  termGraceMs?: number;
  /** Bytes of output kept (the tail); default HOST_OUTPUT_TAIL. */
  tailBytes?: number;
  /** How long to keep reading the pipes after the shell exits (a daemon it started may hold them); default 50 ms. */
  drainMs?: number;
  /** Told each piece of output as it arrives. */
  onOutput?: (text: string) => void;
}

/**
 * `sh -c command` in its own process group, stdin closed; after timeoutMs the whole group is killed (SIGKILL, or SIGTERM
 * then SIGKILL) and the result says timedOut. Never rejects: a command that cannot start is a result with `error`.
 */
export function runHostCommand(command: string, timeoutMs: number, o: HostCommandOptions = {}): Promise<HostCommandResult> {
  const t0 = performance.now();
  const tail = o.tailBytes ?? HOST_OUTPUT_TAIL;
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    const keep = (c: Buffer) => {
      const text = c.toString();
      o.onOutput?.(text);
      output = (output + text).slice(-tail);
    };
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const signalGroup = (sig: NodeJS.Signals) => {
      try { if (child.pid) process.kill(-child.pid, sig); } catch { /* already gone */ }
    };
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      if (o.termGraceMs) {
        signalGroup('SIGTERM');
        killTimer = setTimeout(() => signalGroup('SIGKILL'), o.termGraceMs);
      } else signalGroup('SIGKILL');
    }, timeoutMs);
    const finish = (exitCode: number | null, signal: string | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      child.stdout.destroy();
      child.stderr.destroy();
      // Anything the command left running in its group (a daemon it forgot to detach) goes with it only on timeout;
      // a server it started with setsid has its own group and keeps running, as a restart should leave it.
      resolve({ command, exitCode, signal, timedOut, output, durationMs: Math.round(performance.now() - t0), ...(error ? { error } : {}) });
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => finish(null, null, `cannot start /bin/sh: ${err.message}`));
    // 'close' waits for the output pipes: a daemon that inherited them would hold it open, so 'exit' decides, with a short
    // grace for the last output.
    child.on('exit', (code, sig) => setTimeout(() => finish(code, sig), o.drainMs ?? 50));
  });
}

/** "exit 0", "exit 1", "killed by SIGKILL after the 60000 ms bound", "could not start: …". */
export function describeHostExit(r: HostCommandResult, timeoutMs: number): string {
  if (r.error) return `could not start: ${r.error}`;
  if (r.timedOut) return `killed after the ${timeoutMs} ms bound`;
  if (r.signal) return `killed by ${r.signal}`;
  return `exit ${r.exitCode}`;
}
