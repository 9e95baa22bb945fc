// The guest's events.jsonl as the host follows it: whole lines only, each once, as the file grows in pieces; the phase
// under way; the wall time of each ended phase.
import t from 'tap';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventReader, currentPhase, phaseTimes } from '../src/lab/events.js';
import type { LabEvent } from '../src/lab/types.js';

const line = (e: LabEvent) => `${JSON.stringify(e)}\n`;

t.test('EventReader: a missing file, then appends in pieces; a partial last line waits for its newline', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-events-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'events.jsonl');
  const r = new EventReader(file);
  t.same(r.poll(1), [], 'no file yet: nothing');

  const e1: LabEvent = { t: 3.5, type: 'phase', phase: 'guest', state: 'ok' };
  const e2: LabEvent = { t: 3.6, type: 'phase', phase: 'service nfs-server', state: 'start' };
  const e3: LabEvent = { t: 9.25, type: 'phase', phase: 'service nfs-server', state: 'failed', step: 'start nfsd', message: '"start nfsd" failed (exit 1)', output: 'rpc.nfsd: ünïcode\nline 2' };
  writeFileSync(file, line(e1));
  t.same(r.poll(100), [{ ...e1, seenMs: 100 }], 'the first line, stamped with the host time of the poll');
  t.same(r.poll(110), [], 'nothing new: nothing');

  const l2 = line(e2);
  appendFileSync(file, l2.slice(0, 20));
  t.same(r.poll(120), [], 'half a line is not read');
  appendFileSync(file, l2.slice(20, -1));
  t.same(r.poll(130), [], 'the whole line without its newline is not read either');
  // e3 split inside the two bytes of "ü".
  const b3 = Buffer.from(line(e3));
  const cut = b3.indexOf(Buffer.from('ü')) + 1;
  appendFileSync(file, Buffer.concat([Buffer.from('\n'), b3.subarray(0, cut)]));
  t.same(r.poll(140), [{ ...e2, seenMs: 140 }], 'completed: read once, stamped when it was completed');
  appendFileSync(file, b3.subarray(cut));
  t.same(r.poll(150), [{ ...e3, seenMs: 150 }], 'a line cut inside a multi-byte character reads back whole');

  const e4: LabEvent = { t: 20, type: 'scenario', scenario: 'nfs3-sync', state: 'done', exitCode: 1, reportDir: '/coprobe-lab/out/nfs3-sync' };
  const e5: LabEvent = { t: 21, type: 'done', kernel: '6.1.0-56-amd64', packages: { tgt: '1:1.0.85-1' } };
  appendFileSync(file, `\n${line(e4)}not json\n${line(e5)}`);
  t.same(r.poll(160), [{ ...e4, seenMs: 160 }, { ...e5, seenMs: 160 }], 'several lines at once; blank and unparsable lines skipped');
  t.same(r.events.map((e) => e.t), [3.5, 3.6, 9.25, 20, 21], 'events keeps every event seen, in order');
  t.same(r.poll(170), []);
});

const ev = (t: number, phase: string, state: 'start' | 'ok' | 'failed'): LabEvent =>
  state === 'failed' ? { t, type: 'phase', phase, state, step: 's', message: 'm', output: '' } : { t, type: 'phase', phase, state };

t.test('currentPhase: the last phase started and not ended', async (t) => {
  t.equal(currentPhase([]), undefined, 'no events');
  t.same(currentPhase([ev(1, 'service nfs-server', 'start')]), { phase: 'service nfs-server', t: 1 });
  t.equal(currentPhase([ev(1, 'service nfs-server', 'start'), ev(2, 'service nfs-server', 'ok')]), undefined, 'ended: none under way');
  t.same(currentPhase([ev(1, 'a: set-up', 'start'), ev(2, 'a: set-up', 'ok'), ev(3, 'a: run', 'start'),
    { t: 4, type: 'scenario', scenario: 'x', state: 'done', exitCode: 0, reportDir: '/r' }]), { phase: 'a: run', t: 3 }, 'other events do not count');
  t.same(currentPhase([ev(1, 'outer', 'start'), ev(2, 'inner', 'start'), ev(3, 'inner', 'failed')]), { phase: 'outer', t: 1 }, 'a failed phase has ended');
  t.same(currentPhase([ev(1, 'p', 'start'), ev(2, 'p', 'ok'), ev(3, 'q', 'start'), ev(4, 'p', 'start')]), { phase: 'p', t: 4 }, 'a phase started again is the latest');
});

t.test('phaseTimes: ms per ended phase from the guest clock, in the order they ended, with ok', async (t) => {
  t.same(phaseTimes([]), []);
  t.same(phaseTimes([
    ev(1.0, 'service nfs-server', 'start'),
    ev(1.5, 'service client-b-namespaces', 'start'),
    ev(2.25, 'service client-b-namespaces', 'ok'),
    ev(3.0004, 'service nfs-server', 'failed'),
    ev(4, 'nfs3-sync: run', 'start'),
    ev(5, 'never-started', 'ok'),
  ]), [
    { phase: 'service client-b-namespaces', ms: 750, ok: true },
    { phase: 'service nfs-server', ms: 2000, ok: false },
  ], 'unended and never-started phases are left out; ms rounded');
});
