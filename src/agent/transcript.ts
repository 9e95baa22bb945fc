// The agent's transcript: one entry per command, with every libc call it made (capped, the rest summarised).
import type { CallResult } from '../../native-bindings/posix.js';
import { nowUs } from '../../native-bindings/clock.js';
import type { CallRecord, TranscriptEntry } from '../protocol/messages.js';

export const MAX_CALLS_PER_ENTRY = 64;

/** Records the libc calls of the command being run. */
export class Recorder {
  private seq = 0;
  private t0 = 0;
  private t1: number | undefined;
  private calls: CallRecord[] = [];
  private omitted = 0;
  private omittedFailed = 0;

  /** Start the entry of a new command. */
  begin(): void {
    this.t0 = nowUs();
    this.t1 = undefined;
    this.calls = [];
    this.omitted = 0;
    this.omittedFailed = 0;
  }

  /** Hook for Posix.onCall. */
  readonly record = (r: CallResult): void => {
    if (this.calls.length < MAX_CALLS_PER_ENTRY) {
      const rec: CallRecord = { call: r.call, at: r.t0Us - this.t0, dur: r.durUs, ret: r.ret };
      if (!r.ok) rec.errno = r.errnoName;
      if (!r.ok && r.detail) rec.detail = r.detail;
      this.calls.push(rec);
    } else {
      this.omitted++;
      if (!r.ok) this.omittedFailed++;
    }
  };

  /** Start the entry's clock again now: what the handler did before (no native calls) stays outside t0..t1. */
  restartClock(): void { this.t0 = nowUs(); }
  /** Stop the entry's clock now: end() keeps this t1, so what the handler does after stays outside t0..t1. */
  stopClock(): void { this.t1 = nowUs(); }

  /** Close the entry of the command that just ran. */
  end(cmd: string, args: Record<string, unknown>, ok: boolean, errno?: string): TranscriptEntry {
    const entry: TranscriptEntry = { seq: ++this.seq, cmd, args, t0: this.t0, t1: this.t1 ?? nowUs(), ok, calls: this.calls };
    if (errno) entry.errno = errno;
    if (this.omitted) entry.callsOmitted = { count: this.omitted, failed: this.omittedFailed };
    return entry;
  }
}
