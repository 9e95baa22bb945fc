// The libgfapi backend module: one GlusterFS client graph (glfs_t) per connect, set up as QEMU's gluster driver sets up its
// own (block/gluster.c qemu_gluster_glfs_init and qemu_gluster_open): glfs_new(volume), glfs_set_volfile_server("tcp",
// host, port or 24007), glfs_set_logging, glfs_set_xlator_option("*-write-behind", "resync-failed-syncs-after-fsync",
// "on"), glfs_init. The volume's client volfile decides which performance translators this client loads, exactly as for
// a FUSE mount of the volume; the ones that decide coherence are reported in ConnectedTarget.cluster.
// QEMU's gluster driver is deprecated since QEMU 9.2 (docs/about/deprecated.rst); Debian 12's qemu-block-extra (QEMU 7.2)
// still ships block-gluster.so, which is what this backend models.
import koffi from 'koffi';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendError, type BackendModule, type ClusterFacts, type ConnectOptions, type ConnectedTarget, type SideBackend } from './backend.js';
import { errnoName } from './errno.js';
import { glusterServer, parseGlusterUrl, type GlusterUrl } from './gluster-url.js';
import { coherenceOptions, hasTranslator, parseVolfile, type VolfileSection } from './gluster-volfile.js';
import { STAT_SIZE, decodeStat, loadLibgfapi, type GfapiFunctions } from './libgfapi-lib.js';
import { GfapiSide } from './libgfapi-side.js';

const S_IFMT = 0o170000, S_IFDIR = 0o040000;
const ENOENT = 2, ENOTCONN = 107;
/** GF_LOG_ERROR: the level QEMU gives glfs_set_logging by default (GLUSTER_DEBUG_DEFAULT 4). */
const GF_LOG_ERROR = 4;
/** The most seconds spent checking that glusterd answers before glfs_init (which can wait minutes on a silent host). */
const REACH_TIMEOUT_SEC = 5;

/** What QEMU says of its gluster driver, for the report. */
export const QEMU_GLUSTER_DEPRECATION = 'QEMU\'s gluster driver (block/gluster.c) is deprecated since QEMU 9.2 (docs/about/deprecated.rst); '
  + 'Debian 12\'s qemu-block-extra (QEMU 7.2) still ships block-gluster.so';

let clients = 0;

/**
 * Whether something accepts TCP connections at host:port within the bound (a child process: connect() has no synchronous
 * form in Node). glfs_init itself gives up at once on a refused connection, but on a host that never answers it waits for
 * TCP's own SYN retries, minutes; this check turns that into a bounded ECONNECT.
 */
function reachable(u: GlusterUrl, timeoutSec: number): { ok: true } | { ok: false; why: string } {
  const script = `const s=require('net').connect({host:process.argv[1],port:+process.argv[2]});`
    + `s.on('connect',()=>{s.destroy();process.exit(0)});s.on('error',e=>{process.stderr.write(e.code||e.message);process.exit(1)})`;
  const r = spawnSync(process.execPath, ['-e', script, u.host, String(u.port)], { timeout: timeoutSec * 1000, encoding: 'utf8' });
  if (r.status === 0) return { ok: true };
  if (r.error || r.signal) return { ok: false, why: `no answer within ${timeoutSec} s` };
  const code = r.stderr.trim();
  return { ok: false, why: code === 'ECONNREFUSED' ? 'connection refused: nothing listens there' : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `cannot resolve host ${u.host}` : code || `exit ${r.status}` };
}

/** The ERROR lines gfapi wrote to this connection's log, shortened to their messages (for a failure's detail). */
function logErrors(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => / E \[/.test(l))
    .map((l) => l.replace(/^\[[^\]]*\] E (\[MSGID: \d+\] )?\[[^\]]*\] /, '').replace(/\s*\[\]\s*$/, '').trim()).slice(-4);
}

