// The coherence-deciding settings of a clustered filesystem mount: GlusterFS volume options and FUSE client options,
// CephFS kernel-client mount options, ceph-fuse client configuration. Read without writing anything; every subprocess
// is bounded (killed after timeoutMs), and whatever cannot be read is said in `source`, never thrown.
//
// GlusterFS (fuse.glusterfs, source HOST:/VOL). Measured against glusterd 10.3 (Debian 12):
// - `gluster --remote-host=HOST system:: getspec VOL` answers from another host: it is the client volfile the FUSE client
//   (and gfapi) loads, so the translators in it are the caches the client really runs. It also carries the brick
//   credentials (option username/password): only the coherence translators' options are kept from it.
// - `gluster --remote-host=HOST volume info VOL` answers too ("Options Reconfigured": what the admin set).
// - `gluster --remote-host=HOST volume get VOL all` does not ("volume get option failed"): glusterd runs it only for its
//   local CLI socket.
// - Without the gluster CLI, or when glusterd does not answer and the server is this host: /var/lib/glusterd/vols/VOL's
//   fuse volfile (a glusterd with its default working directory).
// The FUSE client's own options (attribute/entry timeouts, fopen-keep-cache, ...) are on its command line (/proc/PID/cmdline
// of the glusterfs process whose last argument is the mount point).
//
// CephFS kernel client (type ceph): its mount options from mountinfo, filtered to the caching ones; secret= never kept.
// ceph-fuse (fuse.ceph-fuse): `ceph --admin-daemon ASOK config show` on the client's admin socket (ASOK named with its
// pid), filtered; without a socket, the [client]/[global] sections of its conf file.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocalAddress } from './nfs.js';
import type { ClusterFacts, MountDetails } from './types.js';

/** Where cluster detection reads the system (overridable for tests). */
export interface ClusterProbeEnv {
  /** /proc (client processes' command lines). */
  procRoot?: string;
  /** Bound on each subprocess, in ms (default 1500). */
  timeoutMs?: number;
  /** This host's addresses (for "is the gluster server this host"). */
  localAddrs?: readonly string[];
  /** glusterd's working directory on this host (default /var/lib/glusterd). */
  glusterdDir?: string;
  /** Directories holding ceph admin sockets (default /var/run/ceph, /run/ceph). */
  cephRunDirs?: readonly string[];
  /** The ceph conf file when ceph-fuse names none (default /etc/ceph/ceph.conf). */
  cephConf?: string;
}

/** Option names that look like secrets: never kept, whatever the source. */
const SECRET_RE = /secret|password|passwd|username|key(ring|file)?$|^auth|token|credential/i;

/** GlusterFS volume options (as `gluster volume set` names them) that decide caching, O_DIRECT handling and invalidation. */
const GLUSTER_OPTION_RE = new RegExp('^(' + [
  'performance\\.(quick-read|read-ahead|io-cache|write-behind|open-behind|stat-prefetch|readdir-ahead|parallel-readdir|nl-cache|flush-behind|strict-o-direct|strict-write-ordering|cache-invalidation|global-cache-invalidation|ctime-invalidation|lazy-open|read-after-open|open-behind-pass-through|write-behind-pass-through|write-behind-window-size|resync-failed-syncs-after-fsync|cache-size|cache-timeout|cache-refresh-timeout|qr-cache-timeout|md-cache-timeout|md-cache-statfs|cache-max-file-size|cache-min-file-size|io-cache-size|io-cache-pass-through|quick-read-cache-size|quick-read-cache-timeout|quick-read-cache-invalidation|nl-cache-timeout|nl-cache-positive-entry|force-readdirp|read-ahead-page-count|read-ahead-pass-through|aggregate-size|.*-pass-through)',
  'network\\.remote-dio',
  'features\\.(shard|shard-block-size|cache-invalidation|cache-invalidation-timeout)',
  'storage\\.o-direct',
].join('|') + ')$');

/** Client translators whose presence in the volfile turns a cache on, by translator type → volume option. */
const GLUSTER_XLATORS: Record<string, string> = {
  'performance/quick-read': 'performance.quick-read',
  'performance/read-ahead': 'performance.read-ahead',
  'performance/io-cache': 'performance.io-cache',
  'performance/write-behind': 'performance.write-behind',
  'performance/open-behind': 'performance.open-behind',
  'performance/md-cache': 'performance.stat-prefetch',
  'performance/readdir-ahead': 'performance.readdir-ahead',
  'performance/nl-cache': 'performance.nl-cache',
  'features/shard': 'features.shard',
};

