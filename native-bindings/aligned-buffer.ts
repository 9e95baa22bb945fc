// Native memory aligned for O_DIRECT (posix_memalign), seen from JS through koffi.view without copies.
import koffi from 'koffi';
import type { Posix } from './posix.js';

/** One aligned allocation: `ptr` goes to pread/pwrite, `bytes` is the same memory as a Buffer. */
export interface AlignedBuffer {
  readonly ptr: unknown;
  readonly bytes: Buffer;
  readonly size: number;
  readonly alignment: number;
  free(): void;
}

/** Allocate `size` bytes aligned to `alignment` (a power of two ≥ 512); throws with the reason when it cannot. */
export function allocAligned(posix: Posix, alignment: number, size: number): AlignedBuffer {
  if (alignment < 512 || (alignment & (alignment - 1)) !== 0) {
    throw new RangeError(`native-bindings: alignment ${alignment} is not a power of two ≥ 512`);
  }
  const ptr = posix.memalign(alignment, size);
  if (ptr === null) throw new Error(`native-bindings: posix_memalign(${alignment}, ${size}) failed`);
  const bytes = Buffer.from(koffi.view(ptr, size));
  let freed = false;
  return {
    ptr, bytes, size, alignment,
    free() { if (!freed) { freed = true; posix.free(ptr); } },
  };
}
