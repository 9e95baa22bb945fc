// Parsing nfs://host[:port]/path[?arg=value&...] URLs (libnfs's form) into what connect needs, refusing what libnfs would ignore.
import { BackendError } from './backend.js';

/** A parsed NFS URL: the directory path as segments, the URL arguments as given, and the NFS version asked for. */
export interface NfsUrl {
  /** Host as libnfs takes it (an IPv6 address without brackets). */
  host: string;
  /** The port written after the host: the NFS port (libnfs's nfsport=); MOUNT and the portmapper stay as they are. */
  port?: number;
  /** Normalised absolute path ("/", "/export/sub"); no "." or ".." segments, no trailing slash. */
  path: string;
  /** URL arguments in their order (version, nfsport, uid, ...), values as written. */
  args: [string, string][];
  /** NFS version asked for with ?version=, else undefined (libnfs 4.0 then speaks NFSv3). */
  version?: 3 | 4;
}

const FORM = 'nfs://host[:port]/export[/dir...][?version=3|4&...]';

/** The URL arguments libnfs 4.0 understands (nfs_set_context_args); anything else would be silently ignored by libnfs. */
const INT_ARGS = new Set(['version', 'nfsport', 'mountport', 'uid', 'gid', 'tcp-syncnt', 'readahead', 'pagecache', 'debug',
  'dircache', 'autoreconnect', 'auto-traverse-mounts']);
const STRING_ARGS = new Set(['if']);

/** The libnfs default NFS version (include/nfsc/libnfs.h: "version=<3|4> : NFS version. Default is 3."). */
export const LIBNFS_DEFAULT_VERSION = 3;

/** Split an nfs:// URL; throws BackendError 'EURL' naming the form and what is wrong. */
export function parseNfsUrl(url: string): NfsUrl {
  const bad = (why: string): never => {
    throw new BackendError('libnfs', 'EURL', `${url}: ${why}; expected ${FORM}`);
  };
  if (!/^nfs:\/\//i.test(url)) bad('not an nfs:// URL');
  if (/[\s#]/.test(url)) bad('spaces and fragments (#) are not allowed');
  const rest = url.slice('nfs://'.length);
  const q = rest.indexOf('?');
  const hostPath = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  if (hostPath.includes('@')) bad('NFS URLs carry no user name (use ?uid=N&gid=N)');
  const m = /^(\[[0-9a-fA-F:.]+\]|[^/:[\]]+)(?::(\d+))?(\/.*)?$/.exec(hostPath);
  if (!m) bad('host missing or malformed');
  const [, rawHost, portStr, rawPath] = m!;
  if (rawPath === undefined) bad('no export path after the host');
  const host = rawHost!.startsWith('[') ? rawHost!.slice(1, -1) : rawHost!;
  const segments = rawPath!.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) bad('"." and ".." are not allowed in the path');
  const r: NfsUrl = { host, path: `/${segments.join('/')}`, args: [] };
  if (portStr !== undefined) {
    const port = Number(portStr);
    if (!Number.isInteger(port) || port < 1 || port > 65535) bad(`port ${portStr} out of range`);
    r.port = port;
  }
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) bad(`URL argument "${part}" is not name=value`);
    const name = part.slice(0, eq), value = part.slice(eq + 1);
    if (!INT_ARGS.has(name) && !STRING_ARGS.has(name)) {
      bad(`unknown URL argument "${name}" (libnfs 4.0 knows ${[...INT_ARGS, ...STRING_ARGS].join(', ')})`);
    }
    if (INT_ARGS.has(name) && !/^-?\d+$/.test(value)) bad(`URL argument ${name}=${value} is not an integer`);
    if (r.args.some(([n]) => n === name)) bad(`URL argument ${name} given twice`);
    r.args.push([name, value]);
  }
  const version = arg(r, 'version');
  if (version !== undefined) {
    if (version !== '3' && version !== '4') bad(`version=${version}: libnfs speaks NFS version 3 or 4`);
    r.version = Number(version) as 3 | 4;
  }
  const nfsport = arg(r, 'nfsport');
  if (r.port !== undefined && nfsport !== undefined && Number(nfsport) !== r.port) bad(`port ${r.port} and nfsport=${nfsport} disagree`);
  return r;
}

/** The value of URL argument name, or undefined. */
export function arg(u: NfsUrl, name: string): string | undefined {
  return u.args.find(([n]) => n === name)?.[1];
}

/** The URL libnfs's own parser gets (nfs_parse_url_dir applies the arguments): the port moved into nfsport=. */
export function libnfsUrl(u: NfsUrl, path: string): string {
  const args = [...u.args];
  if (u.port !== undefined && arg(u, 'nfsport') === undefined) args.push(['nfsport', String(u.port)]);
  const query = args.length ? `?${args.map(([n, v]) => `${n}=${v}`).join('&')}` : '';
  return `nfs://${u.host}${path}${query}`;
}
