// A long-lived interactive qemu-io on one side: one command line at a time, its output delimited by the prompt and a marker.
import { spawn, type ChildProcess } from 'node:child_process';
import { nowUs } from '../../native-bindings/clock.js';
import { StepFailure } from '../probe.js';
import type { SideName } from '../transport/spec.js';
import { QemuHungError, isMissing, missingTool } from './errors.js';
import type { QemuEntry, QemuTranscript } from './transcript.js';

/** What one command printed. */
export interface QemuOutput { stdout: string; stderr: string; entry: QemuEntry }

interface Pending { cmd: string; mark: string; t0: number; phase: 'command' | 'mark'; stdout: string; resolve(o: QemuOutput): void; reject(e: Error): void; timer: NodeJS.Timeout }

const PROMPT = 'qemu-io> ';

/**
 * qemu-io 7.2 on a pipe prints "qemu-io> " (no newline, flushed) before reading each line, and reads one line per
 * wake-up: lines sent together wait until more input arrives. So every line is sent alone, after the prompt that
 * follows the previous one. After the command, `<mark>` (an unknown command: `command "<mark>" not found` on stderr,
 * then a prompt) proves that everything the command wrote on stderr has arrived, whatever path the streams took.
 */
export class QemuIo {
  private readonly child: ChildProcess;
  private out = '';
  private err = '';
  private marks = 0;
  private pending: Pending | undefined;
  private gone: { why: string; spawnError?: NodeJS.ErrnoException; code: number | null } | undefined;

  private constructor(readonly side: SideName, readonly argv: string[], readonly timeoutMs: number, private readonly log: QemuTranscript) {
    this.child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (c: Buffer) => { this.out += c.toString(); this.check(); });
    this.child.stderr!.on('data', (c: Buffer) => { this.err += c.toString(); this.check(); });
    this.child.stdin!.on('error', () => { /* reported by 'close' */ });
    this.child.on('error', (e: NodeJS.ErrnoException) => this.ended(`cannot start: ${e.message}`, null, e));
    // 'close' comes after the last output was read, so a failure can quote it.
    this.child.on('close', (code, sig) => this.ended(sig ? `killed by ${sig}` : `exit code ${code}`, code));
  }

  /** Start qemu-io with argv (from ProbeContext.commandOn) and wait until it answers; a failed open is a StepFailure with qemu-io's message. */
  static async start(side: SideName, argv: string[], timeoutMs: number, log: QemuTranscript): Promise<QemuIo> {
    const q = new QemuIo(side, argv, timeoutMs, log);
    await q.exchange(undefined, `(start) ${argv.join(' ')}`);
    return q;
  }

  /** True until the process exited, or was killed after a timeout. */
  get alive(): boolean { return this.gone === undefined; }

  /** Run one command line; resolves with its output, rejects with QemuHungError on timeout or StepFailure when qemu-io exits. */
  run(cmd: string): Promise<QemuOutput> {
    if (cmd.includes('\n')) throw new Error(`qemu-io command must be one line: ${JSON.stringify(cmd)}`);
    return this.exchange(cmd, cmd);
  }

  /** Run a command that must print nothing on stderr (qemu-io reports most failures there). */
  async must(cmd: string): Promise<QemuOutput> {
    const o = await this.run(cmd);
    if (o.stderr.trim()) throw new StepFailure(`side ${this.side}: qemu-io "${cmd}" failed: ${o.stderr.trim()}`);
    return o;
  }

  /** Send quit and wait for the exit (killed after the timeout). */
  async quit(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((r) => this.child.once('close', () => r()));
    this.child.stdin!.end('quit\n');
    const timer = setTimeout(() => this.kill(), this.timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** SIGKILL the process if it is still running. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private exchange(line: string | undefined, label: string): Promise<QemuOutput> {
    if (this.gone) return Promise.reject(this.failure(label));
    if (this.pending) return Promise.reject(new Error(`side ${this.side}: qemu-io "${label}" sent while "${this.pending.cmd}" is outstanding`));
    const mark = `coprobe-mark-${++this.marks}`;
    return new Promise<QemuOutput>((resolve, reject) => {
      const timer = setTimeout(() => this.timeout(), this.timeoutMs);
      this.pending = { cmd: label, mark, t0: nowUs(), phase: 'command', stdout: '', resolve, reject, timer };
      // At start-up there is no command: the first prompt says qemu-io opened the image and reads its input.
      if (line !== undefined) this.child.stdin!.write(`${line}\n`);
      else this.check();
    });
  }

  private check(): void {
    const p = this.pending;
    if (!p || !this.out.endsWith(PROMPT)) return;
    if (p.phase === 'command') {
      p.stdout = this.out.slice(0, -PROMPT.length);
      this.out = '';
      p.phase = 'mark';
      this.child.stdin!.write(`${p.mark}\n`);
      return;
    }
    const m = new RegExp(`^.*"${p.mark}".*\\n`, 'm').exec(this.err);
    if (!m) return;
    const stderr = this.err.slice(0, m.index);
    this.err = this.err.slice(m.index + m[0].length);
    this.out = '';
    clearTimeout(p.timer);
    this.pending = undefined;
    const entry = this.log.add({ side: this.side, tool: 'qemu-io', cmd: p.cmd, t0: p.t0, t1: nowUs(), stdout: p.stdout, stderr });
    p.resolve({ stdout: p.stdout, stderr, entry });
  }

  private timeout(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    this.gone = { why: `killed after ${this.timeoutMs} ms without an answer`, code: null };
    this.log.add({ side: this.side, tool: 'qemu-io', cmd: p.cmd, t0: p.t0, t1: nowUs(), stdout: this.out, stderr: this.err, unanswered: 'timeout' });
    this.kill();
    p.reject(new QemuHungError(this.side, 'qemu-io', p.cmd, this.timeoutMs));
  }

  private ended(why: string, code: number | null, spawnError?: NodeJS.ErrnoException): void {
    if (this.gone) return;
    this.gone = { why, code, ...(spawnError ? { spawnError } : {}) };
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    this.log.add({ side: this.side, tool: 'qemu-io', cmd: p.cmd, t0: p.t0, t1: nowUs(), stdout: this.out, stderr: this.err, unanswered: 'exit' });
    p.reject(this.failure(p.cmd));
  }

  private failure(label: string): StepFailure {
    const g = this.gone!;
    if (isMissing(g.spawnError, g.code)) return missingTool(this.side, 'qemu-io', g.spawnError?.message ?? `exit code ${g.code}`);
    const said = this.err.trim().split('\n').slice(-3).join(' | ');
    return new StepFailure(`side ${this.side}: qemu-io exited during "${label}" (${g.why})${said ? `: ${said}` : ''}`);
  }
}
