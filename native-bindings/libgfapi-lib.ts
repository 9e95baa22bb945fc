// koffi declarations of the libgfapi calls coprobe makes (libgfapi.so.0, GlusterFS 10.x); glfs_t and glfs_fd_t stay opaque.
// Prototypes follow Debian libglusterfs-dev 10.3's include/glusterfs/api/glfs.h. glfs_pread, glfs_pwrite, glfs_fsync,
// glfs_fdatasync and glfs_ftruncate gained pre/post `struct glfs_stat *` arguments in GFAPI_6.0 (the old ones stay as
// GFAPI_3.4.0 compat symbols); dlsym, hence koffi, binds the default version (`objdump -T` marks it without brackets),
// so the 6.0 prototypes are the ones declared here (NULL for the stat arguments, as QEMU passes). Every call returns -1
// (or NULL) and sets errno on failure: koffi.errno() is read right after it.
import koffi from 'koffi';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { arch } from 'node:os';
import { dirname, join } from 'node:path';

const prototypes = {
  glfs_new: 'void *glfs_new(const char *volname)',
  glfs_set_volfile_server: 'int glfs_set_volfile_server(void *fs, const char *transport, const char *host, int port)',
  glfs_set_logging: 'int glfs_set_logging(void *fs, const char *logfile, int loglevel)',
  glfs_set_xlator_option: 'int glfs_set_xlator_option(void *fs, const char *xlator, const char *key, const char *value)',
  glfs_init: 'int glfs_init(void *fs)',
  glfs_fini: 'int glfs_fini(void *fs)',
  // ssize_t glfs_get_volfile(glfs_t *, void *buf, size_t len): >0 bytes filled, 0 none, <0 too small by -N bytes.
  glfs_get_volfile: 'intptr_t glfs_get_volfile(void *fs, _Out_ uint8_t *buf, size_t len)',
  glfs_get_volumeid: 'int glfs_get_volumeid(void *fs, _Out_ uint8_t *volid, size_t size)',
  glfs_open: 'void *glfs_open(void *fs, const char *path, int flags)',
  glfs_creat: 'void *glfs_creat(void *fs, const char *path, int flags, uint32_t mode)',
  glfs_close: 'int glfs_close(void *fd)',
  // The buffer goes as its address (uintptr_t, same ABI as void *): the caller's native memory, no copy.
  glfs_pread: 'intptr_t glfs_pread(void *fd, uintptr_t buf, size_t count, int64_t offset, int flags, void *poststat)',
  glfs_pwrite: 'intptr_t glfs_pwrite(void *fd, uintptr_t buf, size_t count, int64_t offset, int flags, void *prestat, void *poststat)',
  glfs_fsync: 'int glfs_fsync(void *fd, void *prestat, void *poststat)',
  glfs_fdatasync: 'int glfs_fdatasync(void *fd, void *prestat, void *poststat)',
  glfs_ftruncate: 'int glfs_ftruncate(void *fd, int64_t length, void *prestat, void *poststat)',
  glfs_fstat: 'int glfs_fstat(void *fd, _Out_ uint8_t *buf)',
  glfs_stat: 'int glfs_stat(void *fs, const char *path, _Out_ uint8_t *buf)',
  glfs_unlink: 'int glfs_unlink(void *fs, const char *path)',
  glfs_chmod: 'int glfs_chmod(void *fs, const char *path, uint32_t mode)',
  glfs_fchmod: 'int glfs_fchmod(void *fd, uint32_t mode)',
} as const;

export type GfapiFnName = keyof typeof prototypes;
type NativeFn = ReturnType<koffi.IKoffiLib['func']>;
export type GfapiFunctions = Record<GfapiFnName, NativeFn>;

/** Bytes reserved for a struct stat (144 on x86_64, 128 on arm64). */
export const STAT_SIZE = 256;

/** Offsets of the struct stat fields coprobe reads, per architecture (glibc's kernel-compatible layouts). */
const STAT_LAYOUT: Record<string, { ino: number; mode: number; size: number }> = {
  x64: { ino: 8, mode: 24, size: 48 }, // dev, ino, nlink (u64), mode (u32), uid, gid, pad, rdev, size
  arm64: { ino: 8, mode: 16, size: 48 }, // dev, ino, mode (u32), nlink (u32), uid, gid, rdev, pad, size
};

/** The fields of struct stat coprobe reads, from a buffer glfs_stat/glfs_fstat filled. */
export function decodeStat(buf: Uint8Array, cpu: string = arch()): { ino: number; mode: number; size: number } {
  const l = STAT_LAYOUT[cpu];
  if (!l) throw new Error(`libgfapi: no struct stat layout for architecture ${cpu} (supported: ${Object.keys(STAT_LAYOUT).join(', ')})`);
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return { ino: Number(b.readBigUInt64LE(l.ino)), mode: b.readUInt32LE(l.mode), size: Number(b.readBigInt64LE(l.size)) };
}

export type GfapiLoad = { available: true; fns: GfapiFunctions; path: string; version?: string } | { available: false; reason: string };
const cache = new Map<string, GfapiLoad>();

/** Load libgfapi.so.0 (or $COPROBE_LIBGFAPI) once and declare every prototype; a missing library or symbol is a reason, never a throw. */
export function loadLibgfapi(path = process.env.COPROBE_LIBGFAPI || 'libgfapi.so.0'): GfapiLoad {
  let found = cache.get(path);
  if (!found) cache.set(path, (found = load(path)));
  return found;
}

function load(path: string): GfapiLoad {
  if (!STAT_LAYOUT[arch()]) return { available: false, reason: `no struct stat layout for architecture ${arch()}` };
  let lib: koffi.IKoffiLib;
  try {
    lib = koffi.load(path);
  } catch (err) {
    return { available: false, reason: `cannot load ${path}: ${(err as Error).message}` };
  }
  const fns = {} as GfapiFunctions;
  for (const name of Object.keys(prototypes) as GfapiFnName[]) {
    try {
      fns[name] = lib.func(prototypes[name]);
    } catch (err) {
      return { available: false, reason: `${path} lacks ${name}: ${(err as Error).message}` };
    }
  }
  const version = glusterVersion(path);
  return { available: true, fns, path, ...(version ? { version } : {}) };
}

/**
 * The GlusterFS release the library belongs to, read from its translator directory (libgfapi loads the client graph's
 * translators from <libdir>/glusterfs/<version>/xlator); libgfapi has no call that returns its version.
 */
function glusterVersion(path: string): string | undefined {
  const dirs = path.includes('/') ? [dirname(path)] : ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib'];
  for (const d of dirs) {
    let base: string;
    try { base = join(dirname(realpathSync(join(d, path.includes('/') ? path.slice(path.lastIndexOf('/') + 1) : path))), 'glusterfs'); } catch { continue; }
    if (!existsSync(base)) continue;
    const found = readdirSync(base).filter((n) => /^\d+(\.\d+)+$/.test(n) && existsSync(join(base, n, 'xlator')));
    if (found.length === 1) return found[0];
  }
  return undefined;
}
