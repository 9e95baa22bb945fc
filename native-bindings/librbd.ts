// The librbd backend module for rbd:// URLs, connecting the way QEMU's rbd driver does (block/rbd.c qemu_rbd_connect):
// rados_create(id) → rados_conf_read_file(conf, or librados's default search) → the URL's options (rados_conf_set) →
// rbd_cache true/false by the open's cache mode → rados_connect → rados_ioctx_create(pool) → namespace → rbd_open.
// coprobe adds only the timeouts (client_mount_timeout, rados_mon_op_timeout, rados_osd_op_timeout from
// ConnectOptions.timeoutSec, before the URL's options so a URL can override them) so a dead cluster fails a call
// instead of hanging it. One cluster connection per rbd_cache setting, each made on first use.
import { BackendError, type BackendModule, type ClusterFacts, type ConnectOptions, type ConnectedTarget, type SideBackend } from './backend.js';
import { callResult } from './call.js';
import { errnoName } from './errno.js';
import { nowUs } from './clock.js';
import type { CallResult } from './posix.js';
import {
  RBD_CONFIG_OPTION_SIZE, RBD_CONFIG_SOURCES, RBD_IMAGE_INFO_SIZE, decodeImageInfo, featureNames, loadLibrbd, versionOf, type RbdFunctions,
} from './librbd-lib.js';
import { RbdSide, RBD_SECTOR, type RbdConnection, type RbdConnections } from './librbd-side.js';
import { SECRET_OPTIONS, describeOptions, parseRbdUrl, redactRbdUrl, type RbdUrl } from './rbd-url.js';
import koffi from 'koffi';

const EPERM = 1, ENOENT = 2, EACCES = 13, EINVAL = 22, ETIMEDOUT = 110, ENAMETOOLONG = 36, ERANGE = 34;
/** The timeouts coprobe sets from ConnectOptions.timeoutSec (QEMU sets none: a dead cluster hangs its calls). */
export const TIMEOUT_OPTIONS = ['client_mount_timeout', 'rados_mon_op_timeout', 'rados_osd_op_timeout'] as const;
/**
 * The bound on reaching the monitors (client_mount_timeout) at most: a monitor answers a healthy client in milliseconds,
 * and 5 s keeps "no monitor answered" inside the coordinator's default 10 s per command (else the agent is killed as HUNG
 * and the user never learns which monitor address was tried). A URL's client_mount_timeout= overrides it.
 */
export const MOUNT_TIMEOUT_SEC = 5;
/** librbd's settings that decide what a client cache can serve, read back for the cluster facts. */
export const CACHE_OPTIONS = ['rbd_cache_policy', 'rbd_cache_writethrough_until_flush', 'rbd_cache_size', 'rbd_cache_max_dirty',
  'rbd_cache_max_dirty_age', 'rbd_persistent_cache_mode'] as const;

/** A BackendError carrying the errno librados/librbd returned, for the CallResult of a failed lazy open. */
class RbdError extends BackendError {
  constructor(code: string, readonly errno: number, message: string) { super('librbd', code, message); }
}

/** A Ceph error in words: "ENOENT (2)". */
function errText(rc: number): string {
  return `${errnoName(-rc) || 'error'} (${-rc})`;
}

/** A configuration value as this handle holds it (rados_conf_get), or undefined when it is not an option. */
export function confGet(fns: RbdFunctions, cluster: unknown, name: string): string | undefined {
  for (let size = 256; size <= 65536; size *= 4) {
    const buf = Buffer.alloc(size);
    const rc = Number(fns.rados_conf_get(cluster, name, buf, size));
    if (rc === -ENAMETOOLONG) continue;
    if (rc < 0) return undefined;
    const end = buf.indexOf(0);
    return buf.toString('utf8', 0, end < 0 ? size : end);
  }
  return undefined;
}

