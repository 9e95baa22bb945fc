// The closed set of commands the coordinator may send an agent, one JSON object per line: {id, cmd, ...args}.
import { z } from 'zod';
import { IO_MODES } from '../modes.js';

/** A handle names an open file descriptor inside the agent ("f", "f2"). */
const handle = z.string().regex(/^[a-z][a-z0-9]{0,15}$/);
/** Scratch files are named by the tool: .coprobe-<run id>-<label>; nothing else may be opened inside a directory target. */
export const SCRATCH_RE = /^\.coprobe-[0-9a-f]{16}-[A-Za-z0-9._-]{1,64}$/;
const scratch = z.string().regex(SCRATCH_RE, 'not a coprobe scratch file name');
const mode = z.enum(IO_MODES as [string, ...string[]]);
const count = z.number().int().min(0).max(1 << 24);
const gen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const range = { h: handle, gen, first: count, count };
/** A user or group id to act as: 1..2^32-2 (not root, not the (uid_t)-1 that means "unchanged"). */
const id = z.number().int().min(1).max(0xfffffffe);
/** A handoff workload (src/blocks/workload.ts): every block's generation follows from these numbers. */
const plan = z.object({
  seed: z.number().int().min(0).max(0xffffffff), baseGen: gen, rounds: z.number().int().min(0).max(10_000), first: count, count,
}).strict();

const defs = {
  hello: {},
  ping: {},
  /** The agent's wall clock in µs (the clock its transcripts use): the coordinator measures the offset at connect. */
  clock: {},
  init: {
    target: z.string().min(1).max(4096),
    runId: z.string().regex(/^[0-9a-f]{16}$/),
    writerId: z.number().int().min(1).max(0xffffffff),
    /** The user named this block device with --destroy-data-on-device. */
    destroy: z.boolean(),
  },
  /** Stack detection for a path, without init: nothing is opened for writing, devices need no destroy flag. */
  detect: { target: z.string().min(1).max(4096) },
  /** Per-op RPC counts of the NFS mount holding the target (/proc/self/mountstats): did a read go to the server? */
  mountstats: {},
  setBlockSize: { blockSize: z.number().int().min(512).max(1 << 20) },
  /**
   * uid/gid: open with the file-system identity switched to that user (libc: setfsgid+setfsuid around open(2), restored
   * after; needs a root agent, else EUIDSWITCH; other backends refuse with EOPNOTSUPP). A kernel NFS client keeps that
   * credential for the descriptor's later RPCs. Both or neither.
   */
  open: { h: handle, file: scratch.optional(), mode, create: z.boolean(), readOnly: z.boolean().optional(), uid: id.optional(), gid: id.optional() },
  reopen: { h: handle, mode: mode.optional() },
  close: { h: handle },
  closeAll: {},
  cleanup: {},
  write: range,
  /** proof: sample the storage-side counters (NFS mountstats, a block device's sysfs stat) just before and after the read. */
  read: { ...range, writerId: z.number().int().optional(), proof: z.boolean().optional() },
  poll: { ...range, writerId: z.number().int().optional(), boundMs: z.number().int().min(0).max(3_600_000), intervalMs: z.number().int().min(0).max(10_000) },
  /** Run a workload's rounds (each round's blocks in ascending runs), fsync after every flushEvery rounds (0: never). */
  workload: { h: handle, plan, flushEvery: z.number().int().min(0).max(10_000) },
  /** Read and classify [first, first+count) against the plan's generations, streaming; poll up to boundMs until fresh. */
  verify: { h: handle, plan, first: count, count, writerId: z.number().int().optional(), boundMs: z.number().int().min(0).max(3_600_000) },
  fsync: { h: handle },
  fdatasync: { h: handle },
  fadvise: { h: handle, advice: z.enum(['dontneed', 'willneed', 'normal']), offset: count, len: count },
  lock: { h: handle, kind: z.enum(['posix', 'ofd']), type: z.enum(['read', 'write', 'unlock']), wait: z.boolean() },
  flock: { h: handle, op: z.enum(['shared', 'exclusive', 'unlock']), wait: z.boolean() },
  setDirect: { h: handle, direct: z.boolean() },
  truncate: { h: handle, size: z.number().int().min(0) },
  /**
   * statx of a handle; sizeOnly asks for STATX_SIZE alone (no atime: an NFS client may answer from its attribute cache);
   * sync adds AT_STATX_FORCE_SYNC (the NFS client must send a GETATTR; userspace backends ignore it: no attribute cache).
   */
  stat: { h: handle, sizeOnly: z.boolean().optional(), sync: z.boolean().optional() },
  /** statx of a scratch file by path. */
  statPath: { file: scratch, sizeOnly: z.boolean().optional() },
  /** fchmod on an open handle (a metadata change made by b itself). */
  fchmod: { h: handle, mode: z.number().int().min(0).max(0o7777) },
  residency: { h: handle, len: count },
  blkflsbuf: { h: handle },
  /** The backend's own client-cache invalidation on a handle (librbd rbd_invalidate_cache; caps.invalidate). */
  invalidate: { h: handle },
  unlink: { file: scratch },
  chmod: { file: scratch, mode: z.number().int().min(0).max(0o7777) },
} as const;

export type CommandName = keyof typeof defs;
export const COMMAND_NAMES = Object.keys(defs) as CommandName[];

const schemas = Object.fromEntries(
  Object.entries(defs).map(([name, shape]) => [name, z.object({ id: z.number().int().min(0), cmd: z.literal(name), ...shape }).strict()]),
) as unknown as Record<CommandName, z.ZodType>;

/** The arguments of command K (without id and cmd). */
export type Args<K extends CommandName> = z.infer<z.ZodObject<(typeof defs)[K]>>;
/** A validated request. */
export type Request = { [K in CommandName]: { id: number; cmd: K } & Args<K> }[CommandName];

/** Why a line was not a valid request. */
export interface RequestError { id: number | null; code: 'EPARSE' | 'EUNKNOWN' | 'EINVALID'; message: string }

/** Parse and validate one request line; never throws. */
export function parseRequest(line: string): { ok: true; req: Request } | { ok: false; error: RequestError } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: { id: null, code: 'EPARSE', message: `malformed JSON: ${(err as Error).message}` } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: { id: null, code: 'EPARSE', message: 'a request must be a JSON object' } };
  }
  const obj = raw as Record<string, unknown>;
  const id = typeof obj.id === 'number' && Number.isInteger(obj.id) ? obj.id : null;
  const cmd = obj.cmd;
  if (typeof cmd !== 'string' || !Object.hasOwn(schemas, cmd)) {
    return { ok: false, error: { id, code: 'EUNKNOWN', message: `unknown command ${JSON.stringify(cmd)}; known: ${COMMAND_NAMES.join(', ')}` } };
  }
  const parsed = schemas[cmd as CommandName].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'request';
    return { ok: false, error: { id, code: 'EINVALID', message: `${cmd}: ${where}: ${issue?.message ?? 'invalid'}` } };
  }
  return { ok: true, req: parsed.data as Request };
}
