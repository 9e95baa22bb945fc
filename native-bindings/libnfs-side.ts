// One mounted libnfs context as a SideBackend: READ/WRITE straight from the caller's native memory, COMMIT as flush.
import koffi from 'koffi';
import { posix as ppath } from 'node:path';
import type { BackendCaps, BackendStat, OpenSpec, SideBackend } from './backend.js';
import { callResult, refused } from './call.js';
import { nowUs } from './clock.js';
import type { CallResult } from './posix.js';
import { NFS_STAT64_SIZE, decodeNfsStat64, type NfsFunctions } from './libnfs-lib.js';
import { libnfsCaps, transferPieces } from './libnfs-limits.js';

const ENOENT = 2, EIO = 5, EBADF = 9, EFAULT = 14, EINVAL = 22;
// Linux open(2) flags, as libnfs 4.0 (built for Linux) tests them. O_SYNC makes libnfs send stable WRITEs (see libnfsCaps).
const O_RDWR = 0o2, O_CREAT = 0o100, O_SYNC = 0o4010000;

/** One open file: the context it was opened through (the side's own, or one of its own for a second NFSv4 open). */
interface OpenFile { ctx: unknown; fh: unknown; path: string; own: boolean }

/** Mount another context on the same export (a second NFSv4 client), or say why it failed. */
export type ExtraContext = () => { ctx: unknown } | { error: string };

/** The SideBackend over one mounted libnfs context; handles are small integers mapping to struct nfsfh pointers. */
export class NfsSide implements SideBackend {
  readonly name = 'libnfs' as const;
  readonly caps: BackendCaps;
  onCall: ((r: CallResult) => void) | undefined;
  private readonly handles = new Map<number, OpenFile>();
  private nextHandle = 1;
  private ctx: unknown;
  private readonly st = Buffer.alloc(NFS_STAT64_SIZE);
  private readonly readmax: number;
  private writemax: number;

  /** dir: the directory inside the export that relative paths are resolved against ("/" or "/sub/dir"). */
  constructor(private readonly fns: NfsFunctions, ctx: unknown, readonly dir: string, pageCache: boolean, readonly version: number,
    private readonly extraContext?: ExtraContext) {
    this.ctx = ctx;
    this.caps = libnfsCaps(pageCache, version);
    const pieces = transferPieces(fns, ctx, version);
    this.readmax = pieces.readmax;
    this.writemax = pieces.writemax;
  }

  private emit(r: CallResult): CallResult { this.onCall?.(r); return r; }
  private error(ctx: unknown): string { return String(this.fns.nfs_get_error(ctx) ?? '').trim(); }

  /** A finished libnfs call: a negative return is -errno, the context's error string is the detail. */
  private done(call: string, t0: number, rc: number, ctx = this.ctx): CallResult {
    const ret = Number(rc);
    return this.emit(callResult(call, t0, ret < 0 ? -1 : ret, -ret, ret < 0 ? this.error(ctx) : undefined));
  }

  /** A path inside the export: absolute paths are relative to the export root, others to this.dir. */
  private resolve(path: string): string {
    return path.startsWith('/') ? ppath.normalize(path) : ppath.join(this.dir, path);
  }

  private file(call: string, fd: number): { f: OpenFile } | { bad: CallResult } {
    if (!this.ctx) return { bad: this.emit(refused(call, EBADF, 'the NFS mount is disconnected')) };
    const f = this.handles.get(fd);
    return f ? { f } : { bad: this.emit(refused(call, EBADF, `no open handle ${fd}`)) };
  }

