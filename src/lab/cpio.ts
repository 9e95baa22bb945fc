// A minimal writer of the cpio "newc" format the kernel unpacks as an initramfs (regular files, directories, symlinks).

/** One initramfs entry: a directory, a file with its bytes and mode, or a symlink. */
export type CpioEntry =
  | { path: string; type: 'dir'; mode?: number }
  | { path: string; type: 'file'; data: Uint8Array; mode?: number }
  | { path: string; type: 'symlink'; target: string };

const TYPE_BITS = { dir: 0o040000, file: 0o100000, symlink: 0o120000 } as const;

const hex8 = (n: number) => n.toString(16).padStart(8, '0');
const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** The archive's bytes: entries in order (parents before children), then the TRAILER!!! record. */
export function cpioNewc(entries: readonly CpioEntry[]): Buffer {
  const parts: Buffer[] = [];
  let ino = 1;
  const add = (name: string, mode: number, data: Uint8Array) => {
    const nameBytes = Buffer.from(`${name}\0`, 'utf8');
    const header = `070701${[ino++, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0].map(hex8).join('')}`;
    parts.push(Buffer.from(header, 'ascii'), nameBytes, Buffer.alloc(pad4(110 + nameBytes.length)));
    parts.push(Buffer.from(data), Buffer.alloc(pad4(data.length)));
  };
  for (const e of entries) {
    const name = e.path.replace(/^\/+/, '');
    if (!name || name.split('/').includes('..')) throw new Error(`cpio: bad path "${e.path}"`);
    if (e.type === 'dir') add(name, TYPE_BITS.dir | (e.mode ?? 0o755), new Uint8Array());
    else if (e.type === 'file') add(name, TYPE_BITS.file | (e.mode ?? 0o644), e.data);
    else add(name, TYPE_BITS.symlink | 0o777, Buffer.from(e.target, 'utf8'));
  }
  add('TRAILER!!!', 0, new Uint8Array());
  return Buffer.concat(parts);
}
