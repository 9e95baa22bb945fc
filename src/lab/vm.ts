// Boot the lab guest and follow it to the end: every wait is bounded, a failure names the step and carries the guest
// log's last lines, and qemu is never left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { qemuArgs, type QemuSpec } from './qemu.js';
import { EventReader, currentPhase, type SeenEvent } from './events.js';
import { LabError } from './errors.js';
import { which } from './requirements.js';

export interface VmOptions {
  spec: QemuSpec;
  qemu?: string;
  /** From qemu's start to the guest runner's first event. */
  bootTimeoutMs: number;
  /** Any phase but a scenario's run, from its start. */
  stepTimeoutMs: number;
  /** A scenario's run phase, from its start (the guest bounds the run itself a minute sooner). */
  runTimeoutMs: number;
  /** Told each event as it arrives. */
  onEvent?: (e: SeenEvent) => void;
  pollMs?: number;
}

export interface VmResult {
  events: SeenEvent[];
  /** ms from qemu's start to the guest runner's first event. */
  bootMs: number;
  /** ms from the guest's last event to qemu's exit. */
  shutdownMs: number;
}

/**
 * The last lines of the guest's log (its runner and steps) and of its serial console (the initramfs, and any kernel
 * panic, OOM kill or hung-task report), as text to show under an error.
 */
export function guestTail(share: string, consoleFile: string, lines = 20): string {
  const parts: string[] = [];
  for (const [label, f, n] of [['guest.log', join(share, 'guest.log'), lines], ['console', consoleFile, 8]] as const) {
    try {
      const text = readFileSync(f, 'utf8').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '').trimEnd();
      if (text) parts.push(`${label}:\n${text.split('\n').slice(-n).join('\n')}`);
    } catch { /* not written */ }
  }
  return parts.length ? parts.join('\n') : '(the guest wrote no log)';
}

/**
 * The command that starts qemu: under `setpriv --pdeathsig KILL` where util-linux has it, so qemu dies with coprobe
 * even when coprobe itself is killed outright (SIGKILL, the OOM killer) and cannot stop it.
 */
export function qemuCommand(qemu: string, args: string[], setpriv = which('setpriv')): [string, string[]] {
  return setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', qemu, ...args]] : [qemu, args];
}

/** A running lab VM; `done` settles when the guest has powered off (or was killed after a failure). */
export class LabVm {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  private aborted: string | undefined;
  private reader: EventReader | undefined;

  constructor(private readonly o: VmOptions) {}

  /** Boot, follow the events, and resolve when qemu exits after the guest's done event. */
  async run(): Promise<VmResult> {
    const { spec } = this.o;
    const out = openSync(join(spec.share, 'qemu.log'), 'a');
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    try {
      const [cmd, args] = qemuCommand(this.o.qemu ?? 'qemu-system-x86_64', qemuArgs(spec));
      this.child = spawn(cmd, args, { stdio: ['ignore', out, out] });
    } finally {
      closeSync(out);
    }
    const child = this.child;
    this.exited = new Promise((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.on('error', () => resolve(null));
    });
    let spawnError: Error | undefined;
    child.on('error', (err) => { spawnError = err; });
    const killOnExit = () => { try { child.kill('SIGKILL'); } catch { /* gone */ } };
    process.on('exit', killOnExit);
    const reader = (this.reader = new EventReader(join(spec.share, 'events.jsonl')));
    let exitCode: number | null | undefined;
    void this.exited.then((c) => { exitCode = c; });
    let bootMs = -1, doneAt = -1, lastAt = 0;
    try {
      for (;;) {
        await new Promise((r) => setTimeout(r, this.o.pollMs ?? 200));
        const t = now();
        for (const e of reader.poll(t)) {
          lastAt = t;
          if (bootMs < 0) bootMs = t;
          if (e.type === 'done') doneAt = t;
          this.o.onEvent?.(e);
        }
        if (spawnError) throw new LabError('LAB_BOOT', `cannot start qemu (${spawnError.message}): install qemu-system-x86`);
        if (this.aborted) throw new LabError('LAB_INTERRUPTED', `${this.aborted}: the guest was stopped`, guestTail(spec.share, spec.console));
        if (exitCode !== undefined) {
          reader.poll(t).forEach((e) => this.o.onEvent?.(e));
          if (reader.events.some((e) => e.type === 'done')) return { events: reader.events, bootMs, shutdownMs: Math.round(t - (doneAt >= 0 ? doneAt : t)) };
          const where = currentPhase(reader.events)?.phase ?? (bootMs < 0 ? 'boot' : 'between phases');
          const how = exitCode === 0 ? 'the guest powered off, or its kernel panicked,' : `qemu ended (exit ${exitCode ?? 'by signal'})`;
          throw new LabError(bootMs < 0 ? 'LAB_BOOT' : 'LAB_GUEST', `${how} during ${where}: see the guest's last lines`, guestTail(spec.share, spec.console));
        }
        if (doneAt >= 0) {
          // The guest powers off right after its done event; give it a while, then stop it (not a failure).
          if (t - doneAt > 30_000) { child.kill('SIGKILL'); await this.exited; return { events: reader.events, bootMs, shutdownMs: Math.round(now() - doneAt) }; }
          continue;
        }
        if (bootMs < 0) {
          if (t > this.o.bootTimeoutMs) throw new LabError('LAB_BOOT', `the guest did not come up within ${Math.round(this.o.bootTimeoutMs / 1000)} s (no event from its runner)`, guestTail(spec.share, spec.console));
          continue;
        }
        const cur = currentPhase(reader.events);
        const bound = cur?.phase.endsWith(': run') ? this.o.runTimeoutMs : this.o.stepTimeoutMs;
        if (t - lastAt > bound) {
          throw new LabError('LAB_GUEST', `the guest is stuck in ${cur?.phase ?? 'between phases'}: no progress for ${Math.round(bound / 1000)} s`, guestTail(spec.share, spec.console));
        }
      }
    } catch (err) {
      child.kill('SIGKILL');
      await this.exited;
      throw err;
    } finally {
      process.removeListener('exit', killOnExit);
    }
  }

  /** The events seen so far (after a failure too). */
  events(): SeenEvent[] {
    return this.reader?.events ?? [];
  }

  /** Stop the guest at the next poll (a signal from the user); run() then rejects with LAB_INTERRUPTED. */
  abort(why: string): void {
    this.aborted = why;
  }
}