/** Map a failed glfs_init to a stable code and a message that says what to do. */
function initError(u: GlusterUrl, errno: number, errors: string[]): BackendError {
  const at = glusterServer(u);
  const lib = errors.length ? ` (libgfapi: ${errors.join('; ')})` : '';
  const joined = errors.join('\n');
  if (/failed to fetch volume file|volume file.*not found|Server is not connected|failed to get the 'volume file'|key:/i.test(joined) || (errno === ENOENT && !/remote subvolume|port number/.test(joined))) {
    return new BackendError('libgfapi', 'ENOVOLUME', `glusterd at ${at} has no volume "${u.volume}" (glfs_init: ${errnoName(errno) || 'failed'})${lib}; `
      + `list the volumes with \`gluster --remote-host=${u.host} volume list\` (ci/gluster.sh status)`);
  }
  if (/port number for remote subvolume|brick process|remote-subvolume|Connection refused|connection to .* failed/i.test(joined)) {
    return new BackendError('libgfapi', 'ECONNECT', `glusterd at ${at} serves volume "${u.volume}" but its brick does not answer${lib}; `
      + `check that the volume is started and its bricks online (\`gluster volume status ${u.volume}\`, ci/gluster.sh status)`);
  }
  if (errno === ENOTCONN) {
    return new BackendError('libgfapi', 'ECONNECT', `nothing answered for volume "${u.volume}" at ${at} (glfs_init: ENOTCONN)${lib}; check that glusterd runs and listens there (ci/gluster.sh status)`);
  }
  return new BackendError('libgfapi', 'ECONNECT', `glfs_init of volume "${u.volume}" at ${at} failed (${errnoName(errno) || 'no errno'})${lib}; `
    + `check \`gluster volume status ${u.volume}\` on the server`);
}

/** The client volfile this graph was built from (glfs_get_volfile), parsed; undefined with the reason when unavailable. */
function clientVolfile(fns: GfapiFunctions, fs: unknown): { sections: VolfileSection[] } | { why: string } {
  // glusterfs 10.3's glfs_get_volfile copies `len` bytes whatever the volfile's size and returns len: ask with len 0 first
  // (it answers minus the volfile's length), then with exactly that length.
  const need = Number(fns.glfs_get_volfile(fs, new Uint8Array(1), 0));
  if (need === 0) return { why: 'glfs_get_volfile: no volfile available' };
  if (need > 0) return { why: `glfs_get_volfile answered ${need} for an empty buffer` };
  const buf = new Uint8Array(-need);
  const got = Number(fns.glfs_get_volfile(fs, buf, buf.length));
  if (got !== buf.length) return { why: `glfs_get_volfile answered ${got} for a ${buf.length}-byte buffer` };
  const sections = parseVolfile(Buffer.from(buf).toString('utf8'));
  return sections.length ? { sections } : { why: 'glfs_get_volfile returned no translator' };
}

