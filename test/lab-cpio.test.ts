// The lab's cpio newc writer: what it writes reads back (by a small reader here and by busybox cpio), aligned and ended
// by TRAILER!!!, and it refuses paths that climb out of the archive.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpioNewc, type CpioEntry } from '../src/lab/cpio.js';

interface Record { offset: number; name: string; mode: number; nlink: number; ino: number; data: Buffer }

/** A newc reader: every record with its header fields, name and data, checking the format's alignment as it goes. */
function readNewc(buf: Buffer): Record[] {
  const out: Record[] = [];
  let at = 0;
  for (;;) {
    if (at % 4 !== 0) throw new Error(`record at ${at} is not 4-byte aligned`);
    const magic = buf.toString('ascii', at, at + 6);
    if (magic !== '070701') throw new Error(`bad magic "${magic}" at ${at}`);
    const field = (i: number) => parseInt(buf.toString('ascii', at + 6 + i * 8, at + 14 + i * 8), 16);
    const [ino, mode, , , nlink, , size, , , , , namesize, check] = Array.from({ length: 13 }, (_, i) => field(i)) as number[];
    if (check !== 0) throw new Error('check field must be 0 in newc');
    const nameStart = at + 110;
    if (buf[nameStart + namesize! - 1] !== 0) throw new Error('name not NUL-terminated');
    const name = buf.toString('utf8', nameStart, nameStart + namesize! - 1);
    const dataStart = nameStart + namesize!;
    const dataAligned = dataStart + ((4 - (dataStart % 4)) % 4);
    // The padding is NUL bytes.
    if (buf.subarray(dataStart, dataAligned).some((b) => b !== 0)) throw new Error(`non-zero padding after the name of ${name}`);
    const data = buf.subarray(dataAligned, dataAligned + size!);
    out.push({ offset: at, name, mode: mode!, nlink: nlink!, ino: ino!, data: Buffer.from(data) });
    const next = dataAligned + size! + ((4 - (size! % 4)) % 4);
    if (buf.subarray(dataAligned + size!, next).some((b) => b !== 0)) throw new Error(`non-zero padding after the data of ${name}`);
    at = next;
    if (name === 'TRAILER!!!') break;
  }
  if (at !== buf.length) throw new Error(`${buf.length - at} bytes after the trailer`);
  return out;
}

// Names of every length modulo 4 and data of every length modulo 4, so each padding case occurs.
const ENTRIES: CpioEntry[] = [
  { path: '/bin', type: 'dir' },
  { path: 'bin/x', type: 'file', data: Buffer.from('#!/bin/sh\necho hi\n'), mode: 0o755 },
  { path: 'bin/ab', type: 'file', data: Buffer.from('a'), mode: 0o600 },
  { path: 'bin/abc', type: 'file', data: Buffer.from('ab') },
  { path: 'bin/abcd', type: 'file', data: Buffer.from('abc') },
  { path: 'bin/empty', type: 'file', data: new Uint8Array() },
  { path: 'lib', type: 'dir', mode: 0o700 },
  { path: 'lib/bytes.bin', type: 'file', data: Uint8Array.from({ length: 257 }, (_, i) => i % 256), mode: 0o644 },
  { path: 'bin/sh', type: 'symlink', target: 'busybox' },
  { path: 'lib/abs', type: 'symlink', target: '/bin/x' },
  { path: 'lib/ünïcode', type: 'file', data: Buffer.from('ü') },
];

t.test('the archive reads back: names, types, modes, data, symlink targets, then TRAILER!!!', async (t) => {
  const buf = cpioNewc(ENTRIES);
  t.equal(buf.length % 4, 0, 'the archive is a multiple of 4 bytes');
  const recs = readNewc(buf);
  t.equal(recs.length, ENTRIES.length + 1, 'one record per entry plus the trailer');
  t.same(recs.map((r) => r.name), [...ENTRIES.map((e) => e.path.replace(/^\/+/, '')), 'TRAILER!!!'], 'names in order, leading / dropped');
  for (const r of recs) t.equal(r.offset % 4, 0, `${r.name} starts 4-byte aligned`);
  const by = new Map(recs.map((r) => [r.name, r]));
  t.equal(by.get('bin')!.mode, 0o040755, 'dir default mode 0755');
  t.equal(by.get('lib')!.mode, 0o040700, 'dir given mode');
  t.equal(by.get('bin/x')!.mode, 0o100755);
  t.equal(by.get('bin/ab')!.mode, 0o100600);
  t.equal(by.get('bin/abc')!.mode, 0o100644, 'file default mode 0644');
  t.equal(by.get('bin/sh')!.mode, 0o120777, 'symlink mode');
  t.equal(by.get('bin/sh')!.data.toString(), 'busybox', 'symlink target is its data');
  t.equal(by.get('lib/abs')!.data.toString(), '/bin/x');
  for (const e of ENTRIES) if (e.type === 'file') t.same(by.get(e.path)!.data, Buffer.from(e.data), `${e.path}: data`);
  t.equal(by.get('bin/empty')!.data.length, 0);
  const trailer = recs.at(-1)!;
  t.equal(trailer.name, 'TRAILER!!!');
  t.equal(trailer.data.length, 0);
  t.equal(new Set(recs.map((r) => r.ino)).size, recs.length, 'each record has its own inode number (no accidental hard links)');
});

t.test('an empty list is just the trailer', async (t) => {
  const recs = readNewc(cpioNewc([]));
  t.same(recs.map((r) => r.name), ['TRAILER!!!']);
});

t.test('busybox cpio extracts the archive to the same files, modes and links', { skip: existsSync('/bin/busybox') ? false : 'no /bin/busybox' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-cpio-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = spawnSync('/bin/busybox', ['cpio', '-i', '-d'], { cwd: dir, input: cpioNewc(ENTRIES), encoding: 'utf8' });
  t.equal(r.status, 0, `busybox cpio -i exits 0 (${r.stderr})`);
  for (const e of ENTRIES) {
    const p = join(dir, e.path);
    const st = lstatSync(p);
    if (e.type === 'dir') {
      t.ok(st.isDirectory(), `${e.path} is a directory`);
      t.equal(st.mode & 0o7777, e.mode ?? 0o755, `${e.path}: mode`);
    } else if (e.type === 'file') {
      t.ok(st.isFile(), `${e.path} is a file`);
      t.equal(st.mode & 0o7777, e.mode ?? 0o644, `${e.path}: mode`);
      t.same(readFileSync(p), Buffer.from(e.data), `${e.path}: contents`);
    } else {
      t.ok(st.isSymbolicLink(), `${e.path} is a symlink`);
      t.equal(readlinkSync(p), e.target, `${e.path}: target`);
    }
  }
});

t.test('paths climbing out with ".." and empty paths are refused', async (t) => {
  for (const path of ['..', '../etc/passwd', 'a/../../b', '/..', 'a/..', '/', '']) {
    t.throws(() => cpioNewc([{ path, type: 'file', data: new Uint8Array() }]), /cpio: bad path/, `"${path}" refused`);
  }
  t.throws(() => cpioNewc([{ path: 'ok', type: 'dir' }, { path: 'x/../..', type: 'symlink', target: 'y' }]), /bad path "x\/\.\.\/\.\."/, 'the error names the path');
  t.doesNotThrow(() => cpioNewc([{ path: 'a..b/..c', type: 'dir' }]), 'a name merely containing dots is fine');
});