/** The image's effective librbd settings (rbd_config_image_list): name → value and where it came from. */
export function imageConfig(fns: RbdFunctions, image: unknown): Map<string, { value: string; source: string }> {
  const out = new Map<string, { value: string; source: string }>();
  const max = [0];
  let rc = Number(fns.rbd_config_image_list(image, null, max));
  if (rc !== -ERANGE && rc < 0) return out;
  const buf = Buffer.alloc(Math.max(1, max[0]!) * RBD_CONFIG_OPTION_SIZE);
  rc = Number(fns.rbd_config_image_list(image, buf, max));
  if (rc < 0) return out;
  try {
    for (let i = 0; i < max[0]!; i++) {
      const at = i * RBD_CONFIG_OPTION_SIZE;
      const name = koffi.decode(buf, at, 'const char *') as string;
      const value = koffi.decode(buf, at + 8, 'const char *') as string;
      const source = RBD_CONFIG_SOURCES[buf.readInt32LE(at + 16)] ?? `source ${buf.readInt32LE(at + 16)}`;
      out.set(name, { value, source });
    }
  } finally {
    fns.rbd_config_image_list_cleanup(buf, max[0]!);
  }
  return out;
}

/** "pool/image" or "pool/namespace/image". */
export function imageName(u: RbdUrl): string {
  return u.namespace ? `${u.pool}/${u.namespace}/${u.image}` : `${u.pool}/${u.image}`;
}

/** One rados cluster handle configured as QEMU configures a drive's, with rbd_cache fixed; connected on first use. */
class RadosConnection implements RbdConnection {
  private cluster: unknown;
  private ioctx: unknown;
  /** The settings as this handle holds them after the overrides (before connecting: the monitors' config comes later). */
  readonly config = new Map<string, string | undefined>();

  constructor(private readonly fns: RbdFunctions, private readonly u: RbdUrl, readonly cache: boolean, private readonly opts: ConnectOptions,
    private readonly scrub: (s: string) => string) {
    const out: unknown[] = [null];
    const rc = Number(fns.rados_create(out, u.id ?? null));
    if (rc < 0 || !out[0]) throw new BackendError('librbd', 'ECONNECT', `rados_create(${u.id ?? 'admin'}) failed: ${errText(rc)}`);
    this.cluster = out[0];
    try {
      this.configure();
    } catch (err) {
      this.shutdown();
      throw err;
    }
  }

  private configure(): void {
    const { fns, u } = this;
    // QEMU: "try default location when conf=NULL, but ignore failure".
    const read = Number(fns.rados_conf_read_file(this.cluster, u.conf ?? null));
    if (u.conf !== undefined && read < 0) {
      throw new BackendError('librbd', 'ECONF', `cannot read the Ceph configuration ${u.conf} (${errText(read)}); check conf= (the lab cluster's: \`bash ci/ceph.sh conf\`)`);
    }
    if (this.opts.timeoutSec > 0) {
      for (const name of TIMEOUT_OPTIONS) {
        const secs = name === 'client_mount_timeout' ? Math.min(this.opts.timeoutSec, MOUNT_TIMEOUT_SEC) : this.opts.timeoutSec;
        fns.rados_conf_set(this.cluster, name, String(Math.ceil(secs)));
      }
    }
    for (const [name, value] of u.options) {
      const rc = Number(fns.rados_conf_set(this.cluster, name, value));
      if (rc === -ENOENT) throw new BackendError('librbd', 'EURL', `${name} is not a Ceph configuration option (librados refuses it); see \`ceph config ls\``);
      if (rc < 0) {
        const shown = SECRET_OPTIONS.has(name) ? `${name}=***` : `${name}=${value}`;
        throw new BackendError('librbd', 'EURL', `librados refuses ${this.scrub(shown)} (${errText(rc)}): not a valid value`);
      }
    }
    // QEMU sets rbd_cache last, overriding ceph.conf and the URL: false for cache=none/directsync (BDRV_O_NOCACHE), else true.
    fns.rados_conf_set(this.cluster, 'rbd_cache', this.cache ? 'true' : 'false');
    this.readConfig();
  }

