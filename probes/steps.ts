// Step sequences several probes share: prime b's cache with one generation, rewrite on a, credit a remedy honestly.
import type { ClaimId } from '../src/claims.js';
import type { ClaimEvidence } from '../src/checks.js';
import type { ProbeContext } from '../src/probe.js';
import type { FlushResult, ReadSummary } from '../src/protocol/results.js';
import type { Reply } from '../src/transport/client.js';
import { allFresh } from '../src/blocks/tally.js';
import { bearsOn, type Bearing } from './rules.js';
import type { AccessProof } from '../src/checks.js';
import type { SideName } from '../src/transport/spec.js';
import { accessProof, directLeak } from '../src/access.js';
import { backendOf, capsOf } from '../src/caps.js';
import { MODE_TRAITS } from '../src/modes.js';

/** Blocks [first, first+count) of the probe's file. */
export interface Range { first: number; count: number }

type Flushed = Reply<FlushResult> & { ok: true };
type Read = Reply<ReadSummary> & { ok: true };

/** a creates the file, writes generation gen over `written` and flushes; b opens it and reads `read` (its cache may now hold gen). */
export async function prime(t: ProbeContext, gen: number, written: Range = { first: 0, count: t.blocks }, read: Range = written): Promise<{ flush: Flushed; read: Read }> {
  await t.open('a', 'f', t.variant.a, true);
  await t.write('a', 'f', gen, written.first, written.count);
  const flush = await t.flush('a', 'f');
  await t.open('b', 'f', t.variant.b);
  return { flush, read: await t.read('b', 'f', gen, read.first, read.count) };
}

/** b's per-op NFS RPC counts (mountstats), or undefined off a kernel NFS mount. */
export async function nfsOps(t: ProbeContext): Promise<Record<string, number> | undefined> {
  if (t.stack !== 'nfs') return undefined;
  const r = await t.call('b', 'mountstats', {});
  return r.ok ? (r.result as { ops: Record<string, number> }).ops : undefined;
}

/** A read whose path to the storage is proven: the agent samples the storage counters around it. */
export interface ProvedRead { read: Read; access: AccessProof }

/**
 * b (or `side`) reads [first, first+count) of handle h against gen, with the storage counters sampled around the read;
 * `direct` says whether that handle is O_DIRECT (default: the side's mode in this variant).
 */
export async function provedRead(t: ProbeContext, o: { gen: number; h?: string; side?: SideName; first?: number; count?: number; direct?: boolean }): Promise<ProvedRead> {
  const side = o.side ?? 'b';
  const first = o.first ?? 0;
  const count = o.count ?? t.blocks;
  const read = await t.read(side, o.h ?? 'f', o.gen, first, count, { proof: true });
  const target = t.targets[side];
  const userspace = capsOf(target).pageCache ? undefined : backendOf(target);
  const direct = (o.direct ?? MODE_TRAITS[t.variant[side]].direct) && !userspace;
  const leak = direct ? directLeak(target) : undefined;
  return { read, access: accessProof({ direct, ...(userspace ? { userspace } : {}), ...(leak ? { directLeak: leak } : {}), bytes: count * t.blockSize }, read.result) };
}

/** a writes generation gen over the range and flushes (skipped by the agent in mode unsafe). */
export async function rewrite(t: ProbeContext, gen: number, range: Range = { first: 0, count: t.blocks }): Promise<Flushed> {
  await t.write('a', 'f', gen, range.first, range.count);
  return t.flush('a', 'f');
}

/**
 * Claim evidence for a remedy: when b's control read before it was already fresh, the remedy had nothing stale to
 * remove and is credited with nothing (not applicable, with a note for the observed text); otherwise bearsOn.
 */
export function remedyEvidence(t: ProbeContext, o: {
  control?: ReadSummary; fresh: boolean; ignored: boolean; bearing: Bearing; remedy: string; what: string; access?: AccessProof;
}): { bears: ClaimEvidence[]; note: string } {
  if (o.control && allFresh(o.control)) {
    const why = `the control read before ${o.remedy} was already fresh: nothing stale to remove`;
    return { bears: (Object.keys(o.bearing) as ClaimId[]).map((claim) => ({ claim, status: 'not-applicable', why })), note: ` (${why})` };
  }
  return { bears: bearsOn(t, o.fresh, o.ignored, o.bearing, o.what, o.access), note: '' };
}
