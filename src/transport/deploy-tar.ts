// A ustar archive of regular files (the deployed package): what `--deploy` streams to a remote host, gzipped.
import { gzipSync } from 'node:zlib';

/** One file in the archive: its path inside (relative, "/"-separated), mode bits and bytes. */
export interface TarEntry { path: string; mode: number; data: Buffer }

/** Write a ustar header field: text (or an octal number) padded with NULs to its width. */
function field(h: Buffer, offset: number, width: number, value: string): void {
  const b = Buffer.from(value, 'utf8');
  if (b.length > width) throw new Error(`tar: "${value}" does not fit a ${width}-byte header field`);
  b.copy(h, offset);
}

/** Split a path into ustar's prefix (≤ 155 bytes) and name (≤ 100 bytes) at a "/"; throws when it cannot. */
function splitPath(path: string): [prefix: string, name: string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return [prefix, name];
  }
  throw new Error(`tar: path too long for ustar: ${path}`);
}

/** The 512-byte ustar header of a regular file (owner 0:0, mtime 0: the archive depends on the contents only). */
export function tarHeader(e: { path: string; mode: number; size: number }): Buffer {
  const h = Buffer.alloc(512);
  const [prefix, name] = splitPath(e.path);
  field(h, 0, 100, name);
  field(h, 100, 8, `${(e.mode & 0o7777).toString(8).padStart(7, '0')}\0`);
  field(h, 108, 8, '0000000\0');
  field(h, 116, 8, '0000000\0');
  field(h, 124, 12, `${e.size.toString(8).padStart(11, '0')}\0`);
  field(h, 136, 12, '00000000000\0');
  h.fill(' ', 148, 156); // the checksum is computed with its own field as spaces
  field(h, 156, 1, '0');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  field(h, 345, 155, prefix);
  let sum = 0;
  for (const byte of h) sum += byte;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** The archive of these files (each padded to 512 bytes, two zero blocks at the end), uncompressed. */
export function tarArchive(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(tarHeader({ path: e.path, mode: e.mode, size: e.data.length }), e.data);
    const pad = (512 - (e.data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** The archive gzipped (what goes over ssh). */
export function tarGz(entries: readonly TarEntry[]): Buffer {
  return gzipSync(tarArchive(entries), { level: 6 });
}
