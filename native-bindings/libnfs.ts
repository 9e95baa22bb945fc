// The libnfs backend module: one userspace NFS mount per connect (no host page cache), errors as stable BackendError codes.
// libnfs's own client caches stay off: its page cache and readahead are off by default in 4.0 (rpc_init_context zeroes them)
// and are only turned on by the URL (?pagecache=N, ?readahead=N), which caps.pageCache and facts then report. nfs_set_pagecache
// is deliberately never called: in 4.0 it rounds 0 up to one page, so "setting it to 0" would switch a 4 KiB cache ON.
// Its directory cache (names to handles, filled by opendir) is turned off unless the URL asks for dircache=1.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { BackendError, type BackendModule, type ConnectOptions, type ConnectedTarget, type SideBackend } from './backend.js';
import { LIBNFS_DEFAULT_VERSION, arg, libnfsUrl, parseNfsUrl, type NfsUrl } from './nfs-url.js';
import { NFS_STAT64_SIZE, decodeNfsStat64, loadLibnfs, type NfsFunctions } from './libnfs-lib.js';
import { NfsSide } from './libnfs-side.js';
import { transferPieces } from './libnfs-limits.js';

const S_IFMT = 0o170000, S_IFDIR = 0o040000;
const PAGE = 4096; // NFS_BLKSIZE, libnfs's page cache page

/** Round up to a power of two as libnfs 4.0 does for its cache sizes (0 stays 0 here: nothing was asked). */
function pow2(v: number): number {
  if (v <= 0) return 0;
  let p = 1;
  while (p < v) p *= 2;
  return p;
}

/** libnfs's page cache (pages) and readahead (bytes) as the URL sets them: readahead forces a cache of twice its size. */
function clientCache(u: NfsUrl): { pages: number; readahead: number } {
  const ra = Number(arg(u, 'readahead') ?? 0) > 0 ? Math.max(PAGE, pow2(Number(arg(u, 'readahead')))) : 0;
  const pages = Math.max(pow2(Number(arg(u, 'pagecache') ?? 0)), (2 * ra) / PAGE);
  return { pages, readahead: ra };
}

/** "host" or "host:port" for messages. */
function serverName(u: NfsUrl): string {
  const host = u.host.includes(':') ? `[${u.host}]` : u.host;
  return u.port !== undefined ? `${host}:${u.port}` : host;
}

let contexts = 0;

/** A fresh context with coprobe's settings, then the URL's arguments applied by libnfs's own parser. */
function newContext(fns: NfsFunctions, u: NfsUrl, exportPath: string, opts: ConnectOptions): unknown {
  const ctx = fns.nfs_init_context();
  if (!ctx) throw new BackendError('libnfs', 'ECONNECT', 'nfs_init_context failed (out of memory?)');
  // libnfs 4.0 names every NFSv4 client "Libnfs pid:<pid> <time>" with a verifier from the same two numbers: two contexts
  // opened in one second by one process (or same-pid processes on two hosts) are one client to the server, and the second
  // SETCLIENTID expires the first one's state (its OPENs then fail with NFS4ERR_EXPIRED). Each context gets its own identity.
  const id = randomBytes(8);
  fns.nfs4_set_client_name(ctx, `coprobe ${hostname()} pid:${process.pid} ctx:${++contexts} ${id.toString('hex')}`);
  fns.nfs4_set_verifier(ctx, id);
  if (opts.timeoutSec > 0) fns.nfs_set_timeout(ctx, Math.ceil(opts.timeoutSec) * 1000); // whole seconds only in 4.0
  fns.nfs_set_dircache(ctx, 0);
  const url = fns.nfs_parse_url_dir(ctx, libnfsUrl(u, exportPath));
  if (!url) {
    const msg = String(fns.nfs_get_error(ctx) ?? '');
    fns.nfs_destroy_context(ctx);
    throw new BackendError('libnfs', 'EURL', `${libnfsUrl(u, exportPath)}: libnfs refuses the URL (${msg})`);
  }
  fns.nfs_destroy_url(url);
  return ctx;
}

/** Whether a failed nfs_mount means nothing answered (connect) or the server answered and refused the path (refused). */
function classify(rc: number, msg: string): 'connect' | 'refused' {
  if (/MNT3ERR_|NFS3ERR_|NFS4ERR_/.test(msg)) return 'refused';
  if (/nfs_service failed|rpc_service failed|Program is not available|Failed to start connection|resolv|timed out|RPC_STATUS|Poll failed|does not support NFSv/i.test(msg)) return 'connect';
  return rc === -2 || rc === -13 || rc === -20 ? 'refused' : 'connect'; // ENOENT, EACCES, ENOTDIR
}

/** ECONNECT with what to check: resolution, the NFS server, and for NFSv3 the portmapper. */
function connectError(u: NfsUrl, version: number, msg: string): BackendError {
  const at = serverName(u);
  if (/resolv/i.test(msg)) return new BackendError('libnfs', 'ECONNECT', `cannot resolve host ${u.host} (libnfs: ${msg})`);
  if (/Program is not available/i.test(msg)) {
    return new BackendError('libnfs', 'ECONNECT', `rpcbind at ${u.host} answers but no NFS/MOUNT service is registered with it (libnfs: ${msg}); `
      + `check that the NFS server is running (rpcinfo -p ${u.host}; ci/ganesha.sh status)`);
  }
  const portmap = version === 3 && arg(u, 'mountport') === undefined
    ? `; NFSv3 finds MOUNT${u.port === undefined && arg(u, 'nfsport') === undefined ? ' and NFS' : ''} through rpcbind: check it answers (rpcinfo -p ${u.host})` : '';
  return new BackendError('libnfs', 'ECONNECT', `nothing answered for NFSv${version} at ${at} (libnfs: ${msg}); `
    + `check that the NFS server is running and listening there (ci/ganesha.sh status)${portmap}`);
}