  /**
   * nfs_open2 read-write (O_CREAT with mode 0600 when asked; O_SYNC for dsync: stable writes); direct is moot (no cache).
   * Two libnfs 4.0 NFSv4 bugs are worked around here. It creates exclusively (an existing file fails with NFS4ERR_EXIST) and
   * after that failed OPEN its open-owner seqid is off by one (every later CLOSE: NFS4ERR_BAD_SEQID): so it opens without
   * O_CREAT first and creates only when no file is found. And a second OPEN of a file the context already has open shares
   * the server's stateid, which libnfs does not track (CLOSE: NFS4ERR_OLD_STATEID, then BAD_SEQID): so such an open gets a
   * context (an NFSv4 client) of its own.
   */
  open(o: OpenSpec): CallResult {
    const sync = o.dsync ? O_SYNC : 0;
    const flagsText = (create: boolean) => [create ? 'O_CREAT' : '', o.dsync ? 'O_SYNC' : ''].filter(Boolean).join('|');
    const path = this.resolve(o.path);
    const shared = this.version === 4 && [...this.handles.values()].some((f) => !f.own && f.path === path);
    const label = (create: boolean) => `nfs_open2${flagsText(create) ? `(${flagsText(create)})` : ''}${shared ? ' on a second NFSv4 client' : ''}`;
    if (!this.ctx) return this.emit(refused(label(o.create), EBADF, 'the NFS mount is disconnected'));
    const t0 = nowUs();
    let ctx: unknown = this.ctx;
    if (shared) {
      const extra = this.extraContext?.() ?? { error: 'no way to mount another context' };
      if ('error' in extra) return this.emit(callResult(label(o.create), t0, -1, EIO, `${path} is already open on this side's NFSv4 client: ${extra.error}`));
      ctx = extra.ctx;
    }
    const out: unknown[] = [null];
    let create = o.create && this.version !== 4;
    let rc = Number(this.fns.nfs_open2(ctx, path, O_RDWR | sync | (create ? O_CREAT : 0), 0o600, out));
    if (rc === -ENOENT && o.create && !create) {
      create = true;
      rc = Number(this.fns.nfs_open2(ctx, path, O_RDWR | sync | O_CREAT, 0o600, out));
    }
    if (rc < 0) {
      const r = this.done(label(create), t0, rc, ctx);
      if (shared) this.release(ctx);
      return r;
    }
    const fd = this.nextHandle++;
    this.handles.set(fd, { ctx, fh: out[0], path, own: shared });
    return this.emit(callResult(label(create), t0, fd, 0));
  }

  /** Unmount and free a context of a handle's own. */
  private release(ctx: unknown): void {
    try { this.fns.nfs_umount(ctx); } catch { /* the connection may be gone */ }
    try { this.fns.nfs_destroy_context(ctx); } catch { /* idem */ }
  }

  /** nfs_close: for NFSv4 a CLOSE of the open state; the handle is gone either way (with its own context, if it had one). */
  close(fd: number): CallResult {
    const h = this.file('nfs_close', fd);
    if ('bad' in h) return h.bad;
    this.handles.delete(fd);
    const t0 = nowUs();
    const r = this.done('nfs_close', t0, this.fns.nfs_close(h.f.ctx, h.f.fh), h.f.ctx);
    if (h.f.own) this.release(h.f.ctx);
    return r;
  }

  /** READ into native memory at ptr, in pieces of at most the server's read size, until len bytes or end of file. */
  pread(fd: number, ptr: unknown, len: number, off: number): CallResult { return this.transfer(false, fd, ptr, len, off); }
  /** WRITE from native memory at ptr (UNSTABLE, or stable on an O_SYNC handle), in pieces of at most the server's write size. */
  pwrite(fd: number, ptr: unknown, len: number, off: number): CallResult { return this.transfer(true, fd, ptr, len, off); }

