// Where a read was served from: the storage (server, LUN) or the reader's own page cache, proven by the read's mode,
// the backend, or the storage-side counters the agent sampled around it (NFS mountstats, a block device's sysfs stat).
import type { AccessProof } from './checks.js';
import type { ReadSummary } from './blocks/tally.js';

/** What is known of the reader when one of its reads is judged. */
export interface ReaderPath {
  /** The read was made with O_DIRECT. */
  direct: boolean;
  /** The side's backend keeps no host page cache (libiscsi, libnfs): its name, else undefined. */
  userspace?: string;
  /** Bytes the read asked for. */
  bytes: number;
  /** A client cache an O_DIRECT read does not bypass on this stack (GlusterFS's translators): why O_DIRECT proves nothing. */
  directLeak?: string;
}

const OFF = /^(off|false|no|disable|disabled|0)$/i;

/**
 * Why an O_DIRECT read on this target may still be answered by a client-side cache, or undefined when O_DIRECT reaches the
 * storage. GlusterFS (FUSE or libgfapi): quick-read has no O_DIRECT check, and io-cache and read-ahead are read caches of
 * their own (strict-o-direct concerns write-behind); only a volume whose options show all three off (as the virt profile
 * sets) is trusted.
 */
export function directLeak(t: GlusterSide): string | undefined {
  const on = glusterReadCaches(t);
  return on?.length ? `GlusterFS client translators may answer it (${on.join(', ')}; quick-read has no O_DIRECT check)` : undefined;
}

type GlusterSide = { backend?: string; details?: { fuseSubtype?: string; cluster?: { system: string; options: Record<string, string> } } };

/** The GlusterFS read-cache translators not shown off for this side ("performance.quick-read on"); undefined off GlusterFS. */
export function glusterReadCaches(t: GlusterSide): string[] | undefined {
  const c = t.details?.cluster;
  const gluster = t.backend === 'libgfapi' || t.details?.fuseSubtype === 'glusterfs' || c?.system === 'glusterfs';
  if (!gluster) return undefined;
  // Volume options name them performance.X (on/off); a client volfile (libgfapi) names the translator performance/X (loaded or not).
  const off = (x: string) => OFF.test(c?.options[`performance.${x}`] ?? '') || c?.options[`performance/${x}`] === 'not loaded';
  const said = (x: string) => c?.options[`performance.${x}`] ?? c?.options[`performance/${x}`] ?? 'not read';
  return ['quick-read', 'io-cache', 'read-ahead'].filter((x) => !off(x)).map((x) => `performance.${x} ${said(x)}`);
}

const SECTOR = 512;

/** "READ 12 → 14, GETATTR 3 → 3, serverReadBytes 0 → 65536" from a read's counters. */
export function describeCounters(values: Record<string, [number, number]>): string {
  return Object.entries(values).map(([k, [b, a]]) => `${k} ${b} → ${a}`).join(', ');
}

/** The delta of one counter, or undefined when it was not sampled. */
function delta(values: Record<string, [number, number]> | undefined, name: string): number | undefined {
  const v = values?.[name];
  return v ? v[1] - v[0] : undefined;
}

/**
 * Bytes the storage returned during the read, from the counters: an NFS mount's serverReadBytes, or a block device's
 * sectors read; undefined when neither was sampled.
 */
export function storageBytes(s: Pick<ReadSummary, 'counters'>): number | undefined {
  const v = s.counters?.values;
  const nfs = delta(v, 'serverReadBytes');
  if (nfs !== undefined) return nfs;
  const sectors = delta(v, 'readSectors');
  return sectors === undefined ? undefined : sectors * SECTOR;
}

/**
 * The access proof of one read. O_DIRECT and a backend without a page cache reach the storage by construction (the
 * counters, when sampled, are shown beside); a buffered read reached it only as far as the counters show: all the bytes
 * asked for (storage), some (partial), none (cache), or no counter at all (unproven).
 */
export function accessProof(r: ReaderPath, s: Pick<ReadSummary, 'counters' | 'countersUnavailable'> & Partial<Pick<ReadSummary, 'counts'>>): AccessProof {
  const values = s.counters?.values;
  const counted = values ? `; ${s.counters!.source}: ${describeCounters(values)}` : '';
  const counters = values ? { counters: values } : {};
  if (r.direct && r.directLeak) return { reached: 'unproven', how: `O_DIRECT read, but ${r.directLeak}${counted}`, ...counters };
  if (r.direct) return { reached: 'storage', how: `O_DIRECT read${counted}`, ...counters };
  if (r.userspace) return { reached: 'storage', how: `${r.userspace} keeps no host page cache: every read is a protocol read${counted}`, ...counters };
  const got = storageBytes(s);
  if (got === undefined) {
    return { reached: 'unproven', how: `buffered read with no storage counter (${s.countersUnavailable ?? 'none sampled'})`, ...counters };
  }
  const ops = delta(values, 'READ') ?? delta(values, 'readIos');
  // A read the storage refused (ESTALE, EACCES) returns no bytes, yet its request reached the storage.
  const errors = s.counts?.error ?? 0;
  if (errors > 0 && (ops ?? 0) > 0 && got < r.bytes) {
    return { reached: 'storage', how: `buffered read: ${ops} read request${ops === 1 ? '' : 's'} reached the storage and ${errors} block${errors === 1 ? '' : 's'} came back as errors${counted}`, ...counters };
  }
  if (got <= 0 && (ops ?? 0) <= 0) return { reached: 'cache', how: `buffered read served from b's page cache: nothing read from the storage${counted}`, ...counters };
  if (got >= r.bytes) return { reached: 'storage', how: `buffered read, ${got} bytes from the storage for ${r.bytes} asked${counted}`, ...counters };
  return { reached: 'partial', how: `buffered read, only ${got} of the ${r.bytes} bytes asked came from the storage (the rest from b's page cache)${counted}`, ...counters };
}
