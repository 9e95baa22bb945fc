// Parsing QEMU's gluster URL form, gluster[+tcp]://[host[:port]]/volume[/path...] (block/gluster.c qemu_gluster_parse_uri),
// into what the libgfapi backend needs. coprobe's target is a directory inside the volume (scratch files go there), not
// an image file; the volume root when no path follows the volume.
import { BackendError } from './backend.js';

/** A parsed gluster:// URL. */
export interface GlusterUrl {
  /** "tcp" for gluster:// and gluster+tcp://, the only transports served here. */
  transport: 'tcp';
  /** The volfile server (glusterd); "localhost" when the URL names none, as QEMU does. IPv6 without brackets. */
  host: string;
  /** glusterd's port: the URL's, else 24007 (GLUSTER_DEFAULT_PORT, what QEMU passes when the URL has none). */
  port: number;
  /** Whether the port was written in the URL. */
  portGiven: boolean;
  volume: string;
  /** Normalised absolute directory inside the volume ("/", "/vm/images"); no "." or "..", no trailing slash. */
  path: string;
}

/** glusterd's management port (QEMU block/gluster.c GLUSTER_DEFAULT_PORT). */
export const GLUSTER_DEFAULT_PORT = 24007;

const FORM = 'gluster[+tcp]://host[:port]/volume[/directory...]';

/** Split a gluster:// URL; throws BackendError 'EURL' naming the form and what is wrong. */
export function parseGlusterUrl(url: string): GlusterUrl {
  const bad = (why: string): never => {
    throw new BackendError('libgfapi', 'EURL', `${url}: ${why}; expected ${FORM}`);
  };
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'gluster+unix' || scheme === 'gluster+rdma') {
    bad(`${scheme}:// is not served (QEMU's ${scheme === 'gluster+unix' ? 'unix-socket transport' : 'rdma transport, which QEMU itself replaces by tcp,'} is not modelled): use gluster:// or gluster+tcp://`);
  }
  if (scheme !== 'gluster' && scheme !== 'gluster+tcp') bad('not a gluster:// URL');
  if (/[\s#]/.test(url)) bad('spaces and fragments (#) are not allowed');
  const rest = url.slice(scheme!.length + 3);
  if (rest.includes('?')) bad('gluster:// URLs take no arguments (QEMU refuses them too, except socket= with gluster+unix)');
  const m = /^(\[[0-9a-fA-F:.]+\]|[^/:@[\]]*)(?::(\d*))?(\/.*)?$/.exec(rest);
  if (!m) bad('host missing or malformed (no user names or credentials in a gluster URL)');
  const [, rawHost, portStr, rawPath] = m!;
  let port = GLUSTER_DEFAULT_PORT;
  if (portStr !== undefined) {
    port = Number(portStr);
    if (portStr === '' || !Number.isInteger(port) || port < 1 || port > 65535) bad(`port "${portStr}" out of range`);
  }
  const segments = (rawPath ?? '').split('/').filter((s) => s !== '').map((s) => {
    try { return decodeURIComponent(s); } catch { return bad(`"${s}" is not valid percent-encoding`); }
  });
  if (segments.length === 0) bad('no volume after the host');
  if (segments.some((s) => s === '.' || s === '..' || s.includes('/') || s.includes('\0'))) bad('".", ".." and encoded slashes are not allowed in the path');
  const [volume, ...dir] = segments;
  if (!/^[A-Za-z0-9_-]+$/.test(volume!)) bad(`"${volume}" is not a GlusterFS volume name (letters, digits, "-" and "_")`);
  const host = rawHost!.startsWith('[') ? rawHost!.slice(1, -1) : rawHost || 'localhost';
  return { transport: 'tcp', host, port, portGiven: portStr !== undefined, volume: volume!, path: `/${dir.join('/')}` };
}

/** "host:port" for messages ("[::1]:24007" for IPv6). */
export function glusterServer(u: GlusterUrl): string {
  return `${u.host.includes(':') ? `[${u.host}]` : u.host}:${u.port}`;
}