  private transfer(write: boolean, fd: number, ptr: unknown, len: number, off: number): CallResult {
    const call = write ? 'nfs_pwrite' : 'nfs_pread';
    const h = this.file(call, fd);
    if ('bad' in h) return h.bad;
    if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0) {
      return this.emit(refused(call, EINVAL, `offset ${off} and length ${len} must be non-negative integers`));
    }
    let addr: bigint;
    try { addr = BigInt(koffi.address(ptr)); } catch { addr = 0n; }
    if (addr === 0n && len > 0) return this.emit(refused(call, EFAULT, 'the buffer must be native memory (a koffi pointer, e.g. allocAligned().ptr)'));
    const { ctx, fh } = h.f;
    const t0 = nowUs();
    let done = 0;
    while (done < len) {
      const n = Math.min(write ? this.writemax : this.readmax, len - done);
      const at = addr + BigInt(done);
      const rc = Number(write ? this.fns.nfs_pwrite(ctx, fh, off + done, n, at) : this.fns.nfs_pread(ctx, fh, off + done, n, at));
      if (rc < 0 && write && n > 512 && /Failed to encode/.test(this.error(ctx))) {
        this.writemax = Math.max(512, Math.floor(n / 2 / 512) * 512); // a bigger file handle or credential: smaller pieces
        continue;
      }
      if (rc < 0) return this.done(call, t0, rc, ctx);
      if (rc === 0) break; // end of file (read) or nothing accepted (write): a short transfer
      done += rc; // a short piece is not the end: the server may cap a READ below what was asked
    }
    return this.emit(callResult(call, t0, done, 0));
  }

  /** COMMIT (nfs_fsync): the server makes the file's UNSTABLE writes durable. */
  fsync(fd: number): CallResult { return this.commit('nfs_fsync', fd); }
  /** Same COMMIT: NFS has no data-only flush. */
  fdatasync(fd: number): CallResult { return this.commit('nfs_fsync (fdatasync)', fd); }

  private commit(call: string, fd: number): CallResult {
    const h = this.file(call, fd);
    if ('bad' in h) return h.bad;
    const t0 = nowUs();
    return this.done(call, t0, this.fns.nfs_fsync(h.f.ctx, h.f.fh), h.f.ctx);
  }

  /** SETATTR of the size. */
  ftruncate(fd: number, size: number): CallResult {
    const h = this.file('nfs_ftruncate', fd);
    if ('bad' in h) return h.bad;
    if (!Number.isSafeInteger(size) || size < 0) return this.emit(refused('nfs_ftruncate', EINVAL, `size ${size} must be a non-negative integer`));
    const t0 = nowUs();
    return this.done('nfs_ftruncate', t0, this.fns.nfs_ftruncate(h.f.ctx, h.f.fh, size), h.f.ctx);
  }

  /** GETATTR of an open file (libnfs keeps no attribute cache: every call goes to the server). */
  fstat(fd: number): { res: CallResult; stat?: BackendStat } {
    const h = this.file('nfs_fstat64', fd);
    if ('bad' in h) return { res: h.bad };
    const t0 = nowUs();
    const res = this.done('nfs_fstat64', t0, this.fns.nfs_fstat64(h.f.ctx, h.f.fh, this.st), h.f.ctx);
    return res.ok ? { res, stat: decodeNfsStat64(this.st) } : { res };
  }

  /** LOOKUP + GETATTR of a path inside the export. */
  stat(path: string): { res: CallResult; stat?: BackendStat } {
    if (!this.ctx) return { res: this.emit(refused('nfs_stat64', EBADF, 'the NFS mount is disconnected')) };
    const t0 = nowUs();
    const res = this.done('nfs_stat64', t0, this.fns.nfs_stat64(this.ctx, this.resolve(path), this.st));
    return res.ok ? { res, stat: decodeNfsStat64(this.st) } : { res };
  }

  /** REMOVE of a path inside the export. */
  unlink(path: string): CallResult {
    if (!this.ctx) return this.emit(refused('nfs_unlink', EBADF, 'the NFS mount is disconnected'));
    const t0 = nowUs();
    return this.done('nfs_unlink', t0, this.fns.nfs_unlink(this.ctx, this.resolve(path)));
  }

  /** SETATTR of the mode of a path inside the export. */
  chmod(path: string, mode: number): CallResult {
    if (!this.ctx) return this.emit(refused('nfs_chmod', EBADF, 'the NFS mount is disconnected'));
    const t0 = nowUs();
    return this.done('nfs_chmod', t0, this.fns.nfs_chmod(this.ctx, this.resolve(path), mode));
  }

  /** SETATTR of the mode of an open file. */
  fchmod(fd: number, mode: number): CallResult {
    const h = this.file('nfs_fchmod', fd);
    if ('bad' in h) return h.bad;
    const t0 = nowUs();
    return this.done('nfs_fchmod', t0, this.fns.nfs_fchmod(h.f.ctx, h.f.fh, mode), h.f.ctx);
  }

  /** Close open handles (and their own contexts), unmount and free the context; never throws, idempotent. */
  disconnect(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    this.ctx = undefined;
    for (const f of this.handles.values()) {
      try { this.fns.nfs_close(f.ctx, f.fh); } catch { /* the connection may be gone */ }
      if (f.own) this.release(f.ctx);
    }
    this.handles.clear();
    this.release(ctx);
  }
}
