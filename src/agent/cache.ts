// Handlers for flushes, cache invalidation and locks: the remedies the documents discuss.
import type { Args } from '../protocol/commands.js';
import type { FlushResult, ResidencyResult } from '../protocol/results.js';
import { MODE_TRAITS } from '../modes.js';
import { AgentFailure, must } from './failure.js';
import type { AgentState } from './state.js';
import { requireCap } from './capability.js';

/** fsync: flush a handle; skipped (ignored: true) in mode unsafe, as QEMU's cache=unsafe does. */
export function fsync(st: AgentState, a: Args<'fsync'>): FlushResult {
  const h = st.handle(a.h);
  if (MODE_TRAITS[h.mode].flushIgnored) return { ignored: true };
  must(st.io.fsync(h.fd), `fsync ${h.path}`);
  return { ignored: false };
}

/** fdatasync: as fsync, data only. */
export function fdatasync(st: AgentState, a: Args<'fdatasync'>): FlushResult {
  const h = st.handle(a.h);
  if (MODE_TRAITS[h.mode].flushIgnored) return { ignored: true };
  must(st.io.fdatasync(h.fd), `fdatasync ${h.path}`);
  return { ignored: false };
}

/** fadvise: posix_fadvise over a byte range (len 0 = to the end), e.g. DONTNEED as QEMU's drop-cache does. */
export function fadvise(st: AgentState, a: Args<'fadvise'>): object {
  const h = st.handle(a.h);
  requireCap(st, 'fadvise', `posix_fadvise(${a.advice})`);
  const k = st.posix.k;
  const advice = { dontneed: k.POSIX_FADV_DONTNEED, willneed: k.POSIX_FADV_WILLNEED, normal: k.POSIX_FADV_NORMAL }[a.advice];
  must(st.posix.fadvise(h.fd, a.offset, a.len, advice), `posix_fadvise(${a.advice}) ${h.path}`);
  return {};
}

/** lock: whole-file fcntl record lock, classic (process-owned) or OFD (descriptor-owned). */
export function lock(st: AgentState, a: Args<'lock'>): object {
  const h = st.handle(a.h);
  requireCap(st, 'locks', `${a.kind} lock`);
  const k = st.posix.k;
  const cmd = a.kind === 'ofd' ? (a.wait ? k.F_OFD_SETLKW : k.F_OFD_SETLK) : (a.wait ? k.F_SETLKW : k.F_SETLK);
  const type = { read: k.F_RDLCK, write: k.F_WRLCK, unlock: k.F_UNLCK }[a.type];
  must(st.posix.lock(h.fd, cmd, type), `${a.kind} ${a.type} lock on ${h.path}`);
  return {};
}

/** flock: BSD whole-file lock. */
export function flock(st: AgentState, a: Args<'flock'>): object {
  const h = st.handle(a.h);
  requireCap(st, 'locks', 'flock');
  const k = st.posix.k;
  const op = { shared: k.LOCK_SH, exclusive: k.LOCK_EX, unlock: k.LOCK_UN }[a.op] | (a.wait ? 0 : k.LOCK_NB);
  must(st.posix.flock(h.fd, op), `flock(${a.op}) on ${h.path}`);
  return {};
}

/** residency: how many pages of [0, len) are in the page cache (QEMU's x-check-cache-dropped). */
export function residency(st: AgentState, a: Args<'residency'>): ResidencyResult {
  const h = st.handle(a.h);
  requireCap(st, 'fadvise', 'mincore');
  const r = st.posix.residency(h.fd, a.len);
  must(r.res, `mincore ${h.path}`);
  return { pages: r.pages, resident: r.resident };
}

/** blkflsbuf: flush and invalidate a block device's buffer cache. */
export function blkflsbuf(st: AgentState, a: Args<'blkflsbuf'>): object {
  const h = st.handle(a.h);
  if (st.requireTarget().kind !== 'device') throw new AgentFailure('ENOTBLK', `BLKFLSBUF needs a block device; ${h.path} is a file`);
  requireCap(st, 'blkflsbuf', 'BLKFLSBUF');
  must(st.posix.blkflsbuf(h.fd), `ioctl(BLKFLSBUF) ${h.path}`);
  return {};
}

/** invalidate: the backend's own client-cache invalidation (librbd's rbd_invalidate_cache, as QEMU's rbd driver on activation). */
export function invalidate(st: AgentState, a: Args<'invalidate'>): object {
  const h = st.handle(a.h);
  requireCap(st, 'invalidate', 'client-cache invalidation');
  if (!st.io.invalidate) throw new AgentFailure('ENOTSUP', `${st.io.name} has no client cache to invalidate`);
  must(st.io.invalidate(h.fd), `invalidate cache of ${h.path}`);
  return {};
}