/** FUSE client command-line options that decide the kernel's caching, with glusterfs's defaults (10.x, glusterfsd.c). */
const GLUSTER_FUSE_DEFAULTS: Record<string, string> = {
  'attribute-timeout': '1',
  'entry-timeout': '1',
  'negative-timeout': '0',
  'fopen-keep-cache': 'auto',
  'auto-invalidation': 'on',
  'direct-io-mode': 'auto',
  'kernel-writeback-cache': 'off',
  'invalidate-limit': '0',
};

/** CephFS kernel-client mount options that decide caching (fs/ceph/super.c). */
const CEPH_KERNEL_RE = /^(noshare|share|fsc|nofsc|dcache|nodcache|caps_wanted_delay_min|caps_wanted_delay_max|caps_max|rasize|rsize|wsize|readdir_max_entries|readdir_max_bytes|write_congestion_kb|noasyncreaddir|asyncreaddir|nocopyfrom|copyfrom|wsync|nowsync|pagecache|nopagecache|noquotadf|recover_session|sync|dirstat|nodirstat|rbytes|norbytes|ms_mode|mount_timeout|osdkeepalive|osd_idle_ttl|crush_location|read_from_replica)$/;

/** ceph-fuse / libcephfs client settings that decide caching and invalidation (src/common/options). */
const CEPH_FUSE_RE = /^(client_cache_size|client_cache_mid|client_oc|client_oc_size|client_oc_max_dirty|client_oc_target_dirty|client_oc_max_dirty_age|client_oc_max_objects|client_readahead_min|client_readahead_max_bytes|client_readahead_max_periods|client_caps_release_delay|client_force_lazyio|fuse_use_invalidate_cb|fuse_disable_pagecache)$/;

/** One bounded command: its stdout, or the reason it failed. */
function run(cmd: string, args: string[], timeoutMs: number): { ok: true; out: string } | { ok: false; why: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  const shown = `${cmd} ${args.join(' ')}`;
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT') return { ok: false, why: `${shown}: no answer within ${timeoutMs} ms` };
    if (code === 'ENOENT') return { ok: false, why: `${cmd} is not installed` };
    return { ok: false, why: `${shown}: ${r.error.message}` };
  }
  if (r.signal) return { ok: false, why: `${shown}: no answer within ${timeoutMs} ms` };
  if (r.status !== 0) {
    const msg = `${r.stdout ?? ''} ${r.stderr ?? ''}`.replace(/\s+/g, ' ').trim().slice(0, 200);
    return { ok: false, why: `${shown}: exit ${r.status}${msg ? ` (${msg})` : ''}` };
  }
  return { ok: true, out: r.stdout };
}

/** The process (pid, argv) of a FUSE daemon with this comm whose command line names the mount point. */
export function findFuseClient(mountPoint: string, comms: readonly string[], procRoot = '/proc'): { pid: number; argv: string[] } | undefined {
  let entries: string[];
  try { entries = readdirSync(procRoot); } catch { return undefined; }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (!comms.includes(readFileSync(join(procRoot, e, 'comm'), 'utf8').trim())) continue;
      const argv = readFileSync(join(procRoot, e, 'cmdline'), 'utf8').split('\0').filter((a) => a !== '');
      if (argv.includes(mountPoint)) return { pid: Number(e), argv };
    } catch { /* gone meanwhile, or not ours to read */ }
  }
  return undefined;
}

/** "--name=value" and "--name value" options of a command line, by name (flags without a value: ""). */
export function longOptions(argv: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string) => { out.set(k, [...(out.get(k) ?? []), v]); };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) add(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('-') && i + 1 < argv.length - 1) add(a.slice(2), argv[++i]!);
    else add(a.slice(2), '');
  }
  return out;
}

/** HOST and VOL of a glusterfs mount source: "host:/vol", "host:vol", "host1,host2:/vol" (the first host). */
export function splitGlusterSource(source: string): { host: string; volume: string } | undefined {
  const m = /^(\[[^\]]+\]|[^:/]+):\/?([^/]+)(\/.*)?$/.exec(source);
  if (!m) return undefined;
  return { host: m[1]!.split(',')[0]!.replace(/^\[|\]$/g, ''), volume: m[2]! };
}

