// Storage-side counters a proof read samples just before and just after itself: did the read reach the storage?
import { existsSync, readFileSync } from 'node:fs';
import type { ReadCounters } from '../blocks/tally.js';
import { realPath } from '../detect/details.js';
import { nfsReadCountersFor, readMountstats } from '../detect/mountstats.js';
import type { AgentState } from './state.js';

/** Reads one set of counters; a string says why it could not (the file went away, an unreadable line). */
export interface CounterSampler {
  /** "mountstats /mnt/x" or "sysfs /sys/dev/block/7:0/stat". */
  source: string;
  sample(): Record<string, number> | string;
}

/** The sampler for this side's target, or why there are no counters for it (never throws). */
export function counterSampler(st: AgentState): CounterSampler | { unavailable: string } {
  const t = st.target;
  if (!t) return { unavailable: 'no target' };
  if (st.io.name === 'libiscsi') return { unavailable: 'libiscsi has no host page cache: every read is a SCSI READ' };
  if (st.io.name === 'libnfs') {
    return { unavailable: st.io.caps.pageCache
      ? 'libnfs is a userspace NFS client with its own cache: no kernel counter (mountstats, sysfs) sees its RPCs'
      : 'libnfs has no host page cache: every read is an NFS READ' };
  }
  if (t.kind === 'dir' && (t.stack === 'nfs' || /^nfs/.test(t.fsType))) {
    const path = realPath(t.path);
    const first = nfsReadCountersFor(readMountstats(), path);
    if (!first) return { unavailable: `no NFS section for ${path} in /proc/self/mountstats` };
    return {
      source: `mountstats ${first.mountPoint}`,
      sample: () => nfsReadCountersFor(readMountstats(), path)?.values ?? `the NFS mount holding ${path} left /proc/self/mountstats`,
    };
  }
  // A block device (st_rdev), or a directory on a filesystem over one (st_dev: ext4 on a loop device, a cluster fs).
  const stat = sysfsStatPath(t.dev);
  if (stat) return { source: `sysfs ${stat}`, sample: () => readBlockStat(stat) };
  const what = t.kind === 'device' ? `block device ${t.dev}` : t.fsType;
  return { unavailable: `no storage counters for ${what}${t.kind === 'dir' ? ` (st_dev ${t.dev} has no /sys/dev/block entry)` : ''}` };
}

/** /sys/dev/block/M:m/stat of a "major:minor" when it exists (major 0 — NFS, FUSE, tmpfs, btrfs — never has one). */
export function sysfsStatPath(dev: string): string | undefined {
  const m = /^(\d+):(\d+)$/.exec(dev);
  if (!m || m[1] === '0') return undefined;
  const p = `/sys/dev/block/${m[1]}:${m[2]}/stat`;
  return existsSync(p) ? p : undefined;
}

/** Read I/Os and sectors read from a block device's stat text (Documentation/block/stat.rst fields 1 and 3). */
export function parseBlockStat(text: string): Record<string, number> | string {
  const f = text.trim().split(/\s+/).map(Number);
  if (f.length < 3 || !Number.isFinite(f[0]) || !Number.isFinite(f[2])) return `unreadable block stat line ${JSON.stringify(text.trim().slice(0, 80))}`;
  return { readIos: f[0]!, readSectors: f[2]! };
}

function readBlockStat(path: string): Record<string, number> | string {
  try { return parseBlockStat(readFileSync(path, 'utf8')); } catch (err) { return `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`; }
}

/** [before, after] of every counter both samples have. */
export function pairCounters(source: string, before: Record<string, number>, after: Record<string, number>): ReadCounters {
  const values: Record<string, [number, number]> = {};
  for (const [k, v] of Object.entries(before)) {
    const w = after[k];
    if (w !== undefined) values[k] = [v, w];
  }
  return { source, values };
}
