// Handlers for the handoff workload: write a plan's rounds and verify a region against it, streaming in chunks.
import type { Args } from '../protocol/commands.js';
import type { VerifyResult, WorkloadResult } from '../protocol/results.js';
import { expectedGen, runsOf } from '../blocks/workload.js';
import { MODE_TRAITS } from '../modes.js';
import { must } from './failure.js';
import type { AgentState } from './state.js';
import { pollFresh, readBlocks, writeBlocks } from './blocks-io.js';

/** workload: every round of the plan, contiguous blocks written with one pwrite per chunk, fsync every flushEvery rounds. */
export function workload(st: AgentState, a: Args<'workload'>): WorkloadResult {
  const h = st.handle(a.h);
  const skipFlush = MODE_TRAITS[h.mode].flushIgnored;
  let written = 0;
  let flushes = 0;
  for (let r = 1; r <= a.plan.rounds; r++) {
    for (const [start, len] of runsOf(a.plan, r)) {
      writeBlocks(st, h, a.plan.baseGen + r, start, len);
      written += len;
    }
    if (a.flushEvery > 0 && r % a.flushEvery === 0 && !skipFlush) {
      must(st.io.fsync(h.fd), `fsync ${h.path} after round ${r}`);
      flushes++;
    }
  }
  return { rounds: a.plan.rounds, blocksWritten: written, flushes, flushesIgnored: skipFlush };
}

/** verify: classify the region against the plan (chunked preads); with boundMs > 0, re-read until all fresh or the bound passes. */
export function verify(st: AgentState, a: Args<'verify'>): VerifyResult {
  const h = st.handle(a.h);
  const { buf, blocks: per } = st.chunk();
  const plan = { buf, per, genOf: (i: number) => expectedGen(a.plan, i), ...(a.writerId ? { writerId: a.writerId } : {}) };
  const r = pollFresh(a.boundMs, 1, () => readBlocks(st, h, a.first, a.count, plan));
  return { ...r, bytes: r.polls * a.count * st.blockSize };
}
