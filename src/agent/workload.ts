// Handlers for the handoff workload: write a plan's rounds and verify a region against it, streaming in chunks.
import type { Args } from '../protocol/commands.js';
import type { VerifyResult, WorkloadResult } from '../protocol/results.js';
import { encodeBlock } from '../blocks/encode.js';
import { classifyBlock, type Expectation } from '../blocks/classify.js';
import { addFinding, allFresh, emptySummary, type ReadSummary } from '../blocks/tally.js';
import { expectedGen, runsOf, type WorkloadPlan } from '../blocks/workload.js';
import { MODE_TRAITS } from '../modes.js';
import { nowUs } from '../../native-bindings/clock.js';
import { AgentFailure, must } from './failure.js';
import type { AgentState } from './state.js';

/** workload: every round of the plan, contiguous blocks written with one pwrite per chunk, fsync every flushEvery rounds. */
export function workload(st: AgentState, a: Args<'workload'>): WorkloadResult {
  const h = st.handle(a.h);
  const bs = st.blockSize;
  const { buf, blocks: per } = st.chunk();
  const skipFlush = MODE_TRAITS[h.mode].flushIgnored;
  let written = 0;
  let flushes = 0;
  for (let r = 1; r <= a.plan.rounds; r++) {
    for (const [start, len] of runsOf(a.plan, r)) {
      for (let i = start; i < start + len; i += per) {
        const n = Math.min(per, start + len - i);
        for (let j = 0; j < n; j++) {
          encodeBlock(buf.bytes.subarray(j * bs, (j + 1) * bs), { runId: st.runId, generation: a.plan.baseGen + r, index: i + j, writerId: st.writerId, blockSize: bs });
        }
        const res = st.posix.pwrite(h.fd, buf.ptr, n * bs, i * bs);
        if (!res.ok || res.ret !== n * bs) {
          const what = res.ok ? `short write (${res.ret} of ${n * bs} bytes)` : res.errnoName;
          throw new AgentFailure(res.ok ? 'ESHORTWRITE' : res.errnoName, `pwrite blocks ${i}..${i + n - 1} of ${h.path}: ${what}`, res.errno, res.errnoName);
        }
        written += n;
      }
    }
    if (a.flushEvery > 0 && r % a.flushEvery === 0 && !skipFlush) {
      must(st.posix.fsync(h.fd), `fsync ${h.path} after round ${r}`);
      flushes++;
    }
  }
  return { rounds: a.plan.rounds, blocksWritten: written, flushes, flushesIgnored: skipFlush };
}

/** One pass over [first, first+count): chunked preads, each block classified against the plan's generation. */
function pass(st: AgentState, h: { fd: number }, plan: WorkloadPlan, first: number, count: number, writerId?: number): ReadSummary {
  const bs = st.blockSize;
  const { buf, blocks: per } = st.chunk();
  const sum = emptySummary();
  const e: Expectation = { runId: st.runId, generation: 0, index: 0, blockSize: bs, ...(writerId ? { writerId } : {}) };
  for (let i = first; i < first + count; i += per) {
    const n = Math.min(per, first + count - i);
    const r = st.posix.pread(h.fd, buf.ptr, n * bs, i * bs);
    for (let j = 0; j < n; j++) {
      e.index = i + j;
      if (!r.ok) {
        addFinding(sum, { index: e.index, cls: 'error', field: 'errno', found: r.errnoName });
        continue;
      }
      e.generation = expectedGen(plan, e.index);
      const got = Math.max(0, Math.min(bs, r.ret - j * bs));
      addFinding(sum, classifyBlock(buf.bytes.subarray(j * bs, (j + 1) * bs), got, e));
    }
  }
  return sum;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** verify: classify the region against the plan; with boundMs > 0, re-read until all fresh or the bound passes. */
export function verify(st: AgentState, a: Args<'verify'>): VerifyResult {
  const h = st.handle(a.h);
  const t0 = nowUs();
  let polls = 0;
  for (;;) {
    const last = pass(st, h, a.plan, a.first, a.count, a.writerId);
    polls++;
    const elapsedUs = nowUs() - t0;
    const fresh = allFresh(last);
    if (fresh || elapsedUs >= a.boundMs * 1000) {
      return { fresh, elapsedUs, polls, last, bytes: polls * a.count * st.blockSize };
    }
    Atomics.wait(sleeper, 0, 0, 1);
  }
}
