// The ProbeContext handed to a probe's steps: both sides' agents, the scratch file, the generation counter.
import type { Args, CommandName } from '../protocol/commands.js';
import type { FlushResult, ReadSummary, TargetInfo } from '../protocol/results.js';
import type { Reply } from '../transport/client.js';
import type { SideName } from '../transport/spec.js';
import { MODE_TRAITS, type IoMode } from '../modes.js';
import { StepFailure, type ProbeContext, type ProbeOptions, type Variant } from '../probe.js';
import type { PollResult } from '../protocol/results.js';
import { sideCommandArgv } from '../transport/spec.js';
import type { SideSession } from './session.js';
import { capsOf } from '../caps.js';
import { profileKeyOf } from '../verdict/profiles.js';
import { gapOnTimelineUs, timelineOffsets } from './clock.js';
import type { TranscriptEntry } from '../protocol/messages.js';
import { runHostCommand } from './host-command.js';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** Errnos that say the storage has no room (or no quota) for what the variant writes: UNSUPPORTED, not a violated claim. */
const NO_ROOM: Record<string, string> = {
  ENOSPC: 'no space left on the target', EDQUOT: 'disk quota exceeded on the target', EFBIG: 'the file would exceed the target\'s size limit',
};
/** Commands that name the scratch file by path: ENOENT there means it is gone (or this side cannot see it). */
const BY_PATH = new Set<CommandName>(['open', 'chmod', 'unlink', 'statPath']);
/** What an errno that should not happen mid-run means, for the FAIL's reason. */
const FAILED_HINT: Record<string, string> = {
  EROFS: 'the target is read-only now', EACCES: 'permission denied to the user this side runs as', EPERM: 'operation not permitted to the user this side runs as',
};
/** Commands that write or allocate, where a full target shows. */
const WRITING = new Set<CommandName>(['open', 'write', 'workload', 'fsync', 'fdatasync', 'close', 'reopen', 'truncate']);