/** A client volfile's translators: name → { type, options }. */
export function parseVolfile(text: string): { name: string; type: string; options: Record<string, string> }[] {
  const out: { name: string; type: string; options: Record<string, string> }[] = [];
  let cur: { name: string; type: string; options: Record<string, string> } | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^volume\s+(\S+)/.exec(line))) cur = { name: m[1]!, type: '', options: {} };
    else if (line === 'end-volume') { if (cur) out.push(cur); cur = undefined; }
    else if (cur && (m = /^type\s+(\S+)/.exec(line))) cur.type = m[1]!;
    else if (cur && (m = /^option\s+(\S+)\s+(.*)$/.exec(line))) cur.options[m[1]!] = m[2]!.trim();
  }
  return out;
}

/** The coherence options a client volfile shows: which caches are loaded, and the options given to them. */
export function volfileOptions(text: string): Record<string, string> {
  const xl = parseVolfile(text);
  if (!xl.some((x) => x.type.startsWith('protocol/client'))) return {};
  const out: Record<string, string> = {};
  const present = new Set(xl.map((x) => x.type));
  for (const [type, opt] of Object.entries(GLUSTER_XLATORS)) out[opt] = present.has(type) ? 'on' : 'off';
  for (const x of xl) {
    const short = x.type.split('/')[1] ?? x.type;
    const keep = x.type in GLUSTER_XLATORS;
    for (const [k, v] of Object.entries(x.options)) {
      if (SECRET_RE.test(k)) continue;
      if (keep || (x.type === 'protocol/client' && /o_direct/i.test(k))) out[`${short}.${k}`] = v;
    }
  }
  return out;
}

/** The coherence options among `gluster volume info`'s "Options Reconfigured". */
export function volumeInfoOptions(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let on = false;
  for (const line of text.split('\n')) {
    if (/^Options Reconfigured:/.test(line)) { on = true; continue; }
    if (!on) continue;
    const m = /^([a-z0-9._-]+):\s*(.*)$/.exec(line.trim());
    if (!m) { if (line.trim() === '') on = false; continue; }
    if (GLUSTER_OPTION_RE.test(m[1]!) && !SECRET_RE.test(m[1]!)) out[m[1]!] = m[2]!;
  }
  return out;
}

/** The FUSE client's caching options from its command line, with glusterfs's defaults where not given. */
export function glusterFuseOptions(argv: readonly string[]): Record<string, string> {
  const o = longOptions(argv);
  const out: Record<string, string> = {};
  for (const [k, def] of Object.entries(GLUSTER_FUSE_DEFAULTS)) {
    const given = o.get(k)?.at(-1);
    out[`fuse.${k}`] = given === undefined ? `${def} (default)` : given === '' ? 'on' : given;
  }
  // Client-side overrides of volfile options (--xlator-option=*-write-behind.strict-O_DIRECT=on).
  for (const x of o.get('xlator-option') ?? []) {
    const m = /^(.+?)=(.*)$/.exec(x);
    if (m && !SECRET_RE.test(m[1]!)) out[`xlator-option.${m[1]!}`] = m[2]!;
  }
  return out;
}

