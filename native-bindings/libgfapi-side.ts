// One initialised glfs_t (a GlusterFS client graph in this process) as a SideBackend, opening files as QEMU's gluster
// driver (block/gluster.c) does: O_DIRECT only for cache=none/directsync (BDRV_O_NOCACHE), never O_DSYNC; write-through
// as QEMU's block layer emulates it for a driver without FUA (a flush after every write); flush = FSYNC (glfs_fsync, the
// synchronous twin of QEMU's glfs_fsync_async).
import koffi from 'koffi';
import { posix as ppath } from 'node:path';
import type { BackendCaps, BackendStat, OpenSpec, SideBackend } from './backend.js';
import { callResult, refused } from './call.js';
import { nowUs } from './clock.js';
import { linuxConstants } from './constants.js';
import type { CallResult } from './posix.js';
import { STAT_SIZE, decodeStat, type GfapiFunctions } from './libgfapi-lib.js';

const EBADF = 9, EFAULT = 14, EINVAL = 22;

/**
 * What a libgfapi side declares. pageCache: the client graph's performance translators (write-behind, quick-read,
 * open-behind, md-cache; io-cache and read-ahead when loaded) are this side's client cache, and QEMU's O_DIRECT open is a
 * different mode from a buffered one (write-behind honours O_DIRECT only with strict-o-direct; quick-read ignores it).
 * No invalidation: QEMU's gluster driver has no invalidate_cache hook, so an incoming migration drops nothing.
 */
export const LIBGFAPI_CAPS: BackendCaps = Object.freeze({
  pageCache: true, direct: true, files: true, locks: false, fadvise: false, blkflsbuf: false, setfl: false,
  mountstats: false, openAs: false, invalidate: false, activation: 'none',
  flush: 'glfs_fsync (FSYNC through write-behind to the brick)',
  syncWrite: 'glfs_pwrite then glfs_fsync (QEMU emulates write-through with a flush after each write: its gluster driver takes no FUA flag and never opens O_DSYNC)',
});

/** One open file: the glfs_fd_t, its path inside the volume, and whether each write is followed by a flush (write-through). */
interface OpenFile { fd: unknown; path: string; writeThrough: boolean }

/** The SideBackend over one glfs_t; handles are small integers mapping to glfs_fd_t pointers. */
export class GfapiSide implements SideBackend {
  readonly name = 'libgfapi' as const;
  readonly caps = LIBGFAPI_CAPS;
  onCall: ((r: CallResult) => void) | undefined;
  private readonly handles = new Map<number, OpenFile>();
  private nextHandle = 1;
  private fs: unknown;
  private readonly st = new Uint8Array(STAT_SIZE);
  private readonly k: { O_RDONLY: number; O_RDWR: number; O_CREAT: number; O_DIRECT: number };

  /** dir: the directory inside the volume that relative paths are resolved against ("/" or "/sub/dir"). */
  constructor(private readonly fns: GfapiFunctions, fs: unknown, readonly dir: string) {
    this.fs = fs;
    const k = linuxConstants();
    if ('reason' in k) throw new Error(`libgfapi: ${k.reason}`);
    this.k = k;
  }

  private emit(r: CallResult): CallResult { this.onCall?.(r); return r; }

  /** A finished glfs call: failure is a negative return (or NULL), errno read right after it by the caller. */
  private done(call: string, t0: number, ret: number, errno: number): CallResult {
    return this.emit(callResult(call, t0, ret < 0 ? -1 : ret, errno));
  }

  /** A path inside the volume: absolute paths are from the volume root, others relative to this.dir. */
  private resolve(path: string): string {
    return path.startsWith('/') ? ppath.normalize(path) : ppath.join(this.dir, path);
  }

  private file(call: string, fd: number): { f: OpenFile } | { bad: CallResult } {
    if (!this.fs) return { bad: this.emit(refused(call, EBADF, 'the GlusterFS client is disconnected (glfs_fini done)')) };
    const f = this.handles.get(fd);
    return f ? { f } : { bad: this.emit(refused(call, EBADF, `no open handle ${fd}`)) };
  }

