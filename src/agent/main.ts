// `coprobe agent`: read JSON-line commands on stdin, run them, answer on stdout; clean up when stdin closes.
import { writeSync } from 'node:fs';
import { parseRequest, type Request } from '../protocol/commands.js';
import { LineReader } from '../protocol/lines.js';
import { MAX_LINE_BYTES, type Response } from '../protocol/messages.js';
import { AgentFailure } from './failure.js';
import { HANDLERS } from './handlers.js';
import { AgentState } from './state.js';
import { cleanup } from './files.js';
import { redactArgs } from '../transport/redact.js';

/** Run one validated request against the state and build its response. */
export function execute(st: AgentState, req: Request): Response {
  const { id, cmd, ...args } = req;
  // The transcript travels into reports: a storage URL's password never goes with it.
  const logged = redactArgs(args);
  st.recorder.begin();
  try {
    const result = (HANDLERS[cmd] as (s: AgentState, a: unknown) => unknown)(st, args);
    return { id, ok: true, result, entry: st.recorder.end(cmd, logged, true) };
  } catch (err) {
    const f = err instanceof AgentFailure ? err : new AgentFailure('EINTERNAL', `${cmd}: ${(err as Error).stack ?? String(err)}`);
    return { id, ok: false, error: f.toValue(), entry: st.recorder.end(cmd, logged, false, f.errnoName ?? f.code) };
  }
}

/** Answer one raw line: parse, validate, execute. */
export function answer(st: AgentState, line: string): Response {
  const parsed = parseRequest(line);
  if (!parsed.ok) return { id: parsed.error.id, ok: false, error: { code: parsed.error.code, message: parsed.error.message } };
  return execute(st, parsed.req);
}

/** One response as a JSON line; a result that cannot be serialized becomes an EINTERNAL failure of the same request. */
export function serialize(r: Response): string {
  try {
    return JSON.stringify(r) + '\n';
  } catch (err) {
    const failed: Response = { id: r.id, ok: false, error: { code: 'EINTERNAL', message: `the answer could not be serialized: ${(err as Error).message}` } };
    return JSON.stringify(failed) + '\n';
  }
}

/** The agent's main loop; exits when stdin ends or on SIGINT/SIGTERM/SIGHUP, removing its scratch files first. */
export function runAgent(): void {
  const st = new AgentState();
  let done = false;
  const finish = (code: number) => {
    if (done) return;
    done = true;
    try { cleanup(st); st.io.disconnect(true); } finally { process.exit(code); }
  };
  const send = (r: Response) => {
    const line = serialize(r);
    try {
      writeSync(1, line);
    } catch {
      finish(0); // the coordinator is gone (EPIPE): clean up and leave
    }
  };
  const reader = new LineReader(MAX_LINE_BYTES, (line) => send(answer(st, line)), (n) =>
    send({ id: null, ok: false, error: { code: 'ETOOBIG', message: `request line of ${n}+ bytes exceeds the ${MAX_LINE_BYTES}-byte limit` } }),
  );
  process.stdin.on('data', (chunk: Buffer) => reader.push(chunk));
  process.stdin.on('end', () => finish(0));
  process.stdin.on('error', () => finish(0));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => finish(128));
}
