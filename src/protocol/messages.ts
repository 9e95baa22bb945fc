// What an agent answers: one JSON line per request, carrying the transcript entry of that command.
export const PROTOCOL_VERSION = 1;
/** Longest line either side accepts; a longer one is a protocol error. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

/** One libc call inside a command: offset from the command's start, duration, return value, errno. */
export interface CallRecord {
  call: string;
  /** µs from the entry's t0 to the call's start. */
  at: number;
  dur: number;
  ret: number;
  errno?: string;
  /** The library's own message on failure (libiscsi sense data, libnfs's error string). */
  detail?: string;
}

/** The transcript entry an agent keeps for every command it ran. */
export interface TranscriptEntry {
  seq: number;
  cmd: string;
  args: Record<string, unknown>;
  /** Wall-clock µs at start and end, on the agent's host. */
  t0: number;
  t1: number;
  ok: boolean;
  errno?: string;
  calls: CallRecord[];
  /** Calls past the per-entry cap, summarised: count and how many failed. */
  callsOmitted?: { count: number; failed: number };
  /** Written by the coordinator when the agent never answered: the command hung (timeout) or the agent went away. */
  unanswered?: 'timeout' | 'lost';
}

/** Why a command failed, as a value. */
export interface AgentError {
  code: string;
  message: string;
  errno?: number;
  errnoName?: string;
}

export type Response =
  | { id: number; ok: true; result: unknown; entry: TranscriptEntry }
  | { id: number | null; ok: false; error: AgentError; entry?: TranscriptEntry };
