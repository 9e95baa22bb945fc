// Build (and cache) the lab's initramfs: static busybox, the modules that mount the shared root, and the /init script.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpioNewc, type CpioEntry } from './cpio.js';
import { initScript } from './init-script.js';
import { LabError } from './errors.js';
import type { LabKernel } from './kernel.js';

/** Modules the initramfs needs to mount the host's root (their dependencies are added in load order). */
export const INITRAMFS_MODULES = ['virtio_pci', '9pnet_virtio', '9p', 'overlay'] as const;
export const BUSYBOX = '/bin/busybox';

/** Module files to insmod, dependencies first, from `modprobe --show-depends` on the unpacked tree. */
export function moduleLoadOrder(k: Pick<LabKernel, 'root' | 'release'>, names: readonly string[] = INITRAMFS_MODULES): string[] {
  const out: string[] = [];
  for (const name of names) {
    const r = spawnSync('modprobe', ['-d', k.root, '-S', k.release, '--show-depends', name], { encoding: 'utf8' });
    if (r.error || r.status !== 0) throw new LabError('LAB_INITRAMFS', `modprobe --show-depends ${name} for ${k.release} failed: ${r.error?.message ?? r.stderr.trim()} (is kmod installed?)`);
    for (const line of r.stdout.split('\n')) {
      const m = /^insmod (\S+)/.exec(line.trim());
      if (m && !out.includes(m[1]!)) out.push(m[1]!);
    }
  }
  return out;
}

/** Whether an ELF file is statically linked (no PT_INTERP program header): the initramfs has no libc to load. */
export function isStaticElf(bytes: Buffer): boolean {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46 || bytes[4] !== 2) return false;
  const phoff = Number(bytes.readBigUInt64LE(32));
  const phentsize = bytes.readUInt16LE(54), phnum = bytes.readUInt16LE(56);
  if (phentsize < 4 || phoff + phnum * phentsize > bytes.length) return false; // cut short: not a program to run
  for (let i = 0; i < phnum; i++) if (bytes.readUInt32LE(phoff + i * phentsize) === 3) return false;
  return true;
}

/** The initramfs for a kernel: cached in the kernel's directory under a hash of what goes into it. */
export function ensureInitramfs(k: LabKernel): { path: string; cached: boolean } {
  if (!existsSync(BUSYBOX)) throw new LabError('LAB_INITRAMFS', `${BUSYBOX} is missing: apt-get install busybox-static`);
  const busybox = readFileSync(BUSYBOX);
  if (!isStaticElf(busybox)) throw new LabError('LAB_INITRAMFS', `${BUSYBOX} is dynamically linked and cannot run in the initramfs: apt-get install busybox-static`);
  const modules = moduleLoadOrder(k);
  const names = modules.map((m) => basename(m));
  const init = initScript(names.map((n) => n));
  const hash = createHash('sha256').update(init).update(busybox).update(modules.join('\n')).digest('hex').slice(0, 12);
  const path = join(k.dir, `initramfs-${hash}.img`);
  if (existsSync(path)) return { path, cached: true };
  const entries: CpioEntry[] = [
    ...['bin', 'dev', 'proc', 'sys', 'lib', 'lib/lab', 'lower', 'upper', 'newroot'].map((d) => ({ path: d, type: 'dir' as const })),
    { path: 'bin/busybox', type: 'file', data: busybox, mode: 0o755 },
    { path: 'init', type: 'file', data: Buffer.from(init), mode: 0o755 },
    ...modules.map((m) => ({ path: `lib/lab/${basename(m)}`, type: 'file' as const, data: readFileSync(m) })),
  ];
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, gzipSync(cpioNewc(entries), { level: 1 }));
  renameSync(tmp, path);
  return { path, cached: false };
}