  /** Read back the settings that decide coherence (again after connecting: the monitors' config database may add some). */
  readConfig(): void {
    for (const name of ['rbd_cache', ...CACHE_OPTIONS, 'mon_host', 'name', ...TIMEOUT_OPTIONS]) this.config.set(name, confGet(this.fns, this.cluster, name));
  }

  /** rados_connect and rados_ioctx_create, once; throws BackendError saying what to do. */
  private connect(): void {
    if (this.ioctx) return;
    const { fns, u } = this;
    const who = `client.${u.id ?? 'admin'}`;
    const mons = this.config.get('mon_host') || '(none configured)';
    const t0 = nowUs();
    const rc = Number(fns.rados_connect(this.cluster));
    if (rc < 0) {
      const secs = ((nowUs() - t0) / 1e6).toFixed(1);
      if (rc === -EACCES || rc === -EPERM) {
        throw new RbdError('ELOGIN', -rc, `the monitors at ${mons} refused cephx authentication as ${who} (${errText(rc)}); `
          + 'check id= and the key (keyring= or key=; the key is not shown)');
      }
      if (rc === -ENOENT) {
        throw new RbdError('ELOGIN', -rc, `no key found for ${who} (${errText(rc)}): give keyring=PATH (or key=) in the URL, or a keyring in ${u.conf ?? 'ceph.conf'}`);
      }
      if (rc === -ETIMEDOUT) {
        throw new RbdError('ECONNECT', -rc, `no Ceph monitor answered at ${mons} within ${secs} s (${errText(rc)}); `
          + `check that the cluster runs (\`bash ci/ceph.sh status\`) and mon_host${u.conf ? ` in ${u.conf}` : ''}`);
      }
      if (rc === -EINVAL && u.options.some(([n]) => n === 'key')) {
        throw new RbdError('ELOGIN', -rc, `librados cannot use the key given for ${who} (${errText(rc)}): key= must be the base64 cephx secret `
          + '(`ceph auth print-key client.NAME`; the key is not shown), or use keyring=PATH');
      }
      if (rc === -EINVAL && this.config.get('mon_host') === '') {
        throw new RbdError('ECONNECT', -rc, `no monitor address (${errText(rc)}): give conf=PATH to a ceph.conf with mon_host, or mon_host= in the URL`);
      }
      throw new RbdError('ECONNECT', -rc, `rados_connect to the monitors at ${mons} as ${who} failed after ${secs} s (${errText(rc)})`);
    }
    this.readConfig();
    const io: unknown[] = [null];
    const ioRc = Number(fns.rados_ioctx_create(this.cluster, u.pool, io));
    if (ioRc === -ENOENT) throw new RbdError('ENOPOOL', -ioRc, `pool ${u.pool} does not exist (${errText(ioRc)}); list the pools with \`ceph osd pool ls\``);
    if (ioRc < 0) throw new RbdError('ENOPOOL', -ioRc, `cannot open pool ${u.pool} as ${who} (${errText(ioRc)}); check the client's caps (\`ceph auth get ${who}\`)`);
    this.ioctx = io[0];
    // QEMU sets the namespace after opening the pool; NULL or "" is the default namespace.
    fns.rados_ioctx_set_namespace(this.ioctx, u.namespace ?? null);
  }

  /** Connect if needed and rbd_open the image; throws BackendError (ECONNECT, ELOGIN, ENOPOOL, ENOIMAGE). */
  open(): unknown {
    this.connect();
    const img: unknown[] = [null];
    const rc = Number(this.fns.rbd_open(this.ioctx, this.u.image, img, null));
    if (rc === -ENOENT) {
      throw new RbdError('ENOIMAGE', -rc, `image ${this.u.image} does not exist in pool ${this.u.pool}${this.u.namespace ? ` namespace ${this.u.namespace}` : ''} `
        + `(${errText(rc)}); list the images with \`rbd ls ${this.u.pool}\` or create one with \`rbd create --size 64M ${imageName(this.u)}\``);
    }
    if (rc < 0) throw new RbdError('ENOIMAGE', -rc, `rbd_open ${imageName(this.u)} failed (${errText(rc)})`);
    return img[0];
  }

