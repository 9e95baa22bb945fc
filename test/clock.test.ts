// The clock offset: the arithmetic on given timestamps, a real measurement against a local agent, and the report lines.
import t from 'tap';
import { estimateOffset, gapOnTimelineUs, measureClock, timelineOffsets, CLOCK_SAMPLES } from '../src/run/clock.js';
import { clockLine } from '../src/report/clock-line.js';
import { renderHeader } from '../src/report/table.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { validateRecord } from '../src/report/validate.js';
import { agent } from './fixtures/agent.js';
import { side } from './fixtures/records.js';
import type { RunRecord } from '../src/result.js';
import { makeContext } from '../src/run/context.js';
import { DEFAULT_PROBE_OPTIONS } from '../src/probe.js';
import type { TranscriptEntry } from '../src/protocol/messages.js';
import type { SideSession } from '../src/run/session.js';

t.test('offset = remote − midpoint of the shortest round trip; uncertainty = half of it', async (t) => {
  // Remote clock 5 s ahead. Trip 1: 1000 µs, the agent answered late in it; trip 2: 200 µs (the best); trip 3: 600 µs.
  const samples = [
    { sentUs: 1_000_000, remoteUs: 6_000_900, receivedUs: 1_001_000 },
    { sentUs: 2_000_000, remoteUs: 7_000_120, receivedUs: 2_000_200 },
    { sentUs: 3_000_000, remoteUs: 8_000_100, receivedUs: 3_000_600 },
  ];
  t.same(estimateOffset(samples), { offsetUs: 5_000_020, uncertaintyUs: 100, samples: 3 });
  t.same(estimateOffset([{ sentUs: 10, remoteUs: 0, receivedUs: 31 }]), { offsetUs: -20, uncertaintyUs: 11, samples: 1 }, 'behind: negative; odd trips round the bound up');
  t.throws(() => estimateOffset([]), /no samples/);
});

t.test('gaps between two agents are taken on the coordinator\'s timeline', async (t) => {
  // a's clock is 2 s ahead, b's 3 s behind: a's fsync ended at a-time 12 000 000, b's read began at b-time 7 001 500.
  t.equal(gapOnTimelineUs(12_000_000, 2_000_000, 7_001_500, -3_000_000), 1500);
  const boot = (bootId: string) => ({ bootId });
  const clock = (offsetUs: number) => ({ offsetUs, uncertaintyUs: 10, samples: 8 });
  t.same(timelineOffsets({ a: { hello: boot('x'), clock: clock(2_000_000) }, b: { hello: boot('y'), clock: clock(-3_000_000) } }), { a: 2_000_000, b: -3_000_000 });
  t.same(timelineOffsets({ a: { hello: boot('x'), clock: clock(40) }, b: { hello: boot('x'), clock: clock(-25) } }), { a: 0, b: 0 }, 'one kernel: one clock, no correction');
  t.same(timelineOffsets({ a: { hello: boot('x') }, b: { hello: boot('y'), clock: clock(7) } }), { a: 0, b: 7 }, 'an unmeasured side is taken as is');
});

t.test('a real local agent: offset ≈ 0 within its uncertainty', async (t) => {
  const c = agent('a');
  t.teardown(() => c.close());
  await c.call('hello', {}, 10_000);
  const m = await measureClock(c, 10_000);
  t.ok(m, 'measured');
  t.equal(m!.samples, CLOCK_SAMPLES);
  t.ok(m!.uncertaintyUs > 0 && m!.uncertaintyUs < 50_000, `uncertainty ${m!.uncertaintyUs} µs is a real round trip`);
  // Both clocks are the system's wall clock, each anchored at its process's start (performance.timeOrigin): the anchors
  // may differ by a few µs of rounding beyond the round trip.
  t.ok(Math.abs(m!.offsetUs) <= m!.uncertaintyUs + 5, `|offset| ${Math.abs(m!.offsetUs)} µs ≤ uncertainty ${m!.uncertaintyUs} µs`);
  const clockEntries = c.transcript.filter((e) => e.cmd === 'clock');
  t.equal(clockEntries.length, CLOCK_SAMPLES, 'each round trip is in the transcript');
});

