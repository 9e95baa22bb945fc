// The coordinator's parser of one agent line: a Response to the command outstanding, or a ProtocolError naming the side.
import { z } from 'zod';
import type { CommandName } from './commands.js';
import { PROTOCOL_VERSION, type AgentError, type Response } from './messages.js';
import { ProtocolError } from '../errors.js';
import { transcriptEntrySchema } from '../report/schema/transcript.js';
import { helloSchema, targetInfoSchema } from '../report/schema/target.js';
import type { Assert, Equal } from '../report/schema/link.js';
import { redactArgv } from '../transport/redact.js';

/** Deepest nesting of arrays and objects a response may have; the deepest real one (a detect result) is under 10. */
export const MAX_RESPONSE_DEPTH = 64;

const agentErrorSchema = z.strictObject({
  code: z.string().min(1).max(64),
  message: z.string(),
  errno: z.int().optional(),
  errnoName: z.string().optional(),
});
type _error = Assert<Equal<z.infer<typeof agentErrorSchema>, AgentError>>;

const okSchema = z.strictObject({ id: z.int().nonnegative(), ok: z.literal(true), result: z.unknown(), entry: transcriptEntrySchema });
const failedSchema = z.strictObject({ id: z.int().nonnegative().nullable(), ok: z.literal(false), error: agentErrorSchema, entry: transcriptEntrySchema.optional() });

/**
 * Results whose shape the session relies on before any probe runs, checked against the result schema's fields it uses
 * (loosely: a field the session does not read is left to the report's own validation).
 */
const RESULT_SCHEMAS: Partial<Record<CommandName, z.ZodType>> = {
  hello: z.looseObject(helloSchema.shape),
  init: z.looseObject(targetInfoSchema.pick({ path: true, kind: true, fsType: true, stack: true, dev: true, logicalBlockSize: true, dioMemAlign: true }).shape),
};

/** The request a line must answer: its id and command. */
export interface Outstanding { id: number; cmd: CommandName }

/** Parse one line from side's agent as the answer to `expect`; throws ProtocolError for anything else. Never anything else. */
export function parseResponse(side: string, line: string, expect: Outstanding): Response {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    // V8's message quotes the raw line: only its position is kept, the line itself is shown escaped by preview().
    const at = /at position \d+/.exec((err as Error).message);
    throw new ProtocolError(side, `malformed JSON from the agent${at ? ` (${at[0]})` : ''}: ${preview(line)}`);
  }
  const unsafe = unsafeShape(raw);
  if (unsafe) throw new ProtocolError(side, `response to "${expect.cmd}" refused: ${unsafe}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProtocolError(side, `a response must be a JSON object, got ${preview(line)}`);
  }
  const obj = raw as Record<string, unknown>;
  if (obj.id !== expect.id) {
    const err = obj.error as { message?: unknown } | undefined;
    if (obj.id === null && obj.ok === false && typeof err?.message === 'string') {
      throw new ProtocolError(side, `the agent could not read the coordinator's "${expect.cmd}" request: ${preview(err.message)}`);
    }
    const shown = typeof obj.id === 'number' ? String(obj.id) : (JSON.stringify(obj.id) ?? 'missing');
    throw new ProtocolError(side, `response id ${preview(shown).slice(1, -1)} does not answer the outstanding request ${expect.id} ("${expect.cmd}"): out of order, repeated or unknown`);
  }
  if (obj.ok === true && !Object.hasOwn(obj, 'result')) throw new ProtocolError(side, `response to "${expect.cmd}" has ok: true but no result`);
  const envelope = (obj.ok === true ? okSchema : failedSchema).safeParse(obj);
  if (!envelope.success) throw new ProtocolError(side, `response to "${expect.cmd}" does not match the response shape: ${issueOf(envelope.error)}`);
  const res = envelope.data as Response;
  if (res.ok) checkResult(side, expect.cmd, res.result);
  return res;
}

/** Check the results the session relies on (hello, init); a hello of another protocol is left to the version check. */
function checkResult(side: string, cmd: CommandName, result: unknown): void {
  const schema = RESULT_SCHEMAS[cmd];
  if (!schema) return;
  if (cmd === 'hello' && typeof (result as { protocol?: unknown })?.protocol === 'number' && (result as { protocol: number }).protocol !== PROTOCOL_VERSION) return;
  const r = schema.safeParse(result);
  if (!r.success) throw new ProtocolError(side, `result of "${cmd}" does not match its schema: ${issueOf(r.error)}`);
}

/** Why a parsed value must not be used: nested deeper than MAX_RESPONSE_DEPTH or holding a "__proto__" key; else null. */
export function unsafeShape(value: unknown): string | null {
  // Iterative: a hostile line of 4 MiB of "[" must not overflow the stack.
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_RESPONSE_DEPTH) return `nested deeper than ${MAX_RESPONSE_DEPTH} levels`;
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, depth: depth + 1 });
      continue;
    }
    for (const k of Object.keys(v)) {
      if (k === '__proto__') return 'it holds a "__proto__" key';
      stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1 });
    }
  }
  return null;
}

/** The first issue of a zod error, with its path. */
function issueOf(e: z.ZodError): string {
  const i = e.issues[0];
  return `${i?.path.length ? i.path.join('.') : 'response'}: ${i?.message ?? 'invalid'}`;
}

/** A short, printable, secret-free excerpt of what the agent sent (control and binary bytes escaped). */
export function preview(s: string, max = 120): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  const escaped = JSON.stringify(cut).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return redactArgv([escaped])[0]!;
}
