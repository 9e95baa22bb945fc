// Classify one block read back from storage, checking each header field separately (fio verify style).
import { BLOCK_MAGIC, FORMAT_VERSION, OFF, SECTOR, SECTOR_MAGIC, STAMP_LEN } from './layout.js';
import { blockCrc } from './encode.js';

/** What a block read back turned out to be. */
export type BlockClass = 'fresh' | 'stale' | 'torn' | 'foreign' | 'misplaced' | 'zero' | 'short' | 'error';
export const BLOCK_CLASSES: readonly BlockClass[] = ['fresh', 'stale', 'torn', 'foreign', 'misplaced', 'zero', 'short', 'error'];

/** What the reader expects at one block index. */
export interface Expectation {
  runId: string;
  generation: number;
  index: number;
  blockSize: number;
  /** When set, a block from another writer of this run is foreign. */
  writerId?: number;
}

/** The verdict on one block, with the field that decided it and expected vs found. */
export interface BlockFinding {
  index: number;
  cls: BlockClass;
  field?: string;
  expected?: string | number;
  found?: string | number;
  /** Write timestamp (µs) of the block found, when its header was readable. */
  writtenUs?: number;
}

const zeroCache = new Map<number, Buffer>();
function zeros(n: number): Buffer {
  let z = zeroCache.get(n);
  if (!z) { z = Buffer.alloc(n); zeroCache.set(n, z); }
  return z;
}

/** Classify buf[0, bytesRead) against what the reader expects. */
export function classifyBlock(buf: Buffer, bytesRead: number, e: Expectation): BlockFinding {
  const bs = e.blockSize;
  const index = e.index;
  if (bytesRead < bs) return { index, cls: 'short', field: 'length', expected: bs, found: bytesRead };
  if (buf.readUInt32LE(OFF.magic) !== BLOCK_MAGIC) {
    if (buf.subarray(0, bs).equals(zeros(bs))) return { index, cls: 'zero' };
    const gens = sectorGenerations(buf, bs, e.index);
    if (gens.length > 0) return { index, cls: 'torn', field: 'magic', expected: hex(BLOCK_MAGIC), found: hex(buf.readUInt32LE(0)) };
    return { index, cls: 'foreign', field: 'magic', expected: hex(BLOCK_MAGIC), found: hex(buf.readUInt32LE(0)) };
  }
  const version = buf.readUInt16LE(OFF.version);
  if (version !== FORMAT_VERSION) return { index, cls: 'foreign', field: 'version', expected: FORMAT_VERSION, found: version };
  if (!runIdMatches(buf, e.runId)) return { index, cls: 'foreign', field: 'runId', expected: e.runId, found: buf.toString('hex', OFF.runId, OFF.runId + 8) };
  const size = buf.readUInt32LE(OFF.blockSize);
  if (size !== bs) return { index, cls: 'foreign', field: 'blockSize', expected: bs, found: size };
  const generation = u64(buf, OFF.generation);
  const writtenUs = u64(buf, OFF.timestamp);
  const crc = buf.readUInt32LE(OFF.crc);
  const computed = blockCrc(buf, bs);
  if (crc !== computed) {
    const gens = new Set([generation >>> 0, ...sectorGenerations(buf, bs, e.index)]);
    if (gens.size > 1) return { index, cls: 'torn', field: 'generation', expected: e.generation, found: [...gens].sort((x, y) => x - y).join('+') };
    return { index, cls: 'torn', field: 'crc', expected: hex(crc), found: hex(computed), writtenUs };
  }
  const at = u64(buf, OFF.index);
  if (at !== e.index) return { index, cls: 'misplaced', field: 'index', expected: e.index, found: at, writtenUs };
  const writer = buf.readUInt32LE(OFF.writer);
  if (e.writerId !== undefined && writer !== e.writerId) return { index, cls: 'foreign', field: 'writer', expected: e.writerId, found: writer, writtenUs };
  if (generation === e.generation) return { index, cls: 'fresh', writtenUs };
  if (generation < e.generation) return { index, cls: 'stale', field: 'generation', expected: e.generation, found: generation, writtenUs };
  return { index, cls: 'foreign', field: 'generation', expected: e.generation, found: generation, writtenUs };
}

/** A little-endian u64 as a number (exact below 2^53, which generations, indices and µs timestamps are). */
function u64(buf: Buffer, off: number): number {
  return buf.readUInt32LE(off) + buf.readUInt32LE(off + 4) * 0x1_0000_0000;
}

let lastRunId = '';
let lastRunIdBytes = Buffer.alloc(8);
/** True when the header's run id bytes equal the expected hex run id (no string built per block). */
function runIdMatches(buf: Buffer, runId: string): boolean {
  if (runId !== lastRunId) { lastRunId = runId; lastRunIdBytes = Buffer.from(runId, 'hex'); }
  return buf.compare(lastRunIdBytes, 0, 8, OFF.runId, OFF.runId + 8) === 0;
}

/** Generations (low 32 bits) named by the sector stamps that carry this block's index. */
function sectorGenerations(buf: Buffer, bs: number, index: number): number[] {
  const gens = new Set<number>();
  for (let off = SECTOR; off + STAMP_LEN <= bs; off += SECTOR) {
    if (buf.readUInt32LE(off) === SECTOR_MAGIC && buf.readUInt32LE(off + 8) === (index >>> 0)) gens.add(buf.readUInt32LE(off + 4));
  }
  return [...gens];
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
