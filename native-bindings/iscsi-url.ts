// Parsing and redacting iscsi://[user[%password]@]host[:port]/target-iqn/lun URLs (libiscsi's form), never echoing a password.
import { BackendError } from './backend.js';

/** A parsed iSCSI URL: portal is host:port as libiscsi takes it. */
export interface IscsiUrl {
  portal: string;
  host: string;
  port: number;
  iqn: string;
  lun: number;
  user?: string;
  password?: string;
}

const FORM = 'iscsi://[user[%password]@]host[:port]/target-iqn/lun';

/** The URL with any password replaced by *** (works on malformed URLs too, for error messages). */
export function redactIscsiUrl(url: string): string {
  const m = /^([a-z]+:\/\/)(.*)$/is.exec(url);
  if (!m) return url;
  const rest = m[2]!;
  const at = rest.lastIndexOf('@');
  if (at < 0) return url;
  const userinfo = rest.slice(0, at);
  const pct = userinfo.indexOf('%');
  if (pct < 0) return url;
  return `${m[1]}${userinfo.slice(0, pct)}%***${rest.slice(at)}`;
}

/** Split an iscsi:// URL into portal, IQN, LUN and optional CHAP credentials; throws BackendError 'EURL' naming the form. */
export function parseIscsiUrl(url: string): IscsiUrl {
  const bad = (why: string): never => {
    throw new BackendError('libiscsi', 'EURL', `${redactIscsiUrl(url)}: ${why}; expected ${FORM}`);
  };
  if (!/^iscsi:\/\//i.test(url)) bad('not an iscsi:// URL');
  let rest = url.slice('iscsi://'.length);
  let user: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const pct = userinfo.indexOf('%');
    user = pct < 0 ? userinfo : userinfo.slice(0, pct);
    if (pct >= 0) password = userinfo.slice(pct + 1);
    if (!user) bad('empty user name before @');
  }
  const m = /^(\[[0-9a-fA-F:.]+\]|[^/:[\]]+)(?::(\d+))?\/([^/?#\s]+)\/(\d+)$/.exec(rest);
  if (!m) bad('host, target IQN or LUN missing or malformed');
  const [, host, portStr, iqn, lunStr] = m!;
  const port = portStr === undefined ? 3260 : Number(portStr);
  if (!Number.isInteger(port) || port < 1 || port > 65535) bad(`port ${portStr} out of range`);
  const lun = Number(lunStr);
  if (lun > 16383) bad(`LUN ${lunStr} out of range (0..16383)`);
  const r: IscsiUrl = { portal: `${host}:${port}`, host: host!, port, iqn: iqn!, lun };
  if (user !== undefined) r.user = user;
  if (password !== undefined) r.password = password;
  return r;
}
