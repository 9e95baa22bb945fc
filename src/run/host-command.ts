// Run a user's shell command on the coordinator's host (a server restart between two probe steps), bounded in time.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { HostCommandResult } from '../probe.js';

/** Bytes of output kept (the tail): enough for a script's error message, small enough for a report. */
export const HOST_OUTPUT_TAIL = 4000;

/**
 * `sh -c command` in its own process group, stdin closed; after timeoutMs the whole group is killed (SIGKILL) and the
 * result says timedOut. Never rejects: a command that cannot start is a result with `error`.
 */
export function runHostCommand(command: string, timeoutMs: number): Promise<HostCommandResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    const keep = (c: Buffer) => { output = (output + c.toString()).slice(-HOST_OUTPUT_TAIL); };
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const killGroup = () => {
      try { if (child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    };
    const timer = setTimeout(() => { timedOut = true; killGroup(); }, timeoutMs);
    const finish = (exitCode: number | null, signal: string | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
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
    child.on('exit', (code, sig) => setTimeout(() => finish(code, sig), 50));
  });
}

/** "exit 0", "exit 1", "killed by SIGKILL after the 60000 ms bound", "could not start: …". */
export function describeHostExit(r: HostCommandResult, timeoutMs: number): string {
  if (r.error) return `could not start: ${r.error}`;
  if (r.timedOut) return `killed after the ${timeoutMs} ms bound`;
  if (r.signal) return `killed by ${r.signal}`;
  return `exit ${r.exitCode}`;
}
