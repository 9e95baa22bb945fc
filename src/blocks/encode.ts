// Fill a buffer with one self-verifying block (header, sector stamps, pattern, CRC-32).
import { crc32 } from './crc32.js';
import { BLOCK_MAGIC, FORMAT_VERSION, HEADER_LEN, OFF, SECTOR, SECTOR_MAGIC, type BlockStamp } from './layout.js';
import { nowUs } from '../../native-bindings/clock.js';

/** The 4-byte fill pattern of a block's payload: changes with generation and index. */
export function patternWord(generation: number, index: number): number {
  return (Math.imul(generation, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

/** Write block `s` into buf[0, s.blockSize); the timestamp is the time of encoding unless given. */
export function encodeBlock(buf: Buffer, s: BlockStamp, timestampUs = nowUs()): void {
  const bs = s.blockSize;
  buf.fill(patternWord(s.generation, s.index), HEADER_LEN, bs);
  buf.writeUInt32LE(BLOCK_MAGIC, OFF.magic);
  buf.writeUInt16LE(FORMAT_VERSION, OFF.version);
  buf.writeUInt16LE(HEADER_LEN, OFF.headerLen);
  buf.writeUInt32LE(bs, OFF.blockSize);
  buf.writeUInt32LE(s.writerId, OFF.writer);
  buf.write(s.runId, OFF.runId, 8, 'hex');
  buf.writeBigUInt64LE(BigInt(s.generation), OFF.generation);
  buf.writeBigUInt64LE(BigInt(s.index), OFF.index);
  buf.writeBigUInt64LE(BigInt(timestampUs), OFF.timestamp);
  buf.fill(0, 48, 64);
  const genLow = s.generation >>> 0;
  const idxLow = s.index >>> 0;
  for (let sec = 1, off = SECTOR; off < bs; sec++, off += SECTOR) {
    buf.writeUInt32LE(SECTOR_MAGIC, off);
    buf.writeUInt32LE(genLow, off + 4);
    buf.writeUInt32LE(idxLow, off + 8);
    buf.writeUInt32LE(sec, off + 12);
  }
  buf.writeUInt32LE(blockCrc(buf, bs), OFF.crc);
}

/** CRC-32 of buf[0, bs) as if the CRC field were zero. */
export function blockCrc(buf: Buffer, bs: number): number {
  const head = crc32(buf.subarray(0, OFF.crc));
  const zero = crc32(ZERO4, head);
  return crc32(buf.subarray(OFF.crc + 4, bs), zero);
}
const ZERO4 = Buffer.alloc(4);
