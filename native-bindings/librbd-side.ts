// One side's librbd access as a SideBackend, modelling QEMU's rbd driver (block/rbd.c): a rados cluster connection per
// rbd_cache setting (O_DIRECT opens: rbd_cache=false; buffered opens: rbd_cache=true, set after ceph.conf and the URL's
// options), each with its own image handle; rbd_flush as flush; write-through (O_DSYNC) as rbd_write then rbd_flush, the
// way QEMU's block layer emulates FUA for a driver without it; rbd_invalidate_cache as the activation hook.
// After every open, write, read and flush the image's exclusive-lock ownership is checked (a local call) and each change
// is reported as an rbd_is_exclusive_lock_owner call (ret 1 = this client owns it) in the transcript.
import koffi from 'koffi';
import type { BackendCaps, BackendStat, OpenSpec, SideBackend } from './backend.js';
import { callResult, refused } from './call.js';
import { nowUs } from './clock.js';
import type { CallResult } from './posix.js';
import type { RbdFunctions } from './librbd-lib.js';

const EBADF = 9, EFAULT = 14, EINVAL = 22, EOPNOTSUPP = 95;
const S_IFBLK = 0o060000;
/** Offsets and lengths a handle takes: the device-style 512-byte sector QEMU's rbd driver reports (librbd itself takes any byte range). */
export const RBD_SECTOR = 512;

/** What the backend declares: librbd's client cache (rbd_cache) makes buffered and O_DIRECT opens different modes. */
export const librbdCaps: BackendCaps = Object.freeze({
  pageCache: true, direct: true, files: false, locks: false, fadvise: false, blkflsbuf: false, setfl: false,
  mountstats: false, openAs: false, invalidate: true, activation: 'invalidate',
  flush: 'rbd_flush (librbd writes back its cache and waits for the OSDs\' acknowledgements)',
  syncWrite: 'rbd_write then rbd_flush (QEMU emulates write-through by flushing after every write: librbd has no FUA)',
});

/** How one cache setting's connection is made: the config is applied before rados_connect, the image opened on demand. */
export interface RbdConnection {
  /** rbd_cache as set on this connection (true for buffered opens). */
  readonly cache: boolean;
  /** Connect (if not yet) and open the image; returns the rbd_image_t or a failed CallResult. */
  openImage(): { image: unknown } | { res: CallResult };
  /** Close the image (rbd_close: flushes librbd's cache, releases the exclusive lock); the cluster connection stays. */
  closeImage(image: unknown): CallResult;
  /** Destroy the ioctx and shut the cluster handle down. */
  shutdown(): void;
}

/** The side's connections: get makes (lazily) the one for an rbd_cache setting; made lists those already made. */
export interface RbdConnections { get(cache: boolean): RbdConnection; made(): RbdConnection[] }

/** One image handle of a connection, shared by the logical handles opened with that cache setting. */
interface ImageRef { image: unknown; refs: number; size: number; lockOwner: boolean | undefined }
/** One logical handle: which connection (by rbd_cache) and whether writes are write-through. */
interface Handle { cache: boolean; dsync: boolean }

/** The SideBackend over up to two librbd connections (rbd_cache false and true), handles are small integers. */
export class RbdSide implements SideBackend {
  readonly name = 'librbd' as const;
  readonly caps = librbdCaps;
  onCall: ((r: CallResult) => void) | undefined;
  private readonly handles = new Map<number, Handle>();
  private readonly images = new Map<boolean, ImageRef>();
  private nextHandle = 1;
  private live = true;
  private readonly u64 = [0n];
  private readonly int = [0];

  /** conns makes (lazily) the connection for each rbd_cache setting; scrub removes secrets from messages. */
  constructor(private readonly fns: RbdFunctions, private readonly conns: RbdConnections,
    private readonly scrub: (s: string) => string = (s) => s) {}

  private emit(r: CallResult): CallResult { this.onCall?.(r); return r; }

  /** A finished call returning 0/count or -errno. */
  private done(call: string, t0: number, rc: number | bigint, detail?: string): CallResult {
    const ret = Number(rc);
    return this.emit(callResult(call, t0, ret < 0 ? -1 : ret, -ret, ret < 0 ? this.scrub(detail ?? `librbd returned ${ret}`) : undefined));
  }

