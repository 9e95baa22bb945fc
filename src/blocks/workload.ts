// The handoff workload: which blocks each write round touches, computable on both sides so nothing is stored per block.

/**
 * A guest-like write pattern over blocks [first, first+count): the region holds generation baseGen, then
 * round r (1..rounds) writes generation baseGen+r — odd rounds a sequential stretch of a quarter of the region
 * (round 1 starts at the first block, so the image head QEMU reads early is rewritten), even rounds a pseudo-random
 * quarter of the blocks chosen by seed. Both agents derive every block's expected generation from these numbers,
 * so memory stays constant however large the image.
 */
export interface WorkloadPlan {
  seed: number;
  baseGen: number;
  rounds: number;
  first: number;
  count: number;
}

/** 32-bit integer mix (murmur3 finaliser): a deterministic pseudo-random choice per (seed, round, block). */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The sequential stretch [start, start+len) (relative to first) of an odd round. */
export function stretchOf(p: WorkloadPlan, round: number): { start: number; len: number } {
  const len = Math.max(1, Math.floor(p.count / 4));
  const k = (round - 1) / 2;
  return { start: (k * Math.max(1, Math.floor(p.count / 3))) % p.count, len: Math.min(len, p.count) };
}

/** True when round `round` writes block `index` (absolute). */
export function touches(p: WorkloadPlan, round: number, index: number): boolean {
  const rel = index - p.first;
  if (rel < 0 || rel >= p.count) return false;
  if (round % 2 === 1) {
    const { start, len } = stretchOf(p, round);
    const end = start + len;
    return end <= p.count ? rel >= start && rel < end : rel >= start || rel < end - p.count;
  }
  return mix(p.seed ^ Math.imul(round, 0x9e3779b1) ^ Math.imul(rel + 1, 0x27d4eb2f)) % 4 === 0;
}

/** The generation block `index` holds after every round of the plan. */
export function expectedGen(p: WorkloadPlan, index: number): number {
  for (let r = p.rounds; r >= 1; r--) if (touches(p, r, index)) return p.baseGen + r;
  return p.baseGen;
}

/** The contiguous runs [index, length) of blocks round `round` writes, in ascending order. */
export function* runsOf(p: WorkloadPlan, round: number): Generator<[number, number]> {
  let start = -1;
  for (let i = p.first; i < p.first + p.count; i++) {
    if (touches(p, round, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      yield [start, i - start];
      start = -1;
    }
  }
  if (start >= 0) yield [start, p.first + p.count - start];
}
