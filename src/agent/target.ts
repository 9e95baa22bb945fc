// init: find out what the target path is, and refuse what must not be written.
import { accessSync, constants as fsc, readFileSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Args } from '../protocol/commands.js';
import type { TargetInfo } from '../protocol/results.js';
import { describeStack, realPath, stackDetails } from '../detect/details.js';
import { AgentFailure, must } from './failure.js';
import type { AgentState } from './state.js';
import { detectSignature } from './signature.js';
import { deviceInUse } from './in-use.js';
import { schemeOf } from '../../native-bindings/backends.js';
import { LibcBackend } from '../../native-bindings/libc-backend.js';
import { connectTarget } from './connect.js';
import { removeOrphans } from './orphans.js';

const S_IFMT = 0o170000, S_IFDIR = 0o040000, S_IFBLK = 0o060000;

/** Inspect the target; a device is accepted only when the user named it with the destructive flag. */
export function inspectTarget(st: AgentState, a: Args<'init'>): TargetInfo {
  if (schemeOf(a.target)) return connectTarget(st, a);
  const info = inspectPath(st, a);
  st.useBackend(new LibcBackend(st.posix, info.kind));
  st.scratchDir = info.kind === 'dir' ? info.path : '';
  // Scratch files of crashed runs here: removed when their agents are all gone (orphans.ts).
  const removed = info.kind === 'dir' ? removeOrphans(info.path, a.runId).removed : [];
  return { ...info, backend: 'libc', caps: st.io.caps, ...(removed.length ? { removedScratch: removed } : {}) };
}

function inspectPath(st: AgentState, a: Args<'init'>): TargetInfo {
  const path = resolve(a.target);
  const { res, stat } = st.posix.statx(path);
  if (!res.ok || !stat) {
    const why = res.errnoName === 'ENOENT' ? 'does not exist' : res.errnoName === 'EACCES' ? 'permission denied' : `cannot be examined (${res.errnoName})`;
    throw new AgentFailure(res.errnoName || 'ETARGET', `${path} ${why}`, res.errno, res.errnoName);
  }
  const type = stat.mode & S_IFMT;
  if (type === S_IFDIR) return inspectDir(st, path, stat);
  if (type === S_IFBLK) return inspectDevice(st, path, stat, a.destroy);
  throw new AgentFailure('ETARGET', `${path} is neither a directory nor a block device: give a directory on the storage under test, or a block device`);
}

function inspectDir(st: AgentState, path: string, stat: NonNullable<ReturnType<AgentState['posix']['statx']>['stat']>): TargetInfo {
  try {
    accessSync(path, fsc.W_OK | fsc.X_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EACCES';
    throw new AgentFailure(code, `${path}: cannot create scratch files here (${code}): pick a writable directory or run as a user who may write it`);
  }
  const fs = st.posix.statfs(path);
  must(fs.res, `statfs ${path}`);
  const dev = `${stat.devMajor}:${stat.devMinor}`;
  const details = stackDetails({ path: realPath(path), kind: 'dir', dev });
  return {
    path, kind: 'dir', ...describeStack('dir', fs.fsType, details, dev), dev,
    logicalBlockSize: stat.dioOffsetAlign || 512, dioMemAlign: stat.dioMemAlign || 512, details,
  };
}

function inspectDevice(st: AgentState, path: string, stat: NonNullable<ReturnType<AgentState['posix']['statx']>['stat']>, destroy: boolean): TargetInfo {
  const p = st.posix;
  const inUse = deviceInUse(stat.rdevMajor, stat.rdevMinor);
  if (inUse) {
    throw new AgentFailure('EBUSY', `${path}: refusing to write, even with --destroy-data-on-device: ${inUse}; coprobe would overwrite its first blocks under whatever uses it: unmount or detach that first, or name a device nothing uses`);
  }
  const signature = detectSignature(path);
  if (!destroy) {
    const found = signature ? `it carries a signature (${signature}); ` : '';
    throw new AgentFailure('EDESTROY', `${path} is a block device: ${found}coprobe overwrites its first blocks; pass --destroy-data-on-device ${path} if that is what you want`);
  }
  const open = p.open(path, p.k.O_RDONLY | p.k.O_CLOEXEC);
  must(open, `open ${path}`);
  const lbs = p.blksszget(open.ret);
  const size = p.blkgetsize64(open.ret);
  p.close(open.ret);
  must(lbs.res, `${path}: logical block size`);
  const dev = `${stat.rdevMajor}:${stat.rdevMinor}`;
  return {
    path, kind: 'device', fsType: 'blockdev', stack: 'block', dev,
    logicalBlockSize: lbs.value, dioMemAlign: lbs.value, deviceSize: size.value,
    ...(signature ? { signature } : {}), details: stackDetails({ path: realPath(path), kind: 'device', dev }),
  };
}

/** The agent's network namespace as `{ netns: "net:[inode]" }`, or nothing when /proc does not say. */
export function netnsOf(): { netns?: string } {
  try { return { netns: readlinkSync('/proc/self/ns/net') }; } catch { return {}; }
}

/** The kernel's boot id: equal on two sides means one kernel and one page cache. */
export function bootId(): string {
  try { return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(); } catch { return 'unknown'; }
}
