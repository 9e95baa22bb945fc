// What a run ran on, in words every renderer shares: each side's stack, host and details; one probe row's numbers.
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { renderBlock, renderMount, renderNfs } from '../detect/render.js';
import type { TargetInfo } from '../protocol/results.js';
import { backendOf, capsOf, isUserspace } from '../caps.js';
import type { SideName } from '../transport/spec.js';
import { variantLabel } from '../verdict/format.js';
import { describeCluster } from '../verdict/cluster.js';

/** What each userspace backend reaches. */
const USERSPACE_WHAT: Record<string, string> = { libiscsi: 'iSCSI LUN', libnfs: 'NFS export', librbd: 'Ceph RBD image', libgfapi: 'GlusterFS volume' };

/** What a side's target is, in a few words. */
function whatOf(t: TargetInfo): string {
  if (t.unavailable) return `${backendOf(t)} side, not available here`;
  if (isUserspace(t)) return `${USERSPACE_WHAT[backendOf(t)] ?? (t.kind === 'device' ? 'device' : 'directory')} through ${backendOf(t)} (userspace)`;
  return t.kind === 'device' ? `block device ${t.dev}` : `${t.fsType} (${t.dev})`;
}

/** A userspace side's own description, and what its missing page cache means for the modes; or why it cannot run. */
function userspaceLines(t: TargetInfo): string[] {
  if (t.unavailable) return [t.unavailable];
  if (!isUserspace(t)) return [];
  const c = capsOf(t);
  const lines = [t.userspace?.description ?? `${backendOf(t)} target`, `flush: ${c.flush}; write-through: ${c.syncWrite}`];
  if (!c.pageCache) lines.push('no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once');
  return lines;
}

/** The scratch files of crashed runs that this side's agent removed before the run. */
function removedLines(t: TargetInfo): string[] {
  const r = t.removedScratch ?? [];
  return r.length ? [`removed ${r.length} scratch file${r.length > 1 ? 's' : ''} left by crashed runs: ${r.join(', ')}`] : [];
}

/** This side's network namespace when the other side ran in another one of the same kernel (two NFS clients in one kernel). */
function netnsLines(run: RunRecord, n: SideName): string[] {
  const [me, other] = [run.sides[n].host, run.sides[n === 'a' ? 'b' : 'a'].host];
  if (!me.netns || !other.netns || me.netns === other.netns || me.bootId !== other.bootId) return [];
  return [`network namespace ${me.netns} (the other side's: ${other.netns}; one kernel)`];
}

/** One side: a summary line and the detail lines beneath it (mount, NFS options, block transport, backend, network namespace). */
export function describeSide(run: RunRecord, n: SideName): { summary: string; details: string[] } {
  const s = run.sides[n];
  const t = s.target;
  const d = t.details;
  const details = [
    ...(d?.mount ? [renderMount(d.mount, !!d.nfs)] : []), ...(d?.nfs ? [renderNfs(d.nfs)] : []),
    ...(d?.fuseSubtype ? [`fuse subtype: ${d.fuseSubtype}`] : []), ...(d?.block ? [renderBlock(d.block)] : []),
    ...(d?.cluster ? [describeCluster(d.cluster)] : []),
    ...userspaceLines(t), ...removedLines(t), ...netnsLines(run, n),
  ];
  const direct = s.direct || !capsOf(t).pageCache || t.unavailable ? '' : ', no O_DIRECT';
  return { summary: `${s.arg} — ${whatOf(t)}, stack ${t.stack}, on ${s.host.hostname}, kernel ${s.host.kernel}${direct}`, details };
}

/** "writeback→none [fadvise]" for a probe record. */
export function variantOf(r: ProbeRunRecord): string {
  return variantLabel(r.variant);
}

/** The numbers a table row shows for a probe run: judged block counts, fsync→read gap, and the note (reason or failed check). */
export function rowFacts(r: ProbeRunRecord): { counts: string; gap: string; note: string } {
  const judged = r.checks.find((c) => c.read && c.outcome !== 'PASS') ?? r.checks.find((c) => c.read);
  let counts = '-';
  if (judged?.read) {
    const c = judged.read.counts;
    counts = `${c.fresh}/${c.stale}/${judged.read.blocks - c.fresh - c.stale}`;
  }
  const gapCheck = r.checks.find((c) => c.fsyncToReadUs !== undefined && Number.isFinite(c.fsyncToReadUs));
  const gap = gapCheck ? `${(gapCheck.fsyncToReadUs! / 1000).toFixed(2)} ms` : '-';
  const bad = r.checks.find((c) => c.outcome === r.outcome && c.outcome !== 'PASS');
  const note = r.reason ?? (bad ? `${bad.sentence}: ${bad.observed}` : '');
  return { counts, gap, note };
}
