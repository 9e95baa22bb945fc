// The transcript of the qemu-io and qemu-img processes a probe ran: every command line, its output, µs timestamps.
import type { SideName } from '../transport/spec.js';

/** One command sent to a QEMU tool (or one whole one-shot run), timed on the coordinator's clock. */
export interface QemuEntry {
  seq: number;
  side: SideName;
  tool: 'qemu-io' | 'qemu-img';
  /** The command line written to qemu-io's stdin, or the argv of a one-shot run. */
  cmd: string;
  /** Wall-clock µs when the command was sent and when its end was seen (qemu-io: both end markers arrived). */
  t0: number;
  t1: number;
  stdout: string;
  stderr: string;
  /** Exit code of a one-shot run. */
  exit?: number | null;
  /** Set when the command never completed: it timed out (the process was killed) or the process went away. */
  unanswered?: 'timeout' | 'exit';
}

/** A transcript shared by every QEMU process of one probe run, numbering entries in the order they were sent. */
export class QemuTranscript {
  readonly entries: QemuEntry[] = [];

  /** Append an entry and return it with its sequence number filled in. */
  add(e: Omit<QemuEntry, 'seq'>): QemuEntry {
    const entry = { seq: this.entries.length + 1, ...e };
    this.entries.push(entry);
    return entry;
  }

  /** One line per entry: "seq t0 +durµs side tool: cmd => stdout [stderr]" with newlines shown as " | ". */
  render(): string {
    const flat = (s: string) => s.trim().replace(/\n+/g, ' | ');
    return this.entries.map((e) => {
      const err = e.stderr.trim() ? ` [stderr: ${flat(e.stderr)}]` : '';
      const end = e.unanswered ? ` (${e.unanswered === 'timeout' ? 'timed out, killed' : 'process went away'})` : '';
      const exit = e.exit !== undefined ? ` (exit ${e.exit})` : '';
      return `${e.seq} ${e.t0} +${e.t1 - e.t0}µs ${e.side} ${e.tool}: ${e.cmd} => ${flat(e.stdout)}${err}${exit}${end}`;
    }).join('\n');
  }
}