  /**
   * glfs_open (glfs_creat with O_CREAT and mode 0600 when asked) with QEMU's flags: O_RDWR (O_RDONLY for a read-only
   * open), O_DIRECT when direct. dsync adds no flag: QEMU's write-through on gluster is a flush after each write.
   */
  open(o: OpenSpec): CallResult {
    const k = this.k;
    const flags = (o.readOnly ? k.O_RDONLY : k.O_RDWR) | (o.direct ? k.O_DIRECT : 0) | (o.create ? k.O_CREAT : 0);
    const names = [o.readOnly ? 'O_RDONLY' : 'O_RDWR', o.create ? 'O_CREAT' : '', o.direct ? 'O_DIRECT' : ''].filter(Boolean).join('|');
    const call = `${o.create ? 'glfs_creat' : 'glfs_open'}(${names})`;
    if (!this.fs) return this.emit(refused(call, EBADF, 'the GlusterFS client is disconnected (glfs_fini done)'));
    const path = this.resolve(o.path);
    const t0 = nowUs();
    const fd = o.create ? this.fns.glfs_creat(this.fs, path, flags, 0o600) : this.fns.glfs_open(this.fs, path, flags);
    const errno = koffi.errno();
    if (!fd) return this.emit(callResult(call, t0, -1, errno, `${path}`));
    const h = this.nextHandle++;
    this.handles.set(h, { fd, path, writeThrough: o.dsync });
    return this.emit(callResult(call, t0, h, 0));
  }

  /** glfs_close: write-behind's pending writes are flushed (FLUSH) before RELEASE; the handle is gone either way. */
  close(fd: number): CallResult {
    const h = this.file('glfs_close', fd);
    if ('bad' in h) return h.bad;
    this.handles.delete(fd);
    const t0 = nowUs();
    const rc = Number(this.fns.glfs_close(h.f.fd));
    return this.done('glfs_close', t0, rc, koffi.errno());
  }

  /** glfs_pread into native memory at ptr, until len bytes or end of file. */
  pread(fd: number, ptr: unknown, len: number, off: number): CallResult { return this.transfer(false, fd, ptr, len, off); }

  /** glfs_pwrite from native memory at ptr; on a write-through handle followed by glfs_fsync, as QEMU's block layer does. */
  pwrite(fd: number, ptr: unknown, len: number, off: number): CallResult {
    const w = this.transfer(true, fd, ptr, len, off);
    const f = this.handles.get(fd);
    if (!w.ok || !f?.writeThrough) return w;
    const s = this.sync('glfs_fsync (write-through)', f, false);
    return s.ok ? w : { ...s, call: 'glfs_pwrite+glfs_fsync (write-through)' };
  }

