// Whether a block device is in use and must never be written, whatever flag the user gave: mounts, partitions, holders, swap, loops on it.
import { readFileSync, readdirSync, statSync } from 'node:fs';

/** Where the kernel says what uses a device; replaceable in unit tests. */
export interface UseSources {
  mountinfo: string;
  swaps: string;
  sysfs: string;
}

/** How deep loops stacked on loops are followed. */
const MAX_DEPTH = 8;

/** Why a device must not be written even with the destructive flag (mounted, held, swap, or backing a loop in use), or null. */
export function deviceInUse(major: number, minor: number, mountinfo?: string, sources: Partial<UseSources> = {}): string | null {
  const src: UseSources = {
    mountinfo: mountinfo ?? sources.mountinfo ?? readText('/proc/self/mountinfo'),
    swaps: sources.swaps ?? readText('/proc/swaps'),
    sysfs: sources.sysfs ?? '/sys',
  };
  const what = useOf(`${major}:${minor}`, src, new Set(), 0);
  return what ? `it ${what}` : null;
}

/** What uses devId, as a predicate ("is mounted at /mnt", "backs /dev/loop5 (7:5), which is mounted at /mnt"), or null. */
function useOf(devId: string, src: UseSources, seen: Set<string>, depth: number): string | null {
  if (seen.has(devId) || depth > MAX_DEPTH) return null;
  seen.add(devId);
  const mount = mountedAt(devId, src.mountinfo);
  if (mount) return `is mounted at ${mount}`;
  if (swapDevs(src.swaps).includes(devId)) return 'is in use as swap';
  const holders = list(`${src.sysfs}/dev/block/${devId}/holders`);
  if (holders.length) return `is held by ${holders.join(', ')} (device-mapper, md or another device stacked on it)`;
  for (const part of partitionsOf(devId, src.sysfs)) {
    const what = useOf(part.dev, src, seen, depth + 1);
    if (what) return `has a partition ${part.name} (${part.dev}) that ${what}`;
  }
  for (const loop of loopsOn(devId, src.sysfs)) {
    const what = useOf(loop.dev, src, seen, depth + 1);
    if (what) return `backs /dev/${loop.name} (${loop.dev}), which ${what}`;
  }
  return null;
}

/** The mount point of the first mount of devId ("major:minor"), or null. */
function mountedAt(devId: string, mountinfo: string): string | null {
  for (const line of mountinfo.split('\n')) {
    const f = line.split(' ');
    if (f[2] === devId) return unescapeMount(f[4] ?? '?');
  }
  return null;
}

/** The partitions of a whole disk, from sysfs (children with a "partition" attribute). */
function partitionsOf(devId: string, sysfs: string): { name: string; dev: string }[] {
  const base = `${sysfs}/dev/block/${devId}`;
  return list(base).filter((n) => readText(`${base}/${n}/partition`) !== '').map((name) => ({ name, dev: readText(`${base}/${name}/dev`).trim() })).filter((p) => p.dev);
}

/** Loop devices whose backing file is the device devId. */
function loopsOn(devId: string, sysfs: string): { name: string; dev: string }[] {
  const out: { name: string; dev: string }[] = [];
  for (const name of list(`${sysfs}/block`).filter((n) => n.startsWith('loop'))) {
    const backing = readText(`${sysfs}/block/${name}/loop/backing_file`).trim().replace(/ \(deleted\)$/, '');
    if (!backing) continue;
    if (rdevOf(backing) === devId) out.push({ name, dev: readText(`${sysfs}/block/${name}/dev`).trim() });
  }
  return out;
}

/** Device numbers ("major:minor") of the active swap devices in /proc/swaps. */
function swapDevs(swaps: string): string[] {
  return swaps.split('\n').slice(1).map((l) => l.split(/\s+/)).filter((f) => f[1] === 'partition' && f[0]).map((f) => rdevOf(unescapeMount(f[0]!))).filter((d): d is string => d !== null);
}

/** The st_rdev of a block device node as "major:minor", or null when the path is not one. */
function rdevOf(path: string): string | null {
  try {
    const st = statSync(path, { bigint: true });
    if (!st.isBlockDevice()) return null;
    const r = st.rdev;
    const major = ((r >> 8n) & 0xfffn) | ((r >> 32n) & ~0xfffn);
    const minor = (r & 0xffn) | ((r >> 12n) & ~0xffn);
    return `${major}:${minor}`;
  } catch {
    return null;
  }
}

/** mountinfo and /proc/swaps escape space, tab, newline and backslash as octal. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

function list(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}

function readText(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}