/** GlusterFS FUSE mount: server-side volume options (client volfile and volume info) and the FUSE client's options. */
export function glusterFacts(mount: MountDetails, env: ClusterProbeEnv = {}): ClusterFacts {
  const timeoutMs = env.timeoutMs ?? 1500;
  const client = findFuseClient(mount.mountPoint, ['glusterfs'], env.procRoot);
  const args = client ? longOptions(client.argv) : new Map<string, string[]>();
  const fromSource = splitGlusterSource(mount.source);
  const host = args.get('volfile-server')?.[0] ?? fromSource?.host;
  const volume = (args.get('volfile-id')?.[0] ?? fromSource?.volume)?.replace(/^\//, '');
  const options: Record<string, string> = {};
  const read: string[] = [];
  const failed: string[] = [];
  if (host && volume) {
    const cli = (...a: string[]) => run('gluster', ['--mode=script', '--log-file=/dev/null', `--remote-host=${host}`, ...a], timeoutMs);
    const spec = cli('system::', 'getspec', volume);
    const specOptions = spec.ok ? volfileOptions(spec.out) : {};
    if (spec.ok && Object.keys(specOptions).length) read.push(`the client volfile from ${host} (gluster system:: getspec ${volume})`);
    else failed.push(spec.ok ? `gluster system:: getspec ${volume} at ${host}: not a client volfile` : spec.why);
    // volume info only when glusterd answered getspec (one timeout at most on a server that does not answer).
    if (spec.ok) {
      const info = cli('volume', 'info', volume);
      if (info.ok && /Volume Name:/.test(info.out)) {
        Object.assign(options, volumeInfoOptions(info.out));
        read.push(`gluster volume info ${volume} at ${host} (options reconfigured)`);
      } else failed.push(info.ok ? `gluster volume info ${volume} at ${host}: no volume` : info.why);
    }
    Object.assign(options, specOptions);
    if (!Object.keys(specOptions).length && isLocalAddress(host, env.localAddrs ?? [])) {
      const local = localVolfile(env.glusterdDir ?? '/var/lib/glusterd', volume);
      if ('text' in local) { Object.assign(options, volfileOptions(local.text)); read.push(local.path); } else failed.push(local.why);
    }
  } else {
    failed.push(`the volume is not in the mount source "${mount.source}"${client ? '' : ' and no glusterfs process serves the mount'}`);
  }
  if (client) {
    Object.assign(options, glusterFuseOptions(client.argv));
    read.push(`the FUSE client's command line (glusterfs pid ${client.pid})`);
  } else failed.push(`no glusterfs process with ${mount.mountPoint} on its command line (another mount namespace?)`);
  return { system: 'glusterfs', client: 'fuse', ...(volume ? { name: volume } : {}), options: redact(options), source: sourceLine(read, failed) };
}

function localVolfile(dir: string, volume: string): { path: string; text: string } | { why: string } {
  const vdir = join(dir, 'vols', volume);
  try {
    const f = readdirSync(vdir).filter((n) => /fuse\.vol$/.test(n)).sort((x, y) => Number(x.startsWith('trusted-')) - Number(y.startsWith('trusted-')))[0];
    if (!f) return { why: `no *fuse.vol in ${vdir}` };
    return { path: join(vdir, f), text: readFileSync(join(vdir, f), 'utf8') };
  } catch (e) {
    return { why: `${vdir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
}

function sourceLine(read: string[], failed: string[]): string {
  if (!read.length) return `could not read: ${failed.join('; ')}`;
  return `${read.join('; ')}${failed.length ? `; could not read: ${failed.join('; ')}` : ''}`;
}

function redact(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (!SECRET_RE.test(k.split('.').at(-1)!)) out[k] = v;
  return out;
}

/** The CephFS filesystem a kernel mount names: fs=/mds_namespace= option, or the new-style source name@fsid.fs=/path. */
function cephFsName(mount: MountDetails): string | undefined {
  const o = mount.options;
  if (o.fs) return o.fs;
  if (o.mds_namespace) return o.mds_namespace;
  const m = /^[^@]*@[^.]*\.([^=]+)=/.exec(mount.source);
  return m?.[1];
}

/** CephFS kernel client: its caching mount options (from mountinfo; secret= and the key never kept). */
export function cephKernelFacts(mount: MountDetails): ClusterFacts {
  const options: Record<string, string> = {};
  for (const [k, v] of Object.entries(mount.options)) if (CEPH_KERNEL_RE.test(k) && !SECRET_RE.test(k)) options[k] = v === '' ? 'on' : v;
  const name = cephFsName(mount);
  return {
    system: 'cephfs', client: 'kernel', ...(name ? { name } : {}), options,
    source: `the kernel client's mount options (mountinfo of ${mount.mountPoint}; options not shown are the kernel's defaults)`,
  };
}

/** The [section] key = value pairs of a ceph conf (keys normalised to underscores), [global] then [client] then [client.NAME]. */
export function cephConfOptions(text: string, clientName = 'client.admin'): Record<string, string> {
  const sections: Record<string, Record<string, string>> = {};
  let cur = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (!line) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) { cur = s[1]!.trim(); continue; }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (kv) (sections[cur] ??= {})[kv[1]!.trim().replace(/[ -]+/g, '_')] = kv[2]!.trim();
  }
  const merged = { ...sections.global, ...sections.client, ...sections[clientName] };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) if (CEPH_FUSE_RE.test(k)) out[k] = v;
  return out;
}

/** ceph-fuse: the client's settings from its admin socket, else from its conf file. */
export function cephFuseFacts(mount: MountDetails, env: ClusterProbeEnv = {}): ClusterFacts {
  // The ceph CLI is a Python program: its start alone took over 1.5 s in the lab guest under TCG.
  const timeoutMs = env.timeoutMs ?? 6000;
  const client = findFuseClient(mount.mountPoint, ['ceph-fuse'], env.procRoot);
  const args = client ? longOptions(client.argv) : new Map<string, string[]>();
  const shortArg = (flag: string) => { const i = client?.argv.indexOf(flag) ?? -1; return i >= 0 ? client!.argv[i + 1] : undefined; };
  const clientName = args.get('name')?.[0] ?? shortArg('-n') ?? (args.get('id')?.[0] ? `client.${args.get('id')![0]}` : undefined) ?? (shortArg('-i') ? `client.${shortArg('-i')}` : 'client.admin');
  const name = args.get('client_fs')?.[0] ?? args.get('client_mds_namespace')?.[0];
  const failed: string[] = [];
  const options: Record<string, string> = {};
  if (client) {
    const asok = args.get('admin-socket')?.[0] ?? args.get('admin_socket')?.[0] ?? findAsok(client.pid, env.cephRunDirs ?? ['/var/run/ceph', '/run/ceph']);
    if (asok) {
      const r = run('ceph', ['--admin-daemon', asok, 'config', 'show'], timeoutMs);
      if (r.ok) {
        try {
          const all = JSON.parse(r.out) as Record<string, unknown>;
          for (const [k, v] of Object.entries(all)) if (CEPH_FUSE_RE.test(k)) options[k] = String(v);
          const fs = name ?? ([all.client_fs, all.client_mds_namespace].find((x) => typeof x === 'string' && x !== '') as string | undefined);
          return { system: 'cephfs', client: 'fuse', ...(fs ? { name: fs } : {}), options, source: `the client's admin socket ${asok} (config show; ceph-fuse pid ${client.pid})` };
        } catch { failed.push(`${asok}: config show did not answer JSON`); }
      } else failed.push(r.why);
    } else failed.push(`no admin socket of ceph-fuse pid ${client.pid} in ${(env.cephRunDirs ?? ['/var/run/ceph', '/run/ceph']).join(', ')}`);
    for (const a of client.argv) {
      const m = /^--(client_[a-z_]+|fuse_[a-z_]+)=(.*)$/.exec(a);
      if (m && CEPH_FUSE_RE.test(m[1]!)) options[m[1]!] = m[2]!;
    }
  } else failed.push(`no ceph-fuse process with ${mount.mountPoint} on its command line`);
  const conf = args.get('conf')?.[0] ?? shortArg('-c') ?? env.cephConf ?? '/etc/ceph/ceph.conf';
  let confRead = false;
  try {
    const fromConf = cephConfOptions(readFileSync(conf, 'utf8'), clientName);
    for (const [k, v] of Object.entries(fromConf)) if (!(k in options)) options[k] = v;
    confRead = true;
  } catch (e) { failed.push(`${conf}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`); }
  const read = [...(confRead ? [`${conf} (${clientName}; settings not there are ceph's defaults)`] : []), ...(client && Object.keys(options).length && !confRead ? ['the ceph-fuse command line'] : [])];
  return { system: 'cephfs', client: 'fuse', ...(name ? { name } : {}), options: redact(options), source: sourceLine(read, failed) };
}

