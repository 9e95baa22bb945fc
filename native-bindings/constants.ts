// Linux ABI constants for the libc calls coprobe makes, per CPU architecture.
import { arch } from 'node:os';

/** Numeric constants that differ between architectures or are not in node:os. */
export interface LinuxConstants {
  O_RDONLY: number; O_WRONLY: number; O_RDWR: number; O_CREAT: number; O_EXCL: number;
  O_DIRECT: number; O_DSYNC: number; O_SYNC: number; O_CLOEXEC: number;
  F_GETFL: number; F_SETFL: number; F_SETLK: number; F_SETLKW: number;
  F_OFD_SETLK: number; F_OFD_SETLKW: number;
  F_RDLCK: number; F_WRLCK: number; F_UNLCK: number;
  LOCK_SH: number; LOCK_EX: number; LOCK_NB: number; LOCK_UN: number;
  POSIX_FADV_NORMAL: number; POSIX_FADV_DONTNEED: number; POSIX_FADV_WILLNEED: number;
  BLKFLSBUF: number; BLKSSZGET: number; BLKGETSIZE64: number;
  PROT_READ: number; MAP_SHARED: number;
  AT_FDCWD: number; AT_EMPTY_PATH: number; AT_STATX_SYNC_AS_STAT: number; AT_STATX_FORCE_SYNC: number;
  STATX_BASIC_STATS: number; STATX_DIOALIGN: number; STATX_SIZE: number;
}

const common = {
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 0o100, O_EXCL: 0o200,
  O_DSYNC: 0o10000, O_SYNC: 0o4010000, O_CLOEXEC: 0o2000000,
  F_GETFL: 3, F_SETFL: 4, F_SETLK: 6, F_SETLKW: 7, F_OFD_SETLK: 37, F_OFD_SETLKW: 38,
  F_RDLCK: 0, F_WRLCK: 1, F_UNLCK: 2,
  LOCK_SH: 1, LOCK_EX: 2, LOCK_NB: 4, LOCK_UN: 8,
  POSIX_FADV_NORMAL: 0, POSIX_FADV_WILLNEED: 3, POSIX_FADV_DONTNEED: 4,
  BLKFLSBUF: 0x1261, BLKSSZGET: 0x1268, BLKGETSIZE64: 0x80081272,
  PROT_READ: 1, MAP_SHARED: 1,
  AT_FDCWD: -100, AT_EMPTY_PATH: 0x1000, AT_STATX_SYNC_AS_STAT: 0, AT_STATX_FORCE_SYNC: 0x2000,
  STATX_BASIC_STATS: 0x7ff, STATX_DIOALIGN: 0x2000, STATX_SIZE: 0x200,
};

const byArch: Record<string, LinuxConstants> = {
  x64: { ...common, O_DIRECT: 0o40000 },
  arm64: { ...common, O_DIRECT: 0o200000 },
};

/** The constants for this process's architecture, or a reason why there are none. */
export function linuxConstants(cpu: string = arch()): LinuxConstants | { reason: string } {
  const found = byArch[cpu];
  if (process.platform !== 'linux') return { reason: `platform ${process.platform} is not Linux` };
  return found ?? { reason: `architecture ${cpu} has no constant table (supported: ${Object.keys(byArch).join(', ')})` };
}
