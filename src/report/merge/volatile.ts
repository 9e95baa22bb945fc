// What changes from run to run on one stack (temp paths, device numbers, pids, sessions) and must not split a matrix row.

/** Mount options that name an address or a process, not a property of the stack (autofs fd/pgrp, NFS addresses). */
export const VOLATILE_MOUNT_OPTIONS: ReadonlySet<string> = new Set(['fd', 'pgrp', 'addr', 'clientaddr', 'mountaddr']);

/**
 * Userspace target facts that change per connection or per use: the iSCSI initiator name (has the agent's pid), the
 * LUN's size in blocks, the directory inside an NFS export (tests use per-process subdirectories).
 */
export const VOLATILE_FACTS: ReadonlySet<string> = new Set(['initiator', 'blocks', 'dir']);

/**
 * Kernel names numbered at attach time ("loop3", "nbd0", "dm-2", "md127", "session7") and pids, with the number
 * replaced by "N": /dev/loop3 and /dev/loop7 are one thing to the matrix.
 */
export function unnumbered(s: string): string {
  return s.replace(/\b(loop|nbd|dm-|md|zram|session|rbd)\d+\b/g, '$1N').replace(/\bpid \d+\b/g, 'pid N');
}

/** A record's entries without the named keys, sorted by key (so the key's JSON does not depend on insertion order). */
export function withoutKeys<T>(o: Record<string, T>, drop: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !drop.has(k)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** JSON with object keys sorted at every level: equal values give equal strings. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
