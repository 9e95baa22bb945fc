// One connected libiscsi session as a SideBackend: READ(16)/WRITE(16) straight from the caller's native memory, SYNCHRONIZE CACHE(16) as flush.
import koffi from 'koffi';
import type { BackendCaps, BackendStat, OpenSpec, SideBackend } from './backend.js';
import { callResult, refused } from './call.js';
import { nowUs } from './clock.js';
import type { CallResult } from './posix.js';
import { SCSI_RESIDUAL_UNDERFLOW, SCSI_STATUS, ScsiTaskHead, type IscsiFunctions } from './libiscsi-lib.js';

const EIO = 5, EBADF = 9, EFAULT = 14, EINVAL = 22, ETIMEDOUT = 110, EOPNOTSUPP = 95;
const S_IFBLK = 0o060000;

/** What the backend declares: no host page cache anywhere on this side, so no O_DIRECT, fadvise or BLKFLSBUF. */
export const libiscsiCaps: BackendCaps = Object.freeze({
  pageCache: false, direct: false, files: false, locks: false, fadvise: false, blkflsbuf: false, setfl: false,
  mountstats: false, openAs: false, flush: 'SYNCHRONIZE CACHE(16)', syncWrite: 'WRITE(16) with FUA',
});

/** The LUN a session reaches: its number, block size and block count from READ CAPACITY(16). */
export interface LunGeometry { lun: number; blockLength: number; blocks: number }

const statusNames = new Map<number, string>(Object.entries(SCSI_STATUS).map(([k, v]) => [v, k]));

/** Why a task failed, in words: libiscsi's message only where it is fresh (sense data, timeout, transport error). */
function failure(fns: IscsiFunctions, ctx: unknown, status: number): string {
  const lib = (fns.iscsi_get_error(ctx) as string).trim();
  if (status === SCSI_STATUS.CHECK_CONDITION) return `CHECK CONDITION: ${lib}`;
  if (status === SCSI_STATUS.TIMEOUT || status === SCSI_STATUS.ERROR) return `SCSI status ${statusNames.get(status)}: ${lib}`;
  if (status === SCSI_STATUS.CANCELLED) return 'SCSI status CANCELLED: the connection to the target was lost';
  return `SCSI status ${statusNames.get(status) ?? `0x${status.toString(16)}`}`;
}

/** A finished task's status, residual and library message, the task freed; a null task is a transport failure. */
export function finishTask(fns: IscsiFunctions, ctx: unknown, task: unknown): { ok: boolean; errno: number; residual: number; detail: string } {
  if (!task) {
    const lib = (fns.iscsi_get_error(ctx) as string).trim();
    const lost = /reconnect/i.test(lib) ? 'the connection to the target is gone and is not re-established (noautoreconnect); ' : '';
    return { ok: false, errno: EIO, residual: 0, detail: `no task: ${lost}libiscsi: ${lib}` };
  }
  const head = koffi.decode(task, ScsiTaskHead) as { status: number; residual_status: number; residual: number | bigint };
  fns.scsi_free_scsi_task(task);
  if (head.status === SCSI_STATUS.GOOD) {
    return { ok: true, errno: 0, residual: head.residual_status === SCSI_RESIDUAL_UNDERFLOW ? Number(head.residual) : 0, detail: '' };
  }
  return { ok: false, errno: head.status === SCSI_STATUS.TIMEOUT ? ETIMEDOUT : EIO, residual: 0, detail: failure(fns, ctx, head.status) };
}

/** The SideBackend over one libiscsi context; handles are logical, all sharing the one session. */
export class IscsiSide implements SideBackend {
  readonly name = 'libiscsi' as const;
  readonly caps = libiscsiCaps;
  onCall: ((r: CallResult) => void) | undefined;
  private readonly handles = new Map<number, { dsync: boolean }>();
  private nextHandle = 1;
  private ctx: unknown;
  private readonly iov = Buffer.alloc(16); // one struct scsi_iovec { void *iov_base; size_t iov_len; }

  /** scrub removes a secret from library messages (defence in depth: libiscsi's own messages carry none). */
  constructor(private readonly fns: IscsiFunctions, ctx: unknown, readonly geometry: LunGeometry, private readonly scrub = (s: string) => s) {
    this.ctx = ctx;
  }

  private emit(r: CallResult): CallResult { this.onCall?.(r); return r; }
  private get size(): number { return this.geometry.blocks * this.geometry.blockLength; }