/** ENOEXPORT naming the path and how to list what the server exports. */
function noExport(u: NfsUrl, version: number, why: string): BackendError {
  const list = version === 4 ? `nfs-ls 'nfs://${serverName(u)}/?version=4'` : `nfs-ls -D nfs://${serverName(u)}`;
  return new BackendError('libnfs', 'ENOEXPORT', `${u.path} on ${serverName(u)} (NFSv${version}): ${why}; list what the server exports with \`${list}\``);
}

/** The candidate exports for a path: the path itself, then each parent up to "/". */
export function exportCandidates(path: string): string[] {
  const out = [path];
  for (let p = path; p !== '/';) {
    p = p.slice(0, p.lastIndexOf('/')) || '/';
    out.push(p);
  }
  return out;
}

/** Mount the deepest exported prefix of the URL's path; the rest must be a directory inside it. */
function mount(fns: NfsFunctions, u: NfsUrl, version: number, opts: ConnectOptions): { ctx: unknown; exportPath: string; dir: string } {
  let firstRefusal = '';
  for (const exportPath of exportCandidates(u.path)) {
    const ctx = newContext(fns, u, exportPath, opts);
    const rc = Number(fns.nfs_mount(ctx, u.host, exportPath));
    if (rc === 0) {
      const dir = exportPath === '/' ? u.path : u.path.slice(exportPath.length) || '/';
      if (dir === '/') return { ctx, exportPath, dir };
      const st = Buffer.alloc(NFS_STAT64_SIZE);
      const src = Number(fns.nfs_stat64(ctx, dir, st));
      const msg = src < 0 ? String(fns.nfs_get_error(ctx) ?? '').trim() : '';
      if (src === 0 && (decodeNfsStat64(st).mode & S_IFMT) === S_IFDIR) return { ctx, exportPath, dir };
      fns.nfs_umount(ctx);
      fns.nfs_destroy_context(ctx);
      const refusal = firstRefusal ? `the server refused it as an export (${firstRefusal}), and ` : '';
      throw noExport(u, version, `${refusal}directory ${dir} ${src === 0 ? 'is not a directory' : `does not exist (${msg})`} in export ${exportPath}`);
    }
    const msg = String(fns.nfs_get_error(ctx) ?? '').trim();
    fns.nfs_destroy_context(ctx);
    if (classify(rc, msg) === 'connect') throw connectError(u, version, msg);
    firstRefusal ||= msg;
  }
  throw noExport(u, version, `the server answers but refuses the path and every parent of it (libnfs: ${firstRefusal})`);
}

/** Mount the export an nfs:// URL names; throws BackendError (ELIBMISSING, EURL, ECONNECT, ENOEXPORT). */
function connect(target: string, opts: ConnectOptions): { backend: SideBackend; target: ConnectedTarget } {
  const lib = loadLibnfs();
  if (!lib.available) throw new BackendError('libnfs', 'ELIBMISSING', `not available: ${lib.reason} (install Debian's libnfs13)`);
  const fns = lib.fns;
  const u = parseNfsUrl(target);
  const version = u.version ?? LIBNFS_DEFAULT_VERSION;
  const { ctx, exportPath, dir } = mount(fns, u, version, opts);
  const cache = clientCache(u);
  const pageCache = cache.pages > 0;
  const extraContext = () => {
    const extra = newContext(fns, u, exportPath, opts);
    const rc = Number(fns.nfs_mount(extra, u.host, exportPath));
    if (rc === 0) return { ctx: extra };
    const error = `mounting another NFSv4 client on ${exportPath} failed (libnfs: ${String(fns.nfs_get_error(extra) ?? '').trim()})`;
    fns.nfs_destroy_context(extra);
    return { error };
  };
  const backend = new NfsSide(fns, ctx, dir, pageCache, version, extraContext);
  const pieces = transferPieces(fns, ctx, version);
  const versionText = `NFSv${version}${u.version === undefined ? ' (libnfs default)' : ''}`;
  const cacheText = pageCache ? `libnfs page cache of ${(cache.pages * PAGE) / 1024} KiB${cache.readahead ? `, readahead ${cache.readahead} bytes` : ''}` : 'no host page cache';
  const connected: ConnectedTarget = {
    path: target, kind: 'dir', fsType: 'nfs', logicalBlockSize: 512,
    description: `${versionText} export ${exportPath}${dir === '/' ? '' : ` (directory ${dir})`} of ${serverName(u)} via libnfs (userspace, ${cacheText})`,
    facts: {
      server: serverName(u), export: exportPath, dir, version, versionFrom: u.version === undefined ? 'libnfs default' : 'url',
      pagecache: cache.pages, readahead: cache.readahead, dircache: arg(u, 'dircache') === '1',
      readPiece: pieces.readmax, writePiece: pieces.writemax,
      ...(version === 4 ? { writeSplit: `libnfs 4.0 NFSv4 WRITEs carry at most ${pieces.writemax} bytes: a 4 KiB block is written as several WRITE RPCs, not atomically` } : {}),
    },
  };
  return { backend, target: connected };
}

/** libnfs as a side backend for nfs:// URLs. */
export const libnfsBackend: BackendModule = {
  name: 'libnfs',
  schemes: ['nfs:'],
  serves: { kind: 'dir', stack: 'nfs' },
  available() {
    const lib = loadLibnfs();
    return lib.available ? { available: true } : { available: false, reason: lib.reason };
  },
  connect,
};
