// The JS CRC-32 (Node 18's path) gives zlib's results, whole and continued, at every length and alignment.
import t from 'tap';
import * as zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { crc32, crc32Js, crc32Impl } from '../src/blocks/crc32.js';

const z = (zlib as unknown as { crc32: (d: Uint8Array, v?: number) => number }).crc32;

t.test('known values', async (t) => {
  t.equal(crc32Js(Buffer.from('123456789')), 0xcbf43926, 'the check value of CRC-32');
  t.equal(crc32Js(Buffer.alloc(0)), 0);
  t.equal(crc32Js(Buffer.alloc(0), 0x1234), 0x1234, 'empty data leaves the running value');
});

t.test('same as zlib.crc32 on this runtime', async (t) => {
  t.equal(crc32Impl, 'zlib', 'Node 20 uses zlib');
  t.equal(crc32, z);
  const buf = randomBytes(4096 + 17);
  for (const len of [1, 3, 7, 8, 9, 15, 16, 60, 4096, 4096 + 17]) {
    for (const off of [0, 1, 5]) {
      if (off + len > buf.length) continue;
      const d = buf.subarray(off, off + len);
      t.equal(crc32Js(d), z(d), `length ${len} at offset ${off}`);
    }
  }
  const head = crc32Js(buf.subarray(0, 44));
  t.equal(crc32Js(buf.subarray(44), head), z(buf), 'continued from a running value');
});