  /** Check handle, alignment and range before anything reaches the wire; a refusal when they do not hold. */
  private check(call: string, fd: number, len: number, off: number): CallResult | undefined {
    const bs = this.geometry.blockLength;
    if (!this.ctx) return refused(call, EBADF, 'the iSCSI session is disconnected');
    if (!this.handles.has(fd)) return refused(call, EBADF, `no open handle ${fd}`);
    if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0) return refused(call, EINVAL, `offset ${off} and length ${len} must be non-negative integers`);
    if (off % bs !== 0 || len % bs !== 0) return refused(call, EINVAL, `offset ${off} and length ${len} must be multiples of the LUN's ${bs}-byte block`);
    if (off + len > this.size) return refused(call, EINVAL, `range ${off}+${len} goes past the end of the LUN (${this.size} bytes)`);
    if (len > 0xffffffff) return refused(call, EINVAL, `length ${len} exceeds one WRITE(16)/READ(16) transfer (4 GiB)`);
    return undefined;
  }

  private transfer(write: boolean, fd: number, ptr: unknown, len: number, off: number): CallResult {
    const fua = write && this.handles.get(fd)?.dsync ? 1 : 0;
    const call = write ? (fua ? 'WRITE(16) FUA' : 'WRITE(16)') : 'READ(16)';
    const bad = this.check(call, fd, len, off);
    if (bad) return this.emit(bad);
    const t0 = nowUs();
    if (len === 0) return this.emit(callResult(call, t0, 0, 0));
    let addr: bigint;
    try { addr = BigInt(koffi.address(ptr)); } catch { addr = 0n; }
    if (addr === 0n) return this.emit(refused(call, EFAULT, 'the buffer must be native memory (a koffi pointer, e.g. allocAligned().ptr)'));
    this.iov.writeBigUInt64LE(addr, 0);
    this.iov.writeBigUInt64LE(BigInt(len), 8);
    const bs = this.geometry.blockLength, lba = BigInt(off / bs), lun = this.geometry.lun;
    const task = write
      ? this.fns.iscsi_write16_iov_sync(this.ctx, lun, lba, null, len, bs, 0, 0, fua, 0, 0, this.iov, 1)
      : this.fns.iscsi_read16_iov_sync(this.ctx, lun, lba, len, bs, 0, 0, 0, 0, 0, this.iov, 1);
    const r = finishTask(this.fns, this.ctx, task);
    return this.emit(callResult(call, t0, r.ok ? len - r.residual : -1, r.errno, this.scrub(r.detail)));
  }

  /** A logical handle on the LUN (path and create are moot: the LUN is the one object); dsync makes writes FUA. */
  open(o: OpenSpec): CallResult {
    const t0 = nowUs();
    if (!this.ctx) return this.emit(refused('open', EBADF, 'the iSCSI session is disconnected'));
    const fd = this.nextHandle++;
    this.handles.set(fd, { dsync: o.dsync });
    return this.emit(callResult(o.dsync ? 'open(FUA)' : 'open', t0, fd, 0));
  }
  /** Forget a handle (the session stays). */
  close(fd: number): CallResult {
    const t0 = nowUs();
    if (!this.handles.delete(fd)) return this.emit(refused('close', EBADF, `no open handle ${fd}`));
    return this.emit(callResult('close', t0, 0, 0));
  }
  /** READ(16) into native memory at ptr, no copy. */
  pread(fd: number, ptr: unknown, len: number, off: number): CallResult { return this.transfer(false, fd, ptr, len, off); }
  /** WRITE(16) from native memory at ptr, FUA on a dsync handle. */
  pwrite(fd: number, ptr: unknown, len: number, off: number): CallResult { return this.transfer(true, fd, ptr, len, off); }
  /** SYNCHRONIZE CACHE(16) over the whole LUN. */
  fsync(fd: number): CallResult { return this.flush('fsync', fd); }
  /** Same as fsync: a LUN has no metadata apart from its data. */
  fdatasync(fd: number): CallResult { return this.flush('fdatasync', fd); }

  private flush(what: string, fd: number): CallResult {
    const call = `SYNCHRONIZE CACHE(16) (${what})`;
    const bad = this.check(call, fd, 0, 0);
    if (bad) return this.emit(bad);
    const t0 = nowUs();
    const task = this.fns.iscsi_synchronizecache16_sync(this.ctx, this.geometry.lun, 0n, 0, 0, 0);
    const r = finishTask(this.fns, this.ctx, task);
    return this.emit(callResult(call, t0, r.ok ? 0 : -1, r.errno, this.scrub(r.detail)));
  }

  /** Refused: a LUN's size is fixed by the target. */
  ftruncate(_fd: number, _size: number): CallResult { return this.emit(refused('ftruncate', EOPNOTSUPP, 'an iSCSI LUN has no file size to change')); }
  /** The LUN's capacity as its size, as a block device's. */
  fstat(fd: number): { res: CallResult; stat?: BackendStat } {
    const t0 = nowUs();
    if (!this.handles.has(fd)) return { res: this.emit(refused('fstat', EBADF, `no open handle ${fd}`)) };
    return { res: this.emit(callResult('fstat', t0, 0, 0)), stat: { size: this.size, mode: S_IFBLK | 0o600, ino: 0 } };
  }
  /** Refused: there are no paths on a LUN. */
  stat(_path: string): { res: CallResult; stat?: BackendStat } { return { res: this.emit(refused('stat', EOPNOTSUPP, 'an iSCSI LUN has no paths to stat')) }; }
  /** Refused: there are no files on a LUN. */
  unlink(_path: string): CallResult { return this.emit(refused('unlink', EOPNOTSUPP, 'an iSCSI LUN has no files to remove')); }
  /** Refused: a LUN has no permission bits. */
  chmod(_path: string, _mode: number): CallResult { return this.emit(refused('chmod', EOPNOTSUPP, 'an iSCSI LUN has no permission bits')); }
  /** Refused: a LUN has no permission bits. */
  fchmod(_fd: number, _mode: number): CallResult { return this.emit(refused('fchmod', EOPNOTSUPP, 'an iSCSI LUN has no permission bits')); }

  /** Log out, disconnect and free the context; never throws, idempotent. */
  disconnect(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    this.ctx = undefined;
    this.handles.clear();
    try {
      this.fns.iscsi_logout_sync(ctx);
      this.fns.iscsi_disconnect(ctx);
    } catch { /* a dying session cannot be helped here */ }
    try { this.fns.iscsi_destroy_context(ctx); } catch { /* idem */ }
  }
}
