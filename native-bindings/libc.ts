// koffi declarations of the libc calls coprobe uses; a missing library or symbol becomes a capability record.
import koffi from 'koffi';

/** Whether one native call can be made here, and why not when it cannot. */
export interface Capability { available: boolean; reason?: string }

// Prototypes in koffi's C-like syntax. Variadic ones (open, fcntl, ioctl) take (type, value) pairs after the fixed arguments.
const prototypes = {
  open: 'int open(const char *path, int flags, ...)',
  close: 'int close(int fd)',
  pread: 'int64_t pread(int fd, void *buf, size_t count, int64_t offset)',
  pwrite: 'int64_t pwrite(int fd, void *buf, size_t count, int64_t offset)',
  fsync: 'int fsync(int fd)',
  fdatasync: 'int fdatasync(int fd)',
  ftruncate: 'int ftruncate(int fd, int64_t length)',
  statx: 'int statx(int dirfd, const char *path, int flags, uint32_t mask, void *buf)',
  statfs: 'int statfs(const char *path, void *buf)',
  posix_fadvise: 'int posix_fadvise(int fd, int64_t offset, int64_t len, int advice)',
  fcntl: 'int fcntl(int fd, int cmd, ...)',
  flock: 'int flock(int fd, int operation)',
  unlink: 'int unlink(const char *path)',
  fchmod: 'int fchmod(int fd, uint32_t mode)',
  chmod: 'int chmod(const char *path, uint32_t mode)',
  ioctl: 'int ioctl(int fd, unsigned long request, ...)',
  mmap: 'void *mmap(void *addr, size_t length, int prot, int flags, int fd, int64_t offset)',
  munmap: 'int munmap(void *addr, size_t length)',
  mincore: 'int mincore(void *addr, size_t length, void *vec)',
  posix_memalign: 'int posix_memalign(_Out_ void **memptr, size_t alignment, size_t size)',
  free: 'void free(void *ptr)',
  // The file-system identity of the calling thread (the agent's main thread, where koffi's sync calls run); both return the previous id.
  setfsuid: 'uint32_t setfsuid(uint32_t fsuid)',
  setfsgid: 'uint32_t setfsgid(uint32_t fsgid)',
} as const;

export type LibcName = keyof typeof prototypes;
type NativeFn = ReturnType<koffi.IKoffiLib['func']>;
export type LibcFunctions = { [K in LibcName]?: NativeFn };

/** The struct flock of Linux (same layout on x86_64 and arm64). */
export const FlockStruct = koffi.struct('coprobe_flock', {
  l_type: 'short', l_whence: 'short', l_start: 'int64_t', l_len: 'int64_t', l_pid: 'int',
});

export interface LibcBinding {
  fns: LibcFunctions;
  capabilities: Record<LibcName, Capability>;
}

/** Load libc and declare each prototype; never throws. */
export function loadLibc(path = 'libc.so.6'): LibcBinding {
  const capabilities = {} as Record<LibcName, Capability>;
  const fns: LibcFunctions = {};
  let lib: koffi.IKoffiLib | undefined;
  let loadError = '';
  try {
    lib = koffi.load(path);
  } catch (err) {
    loadError = `cannot load ${path}: ${(err as Error).message}`;
  }
  for (const name of Object.keys(prototypes) as LibcName[]) {
    if (!lib) { capabilities[name] = { available: false, reason: loadError }; continue; }
    try {
      fns[name] = lib.func(prototypes[name]);
      capabilities[name] = { available: true };
    } catch (err) {
      capabilities[name] = { available: false, reason: `${name}: ${(err as Error).message}` };
    }
  }
  return { fns, capabilities };
}
