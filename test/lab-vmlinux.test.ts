// extractVmlinux: the first xz stream in a bzImage that unpacks to an ELF file is the kernel; stray xz magics, other xz
// streams and trailing bytes are passed over; no such stream is LAB_KERNEL.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { extractVmlinux } from '../src/lab/vmlinux.js';
import { LabError } from '../src/lab/errors.js';

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

function xz(data: Buffer, extra: string[] = []): Buffer {
  const r = spawnSync('xz', ['-zc', '-0', ...extra], { input: data, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`xz failed: ${r.stderr}`);
  return r.stdout;
}

/** Random bytes without the xz magic in them (so the only magics are the ones a test puts in). */
function junk(n: number): Buffer {
  for (;;) {
    const b = randomBytes(n);
    if (b.indexOf(XZ_MAGIC) < 0 && b.indexOf(XZ_MAGIC.subarray(0, 3)) < 0) return b;
  }
}

// A fake kernel: the ELF magic and header bytes, then enough varied data that the stream is several blocks of xz.
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(4096), Buffer.alloc(70_000, 0x90), randomBytes(333)]);

/** Assert fn throws a LabError with this code (and return its message). */
function throwsLab(t: Test, fn: () => unknown, code: string, what: string): string {
  try {
    fn();
  } catch (err) {
    t.ok(err instanceof LabError, `${what}: a LabError`);
    t.equal((err as LabError).code, code, `${what}: code ${code}`);
    return (err as Error).message;
  }
  t.fail(`${what}: expected a LabError ${code}`);
  return '';
}

t.test('the xz-compressed ELF between junk, a stray magic and another xz stream comes back byte for byte', async (t) => {
  const image = Buffer.concat([
    junk(1000),
    XZ_MAGIC, junk(200), // a stray magic: not a stream
    xz(Buffer.from('not an ELF file: the setup code\n'.repeat(20))), // a real xz stream that is not the kernel
    junk(77),
    xz(ELF, ['--check=crc32']),
    Buffer.from([0x10, 0x20, 0x30, 0x40]), junk(5000), // the size word and whatever follows in a bzImage
  ]);
  const out = extractVmlinux(image);
  t.equal(out.length, ELF.length, 'exactly the ELF length');
  t.ok(out.equals(ELF), 'exactly the ELF bytes');
});

t.test('a stray magic and the payload followed by more than a pipe holds (xz stops reading: EPIPE is not fatal)', async (t) => {
  // Seen with linux-image-6.1.0-57: xz exits before node has written the whole image, and the write fails with EPIPE.
  const image = Buffer.concat([junk(100), XZ_MAGIC, junk(2 << 20), xz(ELF), junk(3 << 20)]);
  t.ok(extractVmlinux(image).equals(ELF), 'the kernel found past a false magic with MiBs after it');
});

t.test('the payload at the very start of the buffer is found too', async (t) => {
  t.ok(extractVmlinux(Buffer.concat([xz(ELF), junk(10)])).equals(ELF));
});

t.test('no xz ELF payload: LAB_KERNEL naming the source', async (t) => {
  const msg = throwsLab(t, () => extractVmlinux(junk(4096), 'linux-image-x\'s vmlinuz'), 'LAB_KERNEL', 'junk only');
  t.match(msg, /^linux-image-x's vmlinuz: no xz-compressed ELF kernel inside/, 'the message names the source');
  throwsLab(t, () => extractVmlinux(Buffer.concat([junk(100), XZ_MAGIC, junk(100), XZ_MAGIC])), 'LAB_KERNEL', 'stray magics only');
  throwsLab(t, () => extractVmlinux(Buffer.concat([junk(100), xz(Buffer.from('MZ and not ELF')), junk(100)])), 'LAB_KERNEL', 'an xz stream that is not an ELF file');
  throwsLab(t, () => extractVmlinux(Buffer.alloc(0)), 'LAB_KERNEL', 'empty buffer');
});

t.test('a truncated xz ELF stream is not taken for the kernel (a cut vmlinux would fail to boot far from here)', async (t) => {
  const stream = xz(ELF);
  const cut = Buffer.concat([junk(50), stream.subarray(0, Math.floor(stream.length * 0.8))]);
  throwsLab(t, () => extractVmlinux(cut), 'LAB_KERNEL', 'truncated stream');
});
