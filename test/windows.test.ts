import t from 'tap';
import { percentile, renderWindows, windowStats } from '../src/report/windows.js';
import type { ProbeRunRecord } from '../src/result.js';

const rec = (elapsedMs: number, fresh = true): ProbeRunRecord => ({
  type: 'probe', runId: '0', probe: 'BOTH1', title: '', claims: [], variant: { a: 'unsafe', b: 'none' }, outcome: 'WARN',
  checks: [{ claims: [], sentence: 's', outcome: 'WARN', observed: '', window: { fresh, elapsedUs: elapsedMs * 1000, polls: 3, boundMs: 5000 } }],
  startedAt: '', durationMs: 0, transcripts: { a: [], b: [] },
});

t.test('percentile: nearest rank', async (t) => {
  t.equal(percentile([1, 2, 3, 4], 50), 2);
  t.equal(percentile([1, 2, 3, 4], 95), 4);
  t.equal(percentile([7], 95), 7);
  t.ok(Number.isNaN(percentile([], 50)));
});

t.test('windows are grouped per variant; stale-at-bound counted apart', async (t) => {
  const stats = windowStats([rec(30), rec(10), rec(20), rec(5000, false)]);
  t.equal(stats.length, 1);
  t.same(stats[0]!.freshMs, [10, 20, 30]);
  t.equal(stats[0]!.neverFresh, 1);
  t.same(renderWindows(stats).slice(2), ['  BOTH1 unsafe→none: min 10.0 ms, median 20.0 ms, p95 30.0 ms, max 30.0 ms over 3; 1 still stale after 5 s']);
  t.same(renderWindows([]), [], 'no window measured: no section');
  t.match(renderWindows(windowStats([rec(5000, false)]))[2], /never fresh; 1 still stale after 5 s/);
});