/** The admin socket of the ceph client with this pid ($cluster-$name.$pid.$cctid.asok), if any. */
function findAsok(pid: number, dirs: readonly string[]): string | undefined {
  for (const d of dirs) {
    try {
      const f = readdirSync(d).find((n) => n.endsWith('.asok') && n.split('.').includes(String(pid)));
      if (f) return join(d, f);
    } catch { /* no such directory */ }
  }
  return undefined;
}

/** The cluster facts of a mount, or undefined when it is not a clustered filesystem this module reads. Never throws. */
export function clusterFacts(mount: MountDetails, env: ClusterProbeEnv = {}): ClusterFacts | undefined {
  try {
    if (mount.fsType === 'fuse.glusterfs' || (mount.fsType === 'fuse' && mount.options.subtype === 'glusterfs')) return glusterFacts(mount, env);
    if (mount.fsType === 'fuse.ceph-fuse' || mount.fsType === 'fuse.ceph' || (mount.fsType === 'fuse' && mount.options.subtype === 'ceph-fuse')) return cephFuseFacts(mount, env);
    if (mount.fsType === 'ceph') return cephKernelFacts(mount);
  } catch (e) {
    return { system: mount.fsType === 'ceph' || /ceph/.test(mount.fsType) ? 'cephfs' : 'glusterfs', client: mount.fsType === 'ceph' ? 'kernel' : 'fuse', options: {}, source: `could not read: ${e instanceof Error ? e.message : String(e)}` };
  }
  return undefined;
}
