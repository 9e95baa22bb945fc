// Parsing and redacting rbd://pool[/namespace]/image[?option=value&...] URLs: QEMU's legacy `rbd:pool/image[:key=value...]`
// filename in URL form. conf= and id= mean what they mean to QEMU (the ceph.conf to read, the client name without
// "client."); every other query key is a Ceph configuration option handed to rados_conf_set after ceph.conf is read, as
// QEMU's qemu_rbd_set_keypairs does. The secret key= is never echoed: redactRbdUrl replaces its value with ***.
import { BackendError } from './backend.js';

/** A parsed rbd:// URL. */
export interface RbdUrl {
  pool: string;
  /** RADOS namespace inside the pool (QEMU's pool/namespace/image), or undefined. */
  namespace?: string;
  image: string;
  /** The ceph.conf to read (QEMU conf=); undefined: librados's default search ($CEPH_CONF, /etc/ceph/ceph.conf, ~/.ceph/config, ./ceph.conf). */
  conf?: string;
  /** The client id (QEMU id=, "coprobe" for client.coprobe); undefined: librados's default, "admin". */
  id?: string;
  /** Every other option, in URL order, name as written (dashes and spaces are underscores to Ceph), value percent-decoded. */
  options: [string, string][];
}

const FORM = 'rbd://pool[/namespace]/image[?conf=/etc/ceph/ceph.conf&id=NAME&keyring=PATH&OPTION=VALUE...]';

/** Options whose values are secrets: never printed, never in a report. */
export const SECRET_OPTIONS: ReadonlySet<string> = new Set(['key']);

/**
 * Options a URL may not set, and why: rbd_cache is decided per open the way QEMU decides it (O_DIRECT → false, buffered →
 * true, set after the URL's options, so a URL value would be overridden silently).
 */
const REFUSED: Record<string, string> = {
  rbd_cache: 'rbd_cache is set per open from the cache mode, as QEMU\'s rbd driver does (cache=none/directsync → false, '
    + 'writethrough/writeback/unsafe → true), after the URL\'s options; choose the modes with --modes instead',
};

/** Ceph spells an option with underscores, dashes or spaces alike; this is the underscore form. */
export function optionName(name: string): string {
  return name.trim().replace(/[-\s]+/g, '_').toLowerCase();
}

/** The URL with every secret option's value replaced by *** (works on malformed URLs too, for error messages). */
export function redactRbdUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url.slice(q + 1).split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) return part;
    let name = part.slice(0, eq);
    try { name = decodeURIComponent(name); } catch { /* keep as written */ }
    return SECRET_OPTIONS.has(optionName(name)) ? `${part.slice(0, eq)}=***` : part;
  });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** Split an rbd:// URL into pool, namespace, image, conf, id and options; throws BackendError 'EURL' naming the form. */
export function parseRbdUrl(url: string): RbdUrl {
  const bad = (why: string): never => {
    throw new BackendError('librbd', 'EURL', `${redactRbdUrl(url)}: ${why}; expected ${FORM}`);
  };
  if (!/^rbd:\/\//i.test(url)) bad('not an rbd:// URL');
  if (/[\s#]/.test(url)) bad('spaces and fragments (#) are not allowed (percent-encode them in option values)');
  const rest = url.slice('rbd://'.length);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  if (path.includes('@')) bad('snapshots (image@snap) are read-only and not a migration target; name the image itself');
  const segs = path.split('/');
  if (segs.length < 2 || segs.length > 3 || segs.some((s) => s === '')) bad('give the pool and the image (and at most a namespace between them)');
  const dec = (s: string, what: string): string => {
    try { return decodeURIComponent(s); } catch { return bad(`${what} "${s}" is not valid percent-encoding`); }
  };
  const pool = dec(segs[0]!, 'pool');
  const image = dec(segs[segs.length - 1]!, 'image');
  const r: RbdUrl = { pool, image, options: [] };
  if (segs.length === 3) r.namespace = dec(segs[1]!, 'namespace');
  const seen = new Set<string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) bad(`URL option "${part.split('=')[0]}" is not name=value`);
    const name = optionName(dec(part.slice(0, eq), 'option name'));
    const value = dec(part.slice(eq + 1), `value of ${name}`);
    if (!/^[a-z][a-z0-9_]*$/.test(name)) bad(`"${name}" is not a Ceph option name`);
    if (REFUSED[name]) bad(REFUSED[name]);
    if (seen.has(name)) bad(`option ${name} given twice`);
    seen.add(name);
    if (name === 'conf') r.conf = value;
    else if (name === 'id') r.id = value.replace(/^client\./, '');
    else r.options.push([name, value]);
  }
  if (r.conf === '') bad('conf= is empty');
  if (r.id === '') bad('id= is empty');
  return r;
}

/** The URL's options with secrets replaced by ***, for facts ("mon_host=127.0.0.1:6789, key=***"). */
export function describeOptions(u: RbdUrl): Record<string, string> {
  return Object.fromEntries(u.options.map(([n, v]) => [n, SECRET_OPTIONS.has(n) ? '***' : v]));
}
