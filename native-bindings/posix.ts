// Typed wrappers over the libc calls: each returns a CallResult with errno read right after the call.
import koffi from 'koffi';
import { loadLibc, FlockStruct, type LibcBinding, type LibcName, type Capability } from './libc.js';
import { linuxConstants, type LinuxConstants } from './constants.js';
import { errnoName } from './errno.js';
import { nowUs } from './clock.js';

/** The outcome of one native call, shaped like a result even when it failed. */
export interface CallResult {
  call: string;
  ok: boolean;
  ret: number;
  errno: number;
  errnoName: string;
  t0Us: number;
  durUs: number;
  /** Set when the call could not be made at all (symbol or library missing). */
  unavailable?: string;
  /** The library's own message on failure (libiscsi's sense data, libnfs's error string, an alignment refusal). */
  detail?: string;
}

/** File status from statx (arch-independent layout). */
export interface FileStat {
  size: number; mode: number; ino: number; blksize: number;
  devMajor: number; devMinor: number; rdevMajor: number; rdevMinor: number;
  dioMemAlign: number; dioOffsetAlign: number;
  /** Modification and status-change times as "seconds.nanoseconds" (statx stx_mtime, stx_ctime), when statx returned them. */
  mtime?: string; ctime?: string;
}

/** "1796662860.977631123" from a statx timestamp at offset `at` (tv_sec i64, tv_nsec u32). */
function statxTime(buf: Buffer, at: number): string {
  return `${buf.readBigInt64LE(at)}.${String(buf.readUInt32LE(at + 8)).padStart(9, '0')}`;
}

const ENOSYS = 38;

/** libc through koffi, with every call timed and its errno captured. */
export class Posix {
  readonly k: LinuxConstants;
  readonly capabilities: Record<string, Capability>;
  private readonly fns: LibcBinding['fns'];
  /** Called with every CallResult; the agent's transcript hooks in here. */
  onCall: ((r: CallResult) => void) | undefined;

  constructor(binding: LibcBinding = loadLibc()) {
    const k = linuxConstants();
    if ('reason' in k) throw new Error(`native-bindings: ${k.reason}`);
    this.k = k;
    this.fns = binding.fns;
    this.capabilities = binding.capabilities;
  }

  private run(name: LibcName, label: string, args: unknown[], errnoFromRet = false): CallResult {
    const fn = this.fns[name];
    const t0Us = nowUs();
    if (!fn) {
      const reason = this.capabilities[name]?.reason ?? 'not declared';
      const r = { call: label, ok: false, ret: -1, errno: ENOSYS, errnoName: 'ENOSYS', t0Us, durUs: 0, unavailable: reason };
      this.onCall?.(r);
      return r;
    }
    const ret = Number(fn(...args));
    let errno = koffi.errno();
    if (errnoFromRet) errno = ret; // posix_fadvise returns the error number instead of setting errno
    const ok = errnoFromRet ? ret === 0 : ret >= 0;
    const r: CallResult = { call: label, ok, ret, errno: ok ? 0 : errno, errnoName: ok ? '' : errnoName(errno), t0Us, durUs: nowUs() - t0Us };
    this.onCall?.(r);
    return r;
  }

  /** open(2) with the given flags; creation mode 0600 by default. */
  open(path: string, flags: number, mode = 0o600): CallResult {
    return this.run('open', 'open', [path, flags, 'uint32_t', mode]);
  }
  /** close(2). */
  close(fd: number): CallResult { return this.run('close', 'close', [fd]); }
  /** pread(2) into native memory at ptr. */
  pread(fd: number, ptr: unknown, len: number, off: number): CallResult {
    return this.run('pread', 'pread', [fd, ptr, len, off]);
  }
  /** pwrite(2) from native memory at ptr. */
  pwrite(fd: number, ptr: unknown, len: number, off: number): CallResult {
    return this.run('pwrite', 'pwrite', [fd, ptr, len, off]);
  }
  /** fsync(2). */
  fsync(fd: number): CallResult { return this.run('fsync', 'fsync', [fd]); }
  /** fdatasync(2). */
  fdatasync(fd: number): CallResult { return this.run('fdatasync', 'fdatasync', [fd]); }
  /** ftruncate(2). */
  ftruncate(fd: number, size: number): CallResult { return this.run('ftruncate', 'ftruncate', [fd, size]); }
  /** posix_fadvise(2); its error comes back as the return value, mapped to errno here. */
  fadvise(fd: number, off: number, len: number, advice: number): CallResult {
    return this.run('posix_fadvise', 'posix_fadvise', [fd, off, len, advice], true);
  }
  /** flock(2). */
  flock(fd: number, op: number): CallResult { return this.run('flock', 'flock', [fd, op]); }
  /** unlink(2). */
  unlink(path: string): CallResult { return this.run('unlink', 'unlink', [path]); }
  /** fchmod(2). */
  fchmod(fd: number, mode: number): CallResult { return this.run('fchmod', 'fchmod', [fd, mode]); }
  /** chmod(2). */
  chmod(path: string, mode: number): CallResult { return this.run('chmod', 'chmod', [path, mode]); }

