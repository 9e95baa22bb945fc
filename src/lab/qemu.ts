// The qemu command line that boots the lab: the kernel's vmlinux directly (PVH), the initramfs, and three virtio-9p
// shares (the host root read-only, the lab's directory, the kernel's modules); no disk, no network, output to files.
import { TAGS } from './init-script.js';

export type Accel = 'tcg' | 'kvm';

export interface QemuSpec {
  vmlinux: string;
  initramfs: string;
  /** The lab's directory (read-write in the guest). */
  share: string;
  /** The kernel's lib/modules (read-only in the guest). */
  modules: string;
  memoryMiB: number;
  cpus: number;
  accel: Accel;
  /** File the guest's serial console is written to. */
  console: string;
  /**
   * TCG's CPU model: 'max' (every feature TCG emulates) where a scenario's software needs it; unset, qemu's default
   * (qemu64). KVM always takes the host's CPU.
   */
  tcgCpu?: 'max';
}

/** qemu-system-x86_64's arguments for the lab guest. */
export function qemuArgs(q: QemuSpec): string[] {
  // Each 9p share spans several host filesystems (the root has /work, /tmp…): remap their inode numbers so they cannot clash.
  // A comma inside a qemu option value is written twice (a path with a comma would otherwise start a new option).
  const share = (id: string, path: string, tag: string, ro: boolean) => [
    '-fsdev', `local,id=${id},path=${path.replace(/,/g, ',,')},security_model=none,multidevs=remap${ro ? ',readonly=on' : ''}`,
    '-device', `virtio-9p-pci,fsdev=${id},mount_tag=${tag}`,
  ];
  return [
    '-accel', q.accel === 'tcg' ? 'tcg,thread=multi' : 'kvm',
    ...(q.accel === 'kvm' ? ['-cpu', 'host'] : q.tcgCpu ? ['-cpu', q.tcgCpu] : []),
    '-m', String(q.memoryMiB), '-smp', String(q.cpus),
    '-kernel', q.vmlinux, '-initrd', q.initramfs,
    '-append', 'console=ttyS0 quiet panic=-1',
    ...share('hostroot', '/', TAGS.root, true),
    ...share('lab', q.share, TAGS.share, false),
    ...share('kmods', q.modules, TAGS.modules, true),
    '-nic', 'none', '-display', 'none', '-monitor', 'none', '-no-reboot',
    '-serial', `file:${q.console}`,
  ];
}
