// The agent's detect and mountstats commands: describe a path without opening it; count a mount's NFS RPCs.
import { resolve } from 'node:path';
import type { Args } from '../protocol/commands.js';
import { AgentFailure } from '../agent/failure.js';
import type { AgentState } from '../agent/state.js';
import { describeStack, realPath, stackDetails } from './details.js';
import { nfsOpsFor, readMountstats } from './mountstats.js';
import type { DetectResult, MountstatsResult } from './types.js';

const S_IFMT = 0o170000, S_IFDIR = 0o040000, S_IFBLK = 0o060000;

/** detect: what the path is (directory, device, missing), its filesystem, stack class and details; opens nothing. */
export function detect(st: AgentState, a: Args<'detect'>): DetectResult {
  const path = resolve(a.target);
  const { res, stat } = st.posix.statx(path);
  if (!res.ok || !stat) {
    if (res.errnoName === 'ENOENT' || res.errnoName === 'ENOTDIR') {
      return { path, kind: 'missing', fsType: '', stack: 'other', dev: '', details: { notes: [`${path} does not exist: create the directory on the storage under test, or name an existing block device`] } };
    }
    const why = res.errnoName === 'EACCES' ? 'permission denied: run as a user who may search every directory on the way' : `cannot be examined (${res.errnoName})`;
    throw new AgentFailure(res.errnoName || 'ETARGET', `${path}: ${why}`, res.errno, res.errnoName);
  }
  const type = stat.mode & S_IFMT;
  const kind = type === S_IFDIR ? 'dir' : type === S_IFBLK ? 'device' : 'other';
  const dev = kind === 'device' ? `${stat.rdevMajor}:${stat.rdevMinor}` : `${stat.devMajor}:${stat.devMinor}`;
  const details = stackDetails({ path: realPath(path), kind, dev });
  let magic = 0;
  if (kind !== 'device') {
    const fs = st.posix.statfs(path);
    if (fs.res.ok) magic = fs.fsType;
    else details.notes.push(`statfs ${path} failed (${fs.res.errnoName}): the filesystem type comes from mountinfo only`);
  }
  if (kind === 'other') details.notes.push(`${path} is neither a directory nor a block device: coprobe run needs a directory on the storage under test, or a block device`);
  return { path, kind, ...describeStack(kind, magic, details, dev), dev, details };
}

/** mountstats: per-op RPC counts of the init'ed target's NFS mount; fails with ENOTNFS when the target is not on NFS. */
export function mountstats(st: AgentState): MountstatsResult {
  const t = st.requireTarget();
  const notNfs = () => new AgentFailure('ENOTNFS', `${t.path} is not on NFS (${t.kind === 'device' ? 'a block device' : t.fsType}): mountstats counts NFS RPCs only; skip RPC evidence on this side`);
  if (t.kind !== 'dir' || t.stack !== 'nfs') throw notNfs();
  const found = nfsOpsFor(readMountstats(), realPath(t.path));
  if (!found) throw notNfs();
  return found;
}