  openImage(): { image: unknown } | { res: CallResult } {
    const t0 = nowUs();
    try {
      return { image: this.open() };
    } catch (err) {
      if (!(err instanceof BackendError)) throw err;
      return { res: callResult('rbd_open', t0, -1, err instanceof RbdError ? err.errno : 5, this.scrub(err.message)) };
    }
  }

  closeImage(image: unknown): CallResult {
    const t0 = nowUs();
    const rc = Number(this.fns.rbd_close(image));
    return callResult('rbd_close', t0, rc < 0 ? -1 : 0, -rc, rc < 0 ? `rbd_close failed: ${errText(rc)}` : undefined);
  }

  shutdown(): void {
    if (this.ioctx) { this.fns.rados_ioctx_destroy(this.ioctx); this.ioctx = undefined; }
    if (this.cluster) { this.fns.rados_shutdown(this.cluster); this.cluster = undefined; }
  }
}

/** The image's geometry, features and effective cache settings, read through an open image handle. */
function readImage(fns: RbdFunctions, image: unknown): {
  size: number; objSize: number; order: number; features: string[]; lockOwner: boolean | undefined; config: Map<string, { value: string; source: string }>;
} {
  const info = Buffer.alloc(RBD_IMAGE_INFO_SIZE);
  const rc = Number(fns.rbd_stat(image, info, RBD_IMAGE_INFO_SIZE));
  if (rc < 0) throw new RbdError('ENOIMAGE', -rc, `rbd_stat failed (${errText(rc)})`);
  const st = decodeImageInfo(info);
  const f = [0n];
  const features = Number(fns.rbd_get_features(image, f)) === 0 ? featureNames(BigInt(f[0]!)) : ['(rbd_get_features failed)'];
  const owner = [0];
  const lockOwner = Number(fns.rbd_is_exclusive_lock_owner(image, owner)) === 0 ? owner[0] === 1 : undefined;
  return { size: st.size, objSize: st.objSize, order: st.order, features, lockOwner, config: imageConfig(fns, image) };
}

/** The settings that decide coherence, as ClusterFacts: both connections' rbd_cache, the cache policy and sizes, the image's features. */
function clusterFacts(u: RbdUrl, buffered: RadosConnection, direct: RadosConnection, img: ReturnType<typeof readImage>): ClusterFacts {
  const options: Record<string, string> = {
    'rbd_cache (buffered opens)': buffered.config.get('rbd_cache') ?? '?',
    'rbd_cache (O_DIRECT opens)': direct.config.get('rbd_cache') ?? '?',
  };
  // A pool or image override (rbd config pool/image set) wins over the client's rbd_cache for every client of the image.
  const imgCache = img.config.get('rbd_cache');
  if (imgCache && imgCache.source !== 'config') options[`rbd_cache (${imgCache.source} override, every client)`] = imgCache.value;
  for (const name of CACHE_OPTIONS) {
    const eff = img.config.get(name);
    const value = eff?.value ?? buffered.config.get(name);
    if (value === undefined) continue;
    options[name] = eff && eff.source !== 'config' ? `${value} (${eff.source} override)` : value;
  }
  options.features = img.features.join(', ');
  return {
    system: 'rbd', client: 'librbd', name: imageName(u), options,
    source: 'librbd config of this client (ceph.conf, the URL\'s options, the monitors\' config database and QEMU\'s rbd_cache override, '
      + 'read back with rados_conf_get; pool/image overrides from rbd_config_image_list; features from rbd_get_features)',
  };
}

