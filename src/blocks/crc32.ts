// CRC-32 (zlib's polynomial): Node's zlib.crc32 where the runtime has it (Node >= 20.15), else slicing-by-8 in JS (Node 18).
import * as zlib from 'node:zlib';

type Crc32 = (data: Uint8Array, value?: number) => number;

/** The 8 × 256 lookup tables of slicing-by-8 for the reflected polynomial 0xEDB88320. */
function tables(): Uint32Array[] {
  const t = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0]![n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k]![n] = (t[0]![t[k - 1]![n]! & 0xff]! ^ (t[k - 1]![n]! >>> 8)) >>> 0;
  }
  return t;
}

let T: Uint32Array[] | undefined;

/** CRC-32 of data continuing from `value` (0 to start), in JS: the same results as zlib.crc32. */
export function crc32Js(data: Uint8Array, value = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = (T ??= tables()) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = ~value >>> 0;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    const lo = (c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    c = t7[lo & 0xff]! ^ t6[(lo >>> 8) & 0xff]! ^ t5[(lo >>> 16) & 0xff]! ^ t4[lo >>> 24]!
      ^ t3[data[i + 4]!]! ^ t2[data[i + 5]!]! ^ t1[data[i + 6]!]! ^ t0[data[i + 7]!]!;
  }
  for (; i < n; i++) c = t0[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Which implementation this runtime uses ('zlib' or 'js'), for the run header and benchmarks. */
export const crc32Impl: 'zlib' | 'js' = typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? 'zlib' : 'js';

/** CRC-32 of data continuing from `value`. */
export const crc32: Crc32 = crc32Impl === 'zlib' ? (zlib as unknown as { crc32: Crc32 }).crc32 : crc32Js;
