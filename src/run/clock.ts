// Put two hosts' transcripts on one timeline: each agent's clock offset, measured at connect over its own channel.
import type { AgentClient } from '../transport/client.js';
import type { ClockOffset } from '../result.js';
import type { HelloResult } from '../protocol/results.js';
import type { SideName } from '../transport/spec.js';
import { nowUs } from '../../native-bindings/clock.js';

/** One round trip: the coordinator's clock when it sent `clock` and when the answer came, and the agent's clock in between. */
export interface ClockSample { sentUs: number; remoteUs: number; receivedUs: number }

/** Round trips measured at connect: the best one (shortest) bounds the offset, more only narrow the chance of a slow one. */
export const CLOCK_SAMPLES = 8;

/**
 * The offset from round trips (NTP's rule, one way): offset = remote − midpoint of the local send and receive, taken
 * from the shortest round trip; the agent read its clock somewhere inside that trip, so the error is at most half of it.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockOffset {
  if (samples.length === 0) throw new Error('estimateOffset: no samples');
  let best = samples[0]!;
  for (const s of samples) if (s.receivedUs - s.sentUs < best.receivedUs - best.sentUs) best = s;
  const rtt = best.receivedUs - best.sentUs;
  return { offsetUs: Math.round(best.remoteUs - (best.sentUs + rtt / 2)), uncertaintyUs: Math.ceil(rtt / 2), samples: samples.length };
}

/** Measure a side's clock offset with n `clock` round trips; undefined when the agent does not know the command (an older agent). */
export async function measureClock(client: AgentClient, timeoutMs: number, n = CLOCK_SAMPLES): Promise<ClockOffset | undefined> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < n; i++) {
    const sentUs = nowUs();
    const r = await client.call<{ wallUs?: unknown }>('clock', {}, timeoutMs);
    const receivedUs = nowUs();
    if (!r.ok) return undefined;
    const remoteUs = r.result?.wallUs;
    if (typeof remoteUs !== 'number' || !Number.isFinite(remoteUs)) return undefined;
    samples.push({ sentUs, remoteUs, receivedUs });
  }
  return estimateOffset(samples);
}

/** What a side's agent times must be corrected by: 0 when both agents run in one kernel (one clock), else its measured offset. */
export function timelineOffsets(sides: Record<SideName, { hello: Pick<HelloResult, 'bootId'>; clock?: ClockOffset }>): Record<SideName, number> {
  const oneKernel = sides.a.hello.bootId === sides.b.hello.bootId && sides.a.hello.bootId !== 'unknown';
  if (oneKernel) return { a: 0, b: 0 };
  return { a: sides.a.clock?.offsetUs ?? 0, b: sides.b.clock?.offsetUs ?? 0 };
}

/** The time from one agent's timestamp to another's, each first moved to the coordinator's clock (t − offset). */
export function gapOnTimelineUs(fromUs: number, fromOffsetUs: number, toUs: number, toOffsetUs: number): number {
  return (toUs - toOffsetUs) - (fromUs - fromOffsetUs);
}
