// koffi declarations of the libnfs 4.0 synchronous calls (libnfs.so.13); contexts and file handles stay opaque pointers.
// Prototypes follow Debian libnfs-dev 4.0.0's include/nfsc/libnfs.h. In 4.0 nfs_pread/nfs_pwrite take (offset, count, buf);
// libnfs 5 reordered them to (buf, count, offset), so this binding is for the 4.x ABI (soname 13) only.
import koffi from 'koffi';

const prototypes = {
  nfs_init_context: 'void *nfs_init_context(void)',
  nfs_destroy_context: 'void nfs_destroy_context(void *nfs)',
  nfs_get_error: 'const char *nfs_get_error(void *nfs)',
  nfs_parse_url_dir: 'void *nfs_parse_url_dir(void *nfs, const char *url)',
  nfs_destroy_url: 'void nfs_destroy_url(void *url)',
  nfs_set_timeout: 'void nfs_set_timeout(void *nfs, int milliseconds)',
  nfs_set_dircache: 'void nfs_set_dircache(void *nfs, int enabled)',
  nfs_set_readahead: 'void nfs_set_readahead(void *nfs, uint32_t v)',
  nfs_get_readmax: 'uint64_t nfs_get_readmax(void *nfs)',
  nfs_get_writemax: 'uint64_t nfs_get_writemax(void *nfs)',
  nfs4_set_client_name: 'void nfs4_set_client_name(void *nfs, const char *id)',
  // The verifier is 8 bytes of data (copied at the call), not a string.
  nfs4_set_verifier: 'void nfs4_set_verifier(void *nfs, const void *verifier)',
  nfs_mount: 'int nfs_mount(void *nfs, const char *server, const char *exportname)',
  nfs_umount: 'int nfs_umount(void *nfs)',
  nfs_open2: 'int nfs_open2(void *nfs, const char *path, int flags, int mode, _Out_ void **nfsfh)',
  nfs_close: 'int nfs_close(void *nfs, void *nfsfh)',
  // The buffer goes as its address (uintptr_t, same ABI as void *) so a transfer can be split at an offset into it.
  nfs_pread: 'int nfs_pread(void *nfs, void *nfsfh, uint64_t offset, uint64_t count, uintptr_t buf)',
  nfs_pwrite: 'int nfs_pwrite(void *nfs, void *nfsfh, uint64_t offset, uint64_t count, uintptr_t buf)',
  nfs_fsync: 'int nfs_fsync(void *nfs, void *nfsfh)',
  nfs_ftruncate: 'int nfs_ftruncate(void *nfs, void *nfsfh, uint64_t length)',
  nfs_fstat64: 'int nfs_fstat64(void *nfs, void *nfsfh, void *st)',
  nfs_stat64: 'int nfs_stat64(void *nfs, const char *path, void *st)',
  nfs_unlink: 'int nfs_unlink(void *nfs, const char *path)',
  nfs_chmod: 'int nfs_chmod(void *nfs, const char *path, int mode)',
  nfs_fchmod: 'int nfs_fchmod(void *nfs, void *nfsfh, int mode)',
} as const;

export type NfsFnName = keyof typeof prototypes;
type NativeFn = ReturnType<koffi.IKoffiLib['func']>;
export type NfsFunctions = Record<NfsFnName, NativeFn>;

/** Bytes of struct nfs_stat_64: seventeen uint64_t fields. */
export const NFS_STAT64_SIZE = 17 * 8;

/** The fields of struct nfs_stat_64 coprobe reads, from a buffer nfs_stat64/nfs_fstat64 filled. */
export function decodeNfsStat64(buf: Buffer): { ino: number; mode: number; size: number } {
  // Layout: dev, ino, mode, nlink, uid, gid, rdev, size, blksize, blocks, atime, mtime, ctime, *_nsec, used.
  return { ino: Number(buf.readBigUInt64LE(8)), mode: Number(buf.readBigUInt64LE(16)), size: Number(buf.readBigUInt64LE(56)) };
}

export type NfsLoad = { available: true; fns: NfsFunctions } | { available: false; reason: string };
const cache = new Map<string, NfsLoad>();

/** Load libnfs.so.13 (or $COPROBE_LIBNFS) once and declare every prototype; a missing library or symbol is a reason, never a throw. */
export function loadLibnfs(path = process.env.COPROBE_LIBNFS || 'libnfs.so.13'): NfsLoad {
  let found = cache.get(path);
  if (!found) cache.set(path, (found = load(path)));
  return found;
}

function load(path: string): NfsLoad {
  let lib: koffi.IKoffiLib;
  try {
    lib = koffi.load(path);
  } catch (err) {
    return { available: false, reason: `cannot load ${path}: ${(err as Error).message}` };
  }
  const fns = {} as NfsFunctions;
  for (const name of Object.keys(prototypes) as NfsFnName[]) {
    try {
      fns[name] = lib.func(prototypes[name]);
    } catch (err) {
      return { available: false, reason: `${path} lacks ${name}: ${(err as Error).message}` };
    }
  }
  return { available: true, fns };
}
