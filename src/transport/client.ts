// The coordinator's end of one agent: spawn it, send one command at a time, enforce timeouts, keep its transcript.
import { redactArgs } from './redact.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { CommandName } from '../protocol/commands.js';
import { LineReader } from '../protocol/lines.js';
import { MAX_LINE_BYTES, type AgentError, type TranscriptEntry } from '../protocol/messages.js';
import { HungError, LostError, ProtocolError } from '../errors.js';
import { nowUs } from '../../native-bindings/clock.js';

/** An agent's answer: its result or its failure, both as values, with the transcript entry and the round-trip time. */
export type Reply<T> =
  | { ok: true; result: T; entry: TranscriptEntry; durationMs: number }
  | { ok: false; error: AgentError; entry?: TranscriptEntry; durationMs: number };

interface Pending {
  id: number; cmd: string; args: object; sentUs: number; t0: number; timeoutMs: number;
  resolve: (r: Reply<unknown>) => void; reject: (e: Error) => void; timer: NodeJS.Timeout;
}

export class AgentClient {
  private child: ChildProcess;
  private nextId = 1;
  private pending: Pending | undefined;
  private stderr = '';
  private dead: Error | undefined;
  /** Every transcript entry received (and one per unanswered command), in order. */
  readonly transcript: TranscriptEntry[] = [];

  constructor(readonly side: string, argv: string[]) {
    this.child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new LineReader(MAX_LINE_BYTES, (l) => this.onLine(l), (n) => this.fail(new ProtocolError(side, `agent line of ${n}+ bytes exceeds ${MAX_LINE_BYTES}`)));
    this.child.stdout!.on('data', (c: Buffer) => reader.push(c));
    this.child.stderr!.on('data', (c: Buffer) => { this.stderr = (this.stderr + c.toString()).slice(-4000); });
    this.child.stdin!.on('error', () => { /* reported by 'exit' */ });
    this.child.on('error', (err) => this.gone(`cannot start ${argv[0]}: ${err.message}`));
    this.child.on('exit', (code, sig) => this.gone(sig ? `killed by ${sig}` : `exit code ${code}`));
  }

  /** True until the agent exited, hung or broke the protocol. */
  get alive(): boolean { return this.dead === undefined; }
  /** The last lines the agent wrote on stderr. */
  stderrTail(): string { return this.stderr.trim().split('\n').slice(-3).join(' | '); }

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

  /** Kill the agent (SIGKILL); outstanding commands reject as lost. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** Close the agent's stdin: it removes its scratch files and exits. Resolves when it has (or after graceMs, killed). */
  async close(graceMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin!.end();
    const t = setTimeout(() => this.kill(), graceMs);
    await exited;
    clearTimeout(t);
  }

  private onLine(line: string): void {
    let msg: { id?: unknown; ok?: unknown; result?: unknown; error?: AgentError; entry?: TranscriptEntry };
    try {
      msg = JSON.parse(line);
    } catch {
      return this.fail(new ProtocolError(this.side, `malformed line from agent: ${line.slice(0, 120)}`));
    }
    const p = this.pending;
    if (!p) return this.fail(new ProtocolError(this.side, `unsolicited line from agent: ${line.slice(0, 120)}`));
    if (msg.id !== p.id || typeof msg.ok !== 'boolean') {
      return this.fail(new ProtocolError(this.side, `out-of-order or malformed response (expected id ${p.id}, got ${JSON.stringify(msg.id)})`));
    }
    clearTimeout(p.timer);
    this.pending = undefined;
    if (msg.entry) this.transcript.push(msg.entry);
    const durationMs = performance.now() - p.t0;
    if (msg.ok) p.resolve({ ok: true, result: msg.result, entry: msg.entry!, durationMs });
    else p.resolve({ ok: false, error: msg.error ?? { code: 'EUNKNOWN', message: 'agent failed without saying why' }, ...(msg.entry ? { entry: msg.entry } : {}), durationMs });
  }

  private timeout(): void {
    const p = this.pending;
    if (!p) return;
    this.unanswered(p, 'timeout');
    this.fail(new HungError(this.side, p.cmd, p.timeoutMs));
  }

  private gone(exit: string): void {
    const p = this.pending;
    if (p) this.unanswered(p, 'lost');
    this.fail(new LostError(this.side, p?.cmd ?? '(idle)', exit, this.stderrTail()));
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
