// The libc backend: the kernel's paths (page cache, O_DIRECT, NFS client, block devices) through open/pread/pwrite/fsync.
import type { BackendCaps, BackendModule, BackendStat, OpenSpec, SideBackend } from './backend.js';
import { BackendError } from './backend.js';
import { loadLibc } from './libc.js';
import { Posix, type CallResult } from './posix.js';

/** What the kernel paths can do; a device target has no scratch files (set per target by the agent). */
export const LIBC_CAPS: BackendCaps = {
  pageCache: true, direct: true, files: true, locks: true, fadvise: true, blkflsbuf: true, setfl: true, mountstats: true,
  openAs: true, flush: 'fsync(2)', syncWrite: 'O_DSYNC',
};

/** SideBackend over a Posix binding; the agent also keeps the Posix for kernel-only calls (fadvise, locks, ioctls). */
export class LibcBackend implements SideBackend {
  readonly name = 'libc' as const;
  readonly caps: BackendCaps;
  constructor(readonly posix: Posix, kind: 'dir' | 'device' = 'dir') {
    this.caps = { ...LIBC_CAPS, files: kind === 'dir', blkflsbuf: kind === 'device', mountstats: kind === 'dir' };
  }
  get onCall() { return this.posix.onCall; }
  set onCall(f: ((r: CallResult) => void) | undefined) { this.posix.onCall = f; }

  open(o: OpenSpec): CallResult {
    const k = this.posix.k;
    let flags = (o.readOnly ? 0 /* O_RDONLY */ : k.O_RDWR) | k.O_CLOEXEC;
    if (o.direct) flags |= k.O_DIRECT;
    if (o.dsync) flags |= k.O_DSYNC;
    if (o.create) flags |= k.O_CREAT;
    return this.posix.open(o.path, flags);
  }
  close(fd: number) { return this.posix.close(fd); }
  pread(fd: number, ptr: unknown, len: number, off: number) { return this.posix.pread(fd, ptr, len, off); }
  pwrite(fd: number, ptr: unknown, len: number, off: number) { return this.posix.pwrite(fd, ptr, len, off); }
  fsync(fd: number) { return this.posix.fsync(fd); }
  fdatasync(fd: number) { return this.posix.fdatasync(fd); }
  ftruncate(fd: number, size: number) { return this.posix.ftruncate(fd, size); }
  fstat(fd: number, sizeOnly = false, sync = false) { return this.statx(fd, sizeOnly, sync); }
  stat(path: string, sizeOnly = false) { return this.statx(path, sizeOnly); }
  unlink(path: string) { return this.posix.unlink(path); }
  chmod(path: string, mode: number) { return this.posix.chmod(path, mode); }
  fchmod(fd: number, mode: number) { return this.posix.fchmod(fd, mode); }
  disconnect(): void { /* nothing held beyond the descriptors the agent closes */ }

  private statx(target: number | string, sizeOnly: boolean, sync = false): { res: CallResult; stat?: BackendStat } {
    const r = this.posix.statx(target, sizeOnly ? this.posix.k.STATX_SIZE : undefined, sync);
    return r.stat ? { res: r.res, stat: r.stat } : { res: r.res };
  }
}

/** The libc module: serves paths, never URLs; the agent inspects path targets itself (directory or device). */
export const libcBackend: BackendModule = {
  name: 'libc',
  schemes: [],
  available() {
    const missing = Object.entries(loadLibc().capabilities).filter(([, c]) => !c.available);
    return missing.length === 0 ? { available: true } : { available: false, reason: missing.map(([n, c]) => `${n}: ${c.reason}`).join('; ') };
  },
  connect(target) {
    throw new BackendError('libc', 'EURL', `${target}: the libc backend opens paths; the agent inspects them itself`);
  },
};