/** Connect to the image an rbd:// URL names; throws BackendError (ELIBMISSING, EURL, ECONF, ECONNECT, ELOGIN, ENOPOOL, ENOIMAGE). */
function connect(target: string, opts: ConnectOptions): { backend: SideBackend; target: ConnectedTarget } {
  const lib = loadLibrbd();
  if (!lib.available) throw new BackendError('librbd', 'ELIBMISSING', `not available: ${lib.reason} (install Debian's librbd1 and librados2)`);
  const fns = lib.fns;
  const u = parseRbdUrl(target);
  const secrets = u.options.filter(([n]) => SECRET_OPTIONS.has(n)).map(([, v]) => v).filter((v) => v.length > 0);
  const scrub = (s: string) => secrets.reduce((acc, v) => acc.split(v).join('***'), s);
  const made = new Map<boolean, RadosConnection>();
  const conns: RbdConnections = {
    get(cache) {
      let c = made.get(cache);
      if (!c) made.set(cache, (c = new RadosConnection(fns, u, cache, opts, scrub)));
      return c;
    },
    made: () => [...made.values()],
  };
  try {
    // Both handles are configured now (their settings are facts); the buffered one connects to check the image is there
    // (the agent's first open, its blank-device check, is buffered); the O_DIRECT one connects on its first open.
    const buffered = conns.get(true) as RadosConnection;
    const direct = conns.get(false) as RadosConnection;
    const image = buffered.open();
    let img: ReturnType<typeof readImage>;
    try {
      img = readImage(fns, image);
    } finally {
      fns.rbd_close(image);
    }
    if (img.size < RBD_SECTOR) throw new BackendError('librbd', 'ENOIMAGE', `image ${imageName(u)} is ${img.size} bytes: too small to probe`);
    const backend = new RbdSide(fns, conns, scrub);
    const rbdVersion = versionOf(fns.rbd_version);
    const who = buffered.config.get('name') ?? `client.${u.id ?? 'admin'}`;
    const policy = img.config.get('rbd_cache_policy')?.value ?? buffered.config.get('rbd_cache_policy') ?? '?';
    const connected: ConnectedTarget = {
      path: redactRbdUrl(target), kind: 'device', fsType: 'rbd', logicalBlockSize: RBD_SECTOR, deviceSize: img.size,
      description: `rbd image ${imageName(u)} (${img.size} bytes, ${img.objSize}-byte objects) via librbd ${rbdVersion} as ${who}: `
        + `rbd_cache=false for O_DIRECT opens, true for buffered ones (policy ${policy}), as QEMU's rbd driver sets it`,
      facts: {
        librbd: rbdVersion, librados: versionOf(fns.rados_version), pool: u.pool, ...(u.namespace ? { namespace: u.namespace } : {}), image: u.image,
        imageSize: img.size, objectSize: img.objSize, order: img.order, features: img.features.join(', '),
        conf: u.conf ?? '(librados default search)', client: who, monHost: buffered.config.get('mon_host') ?? '?',
        urlOptions: Object.entries(describeOptions(u)).map(([n, v]) => `${n}=${v}`).join(', '),
        timeouts: TIMEOUT_OPTIONS.map((n) => `${n}=${buffered.config.get(n) ?? '?'}`).join(', '),
        exclusiveLock: img.features.includes('exclusive-lock')
          ? `enabled; this client ${img.lockOwner ? 'owned' : 'did not own'} it right after opening (reads need no lock; the first write takes it, cooperatively)`
          : 'disabled on this image',
      },
      cluster: clusterFacts(u, buffered, direct, img),
    };
    return { backend, target: connected };
  } catch (err) {
    for (const c of made.values()) c.shutdown();
    if (err instanceof BackendError) throw new BackendError('librbd', err.code, scrub(err.message.replace(/^librbd: /, '')));
    throw err;
  }
}

/** librbd as a side backend for rbd:// URLs. */
export const librbdBackend: BackendModule = {
  name: 'librbd',
  schemes: ['rbd:'],
  serves: { kind: 'device', stack: 'block' },
  available() {
    const lib = loadLibrbd();
    return lib.available ? { available: true, version: versionOf(lib.fns.rbd_version) } : { available: false, reason: lib.reason };
  },
  connect,
};
