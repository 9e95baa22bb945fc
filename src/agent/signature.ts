// Safety checks on a block device before anything writes to it: filesystem and partition signatures (what uses it: in-use.ts).
import { spawnSync } from 'node:child_process';
import { openSync, readSync, closeSync } from 'node:fs';
export { deviceInUse } from './in-use.js';

/** Filesystem or partition signatures at fixed offsets, used when blkid is not installed. */
const BUILTIN: { name: string; offset: number; bytes: Buffer }[] = [
  { name: 'dos partition table', offset: 510, bytes: Buffer.from([0x55, 0xaa]) },
  { name: 'gpt', offset: 512, bytes: Buffer.from('EFI PART') },
  { name: 'ext2/3/4', offset: 1080, bytes: Buffer.from([0x53, 0xef]) },
  { name: 'xfs', offset: 0, bytes: Buffer.from('XFSB') },
  { name: 'btrfs', offset: 65600, bytes: Buffer.from('_BHRfS_M') },
  { name: 'LVM2', offset: 536, bytes: Buffer.from('LVM2 001') },
  { name: 'swap', offset: 4086, bytes: Buffer.from('SWAPSPACE2') },
  { name: 'iso9660', offset: 32769, bytes: Buffer.from('CD001') },
  { name: 'qcow', offset: 0, bytes: Buffer.from('QFI\xfb', 'latin1') },
];

/** Scan a device's head for the built-in signatures; returns the first found. */
export function builtinSignature(head: Buffer): string | null {
  for (const s of BUILTIN) {
    if (head.length >= s.offset + s.bytes.length && head.subarray(s.offset, s.offset + s.bytes.length).equals(s.bytes)) return s.name;
  }
  return null;
}

/** The filesystem or partition signature on a device ("TYPE=ext4"), or null when it is blank to blkid. */
export function detectSignature(path: string): string | null {
  const r = spawnSync('blkid', ['-p', '-o', 'export', path], { encoding: 'utf8', timeout: 15_000 });
  if (r.status === 0) {
    const found = r.stdout.split('\n').filter((l) => /^(TYPE|PTTYPE|USAGE)=/.test(l));
    return found.join(' ') || 'signature found by blkid';
  }
  if (r.status === 2) return null; // blkid: nothing found
  const head = Buffer.alloc(68 * 1024);
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return builtinSignature(head.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

