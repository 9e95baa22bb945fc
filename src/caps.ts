// What a side can do, read off its target: the backend's capabilities, or the libc ones for older records.
import { LIBC_CAPS } from '../native-bindings/libc-backend.js';
import type { BackendCaps, BackendName, CapabilityName } from '../native-bindings/backend.js';
import type { TargetInfo } from './protocol/results.js';
import type { SideName } from './transport/spec.js';
import type { IoMode } from './modes.js';

/** The backend of a target (libc when the record predates backends). */
export function backendOf(t: Pick<TargetInfo, 'backend'>): BackendName {
  return t.backend ?? 'libc';
}

/** The capabilities of a target's side. */
export function capsOf(t: Pick<TargetInfo, 'caps' | 'kind'>): BackendCaps {
  return t.caps ?? { ...LIBC_CAPS, files: t.kind === 'dir', blkflsbuf: t.kind === 'device', mountstats: t.kind === 'dir' };
}

/** A side that reaches its storage from userspace (no kernel client, no host page cache). */
export function isUserspace(t: Pick<TargetInfo, 'backend'>): boolean {
  return backendOf(t) !== 'libc';
}

/** What each capability means, for skip reasons ("needs <what>"). */
export const CAPABILITY_LABEL: Record<CapabilityName, string> = {
  pageCache: 'a host page cache', direct: 'O_DIRECT', files: 'scratch files in a directory', locks: 'file locks',
  fadvise: 'posix_fadvise/mincore on a page cache', blkflsbuf: 'a kernel block device (BLKFLSBUF)', setfl: 'fcntl(F_SETFL)',
  mountstats: 'kernel NFS mount statistics', openAs: 'opening as another user (setfsuid)',
  invalidate: 'a client cache the backend can invalidate (rbd_invalidate_cache)',
};

/** The first capability in `needs` a target lacks, or undefined. */
export function missingCapability(t: Pick<TargetInfo, 'caps' | 'kind'>, needs: readonly CapabilityName[]): CapabilityName | undefined {
  const caps = capsOf(t);
  return needs.find((n) => !caps[n]);
}


/** The reason a variant cannot run because a side lacks a capability it needs, or undefined when both have them. */
export function lacking(targets: Record<SideName, TargetInfo>, needs: Partial<Record<SideName, readonly CapabilityName[]>>): string | undefined {
  for (const side of ['a', 'b'] as const) {
    const t = targets[side];
    const missing = missingCapability(t, needs[side] ?? []);
    if (missing) return `needs ${CAPABILITY_LABEL[missing]} on side ${side}; side ${side} (${describe(t)}) has none`;
  }
  return undefined;
}

function describe(t: TargetInfo): string {
  const b = backendOf(t);
  return b === 'libc' ? `${t.kind === 'device' ? 'block device' : t.fsType} ${t.path}` : `${b}, userspace, ${t.path}`;
}

/** What QEMU's driver does to this side's client cache on activation (BackendCaps.activation, with its default). */
export function activationOf(t: Pick<TargetInfo, 'caps' | 'kind'>): 'fadvise' | 'invalidate' | 'none' {
  const c = capsOf(t);
  return c.activation ?? (c.pageCache ? 'fadvise' : 'none');
}

/** The mode a side really runs: without a host page cache there is nothing for O_DIRECT to bypass (none≡writeback, directsync≡writethrough). */
export function effectiveMode(mode: IoMode, t: Pick<TargetInfo, 'caps' | 'kind'>): IoMode {
  if (capsOf(t).pageCache) return mode;
  return mode === 'none' ? 'writeback' : mode === 'directsync' ? 'writethrough' : mode;
}
