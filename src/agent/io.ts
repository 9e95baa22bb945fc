// Handlers that write and read self-verifying blocks of one generation; the freshness poll runs here, not over the wire.
import type { Args } from '../protocol/commands.js';
import type { PollResult, ReadSummary } from '../protocol/results.js';
import type { AgentState } from './state.js';
import { pollFresh, readBlocks, writeBlocks } from './blocks-io.js';
import { counterSampler, pairCounters } from './counters.js';

/** write: blocks [first, first+count) of generation gen, one pwrite per chunk of contiguous blocks. */
export function write(st: AgentState, a: Args<'write'>): { written: number } {
  writeBlocks(st, st.handle(a.h), a.gen, a.first, a.count);
  return { written: a.count };
}

/** One pread per block (the transcript shows each block's read), classified against generation gen. */
function readRange(st: AgentState, a: Args<'read'>): ReadSummary {
  return readBlocks(st, st.handle(a.h), a.first, a.count, { buf: st.buffer(), per: 1, genOf: () => a.gen, ...(a.writerId ? { writerId: a.writerId } : {}) });
}

/**
 * read: read and classify blocks [first, first+count) against generation gen. With proof, the storage-side counters
 * are sampled just before and just after, outside the entry's t0..t1 (the read's own time stays the read's).
 */
export function read(st: AgentState, a: Args<'read'>): ReadSummary {
  if (!a.proof) return readRange(st, a);
  st.handle(a.h);
  const sampler = counterSampler(st);
  if ('unavailable' in sampler) return { ...readRange(st, a), countersUnavailable: sampler.unavailable };
  const before = sampler.sample();
  st.recorder.restartClock();
  const sum = readRange(st, a);
  st.recorder.stopClock();
  const after = sampler.sample();
  if (typeof before === 'string') sum.countersUnavailable = `before the read: ${before}`;
  else if (typeof after === 'string') sum.countersUnavailable = `after the read: ${after}`;
  else sum.counters = pairCounters(sampler.source, before, after);
  return sum;
}

/** poll: re-read the range until every block is fresh or boundMs has passed; the time is measured here. */
export function poll(st: AgentState, a: Args<'poll'>): PollResult {
  return pollFresh(a.boundMs, a.intervalMs, () => readRange(st, a));
}
