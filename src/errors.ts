// One error class per coordinator layer, each with a stable code and a message that says what to do.

/** Bad command line: exit code 2. */
export class UsageError extends Error {
  readonly code = 'EUSAGE';
  override name = 'UsageError';
}

/** The sides or targets cannot be set up (missing path, no permission, not shared storage...): exit code 2. */
export class SetupError extends Error {
  readonly code: string;
  override name = 'SetupError';
  constructor(message: string, code = 'ESETUP') {
    super(message);
    this.code = code;
  }
}

/** An agent broke the protocol (malformed, oversize or out-of-order line, wrong version). */
export class ProtocolError extends Error {
  readonly code = 'EPROTOCOL';
  override name = 'ProtocolError';
  constructor(readonly side: string, message: string) {
    super(`side ${side}: protocol error: ${message}`);
  }
}

/** An agent did not answer within the timeout; it has been killed. */
export class HungError extends Error {
  readonly code = 'EHUNG';
  override name = 'HungError';
  constructor(readonly side: string, readonly cmd: string, readonly timeoutMs: number) {
    super(`side ${side} did not answer "${cmd}" within ${timeoutMs} ms (stuck in I/O?): its agent was killed`);
  }
}

/** An agent went away while a command was outstanding (exited, crashed, connection dropped). */
export class LostError extends Error {
  readonly code = 'ELOST';
  override name = 'LostError';
  constructor(readonly side: string, readonly cmd: string, readonly exit: string, readonly stderrTail: string) {
    super(`side ${side}: agent went away during "${cmd}" (${exit})${stderrTail ? `: ${stderrTail}` : ''}`);
  }
}

/** A stored report cannot be read or rendered (missing file, not JSON, not a coprobe run, newer schema): exit code 2. */
export class ReportError extends Error {
  override name = 'ReportError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