  /** fcntl(2) record lock: cmd is F_SETLK(W) or F_OFD_SETLK(W), type F_RDLCK/F_WRLCK/F_UNLCK, whole file by default. */
  lock(fd: number, cmd: number, type: number, start = 0, len = 0): CallResult {
    const name = cmd === this.k.F_OFD_SETLKW || cmd === this.k.F_OFD_SETLK ? 'fcntl(OFD_SETLK)' : 'fcntl(SETLK)';
    const fl = { l_type: type, l_whence: 0, l_start: start, l_len: len, l_pid: 0 };
    return this.run('fcntl', name, [fd, cmd, koffi.pointer(FlockStruct), fl]);
  }
  /** fcntl(F_GETFL). */
  getfl(fd: number): CallResult { return this.run('fcntl', 'fcntl(F_GETFL)', [fd, this.k.F_GETFL]); }
  /** fcntl(F_SETFL, flags). */
  setfl(fd: number, flags: number): CallResult {
    return this.run('fcntl', 'fcntl(F_SETFL)', [fd, this.k.F_SETFL, 'int', flags]);
  }
  /** ioctl(BLKFLSBUF): flush and drop a block device's buffer cache. */
  blkflsbuf(fd: number): CallResult {
    return this.run('ioctl', 'ioctl(BLKFLSBUF)', [fd, this.k.BLKFLSBUF, 'long', 0]);
  }
  /** ioctl(BLKSSZGET): logical sector size of a block device. */
  blksszget(fd: number): { res: CallResult; value: number } {
    const out = Buffer.alloc(8);
    const res = this.run('ioctl', 'ioctl(BLKSSZGET)', [fd, this.k.BLKSSZGET, 'void *', out]);
    return { res, value: res.ok ? out.readInt32LE(0) : 0 };
  }
  /** ioctl(BLKGETSIZE64): size of a block device in bytes. */
  blkgetsize64(fd: number): { res: CallResult; value: number } {
    const out = Buffer.alloc(8);
    const res = this.run('ioctl', 'ioctl(BLKGETSIZE64)', [fd, this.k.BLKGETSIZE64, 'void *', out]);
    return { res, value: res.ok ? Number(out.readBigUInt64LE(0)) : 0 };
  }

  /**
   * statx(2) of an open fd (AT_EMPTY_PATH) or of a path; `mask` defaults to the basic stats plus DIO alignment.
   * `forceSync` adds AT_STATX_FORCE_SYNC: a network filesystem's client must ask its server (NFS: a GETATTR) instead of
   * answering from its attribute cache; local filesystems ignore it. The transcript names it "statx(FORCE_SYNC)".
   */
  statx(target: number | string, mask?: number, forceSync = false): { res: CallResult; stat?: FileStat } {
    const buf = Buffer.alloc(256);
    const byFd = typeof target === 'number';
    const sync = forceSync ? this.k.AT_STATX_FORCE_SYNC : 0;
    const args = byFd ? [target, '', this.k.AT_EMPTY_PATH | sync] : [this.k.AT_FDCWD, target, sync];
    const res = this.run('statx', forceSync ? 'statx(FORCE_SYNC)' : 'statx', [...args, mask ?? (this.k.STATX_BASIC_STATS | this.k.STATX_DIOALIGN), buf]);
    if (!res.ok) return { res };
    const hasDio = (buf.readUInt32LE(0) & this.k.STATX_DIOALIGN) !== 0;
    return {
      res,
      stat: {
        blksize: buf.readUInt32LE(4), mode: buf.readUInt16LE(28), ino: Number(buf.readBigUInt64LE(32)),
        size: Number(buf.readBigUInt64LE(40)),
        rdevMajor: buf.readUInt32LE(128), rdevMinor: buf.readUInt32LE(132),
        devMajor: buf.readUInt32LE(136), devMinor: buf.readUInt32LE(140),
        dioMemAlign: hasDio ? buf.readUInt32LE(152) : 0, dioOffsetAlign: hasDio ? buf.readUInt32LE(156) : 0,
        ...((buf.readUInt32LE(0) & 0x40) !== 0 ? { mtime: statxTime(buf, 112) } : {}),
        ...((buf.readUInt32LE(0) & 0x80) !== 0 ? { ctime: statxTime(buf, 96) } : {}),
      },
    };
  }

