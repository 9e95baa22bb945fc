// The coordinator's end of one agent: spawn it, send one command at a time, enforce timeouts, keep its transcript.
import { redactArgs } from './redact.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { CommandName } from '../protocol/commands.js';
import { LineReader } from '../protocol/lines.js';
import { MAX_LINE_BYTES, type AgentError, type TranscriptEntry } from '../protocol/messages.js';
import { parseResponse, preview } from '../protocol/response.js';
import { HungError, LostError, ProtocolError } from '../errors.js';
import { nowUs } from '../../native-bindings/clock.js';

/** An agent's answer: its result or its failure, both as values, with the transcript entry and the round-trip time. */
export type Reply<T> =
  | { ok: true; result: T; entry: TranscriptEntry; durationMs: number }
  | { ok: false; error: AgentError; entry?: TranscriptEntry; durationMs: number };

interface Pending {
  id: number; cmd: CommandName; args: object; sentUs: number; t0: number; timeoutMs: number;
  resolve: (r: Reply<unknown>) => void; reject: (e: Error) => void; timer: NodeJS.Timeout;
}

/** How long an exited agent's output may still drain before the coordinator stops waiting for it. */
const DRAIN_MS = 250;
/** How long a SIGKILLed agent may take to exit before the coordinator stops waiting for it (abandon). */
const ABANDON_MS = 5000;

export class AgentClient {
  private child: ChildProcess;
  private readonly reader: LineReader;
  private nextId = 1;
  private stdoutEnded = false;
  /** Lines received from the agent so far. */
  private lines = 0;
  private pending: Pending | undefined;
  private stderr = '';
  private dead: Error | undefined;
  private abandonTimer: NodeJS.Timeout | undefined;
  private stuck = false;
  private killed = false;
  /** Every transcript entry received (and one per unanswered command), in order. */
  readonly transcript: TranscriptEntry[] = [];

  constructor(readonly side: string, argv: string[]) {
    this.child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.reader = new LineReader(MAX_LINE_BYTES, (l) => this.onLine(l), (n) => this.broke(new ProtocolError(side, `agent line of ${n}+ bytes exceeds the ${MAX_LINE_BYTES}-byte limit`)));
    this.child.stdout!.on('data', (c: Buffer) => { if (!this.dead) this.reader.push(c); });
    this.child.stdout!.on('end', () => { this.stdoutEnded = true; });
    this.child.stderr!.on('data', (c: Buffer) => { this.stderr = (this.stderr + c.toString()).slice(-4000); });
    this.child.stdin!.on('error', () => { /* reported by 'exit' */ });
    this.child.on('error', (err) => this.gone(`cannot start ${argv[0]}: ${err.message}`));
    this.child.on('exit', (code, sig) => this.afterDrain(() => this.gone(sig ? `killed by ${sig}` : `exit code ${code}`)));
  }

  /** True until the agent exited, hung or broke the protocol. */
  get alive(): boolean { return this.dead === undefined; }
  /** The last lines the agent wrote on stderr. */
  stderrTail(): string { return this.stderr.trim().split('\n').slice(-3).join(' | '); }
  /** Everything kept of the agent's stderr (its last 4000 characters): what a remote shell or ssh said before it failed. */
  stderrText(): string { return this.stderr; }

