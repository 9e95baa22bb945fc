// The block I/O every data command shares: chunked writes of one generation, classified reads, and the in-agent poll.
import type { ReadSummary } from '../protocol/results.js';
import type { AlignedBuffer } from '../../native-bindings/aligned-buffer.js';
import { encodeBlock } from '../blocks/encode.js';
import { classifyBlock, type Expectation } from '../blocks/classify.js';
import { addFinding, allFresh, emptySummary } from '../blocks/tally.js';
import { nowUs } from '../../native-bindings/clock.js';
import { AgentFailure } from './failure.js';
import type { AgentState, Handle } from './state.js';

/** Write blocks [first, first+count) of generation gen, one pwrite per chunk of contiguous blocks. */
export function writeBlocks(st: AgentState, h: Handle, gen: number, first: number, count: number): void {
  const bs = st.blockSize;
  const { buf, blocks: per } = st.chunk();
  for (let i = first; i < first + count; i += per) {
    const n = Math.min(per, first + count - i);
    for (let j = 0; j < n; j++) {
      encodeBlock(buf.bytes.subarray(j * bs, (j + 1) * bs), { runId: st.runId, generation: gen, index: i + j, writerId: st.writerId, blockSize: bs });
    }
    writeAll(st, h, buf, i, n);
  }
}

/**
 * pwrite blocks [at, at+n) from the start of buf. A short write is not an error: the whole blocks it wrote are done and
 * the rest is written again from the buffer's (aligned) start, so the errno that stopped it (ENOSPC, EDQUOT…) is what
 * is reported; a write that made no whole block of progress is reported as a short write.
 */
function writeAll(st: AgentState, h: Handle, buf: AlignedBuffer, at: number, n: number): void {
  const bs = st.blockSize;
  while (n > 0) {
    const r = st.io.pwrite(h.fd, buf.ptr, n * bs, at * bs);
    if (!r.ok) {
      throw new AgentFailure(r.errnoName, `pwrite blocks ${at}..${at + n - 1} of ${h.path}: ${r.errnoName}${r.detail ? ` (${r.detail})` : ''}`, r.errno, r.errnoName);
    }
    const whole = Math.min(n, Math.floor(r.ret / bs));
    if (whole === 0) throw new AgentFailure('ESHORTWRITE', `pwrite blocks ${at}..${at + n - 1} of ${h.path}: short write (${r.ret} of ${n * bs} bytes)`);
    buf.bytes.copyWithin(0, whole * bs, n * bs);
    at += whole;
    n -= whole;
  }
}

/** How a read pass reads: the buffer and blocks per pread, the generation expected at each index, the writer. */
export interface ReadPlan { buf: AlignedBuffer; per: number; genOf: (index: number) => number; writerId?: number }

/** Read and classify blocks [first, first+count), `per` blocks per pread. */
export function readBlocks(st: AgentState, h: Handle, first: number, count: number, p: ReadPlan): ReadSummary {
  const bs = st.blockSize;
  const sum = emptySummary();
  const e: Expectation = { runId: st.runId, generation: 0, index: 0, blockSize: bs, ...(p.writerId ? { writerId: p.writerId } : {}) };
  for (let i = first; i < first + count; i += p.per) {
    const n = Math.min(p.per, first + count - i);
    const r = st.io.pread(h.fd, p.buf.ptr, n * bs, i * bs);
    for (let j = 0; j < n; j++) {
      e.index = i + j;
      if (!r.ok) {
        addFinding(sum, { index: e.index, cls: 'error', field: 'errno', found: r.errnoName });
        continue;
      }
      e.generation = p.genOf(e.index);
      addFinding(sum, classifyBlock(p.buf.bytes.subarray(j * bs, (j + 1) * bs), Math.max(0, Math.min(bs, r.ret - j * bs)), e));
    }
  }
  return sum;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Re-run `pass` until every block is fresh or boundMs has passed (one pass with 0); the time is measured here. */
export function pollFresh(boundMs: number, intervalMs: number, pass: () => ReadSummary): { fresh: boolean; elapsedUs: number; polls: number; last: ReadSummary } {
  const t0 = nowUs();
  let polls = 0;
  for (;;) {
    const last = pass();
    polls++;
    const elapsedUs = nowUs() - t0;
    const fresh = allFresh(last);
    if (fresh || elapsedUs >= boundMs * 1000) return { fresh, elapsedUs, polls, last };
    if (intervalMs > 0) Atomics.wait(sleeper, 0, 0, intervalMs);
  }
}
