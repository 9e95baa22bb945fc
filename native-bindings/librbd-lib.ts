// koffi declarations of the librados (librados.so.2) and librbd (librbd.so.1) calls the librbd backend makes.
// Prototypes follow Debian librados-dev/librbd-dev 16.2.15's rados/librados.h and rbd/librbd.h; handles (rados_t,
// rados_ioctx_t, rbd_image_t) stay opaque pointers. Every int-returning call returns 0 or -errno; rbd_read/rbd_write
// return the byte count or -errno.
import koffi from 'koffi';

const radosPrototypes = {
  rados_version: 'void rados_version(_Out_ int *major, _Out_ int *minor, _Out_ int *extra)',
  rados_create: 'int rados_create(_Out_ void **cluster, const char *id)',
  rados_conf_read_file: 'int rados_conf_read_file(void *cluster, const char *path)',
  rados_conf_set: 'int rados_conf_set(void *cluster, const char *option, const char *value)',
  rados_conf_get: 'int rados_conf_get(void *cluster, const char *option, _Out_ uint8_t *buf, size_t len)',
  rados_connect: 'int rados_connect(void *cluster)',
  rados_shutdown: 'void rados_shutdown(void *cluster)',
  rados_ioctx_create: 'int rados_ioctx_create(void *cluster, const char *pool_name, _Out_ void **ioctx)',
  rados_ioctx_destroy: 'void rados_ioctx_destroy(void *io)',
  rados_ioctx_set_namespace: 'void rados_ioctx_set_namespace(void *io, const char *nspace)',
} as const;

const rbdPrototypes = {
  rbd_version: 'void rbd_version(_Out_ int *major, _Out_ int *minor, _Out_ int *extra)',
  rbd_open: 'int rbd_open(void *io, const char *name, _Out_ void **image, const char *snap_name)',
  rbd_close: 'int rbd_close(void *image)',
  rbd_stat: 'int rbd_stat(void *image, _Out_ uint8_t *info, size_t infosize)',
  rbd_get_size: 'int rbd_get_size(void *image, _Out_ uint64_t *size)',
  rbd_get_features: 'int rbd_get_features(void *image, _Out_ uint64_t *features)',
  rbd_is_exclusive_lock_owner: 'int rbd_is_exclusive_lock_owner(void *image, _Out_ int *is_owner)',
  // The buffer goes as its address (uintptr_t, same ABI as char *): the caller's native memory, no copy.
  rbd_read: 'int64_t rbd_read(void *image, uint64_t ofs, size_t len, uintptr_t buf)',
  rbd_write: 'int64_t rbd_write(void *image, uint64_t ofs, size_t len, uintptr_t buf)',
  rbd_flush: 'int rbd_flush(void *image)',
  rbd_invalidate_cache: 'int rbd_invalidate_cache(void *image)',
  // The image's effective librbd settings (client config, then pool and image overrides), with where each came from.
  rbd_config_image_list: 'int rbd_config_image_list(void *image, uint8_t *options, _Inout_ int *max_options)',
  rbd_config_image_list_cleanup: 'void rbd_config_image_list_cleanup(uint8_t *options, int max_options)',
} as const;

export type RadosFnName = keyof typeof radosPrototypes;
export type RbdFnName = keyof typeof rbdPrototypes;
type NativeFn = ReturnType<koffi.IKoffiLib['func']>;
export type RbdFunctions = Record<RadosFnName | RbdFnName, NativeFn>;

/** sizeof(rbd_image_info_t): size, obj_size, num_objs (u64), order (int), block_name_prefix[24], parent_pool (i64), parent_name[96]. */
export const RBD_IMAGE_INFO_SIZE = 160;

/** The fields of rbd_image_info_t coprobe reads. */
export function decodeImageInfo(buf: Buffer): { size: number; objSize: number; numObjs: number; order: number } {
  return {
    size: Number(buf.readBigUInt64LE(0)), objSize: Number(buf.readBigUInt64LE(8)), numObjs: Number(buf.readBigUInt64LE(16)),
    order: buf.readInt32LE(24),
  };
}

/** sizeof(rbd_config_option_t): char *name, char *value, rbd_config_source_t source (padded). */
export const RBD_CONFIG_OPTION_SIZE = 24;
/** rbd_config_source_t, by value. */
export const RBD_CONFIG_SOURCES = ['config', 'pool', 'image'] as const;

/** rbd/features.h: feature bits and their names (as `rbd info` prints them). */
export const RBD_FEATURES: readonly [bigint, string][] = [
  [1n << 0n, 'layering'], [1n << 1n, 'striping'], [1n << 2n, 'exclusive-lock'], [1n << 3n, 'object-map'],
  [1n << 4n, 'fast-diff'], [1n << 5n, 'deep-flatten'], [1n << 6n, 'journaling'], [1n << 7n, 'data-pool'],
  [1n << 8n, 'operations'], [1n << 9n, 'migrating'], [1n << 10n, 'non-primary'], [1n << 11n, 'dirty-cache'],
];

/** Feature names of a feature mask ("layering, exclusive-lock, ..."); unknown bits as 0x... */
export function featureNames(mask: bigint): string[] {
  const out: string[] = [];
  let rest = mask;
  for (const [bit, name] of RBD_FEATURES) if (mask & bit) { out.push(name); rest &= ~bit; }
  if (rest) out.push(`0x${rest.toString(16)}`);
  return out;
}

export type RbdLoad = { available: true; fns: RbdFunctions; radosPath: string; rbdPath: string } | { available: false; reason: string };
const cache = new Map<string, RbdLoad>();

/** Load librados.so.2 and librbd.so.1 (or $COPROBE_LIBRADOS, $COPROBE_LIBRBD) once; a missing library or symbol is a reason, never a throw. */
export function loadLibrbd(radosPath = process.env.COPROBE_LIBRADOS || 'librados.so.2', rbdPath = process.env.COPROBE_LIBRBD || 'librbd.so.1'): RbdLoad {
  const key = `${radosPath}\0${rbdPath}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = load(radosPath, rbdPath)));
  return found;
}

function load(radosPath: string, rbdPath: string): RbdLoad {
  const fns = {} as RbdFunctions;
  for (const [path, prototypes] of [[radosPath, radosPrototypes], [rbdPath, rbdPrototypes]] as const) {
    let lib: koffi.IKoffiLib;
    try {
      lib = koffi.load(path);
    } catch (err) {
      return { available: false, reason: `cannot load ${path}: ${(err as Error).message}` };
    }
    for (const [name, proto] of Object.entries(prototypes)) {
      try {
        fns[name as RadosFnName | RbdFnName] = lib.func(proto);
      } catch (err) {
        return { available: false, reason: `${path} lacks ${name}: ${(err as Error).message}` };
      }
    }
  }
  return { available: true, fns, radosPath, rbdPath };
}

/** "major.minor.extra" from a version call with three int out-parameters. */
export function versionOf(fn: RbdFunctions['rbd_version']): string {
  const ma = [0], mi = [0], ex = [0];
  fn(ma, mi, ex);
  return `${ma[0]}.${mi[0]}.${ex[0]}`;
}