  private transfer(write: boolean, fd: number, ptr: unknown, len: number, off: number): CallResult {
    const call = write ? 'glfs_pwrite' : 'glfs_pread';
    const h = this.file(call, fd);
    if ('bad' in h) return h.bad;
    if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0) {
      return this.emit(refused(call, EINVAL, `offset ${off} and length ${len} must be non-negative integers`));
    }
    let addr: bigint;
    try { addr = BigInt(koffi.address(ptr)); } catch { addr = 0n; }
    if (addr === 0n && len > 0) return this.emit(refused(call, EFAULT, 'the buffer must be native memory (a koffi pointer, e.g. allocAligned().ptr)'));
    const t0 = nowUs();
    let done = 0;
    while (done < len) {
      const at = addr + BigInt(done);
      const n = len - done;
      const rc = Number(write ? this.fns.glfs_pwrite(h.f.fd, at, n, off + done, 0, null, null) : this.fns.glfs_pread(h.f.fd, at, n, off + done, 0, null));
      const errno = koffi.errno();
      if (rc < 0) return this.done(call, t0, rc, errno);
      if (rc === 0) break; // end of file (read) or nothing accepted (write): a short transfer
      done += rc;
    }
    return this.emit(callResult(call, t0, done, 0));
  }

  /** glfs_fsync: write-behind sends what it holds, then FSYNC reaches the brick. */
  fsync(fd: number): CallResult {
    const h = this.file('glfs_fsync', fd);
    return 'bad' in h ? h.bad : this.sync('glfs_fsync', h.f, false);
  }

  /** glfs_fdatasync: FSYNC with the data-only flag. */
  fdatasync(fd: number): CallResult {
    const h = this.file('glfs_fdatasync', fd);
    return 'bad' in h ? h.bad : this.sync('glfs_fdatasync', h.f, true);
  }

  private sync(call: string, f: OpenFile, dataOnly: boolean): CallResult {
    const t0 = nowUs();
    const rc = Number(dataOnly ? this.fns.glfs_fdatasync(f.fd, null, null) : this.fns.glfs_fsync(f.fd, null, null));
    return this.done(call, t0, rc, koffi.errno());
  }

  /** glfs_ftruncate (FTRUNCATE after write-behind's pending writes). */
  ftruncate(fd: number, size: number): CallResult {
    const h = this.file('glfs_ftruncate', fd);
    if ('bad' in h) return h.bad;
    if (!Number.isSafeInteger(size) || size < 0) return this.emit(refused('glfs_ftruncate', EINVAL, `size ${size} must be a non-negative integer`));
    const t0 = nowUs();
    const rc = Number(this.fns.glfs_ftruncate(h.f.fd, size, null, null));
    return this.done('glfs_ftruncate', t0, rc, koffi.errno());
  }

  /**
   * glfs_fstat of an open file. It passes through md-cache (and write-behind's size view), so it may be answered from this
   * client's cache for md-cache-timeout; gfapi has no forced-sync flag, so `sync` cannot be honoured (sizeOnly is moot).
   */
  fstat(fd: number): { res: CallResult; stat?: BackendStat } {
    const h = this.file('glfs_fstat', fd);
    if ('bad' in h) return { res: h.bad };
    const t0 = nowUs();
    const rc = Number(this.fns.glfs_fstat(h.f.fd, this.st));
    const res = this.done('glfs_fstat', t0, rc, koffi.errno());
    return res.ok ? { res, stat: decodeStat(this.st) } : { res };
  }

  /** glfs_stat of a path inside the volume (LOOKUP, possibly from md-cache). */
  stat(path: string): { res: CallResult; stat?: BackendStat } {
    if (!this.fs) return { res: this.emit(refused('glfs_stat', EBADF, 'the GlusterFS client is disconnected (glfs_fini done)')) };
    const t0 = nowUs();
    const rc = Number(this.fns.glfs_stat(this.fs, this.resolve(path), this.st));
    const res = this.done('glfs_stat', t0, rc, koffi.errno());
    return res.ok ? { res, stat: decodeStat(this.st) } : { res };
  }

  /** glfs_unlink of a path inside the volume. */
  unlink(path: string): CallResult {
    if (!this.fs) return this.emit(refused('glfs_unlink', EBADF, 'the GlusterFS client is disconnected (glfs_fini done)'));
    const t0 = nowUs();
    const rc = Number(this.fns.glfs_unlink(this.fs, this.resolve(path)));
    return this.done('glfs_unlink', t0, rc, koffi.errno());
  }

  /** glfs_chmod of a path inside the volume. */
  chmod(path: string, mode: number): CallResult {
    if (!this.fs) return this.emit(refused('glfs_chmod', EBADF, 'the GlusterFS client is disconnected (glfs_fini done)'));
    const t0 = nowUs();
    const rc = Number(this.fns.glfs_chmod(this.fs, this.resolve(path), mode));
    return this.done('glfs_chmod', t0, rc, koffi.errno());
  }

  /** glfs_fchmod of an open file. */
  fchmod(fd: number, mode: number): CallResult {
    const h = this.file('glfs_fchmod', fd);
    if ('bad' in h) return h.bad;
    const t0 = nowUs();
    const rc = Number(this.fns.glfs_fchmod(h.f.fd, mode));
    return this.done('glfs_fchmod', t0, rc, koffi.errno());
  }

  /**
   * Close open handles and glfs_fini the client (which waits for background frames; glusterfs 9+ spends seconds there,
   * gluster/glusterfs#2606); never throws, idempotent. When the agent is exiting, glfs_fini is skipped once every handle
   * is closed (glfs_close flushes write-behind): process exit closes the client's sockets, and the run ends 10 s sooner.
   */
  disconnect(exiting = false): void {
    const fs = this.fs;
    if (!fs) return;
    this.fs = undefined;
    for (const f of this.handles.values()) {
      try { this.fns.glfs_close(f.fd); } catch { /* the connection may be gone */ }
    }
    this.handles.clear();
    if (exiting) return;
    try { this.fns.glfs_fini(fs); } catch { /* idem */ }
  }
}