  private ref(fd: number, call: string): { h: Handle; img: ImageRef } | { bad: CallResult } {
    if (!this.live) return { bad: this.emit(refused(call, EBADF, 'the librbd side is disconnected')) };
    const h = this.handles.get(fd);
    const img = h && this.images.get(h.cache);
    return h && img ? { h, img } : { bad: this.emit(refused(call, EBADF, `no open handle ${fd}`)) };
  }

  /** Report a change of exclusive-lock ownership (or the first reading after an open) as its own call. */
  private checkLock(img: ImageRef, why: string, always = false): void {
    const t0 = nowUs();
    const rc = Number(this.fns.rbd_is_exclusive_lock_owner(img.image, this.int));
    if (rc < 0) {
      if (always) this.done(`rbd_is_exclusive_lock_owner (${why})`, t0, rc);
      return;
    }
    const owner = this.int[0] === 1;
    if (!always && owner === img.lockOwner) return;
    img.lockOwner = owner;
    this.emit(callResult(`rbd_is_exclusive_lock_owner (${why}: ${owner ? 'owner' : 'not owner'})`, t0, owner ? 1 : 0, 0));
  }

  /** Whether the image handle of a cache setting currently owns the exclusive lock (undefined: no image open). */
  lockOwner(cache: boolean): boolean | undefined {
    const img = this.images.get(cache);
    if (!img) return undefined;
    this.checkLock(img, 'asked');
    return img.lockOwner;
  }

  /**
   * A logical handle on the image: the connection for the open's cache setting (O_DIRECT → rbd_cache=false, else true)
   * is connected and the image opened (rbd_open) when no handle of that setting is open; dsync makes writes write-through.
   */
  open(o: OpenSpec): CallResult {
    const cache = !o.direct;
    const label = `rbd_open (rbd_cache=${cache}${o.dsync ? ', write-through' : ''})`;
    if (!this.live) return this.emit(refused(label, EBADF, 'the librbd side is disconnected'));
    let img = this.images.get(cache);
    const t0 = nowUs();
    if (!img) {
      const opened = this.conns.get(cache).openImage();
      if ('res' in opened) return this.emit({ ...opened.res, call: label });
      const size = this.fns.rbd_get_size(opened.image, this.u64) === 0 ? Number(this.u64[0]) : 0;
      img = { image: opened.image, refs: 0, size, lockOwner: undefined };
      this.images.set(cache, img);
    }
    img.refs++;
    const fd = this.nextHandle++;
    this.handles.set(fd, { cache, dsync: o.dsync });
    const r = this.emit(callResult(img.refs === 1 ? label : `${label}, image already open`, t0, fd, 0));
    this.checkLock(img, 'after open', true);
    return r;
  }

  /** Forget a handle; the last handle of a cache setting closes its image (rbd_close flushes and releases the lock). */
  close(fd: number): CallResult {
    const r = this.ref(fd, 'rbd_close');
    if ('bad' in r) return r.bad;
    this.handles.delete(fd);
    const t0 = nowUs();
    if (--r.img.refs > 0) return this.emit(callResult('close (image stays open for other handles)', t0, 0, 0));
    this.images.delete(r.h.cache);
    return this.emit(this.conns.get(r.h.cache).closeImage(r.img.image));
  }

