// Parse /proc/self/mountinfo and find the mount that holds a path (longest mount point prefix).
import { readFileSync } from 'node:fs';
import type { MountDetails } from './types.js';

/** One mountinfo line, fields decoded (see proc(5)). */
export interface MountEntry {
  mountId: number;
  parentId: number;
  /** "major:minor" of the superblock. */
  dev: string;
  /** Root of the mount within its filesystem ("/" unless a bind mount of a subdirectory). */
  root: string;
  mountPoint: string;
  mountOptions: string;
  fsType: string;
  source: string;
  superOptions: string;
}

/** Undo the kernel's octal escapes in mountinfo fields (\040 space, \011 tab, \012 newline, \134 backslash). */
export function unescapeMountField(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** Parse mountinfo text into entries; malformed lines are skipped. */
export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const f = line.split(' ');
    const sep = f.indexOf('-', 6);
    if (sep < 0 || f.length < sep + 3) continue;
    out.push({
      mountId: Number(f[0]), parentId: Number(f[1]), dev: f[2]!, root: unescapeMountField(f[3]!),
      mountPoint: unescapeMountField(f[4]!), mountOptions: f[5]!,
      fsType: unescapeMountField(f[sep + 1]!), source: unescapeMountField(f[sep + 2]!), superOptions: f[sep + 3] ?? '',
    });
  }
  return out;
}

/** Comma-separated mount options as key → value ("" for flags). */
export function parseOptions(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of s.split(',')) {
    if (!o) continue;
    const eq = o.indexOf('=');
    if (eq < 0) out[o] = '';
    else out[o.slice(0, eq)] = o.slice(eq + 1);
  }
  return out;
}

/** Superblock options overlaid with per-mount options; read-only when either level says ro. */
export function mergedOptions(e: MountEntry): Record<string, string> {
  const sup = parseOptions(e.superOptions), mnt = parseOptions(e.mountOptions);
  const out = { ...sup, ...mnt };
  if ('ro' in sup || 'ro' in mnt) {
    delete out.rw;
    out.ro = '';
  }
  return out;
}

/** True when a mount at mountPoint contains path (itself or below it; "/mnt/nfsish" is not below "/mnt/nfs"). */
export function mountPointHolds(mountPoint: string, path: string): boolean {
  return mountPoint === '/' || path === mountPoint || path.startsWith(mountPoint + '/');
}

/** The entry whose mount point is the longest prefix of an absolute, symlink-free path; the later one wins a tie (overmount). */
export function mountFor(entries: MountEntry[], path: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const e of entries) {
    if (mountPointHolds(e.mountPoint, path) && (!best || e.mountPoint.length >= best.mountPoint.length)) best = e;
  }
  return best;
}

/** The public shape of an entry: what the report carries. */
export function mountDetails(e: MountEntry): MountDetails {
  return { mountId: e.mountId, mountPoint: e.mountPoint, fsType: e.fsType, source: e.source, options: mergedOptions(e), dev: e.dev };
}

/** This process's mountinfo text ("" when it cannot be read). */
export function readMountinfo(path = '/proc/self/mountinfo'): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}
