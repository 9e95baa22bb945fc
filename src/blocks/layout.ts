// The on-storage layout of a coprobe block: a 64-byte header, then 512-byte sectors each opening with a stamp.
//
// Header (little endian):
//   0  u32 magic 'CPRB'        4  u16 format version     6  u16 header length (64)
//   8  u32 block size         12  u32 writer id          16  8 bytes run id
//  24  u64 generation         32  u64 block index        40  u64 write timestamp (µs since epoch)
//  48  8 reserved (zero)      56  u32 reserved (zero)    60  u32 CRC-32 of the whole block with this field zeroed
// Every 512-byte sector after the first starts with a stamp:
//   0  u32 magic 'CPRS'        4  u32 generation (low 32 bits)   8  u32 block index (low 32 bits)   12 u32 sector number
// The rest of the payload is a pattern derived from generation and index. The stamps let a reader tell a torn block
// (sectors from different generations) from a corrupt one (checksum wrong, all stamps agree).

export const BLOCK_MAGIC = 0x42525043; // 'CPRB' little endian
export const SECTOR_MAGIC = 0x53525043; // 'CPRS' little endian
export const FORMAT_VERSION = 1;
export const HEADER_LEN = 64;
export const SECTOR = 512;
export const STAMP_LEN = 16;
export const MIN_BLOCK = 4096;

export const OFF = {
  magic: 0, version: 4, headerLen: 6, blockSize: 8, writer: 12, runId: 16,
  generation: 24, index: 32, timestamp: 40, crc: 60,
} as const;

/** What a writer puts into one block. */
export interface BlockStamp {
  runId: string; // 16 hex digits
  generation: number;
  index: number;
  writerId: number;
  blockSize: number;
}

/** A run id: 8 random bytes as 16 lowercase hex digits. */
export function isRunId(s: string): boolean {
  return /^[0-9a-f]{16}$/.test(s);
}
