// Run a QEMU tool to completion on a side (qemu-img create, a one-shot qemu-io), under the per-command timeout.
import { spawn } from 'node:child_process';
import { nowUs } from '../../native-bindings/clock.js';
import { StepFailure } from '../probe.js';
import type { SideName } from '../transport/spec.js';
import { QemuHungError, isMissing, missingTool } from './errors.js';
import type { QemuEntry, QemuTranscript } from './transcript.js';

/** How a one-shot run ended, as values. */
export interface OnceResult { code: number | null; stdout: string; stderr: string; spawnError?: NodeJS.ErrnoException; entry: QemuEntry }

/** Run argv (from ProbeContext.commandOn); rejects only with QemuHungError when it outlives timeoutMs (it is killed). */
export function runOnce(side: SideName, tool: QemuEntry['tool'], argv: string[], label: string, timeoutMs: number, log: QemuTranscript): Promise<OnceResult> {
  return new Promise((resolve, reject) => {
    const t0 = nowUs();
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let spawnError: NodeJS.ErrnoException | undefined;
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', (e: NodeJS.ErrnoException) => { spawnError = e; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const entry = log.add({ side, tool, cmd: label, t0, t1: nowUs(), stdout, stderr, exit: code, ...(timedOut ? { unanswered: 'timeout' as const } : {}) });
      if (timedOut) reject(new QemuHungError(side, tool, label, timeoutMs));
      else resolve({ code, stdout, stderr, entry, ...(spawnError ? { spawnError } : {}) });
    });
  });
}

/** Run argv and require exit code 0: a missing program is UNSUPPORTED (install qemu-utils), any other failure a StepFailure quoting the tool. */
export async function mustRunOnce(side: SideName, tool: QemuEntry['tool'], argv: string[], label: string, timeoutMs: number, log: QemuTranscript): Promise<OnceResult> {
  const r = await runOnce(side, tool, argv, label, timeoutMs, log);
  if (isMissing(r.spawnError, r.code)) throw missingTool(side, tool, r.spawnError?.message ?? `exit code ${r.code}: ${r.stderr.trim()}`);
  if (r.code !== 0) throw new StepFailure(`side ${side}: "${label}" failed (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
  return r;
}