  /** statfs(2): filesystem magic (f_type) and block size. */
  statfs(path: string): { res: CallResult; fsType: number; bsize: number } {
    const buf = Buffer.alloc(128);
    const res = this.run('statfs', 'statfs', [path, buf]);
    return { res, fsType: res.ok ? Number(buf.readBigInt64LE(0)) : 0, bsize: res.ok ? Number(buf.readBigInt64LE(8)) : 0 };
  }

  /** Page-cache residency of [0, len) of fd, as QEMU's x-check-cache-dropped measures it: mmap + mincore. */
  residency(fd: number, len: number, pageSize = 4096): { res: CallResult; pages: number; resident: number } {
    if (len <= 0) return { res: { call: 'mincore', ok: true, ret: 0, errno: 0, errnoName: '', t0Us: nowUs(), durUs: 0 }, pages: 0, resident: 0 };
    const map = this.fns.mmap;
    const t0Us = nowUs();
    const addr = map ? map(null, len, this.k.PROT_READ, this.k.MAP_SHARED, fd, 0) : null;
    const mapErr = koffi.errno();
    if (!addr || koffi.address(addr) === 0xffffffffffffffffn) {
      const r: CallResult = { call: 'mmap', ok: false, ret: -1, errno: map ? mapErr : ENOSYS, errnoName: errnoName(map ? mapErr : ENOSYS), t0Us, durUs: nowUs() - t0Us };
      this.onCall?.(r);
      return { res: r, pages: 0, resident: 0 };
    }
    const pages = Math.ceil(len / pageSize);
    const vec = Buffer.alloc(pages);
    const res = this.run('mincore', 'mincore', [addr, len, vec]);
    this.run('munmap', 'munmap', [addr, len]);
    let resident = 0;
    for (let i = 0; i < pages; i++) resident += vec[i]! & 1;
    return { res, pages, resident };
  }

  /** setfsuid(2) of the calling thread; ret is the previous fsuid ((uint32)-1 only reads it). Never fails: check by reading back. */
  setfsuid(uid: number): CallResult { return this.run('setfsuid', 'setfsuid', [uid >>> 0]); }
  /** setfsgid(2) of the calling thread; ret is the previous fsgid ((uint32)-1 only reads it). */
  setfsgid(gid: number): CallResult { return this.run('setfsgid', 'setfsgid', [gid >>> 0]); }

  /**
   * Run fn with this thread's file-system identity switched to uid/gid (setfsgid first, then setfsuid, while still
   * privileged), and restore the previous fsuid and fsgid afterwards, whatever fn did or threw. The switch is checked by
   * reading both ids back: without CAP_SETUID/CAP_SETGID the kernel silently keeps the old ones, and then fn is not run
   * (`switched: false`, with the ids in force). Supplementary groups are not changed (setgroups(2) would act on every
   * thread of the process): a file's group bits still apply to the agent's own groups.
   */
  withFsIds<T>(uid: number, gid: number, fn: () => T): { switched: true; value: T } | { switched: false; fsuid: number; fsgid: number; why: string } {
    const NONE = 0xffffffff;
    const g = this.setfsgid(gid);
    const u = this.setfsuid(uid);
    if (!g.ok || !u.ok) {
      // A symbol missing: nothing changed, nothing to restore.
      const bad = !g.ok ? g : u;
      return { switched: false, fsuid: -1, fsgid: -1, why: bad.unavailable ?? `${bad.call} failed: ${bad.errnoName}` };
    }
    const prevUid = u.ret >>> 0, prevGid = g.ret >>> 0;
    try {
      const nowUid = this.setfsuid(NONE).ret >>> 0;
      const nowGid = this.setfsgid(NONE).ret >>> 0;
      if (nowUid !== uid || nowGid !== gid) {
        return { switched: false, fsuid: nowUid, fsgid: nowGid, why: `fsuid/fsgid are ${nowUid}/${nowGid} after asking for ${uid}/${gid}` };
      }
      return { switched: true, value: fn() };
    } finally {
      this.setfsuid(prevUid);
      this.setfsgid(prevGid);
    }
  }

  /** posix_memalign(3): native memory aligned for O_DIRECT; null on failure. */
  memalign(alignment: number, size: number): unknown {
    const out: unknown[] = [null];
    const res = this.run('posix_memalign', 'posix_memalign', [out, alignment, size], true);
    return res.ok ? out[0] : null;
  }
  /** free(3). */
  free(ptr: unknown): void { this.fns.free?.(ptr); }
}
