// Handlers that write and read self-verifying blocks; the freshness poll runs here, not over the wire.
import type { Args } from '../protocol/commands.js';
import type { PollResult, ReadSummary } from '../protocol/results.js';
import { encodeBlock } from '../blocks/encode.js';
import { classifyBlock, type Expectation } from '../blocks/classify.js';
import { addFinding, allFresh, emptySummary } from '../blocks/tally.js';
import { nowUs } from '../../native-bindings/clock.js';
import { AgentFailure } from './failure.js';
import type { AgentState } from './state.js';

/** write: blocks [first, first+count) of generation gen, one pwrite per chunk of contiguous blocks. */
export function write(st: AgentState, a: Args<'write'>): { written: number } {
  const h = st.handle(a.h);
  const bs = st.blockSize;
  const { buf, blocks: per } = st.chunk();
  for (let i = a.first; i < a.first + a.count; i += per) {
    const n = Math.min(per, a.first + a.count - i);
    for (let j = 0; j < n; j++) {
      encodeBlock(buf.bytes.subarray(j * bs, (j + 1) * bs), { runId: st.runId, generation: a.gen, index: i + j, writerId: st.writerId, blockSize: bs });
    }
    const r = st.posix.pwrite(h.fd, buf.ptr, n * bs, i * bs);
    if (!r.ok || r.ret !== n * bs) {
      const what = r.ok ? `short write (${r.ret} of ${n * bs} bytes)` : r.errnoName;
      throw new AgentFailure(r.ok ? 'ESHORTWRITE' : r.errnoName, `pwrite blocks ${i}..${i + n - 1} of ${h.path}: ${what}`, r.errno, r.errnoName);
    }
  }
  return { written: a.count };
}

/** read: read and classify blocks [first, first+count) against generation gen. */
export function read(st: AgentState, a: Args<'read'>): ReadSummary {
  return readRange(st, a.h, a.gen, a.first, a.count, a.writerId);
}

function readRange(st: AgentState, handle: string, gen: number, first: number, count: number, writerId?: number): ReadSummary {
  const h = st.handle(handle);
  const buf = st.buffer();
  const bs = st.blockSize;
  const sum = emptySummary();
  const e: Expectation = { runId: st.runId, generation: gen, index: 0, blockSize: bs, ...(writerId ? { writerId } : {}) };
  for (let i = 0; i < count; i++) {
    e.index = first + i;
    const r = st.posix.pread(h.fd, buf.ptr, bs, e.index * bs);
    if (!r.ok) {
      addFinding(sum, { index: e.index, cls: 'error', field: 'errno', found: r.errnoName });
      continue;
    }
    addFinding(sum, classifyBlock(buf.bytes, r.ret, e));
  }
  return sum;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** poll: re-read the range until every block is fresh or boundMs has passed; the time is measured here. */
export function poll(st: AgentState, a: Args<'poll'>): PollResult {
  const t0 = nowUs();
  let polls = 0;
  for (;;) {
    const last = readRange(st, a.h, a.gen, a.first, a.count, a.writerId);
    polls++;
    const elapsedUs = nowUs() - t0;
    if (allFresh(last)) return { fresh: true, elapsedUs, polls, last };
    if (elapsedUs >= a.boundMs * 1000) return { fresh: false, elapsedUs, polls, last };
    if (a.intervalMs > 0) Atomics.wait(sleeper, 0, 0, a.intervalMs);
  }
}
