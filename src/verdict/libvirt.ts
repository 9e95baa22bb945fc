// libvirt's static migration policy (LIBVIRT-POLICY) as a second opinion beside each measured verdict.
import { MODE_TRAITS, type IoMode } from '../modes.js';
import type { TargetInfo } from '../protocol/results.js';
import { fuseSubtypeOf } from './profiles.js';
import type { LibvirtOpinion, ModeVerdict, QemuBehaviour, Verdict } from './types.js';

/** Filesystem types libvirt treats as coherent cluster filesystems, safe in any cache mode (CLAIMS.md LIBVIRT-POLICY). */
const CLUSTER_FS = new Set(['gfs2', 'ocfs2', 'ceph']);
const CLUSTER_FUSE = new Set(['glusterfs']);
/**
 * Filesystems virFileIsSharedFS recognises (NFS, GFS2, OCFS2, AFS, SMB/CIFS, Ceph, GPFS, Quobyte, ACFS, GlusterFS, BeeGFS);
 * of the FUSE ones only fuse.glusterfs and fuse.quobyte: a ceph-fuse or sshfs mount is "not shared" to libvirt.
 */
const SHARED_FS = new Set(['nfs', 'nfs4', 'gfs2', 'ocfs2', 'afs', 'smb3', 'smbfs', 'cifs', 'ceph', 'gpfs', 'acfs', 'beegfs']);
const SHARED_FUSE = new Set(['glusterfs', 'quobyte']);

/** Whether libvirt's virFileIsSharedFS would call this directory's filesystem shared (from mountinfo's type). */
export function libvirtSharedFs(t: TargetInfo): boolean {
  const sub = fuseSubtypeOf(t);
  if (sub !== undefined && sub !== '') return SHARED_FUSE.has(sub);
  return [t.fsType, t.details?.mount?.fsType].some((f) => f !== undefined && SHARED_FS.has(f));
}

/** The clustered filesystem libvirt would recognise on this target, if any. */
export function libvirtClusterFs(t: TargetInfo): string | undefined {
  if (t.kind !== 'dir' || (t.backend && t.backend !== 'libc')) return undefined;
  const sub = fuseSubtypeOf(t);
  for (const f of [t.fsType, t.details?.mount?.fsType, sub && `fuse.${sub}`]) {
    if (f && (CLUSTER_FS.has(f) || CLUSTER_FUSE.has(f.replace(/^fuse\./, '')))) return f;
  }
  return undefined;
}

/** How a network disk is named in libvirt's terms, per backend. */
const NETWORK_DISK: Record<string, string> = { libiscsi: 'iscsi://', libnfs: 'nfs://', librbd: 'rbd:', libgfapi: 'gluster://' };

/**
 * libvirt's decision for the source's target (libvirt checks the disk on the source host): allowed on a cluster FS it knows,
 * allowed for a network disk (rbd, gluster, iscsi, nfs), refused for a file on a filesystem it does not know as shared (a
 * local one, and FUSE other than GlusterFS and Quobyte: ceph-fuse included), allowed with cache=none/directsync, allowed
 * when QEMU supports drop-cache; otherwise refused as unsafe.
 */
export function libvirtOpinion(source: TargetInfo, mode: IoMode, behaviour: QemuBehaviour): LibvirtOpinion {
  const cluster = libvirtClusterFs(source);
  if (source.backend && source.backend !== 'libc') return { allows: true, why: `a network disk (${NETWORK_DISK[source.backend] ?? `${source.fsType}://`} through ${source.backend}): libvirt treats network disks as shared, any cache mode` };
  if (cluster) return { allows: true, why: `${cluster} is a cluster filesystem libvirt knows: any cache mode` };
  if (source.kind === 'dir' && !libvirtSharedFs(source)) {
    const sub = fuseSubtypeOf(source);
    const fs = sub ? `fuse.${sub}` : source.fsType;
    return { allows: false, why: `${fs} is not a filesystem libvirt knows as shared (virFileIsSharedFS): it refuses a disk file on it ("Migration without shared storage is unsafe")` };
  }
  if (MODE_TRAITS[mode].direct) return { allows: true, why: `cache=${mode}: libvirt allows it on shared storage` };
  if (behaviour === 'drop-cache') return { allows: true, why: `QEMU drops the cache on activation: libvirt allows cache=${mode}` };
  return { allows: false, why: `cache=${mode} without drop-cache: libvirt refuses as unsafe` };
}

/** A sentence when libvirt allows what was measured UNSAFE or refuses what was measured SAFE. */
export function libvirtDisagreement(o: LibvirtOpinion, verdict: Verdict, mode: IoMode): string | undefined {
  if (o.allows && verdict === 'UNSAFE') return `libvirt allows cache=${mode} here (${o.why}), but the measurement is UNSAFE`;
  if (!o.allows && verdict === 'SAFE') return `libvirt refuses cache=${mode} here (${o.why}), but the measurement is SAFE`;
  return undefined;
}

/** For the LIBVIRT-POLICY row: how often libvirt's decision and the measurement disagree. */
export function libvirtSummary(verdicts: readonly ModeVerdict[]): string {
  const measured = verdicts.filter((v) => v.verdict !== 'UNKNOWN').length;
  const dis = verdicts.filter((v) => v.disagreement).length;
  return `libvirt's decision disagrees with the measurement in ${dis} of ${measured} measured mode × QEMU pairs (verdict table)`;
}
