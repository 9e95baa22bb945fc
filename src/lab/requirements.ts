// What the lab needs on the host: root, qemu, busybox-static, kmod, xz, apt, and the storage software the guest runs
// from the host's own root (nfs-kernel-server, open-iscsi, tgt, Ceph, iproute2, util-linux), each named with its package.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { LabService } from './types.js';
import { LabError } from './errors.js';
import { cephScriptPath } from './guest/services.js';

/** A command and the Debian package that provides it. */
interface Need { command: string; pkg: string }

const ALWAYS: Need[] = [
  { command: 'qemu-system-x86_64', pkg: 'qemu-system-x86' },
  { command: 'busybox', pkg: 'busybox-static' },
  { command: 'modprobe', pkg: 'kmod' }, { command: 'depmod', pkg: 'kmod' },
  { command: 'xz', pkg: 'xz-utils' },
  { command: 'apt-get', pkg: 'apt' }, { command: 'dpkg', pkg: 'dpkg' },
  { command: 'ip', pkg: 'iproute2' }, { command: 'nsenter', pkg: 'util-linux' }, { command: 'unshare', pkg: 'util-linux' },
  { command: 'mkfs.ext4', pkg: 'e2fsprogs' },
];

const BY_SERVICE: Record<LabService, Need[]> = {
  'nfs-server': [
    { command: 'rpc.nfsd', pkg: 'nfs-kernel-server' }, { command: 'exportfs', pkg: 'nfs-kernel-server' },
    { command: 'rpc.mountd', pkg: 'nfs-kernel-server' }, { command: 'nfsdcld', pkg: 'nfs-kernel-server' },
    { command: 'rpc.statd', pkg: 'nfs-common' }, { command: 'mount.nfs', pkg: 'nfs-common' }, { command: 'rpcbind', pkg: 'rpcbind' },
  ],
  'client-b-namespaces': [],
  'iscsi-target': [{ command: 'tgtd', pkg: 'tgt' }, { command: 'tgtadm', pkg: 'tgt' }],
  'iscsi-initiator': [{ command: 'iscsid', pkg: 'open-iscsi' }, { command: 'iscsiadm', pkg: 'open-iscsi' }],
  // ci/ceph.sh's daemons and admin commands, the kernel clients' helpers (mount.ceph, rbd map) and jq (the MDS session list).
  ceph: [
    { command: 'ceph-mon', pkg: 'ceph-mon' }, { command: 'ceph-osd', pkg: 'ceph-osd' }, { command: 'ceph-mds', pkg: 'ceph-mds' },
    { command: 'ceph', pkg: 'ceph-common' }, { command: 'rbd', pkg: 'ceph-common' }, { command: 'mount.ceph', pkg: 'ceph-common' },
    { command: 'jq', pkg: 'jq' },
  ],
  'ceph-fuse': [{ command: 'ceph-fuse', pkg: 'ceph-fuse' }],
};

/** Where a command is on PATH (plus the sbin directories), or undefined. */
export function which(command: string, path = process.env.PATH ?? ''): string | undefined {
  const dirs = [...path.split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin'].filter(Boolean);
  for (const d of dirs) if (existsSync(join(d, command))) return join(d, command);
  return undefined;
}

/** The Debian packages missing for these services (empty when all is there). */
export function missingPackages(services: readonly LabService[], has: (c: string) => boolean = (c) => which(c) !== undefined): string[] {
  const needs = [...ALWAYS, ...services.flatMap((s) => BY_SERVICE[s])];
  return [...new Set(needs.filter((n) => !has(n.command)).map((n) => n.pkg))];
}

/** Throw LAB_REQUIREMENTS unless the lab can run here, saying what to install. */
export function checkRequirements(services: readonly LabService[], uid = process.getuid?.() ?? 0, cephScript = cephScriptPath()): void {
  if (uid !== 0) throw new LabError('LAB_REQUIREMENTS', 'coprobe lab needs root (it runs qemu and reads the host root to share it with the guest): run it as root');
  const missing = missingPackages(services);
  if (missing.length) {
    throw new LabError('LAB_REQUIREMENTS', `missing on this host: ${missing.join(', ')}; install them with service start-up suppressed (the guest starts its own servers; the host's must not run): bash ci/install-deps.sh, or apt-get install --no-install-recommends ${missing.join(' ')}`);
  }
  // The Ceph cluster is made by the checkout's ci/ceph.sh (an installed package has no ci/).
  if (services.includes('ceph') && !existsSync(cephScript)) {
    throw new LabError('LAB_REQUIREMENTS', `the Ceph scenarios start their cluster with ${cephScript}, which is missing: run coprobe lab from a checkout of coprobe`);
  }
}

/** Paths the guest mounts afresh and so cannot see from the host's root. */
const HIDDEN_IN_GUEST = ['/run', '/proc', '/sys', '/dev'];

/** Throw LAB_REQUIREMENTS when node or coprobe lives where the guest cannot see it (it runs them from the host's root). */
export function checkGuestVisible(paths: readonly string[]): void {
  for (const p of paths) {
    const under = HIDDEN_IN_GUEST.find((h) => p === h || p.startsWith(`${h}/`));
    if (under) throw new LabError('LAB_REQUIREMENTS', `${p} is under ${under}, which the lab's guest mounts afresh: it runs node and coprobe from the host's root and would not find them; install or check out coprobe elsewhere`);
  }
}