/** Build the context of one probe run. */
export function makeContext(o: {
  sides: Record<SideName, SideSession>; variant: Variant; blocks: number; blockSize: number; file: string; nextGen: () => number; timeoutMs: number; options: ProbeOptions;
  /** The run id the agents were initialised with (a reconnection re-sends it). */
  runId: string;
}): ProbeContext {
  const targets = { a: o.sides.a.target, b: o.sides.b.target };
  const fileFor = (t: TargetInfo) => (t.kind === 'dir' ? { file: o.file } : {});
  const withFile = (side: SideName, cmd: CommandName, args: object) =>
    cmd === 'open' || cmd === 'unlink' || cmd === 'chmod' || cmd === 'statPath' ? { ...args, ...fileFor(targets[side]) } : args;

  const call = <K extends CommandName>(side: SideName, cmd: K, args: Omit<Args<K>, 'file'>, extraMs = 0) =>
    o.sides[side].client.call<unknown>(cmd, withFile(side, cmd, args), o.timeoutMs + extraMs);

  async function step<K extends CommandName>(side: SideName, cmd: K, args: Omit<Args<K>, 'file'>) {
    const extra = extraTimeMs(cmd, args, o.options);
    const r = await call(side, cmd, args, extra);
    if (r.ok) return r;
    const mode = (args as { mode?: IoMode }).mode;
    if (cmd === 'open' && mode && MODE_TRAITS[mode].direct && r.error.errnoName === 'EINVAL') {
      throw new StepFailure(`side ${side}: ${r.error.message} (O_DIRECT not supported here)`, 'UNSUPPORTED');
    }
    if (cmd === 'setDirect' && r.error.errnoName === 'EINVAL') throw new StepFailure(`side ${side}: ${r.error.message} (O_DIRECT not supported here)`, 'UNSUPPORTED');
    if ((cmd === 'open' || cmd === 'reopen') && (r.error.code === 'EUIDSWITCH' || (r.error.code === 'EOPNOTSUPP' && (args as { uid?: number }).uid !== undefined))) {
      throw new StepFailure(`side ${side}: ${r.error.message}`, 'UNSUPPORTED');
    }
    if ((cmd === 'lock' || cmd === 'flock') && (r.error.errnoName === 'ENOLCK' || r.error.errnoName === 'EOPNOTSUPP')) {
      throw new StepFailure(`side ${side}: ${r.error.message} (locks not supported on this mount)`, 'UNSUPPORTED');
    }
    const room = NO_ROOM[r.error.errnoName ?? ''];
    if (room && WRITING.has(cmd)) {
      throw new StepFailure(`side ${side}: ${cmd}: ${r.error.message} (${room}: free space, or give a smaller --blocks/--image-size)`, 'UNSUPPORTED');
    }
    if (BY_PATH.has(cmd) && r.error.errnoName === 'ENOENT' && targets[side].kind === 'dir') {
      throw new StepFailure(`side ${side}: ${r.error.message}${await whoSees(side === 'a' ? 'b' : 'a')}`);
    }
    const hint = FAILED_HINT[r.error.errnoName ?? ''];
    throw new StepFailure(`side ${side}: ${r.error.message}${hint ? ` (${hint})` : ''}`);
  }

  /** After an open found the scratch file missing: whether the other side still sees it (a stale view) or not (removed). */
  async function whoSees(other: SideName): Promise<string> {
    const r = await call(other, 'statPath', { sizeOnly: true }).catch(() => undefined);
    if (!r) return '';
    if (r.ok) return ` (side ${other} still sees the file: this side's view of the directory is behind)`;
    if (r.error.errnoName === 'ENOENT') return ` (side ${other} does not see it either: the scratch file was removed, and not by coprobe)`;
    return '';
  }

  /** One attempt at connecting a side's agent to its target again: closeAll, init with the run's ids, the block size. */
  async function reinit(side: SideName): Promise<string | undefined> {
    const s = o.sides[side];
    await call(side, 'closeAll', {});
    // A device target got past init only because the user named it with --destroy-data-on-device.
    const init = await s.client.call('init', { target: s.spec.target, runId: o.runId, writerId: s.writerId, destroy: s.target.kind === 'device' }, o.timeoutMs);
    if (!init.ok) return init.error.message;
    const bs = await s.client.call('setBlockSize', { blockSize: o.blockSize }, o.timeoutMs);
    return bs.ok ? undefined : bs.error.message;
  }

  return {
    oneKernel: o.sides.a.hello.bootId === o.sides.b.hello.bootId && o.sides.a.hello.bootId !== 'unknown',
    variant: o.variant, blocks: o.blocks, blockSize: o.blockSize, stack: targets.b.stack, profile: profileKeyOf(targets.b).key,
    uncached: (side) => MODE_TRAITS[o.variant[side]].direct || !capsOf(targets[side]).pageCache, targets, options: o.options, file: o.file, timeoutMs: o.timeoutMs,
    nextGen: o.nextGen,
    commandOn: (side, argv) => sideCommandArgv(o.sides[side].spec, argv),
    async window(side, h, gen, first = 0, count = o.blocks) {
      const boundMs = o.options.windowMs;
      if (boundMs <= 0) return undefined;
      const r = await step(side, 'poll', { h, gen, first, count, writerId: o.sides.a.writerId, boundMs, intervalMs: 1 });
      const p = r.result as PollResult;
      return { fresh: p.fresh, elapsedUs: p.elapsedUs, polls: p.polls, boundMs };
    },
    async pollFresh(side, h, gen, p) {
      const reply = await step(side, 'poll', { h, gen, first: p.first ?? 0, count: p.count ?? o.blocks, writerId: o.sides.a.writerId, boundMs: p.boundMs, intervalMs: p.intervalMs }) as Reply<PollResult> & { ok: true };
      const r = reply.result;
      return { reply, window: { fresh: r.fresh, elapsedUs: r.elapsedUs, polls: r.polls, boundMs: p.boundMs } };
    },
    async open(side, h, mode, create = false, as) { await step(side, 'open', { h, mode, create, ...(as ? { uid: as.uid, gid: as.gid } : {}) }); },
    async write(side, h, gen, first = 0, count = o.blocks) { await step(side, 'write', { h, gen, first, count }); },
    flush: (side, h) => step(side, 'fsync', { h }) as Promise<Reply<FlushResult> & { ok: true }>,
    read: (side, h, gen, first = 0, count = o.blocks, opts) =>
      step(side, 'read', { h, gen, first, count, writerId: o.sides.a.writerId, ...(opts?.proof ? { proof: true } : {}) }) as Promise<Reply<ReadSummary> & { ok: true }>,
    async close(side, h) { await step(side, 'close', { h }); },
    call: (side, cmd, args) => call(side, cmd, args),
    step,
    gapUs(from, to) {
      if (!from.entry || !to.entry) return NaN;
      // Agent times on one timeline: each moved to the coordinator's clock by its side's offset (0 within one kernel).
      const offsets = timelineOffsets(o.sides);
      const sideOf = (e: TranscriptEntry): SideName => (o.sides.b.client.transcript.lastIndexOf(e) >= 0 ? 'b' : 'a');
      return gapOnTimelineUs(from.entry.t1, offsets[sideOf(from.entry)], to.entry.t0, offsets[sideOf(to.entry)]);
    },
    hostCommand: (command, timeoutMs) => runHostCommand(command, timeoutMs),
    async reconnect(side, boundMs) {
      const t0 = performance.now();
      for (let attempts = 1; ; attempts++) {
        const why = await reinit(side);
        const durationMs = Math.round(performance.now() - t0);
        if (why === undefined) return { attempts, durationMs };
        if (durationMs >= boundMs) throw new StepFailure(`side ${side}: could not connect to its target again within ${boundMs} ms (${attempts} attempts); last: ${why}`);
        await sleep(Math.min(250, Math.max(0, boundMs - durationMs)));
      }
    },
  };
}

/** Time a long command may take beyond the per-command timeout: its own bound, plus ~1 ms per block it streams. */
function extraTimeMs(cmd: CommandName, args: object, options: ProbeOptions): number {
  const a = args as { boundMs?: number; count?: number; plan?: { count: number; rounds: number } };
  // A flush (or a close/reopen that flushes) may have to write out a whole handoff image: 20 ms per MiB (50 MB/s).
  if (cmd === 'fsync' || cmd === 'fdatasync' || cmd === 'close' || cmd === 'reopen') return Math.ceil(options.handoffBytes / 2 ** 20) * 20;
  if (cmd === 'poll') return a.boundMs ?? 0;
  if (cmd === 'verify' || cmd === 'write') return (a.boundMs ?? 0) + (a.count ?? 0);
  if (cmd === 'workload') return a.plan ? a.plan.count * Math.max(1, a.plan.rounds) : 0;
  return 0;
}
