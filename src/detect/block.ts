// The transport under a block device, read from sysfs: loop (and its backing file), iSCSI, nbd, virtio, SCSI, NVMe, dm, md, rbd.
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BlockDetails } from './types.js';

function read(path: string): string | undefined {
  try { return readFileSync(path, 'utf8').trim(); } catch { return undefined; }
}

function list(path: string): string[] {
  try { return readdirSync(path).sort(); } catch { return []; }
}

/** Major and minor of a Linux dev_t (glibc's gnu_dev_major/minor encoding). */
export function devParts(rdev: bigint): [number, number] {
  const major = Number(((rdev >> 8n) & 0xfffn) | ((rdev >> 32n) & 0xfffff000n));
  const minor = Number((rdev & 0xffn) | ((rdev >> 12n) & 0xffffff00n));
  return [major, minor];
}

/**
 * What sysfs says is under block device "major:minor": /sys/dev/block/M:m is a symlink into /sys/devices whose path
 * names the bus (…/session1/… iSCSI, …/virtio1/… virtio, …/host0/target0:0:0/… SCSI); loop, nbd, dm, md and rbd
 * are named by the device. Undefined when sysfs has no such device (an anonymous device such as NFS's 0:50).
 */
export function blockDetails(dev: string, sysRoot = '/sys'): BlockDetails | undefined {
  let sysfs: string;
  try {
    sysfs = realpathSync(join(sysRoot, 'dev', 'block', dev));
  } catch {
    return undefined;
  }
  const name = basename(sysfs);
  const disk = existsSync(join(sysfs, 'partition')) ? dirname(sysfs) : sysfs;
  const diskName = basename(disk);
  const base = { sysfs, name };

  if (/^loop\d+$/.test(diskName)) {
    const backing = read(join(disk, 'loop', 'backing_file'));
    const dio = read(join(disk, 'loop', 'dio'));
    return { ...base, transport: 'loop', ...(backing ? { backing } : {}), ...(dio !== undefined ? { loopDirectIo: dio === '1' } : {}) };
  }
  if (/^nbd\d+$/.test(diskName)) {
    const backend = read(join(disk, 'backend'));
    const pid = read(join(disk, 'pid'));
    const backing = backend || (pid ? `connected, client pid ${pid}` : undefined);
    return { ...base, transport: 'nbd', ...(backing ? { backing } : {}) };
  }
  const session = /^(.*\/(session\d+))\//.exec(disk);
  if (session) {
    const [, dir, sess] = session as unknown as [string, string, string];
    const target = read(join(dir, 'iscsi_session', sess, 'targetname')) ?? read(join(sysRoot, 'class', 'iscsi_session', sess, 'targetname'));
    return { ...base, transport: 'iscsi', backing: target ? `${target} (${sess})` : sess };
  }
  const rbd = /^rbd(\d+)$/.exec(diskName);
  if (rbd) {
    const d = join(sysRoot, 'bus', 'rbd', 'devices', rbd[1]!);
    const pool = read(join(d, 'pool')), image = read(join(d, 'name'));
    return { ...base, transport: 'rbd', ...(pool && image ? { backing: `${pool}/${image}` } : {}) };
  }
  if (/^dm-\d+$/.test(diskName)) {
    const dmName = read(join(disk, 'dm', 'name'));
    const uuid = read(join(disk, 'dm', 'uuid'));
    const kind = uuid ? /^([A-Za-z]+)-/.exec(uuid)?.[1] : undefined;
    const slaves = list(join(disk, 'slaves'));
    const backing = [dmName, kind ? `(${kind})` : '', slaves.length ? `over ${slaves.join(', ')}` : ''].filter(Boolean).join(' ');
    return { ...base, transport: 'dm', ...(backing ? { backing } : {}) };
  }
  if (/^md\d+/.test(diskName)) {
    const level = read(join(disk, 'md', 'level'));
    const slaves = list(join(disk, 'slaves'));
    const backing = [level, slaves.length ? `over ${slaves.join(', ')}` : ''].filter(Boolean).join(' ');
    return { ...base, transport: 'md', ...(backing ? { backing } : {}) };
  }
  if (/^nvme/.test(diskName)) {
    const parent = dirname(disk);
    const ctrl = existsSync(join(parent, 'transport')) ? parent
      : list(parent).filter((e) => /^nvme\d+$/.test(e)).map((e) => join(parent, e)).find((p) => existsSync(join(p, 'transport')));
    const via = ctrl ? read(join(ctrl, 'transport')) : undefined;
    const nqn = ctrl ? read(join(ctrl, 'subsysnqn')) : undefined;
    const backing = [via, nqn].filter(Boolean).join(' ');
    return { ...base, transport: 'nvme', ...(backing ? { backing } : {}) };
  }
  const scsi = /\/host\d+\/(?:rport-[^/]+\/)?target\d+:\d+:\d+\//.test(disk);
  if (/\/virtio\d+\//.test(disk)) return { ...base, transport: 'virtio', backing: scsi ? 'virtio-scsi' : 'virtio-blk' };
  if (scsi) {
    const bus = /\/usb\d+\//.test(disk) ? 'usb' : /\/rport-/.test(disk) ? 'fibre channel' : /\/ata\d+\//.test(disk) ? 'ata' : undefined;
    return { ...base, transport: 'scsi', ...(bus ? { backing: bus } : {}) };
  }
  return { ...base, transport: 'other', ...(disk.includes('/virtual/') ? { backing: `virtual device ${diskName}` } : {}) };
}
