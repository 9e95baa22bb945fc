// Put the detectors together for one target: its mount, NFS facts, FUSE subtype, block transport, and its type and stack class.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fsName, stackClassOf, stackClassOfMount, type StackClass } from '../stack.js';
import { blockDetails, devParts } from './block.js';
import { clusterFacts, type ClusterProbeEnv } from './cluster.js';
import { fuseSubtype } from './fuse.js';
import { mountDetails, mountFor, parseMountinfo, readMountinfo } from './mountinfo.js';
import { localAddresses, nfsDetails, readLocalio } from './nfs.js';
import type { StackDetails } from './types.js';

/** What stack detection needs about a target, and where to read the system's state (overridable for tests). */
export interface DetectInput {
  /** Absolute, symlink-free path. */
  path: string;
  kind: 'dir' | 'device' | 'other';
  /** st_dev of a directory or file, st_rdev of a device ("major:minor"). */
  dev: string;
  /** mountinfo text (default: /proc/self/mountinfo). */
  mountinfo?: string;
  /** sysfs root (default: /sys). */
  sysRoot?: string;
  /** This host's addresses (default: every interface's). */
  localAddrs?: readonly string[];
  /** Where cluster detection reads processes and runs its bounded commands (default: this host). */
  cluster?: ClusterProbeEnv;
}

/** The block device under a mount: its own dev, or the rdev of its /dev source when the dev is anonymous (btrfs: 0:NN). */
function backingDev(dev: string, source: string): string | undefined {
  if (!dev.startsWith('0:')) return dev;
  if (!source.startsWith('/dev/')) return undefined;
  try {
    const [ma, mi] = devParts(statSync(source, { bigint: true }).rdev);
    return ma === 0 ? undefined : `${ma}:${mi}`;
  } catch {
    return undefined;
  }
}

/** Everything detection finds about a target; what cannot be read becomes a note, never an exception. */
export function stackDetails(input: DetectInput): StackDetails {
  const sysRoot = input.sysRoot ?? '/sys';
  const notes: string[] = [];
  const out: StackDetails = { notes };
  const entries = parseMountinfo(input.mountinfo ?? readMountinfo());
  if (entries.length === 0) notes.push('mountinfo could not be read: mount, NFS and FUSE details are unknown');

  if (input.kind === 'device') {
    const block = blockDetails(input.dev, sysRoot);
    if (block) out.block = block;
    else notes.push(`no ${join(sysRoot, 'dev', 'block', input.dev)} entry: the transport under ${input.path} is unknown`);
    const mounted = entries.filter((e) => e.dev === input.dev).map((e) => e.mountPoint);
    if (mounted.length) notes.push(`${input.path} is mounted at ${mounted.join(', ')}: coprobe run refuses a mounted device; give a directory on that filesystem instead`);
    let holders: string[] = [];
    try { holders = readdirSync(join(sysRoot, 'dev', 'block', input.dev, 'holders')); } catch { /* no sysfs entry */ }
    if (holders.length) notes.push(`${input.path} is held by ${holders.join(', ')}: coprobe run refuses it; test the device on top instead`);
    return out;
  }

  const e = entries.length ? mountFor(entries, input.path) : undefined;
  if (!e) {
    if (entries.length) notes.push(`no mount in mountinfo holds ${input.path}`);
    return out;
  }
  const mount = mountDetails(e);
  out.mount = mount;
  if (mount.dev !== input.dev) {
    notes.push(`${input.path} has device ${input.dev} but the mount at ${mount.mountPoint} is ${mount.dev} (a btrfs subvolume, or a mount mountinfo does not show): mount details may not apply`);
  }
  const nfs = nfsDetails(mount, input.localAddrs ?? localAddresses());
  if (nfs) {
    const localio = readLocalio(mount.dev, sysRoot);
    out.nfs = localio === undefined ? nfs : { ...nfs, localio };
  }
  const sub = fuseSubtype(mount.fsType, mount.options);
  if (sub !== undefined) out.fuseSubtype = sub;
  // GlusterFS / CephFS: the settings that decide coherence (bounded subprocesses; failures land in cluster.source).
  const cluster = clusterFacts(mount, { localAddrs: input.localAddrs ?? localAddresses(), ...input.cluster });
  if (cluster) out.cluster = cluster;
  const bdev = nfs ? undefined : backingDev(mount.dev, mount.source);
  if (bdev) {
    const block = blockDetails(bdev, sysRoot);
    if (block) out.block = block;
  }
  return out;
}

/** The filesystem type and stack class to report: mountinfo's when it describes the target's own superblock, else statfs's magic. */
export function describeStack(kind: 'dir' | 'device' | 'other', fsMagic: number, d: StackDetails, dev: string): { fsType: string; stack: StackClass } {
  if (kind === 'device') return { fsType: 'blockdev', stack: 'block' };
  const m = d.mount && d.mount.dev === dev ? d.mount : undefined;
  const fsType = m?.fsType ?? fsName(fsMagic);
  const stack = (m ? stackClassOfMount(m.fsType, d.fuseSubtype) : undefined) ?? stackClassOf('dir', fsMagic);
  return { fsType, stack };
}

/** The path with symlinks resolved (mountinfo names real paths); the path itself when that fails. */
export function realPath(path: string): string {
  try { return realpathSync(path); } catch { return path; }
}