/** The volume's UUID (glfs_get_volumeid), or undefined. */
function volumeId(fns: GfapiFunctions, fs: unknown): string | undefined {
  const id = new Uint8Array(16);
  if (Number(fns.glfs_get_volumeid(fs, id, 16)) !== 16) return undefined;
  const h = Buffer.from(id).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Set up a client graph on the volume a gluster:// URL names, as QEMU does; throws BackendError (ELIBMISSING, EURL, ECONNECT, ENOVOLUME, ENOPATH). */
function connect(target: string, opts: ConnectOptions): { backend: SideBackend; target: ConnectedTarget } {
  const lib = loadLibgfapi();
  if (!lib.available) throw new BackendError('libgfapi', 'ELIBMISSING', `not available: ${lib.reason} (install Debian's libgfapi0)`);
  const fns = lib.fns;
  const u = parseGlusterUrl(target);
  const at = glusterServer(u);
  const reach = reachable(u, Math.max(1, Math.min(REACH_TIMEOUT_SEC, opts.timeoutSec || REACH_TIMEOUT_SEC)));
  if (!reach.ok) {
    throw new BackendError('libgfapi', 'ECONNECT', `nothing answered at glusterd ${at} (${reach.why}); check that glusterd runs and listens there (ci/gluster.sh status)${u.portGiven ? '' : '; the URL names no port, so glusterd\'s 24007 is used'}`);
  }
  const logPath = join(tmpdir(), `coprobe-gfapi-${process.pid}-${++clients}.log`);
  const removeLog = () => { try { rmSync(logPath, { force: true }); } catch { /* a leftover log file is harmless */ } };
  const fs = fns.glfs_new(u.volume);
  if (!fs) throw new BackendError('libgfapi', 'ECONNECT', `glfs_new(${u.volume}) failed (${errnoName(koffi.errno()) || 'out of memory?'})`);
  let handedOver = false;
  try {
    if (Number(fns.glfs_set_volfile_server(fs, u.transport, u.host, u.port)) !== 0) {
      throw new BackendError('libgfapi', 'EURL', `glfs_set_volfile_server(tcp, ${at}) refused it (${errnoName(koffi.errno())})`);
    }
    // Never the agent's stdout (it speaks JSON lines there) and never stderr: a log file of this connection, read when the
    // set-up fails and removed once it is done.
    if (Number(fns.glfs_set_logging(fs, logPath, GF_LOG_ERROR)) !== 0) {
      throw new BackendError('libgfapi', 'ECONNECT', `glfs_set_logging(${logPath}) failed (${errnoName(koffi.errno())})`);
    }
    // As QEMU (CONFIG_GLUSTERFS_XLATOR_OPT): write-behind keeps failed writes after a failed fsync, so a retry can succeed.
    if (Number(fns.glfs_set_xlator_option(fs, '*-write-behind', 'resync-failed-syncs-after-fsync', 'on')) !== 0) {
      throw new BackendError('libgfapi', 'ECONNECT', `glfs_set_xlator_option(*-write-behind, resync-failed-syncs-after-fsync, on) failed (${errnoName(koffi.errno())})`);
    }
    if (Number(fns.glfs_init(fs)) !== 0) {
      const errno = koffi.errno();
      throw initError(u, errno, logErrors(logPath));
    }
    const st = new Uint8Array(STAT_SIZE);
    if (Number(fns.glfs_stat(fs, u.path, st)) !== 0) {
      const errno = koffi.errno();
      throw new BackendError('libgfapi', 'ENOPATH', `directory ${u.path} ${errno === ENOENT ? 'does not exist' : `cannot be looked up (${errnoName(errno)})`} in volume "${u.volume}" at ${at}; `
        + `create it (mount the volume, mkdir) or name an existing directory`);
    }
    if ((decodeStat(st).mode & S_IFMT) !== S_IFDIR) {
      throw new BackendError('libgfapi', 'ENOPATH', `${u.path} in volume "${u.volume}" is not a directory: coprobe creates its scratch files in a directory (QEMU's URL names an image; coprobe's names the directory for them)`);
    }
    const vf = clientVolfile(fns, fs);
    const written = { 'performance/write-behind': { 'resync-failed-syncs-after-fsync': 'on' } };
    const cluster: ClusterFacts = 'sections' in vf
      ? {
        system: 'glusterfs', client: 'gfapi', name: u.volume, options: coherenceOptions(vf.sections, written),
        source: `client volfile from glfs_get_volfile (volume ${u.volume} at ${at}): translators loaded or not, options as written ("default": not written, the translator's own value); `
          + 'write-behind resync-failed-syncs-after-fsync set by this client with glfs_set_xlator_option, as QEMU does',
      }
      : { system: 'glusterfs', client: 'gfapi', name: u.volume, options: {}, source: `the client volfile could not be read: ${vf.why}` };
    const id = volumeId(fns, fs);
    // The log served to explain a failed set-up; gfapi keeps writing into the unlinked file, which goes with the process.
    // Removed now rather than at disconnect: glfs_fini takes ~10 s and an agent killed meanwhile would leave it behind.
    removeLog();
    const backend = new GfapiSide(fns, fs, u.path);
    handedOver = true;
    const version = lib.version ? `GlusterFS ${lib.version}` : 'GlusterFS (version unknown)';
    const connected: ConnectedTarget = {
      path: target, kind: 'dir', fsType: 'glusterfs', logicalBlockSize: 512,
      description: `GlusterFS volume ${u.volume}${u.path === '/' ? '' : ` (directory ${u.path})`} at ${at} via libgfapi (${version}, QEMU's gluster:// driver; client-side performance translators as the volume's client volfile loads them)`,
      facts: {
        server: at, volume: u.volume, dir: u.path, transport: u.transport,
        ...(lib.version ? { glusterfsVersion: lib.version } : {}), ...(id ? { volumeId: id } : {}),
        ...('sections' in vf ? { shard: hasTranslator(vf.sections, 'features/shard') } : {}),
        openFlags: 'O_DIRECT for cache=none/directsync only; no O_DSYNC (write-through = flush after each write)',
        qemuDriver: QEMU_GLUSTER_DEPRECATION,
      },
      cluster,
    };
    return { backend, target: connected };
  } finally {
    if (!handedOver) {
      removeLog(); // already read into the error, if it said anything
      // glfs_fini of an initialised graph takes ~10 s in glusterfs 9+ (gluster/glusterfs#2606): longer than the
      // coordinator waits for init's answer. It runs on a worker thread while the error goes back at once.
      try {
        (fns.glfs_fini as unknown as { async: (fs: unknown, cb: () => void) => void }).async(fs, () => undefined);
      } catch { /* nothing more to do */ }
    }
  }
}

/** libgfapi as a side backend for gluster:// and gluster+tcp:// URLs (QEMU's gluster driver). */
export const libgfapiBackend: BackendModule = {
  name: 'libgfapi',
  schemes: ['gluster:', 'gluster+tcp:'],
  serves: { kind: 'dir', stack: 'cluster' },
  available() {
    const lib = loadLibgfapi();
    return lib.available ? { available: true, ...(lib.version ? { version: lib.version } : {}) } : { available: false, reason: lib.reason };
  },
  connect,
};
