// Recognise QEMU userspace storage URIs (nbd://, iscsi://, rbd:, gluster://, nfs://...): storage the host kernel never sees.

/** A userspace URI: which QEMU driver and library serve it, and how to give coprobe a kernel path to the same storage. */
export interface UserspaceUri {
  scheme: string;
  driver: string;
  /** What to do instead: a kernel path coprobe can open. */
  instead: string;
}

const DRIVERS: Record<string, [string, string]> = {
  nbd: ['QEMU nbd driver (userspace NBD client)', 'connect it with qemu-nbd --connect=/dev/nbdN or nbd-client and give /dev/nbdN'],
  iscsi: ['QEMU iscsi driver (libiscsi)', '`coprobe run` takes it as a side (libiscsi, as QEMU\'s driver); for the kernel path, log in with iscsiadm and give the /dev/sdX it creates'],
  rbd: ['QEMU rbd driver (librbd)', '`coprobe run` takes rbd://pool/image?conf=…&id=… as a side (librbd, as QEMU\'s rbd: driver); for the kernel path, map it with rbd map and give /dev/rbdN'],
  gluster: ['QEMU gluster driver (libgfapi)', '`coprobe run` takes gluster://host/volume/dir as a side (libgfapi, as QEMU\'s gluster:// driver); for the kernel path, mount the volume (mount -t glusterfs) and give a directory on it'],
  nfs: ['QEMU nfs driver (libnfs)', '`coprobe run` takes it as a side (libnfs, as QEMU\'s driver); for the kernel path, mount the export (mount -t nfs) and give a directory on it'],
  http: ['QEMU curl driver (read-only)', 'give a local path to the same storage'],
  https: ['QEMU curl driver (read-only)', 'give a local path to the same storage'],
  vitastor: ['QEMU vitastor driver', 'attach it through the kernel (vitastor-nbd) and give the device'],
};

/**
 * The userspace URI an argument is, or undefined for a path (and for ssh://, coprobe's own transport).
 * "nbd+unix://", "gluster+tcp://" and "rbd:pool/image" forms are recognised.
 */
export function userspaceUri(arg: string): UserspaceUri | undefined {
  const m = /^([a-z][a-z0-9.-]*)(?:\+[a-z0-9]+)?:(\/\/)?/i.exec(arg);
  if (!m || arg.startsWith('/')) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'ssh') return undefined;
  const known = DRIVERS[scheme];
  if (known) return { scheme, driver: known[0], instead: known[1] };
  if (m[2]) return { scheme, driver: `a "${scheme}" URI`, instead: 'give a local path or a block device for the same storage' };
  return undefined;
}