  /** Check alignment and range; a refusal when they do not hold. */
  private check(call: string, img: ImageRef, len: number, off: number): CallResult | undefined {
    if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0) return refused(call, EINVAL, `offset ${off} and length ${len} must be non-negative integers`);
    if (off % RBD_SECTOR !== 0 || len % RBD_SECTOR !== 0) return refused(call, EINVAL, `offset ${off} and length ${len} must be multiples of ${RBD_SECTOR} bytes`);
    if (off + len > img.size) return refused(call, EINVAL, `range ${off}+${len} goes past the end of the image (${img.size} bytes)`);
    return undefined;
  }

  private transfer(write: boolean, fd: number, ptr: unknown, len: number, off: number): CallResult {
    const call = write ? 'rbd_write' : 'rbd_read';
    const r = this.ref(fd, call);
    if ('bad' in r) return r.bad;
    const bad = this.check(call, r.img, len, off);
    if (bad) return this.emit(bad);
    let addr: bigint;
    try { addr = BigInt(koffi.address(ptr)); } catch { addr = 0n; }
    if (addr === 0n && len > 0) return this.emit(refused(call, EFAULT, 'the buffer must be native memory (a koffi pointer, e.g. allocAligned().ptr)'));
    const t0 = nowUs();
    if (len === 0) return this.emit(callResult(call, t0, 0, 0));
    const rc = Number(write ? this.fns.rbd_write(r.img.image, off, len, addr) : this.fns.rbd_read(r.img.image, off, len, addr));
    const res = this.done(call, t0, rc);
    if (res.ok && write && r.h.dsync) {
      // Write-through as QEMU runs it on rbd: the block layer follows each write with a flush (the driver has no FUA).
      const f = this.flushImage(r.img, 'rbd_flush (write-through)');
      if (!f.ok) return f;
    }
    this.checkLock(r.img, write ? 'after write' : 'after read');
    return res;
  }

  private flushImage(img: ImageRef, call: string): CallResult {
    const t0 = nowUs();
    return this.done(call, t0, this.fns.rbd_flush(img.image));
  }

  /** rbd_read into native memory at ptr, no copy (served from librbd's cache only under rbd_cache_policy=writeback). */
  pread(fd: number, ptr: unknown, len: number, off: number): CallResult { return this.transfer(false, fd, ptr, len, off); }
  /** rbd_write from native memory at ptr; on a write-through handle followed by rbd_flush. */
  pwrite(fd: number, ptr: unknown, len: number, off: number): CallResult { return this.transfer(true, fd, ptr, len, off); }
  /** rbd_flush: QEMU's bdrv_flush on an rbd drive. */
  fsync(fd: number): CallResult { return this.flush('rbd_flush', fd); }
  /** Same rbd_flush: an image has no metadata apart from its data. */
  fdatasync(fd: number): CallResult { return this.flush('rbd_flush (fdatasync)', fd); }

  private flush(call: string, fd: number): CallResult {
    const r = this.ref(fd, call);
    if ('bad' in r) return r.bad;
    const res = this.flushImage(r.img, call);
    this.checkLock(r.img, 'after flush');
    return res;
  }

  /** rbd_invalidate_cache: drop librbd's cached data for the image (QEMU's qemu_rbd_co_invalidate_cache on activation). */
  invalidate(fd: number): CallResult {
    const r = this.ref(fd, 'rbd_invalidate_cache');
    if ('bad' in r) return r.bad;
    const t0 = nowUs();
    return this.done('rbd_invalidate_cache', t0, this.fns.rbd_invalidate_cache(r.img.image));
  }

  /** Refused: coprobe does not resize an rbd image (QEMU's block_resize would, with rbd_resize). */
  ftruncate(_fd: number, _size: number): CallResult {
    return this.emit(refused('rbd_resize', EOPNOTSUPP, 'coprobe does not resize an rbd image (QEMU\'s rbd driver would, on block_resize); the image keeps its size'));
  }

  /** The image's size as librbd knows it (rbd_get_size: its header, refreshed when another client's change is notified). */
  fstat(fd: number): { res: CallResult; stat?: BackendStat } {
    const r = this.ref(fd, 'rbd_get_size');
    if ('bad' in r) return { res: r.bad };
    const t0 = nowUs();
    const res = this.done('rbd_get_size', t0, this.fns.rbd_get_size(r.img.image, this.u64));
    return res.ok ? { res, stat: { size: Number(this.u64[0]), mode: S_IFBLK | 0o600, ino: 0 } } : { res };
  }
  /** Refused: there are no paths inside an image. */
  stat(_path: string): { res: CallResult; stat?: BackendStat } { return { res: this.emit(refused('stat', EOPNOTSUPP, 'an rbd image has no paths to stat')) }; }
  /** Refused: there are no files inside an image. */
  unlink(_path: string): CallResult { return this.emit(refused('unlink', EOPNOTSUPP, 'an rbd image has no files to remove')); }
  /** Refused: an image has no permission bits. */
  chmod(_path: string, _mode: number): CallResult { return this.emit(refused('chmod', EOPNOTSUPP, 'an rbd image has no permission bits')); }
  /** Refused: an image has no permission bits. */
  fchmod(_fd: number, _mode: number): CallResult { return this.emit(refused('fchmod', EOPNOTSUPP, 'an rbd image has no permission bits')); }

  /** Close the images (rbd_close flushes), destroy the ioctxs, shut the cluster handles down; never throws, idempotent. */
  disconnect(): void {
    if (!this.live) return;
    this.live = false;
    for (const [cache, img] of this.images) {
      try { this.conns.get(cache).closeImage(img.image); } catch { /* a dying cluster cannot be helped here */ }
    }
    this.images.clear();
    this.handles.clear();
    for (const c of this.conns.made()) {
      try { c.shutdown(); } catch { /* idem */ }
    }
  }
}