  /** Send one command; resolves with the agent's answer, rejects with HungError, LostError or ProtocolError. */
  call<T>(cmd: CommandName, args: object, timeoutMs: number): Promise<Reply<T>> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.pending) return Promise.reject(new Error(`side ${this.side}: "${cmd}" sent while "${this.pending.cmd}" is outstanding`));
    const id = this.nextId++;
    return new Promise<Reply<T>>((resolve, reject) => {
      const timer = setTimeout(() => this.timeout(), timeoutMs);
      this.pending = { id, cmd, args, sentUs: nowUs(), t0: performance.now(), timeoutMs, resolve: resolve as Pending['resolve'], reject, timer };
      this.child.stdin!.write(JSON.stringify({ id, cmd, ...args }) + '\n');
    });
  }

  /** Kill the agent (SIGKILL); outstanding commands reject as lost. One that has not exited ABANDON_MS later is abandoned. */
  kill(): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    this.killed = true;
    if (!this.abandonTimer) {
      this.abandonTimer = setTimeout(() => this.abandon(), ABANDON_MS);
      this.abandonTimer.unref();
    }
  }

  /**
   * Stop holding the coordinator open for an agent that SIGKILL did not end: a process in uninterruptible sleep inside a
   * kernel client whose storage stopped answering (a frozen OSD under ceph-fuse) exits only when the storage answers. Its
   * pipes are closed and the child unreferenced; `stuckPid` names it.
   */
  abandon(): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null || this.stuck) return;
    this.stuck = true;
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) s?.destroy();
    this.child.unref();
  }

  /** The pid of an agent SIGKILLed that has not exited (abandoned, or still within ABANDON_MS), else undefined. */
  get stuckPid(): number | undefined {
    return (this.stuck || this.killed) && this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** Close the agent's stdin: it removes its scratch files and exits. Resolves when it has (or after graceMs, killed). */
  async close(graceMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin!.end();
    const t = setTimeout(() => this.kill(), graceMs);
    // Bounded: an agent SIGKILL cannot end is abandoned (kill's timer), and close returns.
    let gaveUp: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((r) => { gaveUp = setTimeout(() => { this.abandon(); r(); }, graceMs + ABANDON_MS + 100); })]);
    clearTimeout(t);
    clearTimeout(gaveUp);
  }

  private onLine(line: string): void {
    if (this.dead) return;
    const first = this.lines++ === 0;
    const p = this.pending;
    if (!p) {
      const when = this.nextId === 1 ? 'before any command was sent' : 'while no command was outstanding';
      return this.fail(new ProtocolError(this.side, `unsolicited line from the agent ${when}: ${preview(line)}`));
    }
    let msg;
    try {
      msg = parseResponse(this.side, line, p);
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      // Something printing on stdout before the agent speaks (a login script over ssh, a wrapper) looks like this.
      return this.broke(first && !line.trimStart().startsWith('{') ? new ProtocolError(this.side, `${err.message.replace(/^side \S+: protocol error: /, '')} (the first line on the agent's stdout: does something print before the agent starts, such as a login script or a wrapper?)`) : err);
    }
    clearTimeout(p.timer);
    this.pending = undefined;
    if (msg.entry) this.transcript.push(msg.entry);
    const durationMs = performance.now() - p.t0;
    if (msg.ok) p.resolve({ ok: true, result: msg.result, entry: msg.entry, durationMs });
    else p.resolve({ ok: false, error: msg.error, ...(msg.entry ? { entry: msg.entry } : {}), durationMs });
  }

  /** Run fn once the agent's stdout has ended (its last line delivered), or after DRAIN_MS when something holds it open. */
  private afterDrain(fn: () => void): void {
    if (this.stdoutEnded) return fn();
    let done = false;
    const once = () => { if (!done) { done = true; clearTimeout(t); fn(); } };
    const t = setTimeout(once, DRAIN_MS);
    this.child.stdout!.once('end', once);
  }

  /** The agent broke the protocol: the outstanding command (if any) is recorded as unanswered, the agent killed. */
  private broke(err: ProtocolError): void {
    if (this.dead) return;
    if (this.pending) this.unanswered(this.pending, 'lost');
    this.fail(err);
  }

  private timeout(): void {
    const p = this.pending;
    if (!p) return;
    this.unanswered(p, 'timeout');
    this.fail(new HungError(this.side, p.cmd, p.timeoutMs));
  }

  private gone(exit: string): void {
    if (this.dead) return;
    const p = this.pending;
    if (p) this.unanswered(p, 'lost');
    const partial = this.reader.pending();
    if (partial > 0) return this.fail(new ProtocolError(this.side, `the agent's output ended in the middle of a line (${partial} bytes without a newline; ${exit})`));
    this.fail(new LostError(this.side, p?.cmd ?? '(between commands)', exit, this.stderrTail()));
  }

  private unanswered(p: Pending, why: 'timeout' | 'lost'): void {
    this.transcript.push({ seq: 0, cmd: p.cmd, args: redactArgs(p.args as Record<string, unknown>), t0: p.sentUs, t1: nowUs(), ok: false, calls: [], unanswered: why });
  }

  private fail(err: Error): void {
    if (!this.dead) this.dead = err;
    const p = this.pending;
    this.pending = undefined;
    if (p) { clearTimeout(p.timer); p.reject(err); }
    this.kill();
  }
}
