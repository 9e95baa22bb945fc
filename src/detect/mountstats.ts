// Parse /proc/self/mountstats: per-mount sections, the NFS per-op RPC counts and byte counters of the mount holding a path.
import { readFileSync } from 'node:fs';
import { mountPointHolds, unescapeMountField } from './mountinfo.js';
import type { MountstatsResult } from './types.js';

/** One "device X mounted on Y with fstype Z" section. */
export interface MountstatsSection {
  device: string;
  mountPoint: string;
  fsType: string;
  /** Operation name → number of calls, from the "per-op statistics" lines (NFS only). */
  ops: Record<string, number>;
  /** The "bytes:" counters (NFS only). */
  bytes?: Record<string, number>;
}

const BYTES_FIELDS = ['normalRead', 'normalWrite', 'directRead', 'directWrite', 'serverRead', 'serverWrite', 'readPages', 'writePages'];
const HEADER = /^device (\S+) mounted on (\S+) with fstype (\S+)/;

/** Parse mountstats text into its sections, in file order. */
export function parseMountstats(text: string): MountstatsSection[] {
  const out: MountstatsSection[] = [];
  let cur: MountstatsSection | undefined;
  let inOps = false;
  for (const raw of text.split('\n')) {
    const h = HEADER.exec(raw);
    if (h) {
      cur = { device: unescapeMountField(h[1]!), mountPoint: unescapeMountField(h[2]!), fsType: h[3]!, ops: {} };
      out.push(cur);
      inOps = false;
      continue;
    }
    if (!cur) continue;
    const line = raw.trim();
    if (line === 'per-op statistics') { inOps = true; continue; }
    const bytes = /^bytes:\s+(.*)$/.exec(line);
    if (bytes) {
      const n = bytes[1]!.split(/\s+/).map(Number);
      cur.bytes = Object.fromEntries(BYTES_FIELDS.map((k, i) => [k, n[i] ?? 0]).filter(([, v]) => Number.isFinite(v)));
      continue;
    }
    if (inOps) {
      const op = /^([A-Z0-9_]+):\s+(\d+)/.exec(line);
      if (op) cur.ops[op[1]!] = Number(op[2]);
    }
  }
  return out;
}

/** The section of the mount holding an absolute, symlink-free path (longest mount point prefix; the later one wins a tie). */
export function sectionFor(sections: MountstatsSection[], path: string): MountstatsSection | undefined {
  let best: MountstatsSection | undefined;
  for (const s of sections) {
    if (mountPointHolds(s.mountPoint, path) && (!best || s.mountPoint.length >= best.mountPoint.length)) best = s;
  }
  return best;
}

/** Op counts of the NFS mount holding path, from mountstats text; undefined when that mount is not NFS (or none holds it). */
export function nfsOpsFor(text: string, path: string): MountstatsResult | undefined {
  const s = sectionFor(parseMountstats(text), path);
  if (!s || !/^nfs4?$/.test(s.fsType)) return undefined;
  return { mountPoint: s.mountPoint, ops: s.ops, ...(s.bytes ? { bytes: s.bytes } : {}) };
}

/** This process's mountstats text ("" when it cannot be read). */
export function readMountstats(path = '/proc/self/mountstats'): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}

/** The mountstats counters a proof read samples: op counts of the NFS ops a read may send, and the "bytes:" counters. */
const PROOF_OPS = ['READ', 'GETATTR', 'ACCESS', 'OPEN'] as const;
const PROOF_BYTES: Record<string, string> = { serverRead: 'serverReadBytes', directRead: 'directReadBytes', normalRead: 'normalReadBytes' };

/**
 * The read-proof counters of the NFS mount holding path, from mountstats text: the READ, GETATTR, ACCESS and OPEN op
 * counts the mount lists (the kernel lists every op of the mount's NFS version, zeros included, so v3 has no OPEN),
 * serverReadBytes/directReadBytes/normalReadBytes from the "bytes:" line. Undefined when that mount is not NFS. A pure function: sample it before and after a read.
 */
export function nfsReadCountersFor(text: string, path: string): { mountPoint: string; values: Record<string, number> } | undefined {
  const found = nfsOpsFor(text, path);
  if (!found) return undefined;
  const values: Record<string, number> = {};
  for (const op of PROOF_OPS) {
    const n = found.ops[op];
    if (n !== undefined) values[op] = n;
  }
  for (const [field, name] of Object.entries(PROOF_BYTES)) {
    const n = found.bytes?.[field];
    if (n !== undefined) values[name] = n;
  }
  return { mountPoint: found.mountPoint, values };
}
