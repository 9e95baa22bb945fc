// NFS client facts from a mount's type, source and options: version, server, caches, locking, whether the server is this host.
import { networkInterfaces } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MountDetails, NfsDetails } from './types.js';

const AC_KEYS = ['noac', 'ac', 'actimeo', 'acregmin', 'acregmax', 'acdirmin', 'acdirmax'] as const;

/** True for the filesystem types of the kernel NFS client. */
export function isNfsType(fsType: string): boolean {
  return fsType === 'nfs' || fsType === 'nfs4';
}

/** Split an NFS mount source into server and export ("srv:/x", "[fe80::1]:/x", "10.0.0.1:/x"). */
export function splitNfsSource(source: string): { server: string; export: string } {
  const bracket = /^\[([^\]]+)\]:(.*)$/.exec(source);
  if (bracket) return { server: bracket[1]!, export: bracket[2]! || '/' };
  const colon = source.indexOf(':/');
  if (colon >= 0) return { server: source.slice(0, colon), export: source.slice(colon + 1) };
  const first = source.indexOf(':');
  if (first >= 0) return { server: source.slice(0, first), export: source.slice(first + 1) || '/' };
  return { server: source, export: '' };
}

/** This host's own addresses (every interface, IPv4 and IPv6). */
export function localAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((l) => (l ?? []).map((a) => a.address));
}

/** Whether an address or name is this host: loopback (127.0.0.0/8, ::1, localhost) or one of localAddrs. */
export function isLocalAddress(addr: string, localAddrs: readonly string[]): boolean {
  const a = addr.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '').replace(/%.*$/, '');
  if (a === 'localhost' || a === '::1' || /^127\./.test(a)) return true;
  return localAddrs.some((l) => l.toLowerCase().replace(/%.*$/, '') === a);
}

/** The NFS facts of a mount, or undefined when it is not an NFS mount. */
export function nfsDetails(m: MountDetails, localAddrs: readonly string[]): NfsDetails | undefined {
  if (!isNfsType(m.fsType)) return undefined;
  const o = m.options;
  const { server, export: exp } = splitNfsSource(m.source);
  const version = o.vers ?? o.nfsvers ?? (m.fsType === 'nfs4' ? '4' : 'unknown');
  const attributeCache: Record<string, string> = {};
  for (const k of AC_KEYS) if (k in o) attributeCache[k] = o[k]!;
  const address = o.addr;
  return {
    version, server, export: exp, attributeCache,
    cto: !('nocto' in o),
    lookupcache: o.lookupcache ?? 'all',
    sharecache: !('nosharecache' in o),
    localLock: o.local_lock ?? 'none',
    serverIsLocal: isLocalAddress(address ?? server, localAddrs),
    ...(address !== undefined ? { address } : {}),
  };
}

/**
 * Whether LOCALIO is in use for the NFS superblock dev ("0:50"): /sys/fs/nfs/<dev>/localio (the superblock's kobject is
 * named after its s_id, "major:minor") on kernels built with CONFIG_NFS_LOCALIO that expose it; undefined when the file
 * is absent (older kernel, no LOCALIO support, not NFS).
 */
export function readLocalio(dev: string, sysRoot = '/sys'): boolean | undefined {
  try {
    return readFileSync(join(sysRoot, 'fs', 'nfs', dev, 'localio'), 'utf8').trim() === '1';
  } catch {
    return undefined;
  }
}
