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

/** Build the context of one probe run. */
export function makeContext(o: {
  sides: Record<SideName, SideSession>; variant: Variant; blocks: number; blockSize: number; file: string; nextGen: () => number; timeoutMs: number; options: ProbeOptions;
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
    if ((cmd === 'lock' || cmd === 'flock') && (r.error.errnoName === 'ENOLCK' || r.error.errnoName === 'EOPNOTSUPP')) {
      throw new StepFailure(`side ${side}: ${r.error.message} (locks not supported on this mount)`, 'UNSUPPORTED');
    }
    throw new StepFailure(`side ${side}: ${r.error.message}`);
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
    async open(side, h, mode, create = false) { await step(side, 'open', { h, mode, create }); },
    async write(side, h, gen, first = 0, count = o.blocks) { await step(side, 'write', { h, gen, first, count }); },
    flush: (side, h) => step(side, 'fsync', { h }) as Promise<Reply<FlushResult> & { ok: true }>,
    read: (side, h, gen, first = 0, count = o.blocks) =>
      step(side, 'read', { h, gen, first, count, writerId: o.sides.a.writerId }) as Promise<Reply<ReadSummary> & { ok: true }>,
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
