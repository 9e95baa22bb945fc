// The agent layer's error: a stable code, a message that says what to do, and the errno when one caused it.
import type { CallResult } from '../../native-bindings/posix.js';
import type { AgentError } from '../protocol/messages.js';

/** Thrown inside a handler; the agent loop turns it into an {ok:false, error} response. */
export class AgentFailure extends Error {
  constructor(readonly code: string, message: string, readonly errno?: number, readonly errnoName?: string) {
    super(message);
    this.name = 'AgentFailure';
  }
  /** The wire form of this failure. */
  toValue(): AgentError {
    return { code: this.code, message: this.message, ...(this.errno ? { errno: this.errno, errnoName: this.errnoName } : {}) };
  }
}

/** Throw an AgentFailure (code = errno name) when a native call failed. */
export function must(r: CallResult, what: string): CallResult {
  if (r.ok) return r;
  const why = r.unavailable ? `not available here: ${r.unavailable}` : `${r.call} failed: ${r.errnoName}${r.detail ? ` (${r.detail})` : ''}`;
  throw new AgentFailure(r.errnoName || 'ENATIVE', `${what}: ${why}`, r.errno, r.errnoName);
}
