// The FUSE subtype of a mount: "fuse.glusterfs" → glusterfs, or the subtype= option of a plain fuse/fuseblk mount.

/** True for FUSE filesystem types ("fuse", "fuseblk", "fuse.X", "fuseblk.X"). */
export function isFuseType(fsType: string): boolean {
  return /^fuse(blk)?(\.|$)/.test(fsType);
}

/** The FUSE subtype ("glusterfs", "ceph-fuse", "mfs"...), "" for FUSE without one, undefined when not FUSE. */
export function fuseSubtype(fsType: string, options: Record<string, string> = {}): string | undefined {
  if (!isFuseType(fsType)) return undefined;
  const dot = fsType.indexOf('.');
  if (dot >= 0 && dot < fsType.length - 1) return fsType.slice(dot + 1);
  return options.subtype ?? '';
}