t.test('an agent without the clock command: no offset, no failure', async (t) => {
  const fake = { call: async () => ({ ok: false, error: { code: 'EUNKNOWN', message: 'unknown command "clock"' }, durationMs: 0 }) };
  t.equal(await measureClock(fake as never, 1000), undefined);
});

t.test('the offset is recorded per side, validated, and shown in one line per side', async (t) => {
  const run: RunRecord = {
    type: 'run', schema: 1, runId: '0123456789abcdef', version: '0.1.0', startedAt: '2026-01-01T00:00:00.000Z', argv: [], blockSize: 4096, blocks: 16,
    sides: { a: { ...side(), clock: { offsetUs: 12, uncertaintyUs: 35, samples: 8 } }, b: { ...side({ bootId: 'boot-2' }), clock: { offsetUs: -2_345_678, uncertaintyUs: 1500, samples: 8 } } },
    warnings: [], confounders: [], probes: [],
  };
  t.same(validateRecord(run), { ok: true, record: run }, 'the schema takes it');
  t.equal(clockLine(run.sides.a.clock), 'clock: +12 µs ± 35 µs against the coordinator (8 round trips)');
  t.equal(clockLine(run.sides.b.clock), 'clock: -2.346 s ± 1.50 ms against the coordinator (8 round trips)');
  t.equal(clockLine(undefined), undefined);
  const header = renderHeader(run);
  t.equal(header.filter((l) => l.includes('clock:')).length, 2, 'terminal header: one line per side');
  const md = renderMarkdown({ format: 'coprobe-run', schema: 1, run, probes: [] } as never);
  t.match(md, /- \*\*a\*\* \(writer\).*\n  - clock: \+12 µs ± 35 µs/);
  t.match(md, /- \*\*b\*\* \(reader\).*\n  - clock: -2\.346 s ± 1\.50 ms/);
  const old = { ...run, sides: { a: side(), b: side() } };
  t.equal(renderHeader(old).filter((l) => l.includes('clock:')).length, 0, 'older records without a clock: no line');
});

t.test('a probe\'s fsync→read gap between two kernels is corrected by both sides\' offsets', async (t) => {
  const entry = (cmd: string, t0: number, t1: number): TranscriptEntry => ({ seq: 1, cmd, args: {}, t0, t1, ok: true, calls: [] });
  // a's clock runs 2 s ahead, b's 3 s behind: a's fsync ended at a-time 12 000 000, b's read began at b-time 7 001 500.
  const fsync = entry('fsync', 11_990_000, 12_000_000);
  const read = entry('read', 7_001_500, 7_002_000);
  const session = (bootId: string, offsetUs: number, transcript: TranscriptEntry[]) => ({
    spec: { name: 'a', transport: 'ssh', target: '/d', host: 'h' }, client: { transcript }, hello: { ...side().host, bootId },
    target: side().target, writerId: 1, direct: true, clock: { offsetUs, uncertaintyUs: 50, samples: 8 },
  }) as unknown as SideSession;
  const ctx = (bootB: string) => makeContext({
    sides: { a: session('boot-a', 2_000_000, [fsync]), b: session(bootB, -3_000_000, [read]) }, variant: { a: 'none', b: 'none' }, blocks: 1,
    blockSize: 4096, file: '.coprobe-0123456789abcdef-x', nextGen: () => 1, timeoutMs: 1000, options: DEFAULT_PROBE_OPTIONS, runId: '0123456789abcdef',
  });
  const reply = (e: TranscriptEntry) => ({ ok: true as const, result: {}, entry: e, durationMs: 0 });
  t.equal(ctx('boot-b').gapUs(reply(fsync), reply(read)), 1500, 'two kernels: each time moved to the coordinator\'s clock');
  t.equal(ctx('boot-a').gapUs(reply(fsync), reply(read)), 7_001_500 - 12_000_000, 'one kernel: the raw difference (one clock)');
});
