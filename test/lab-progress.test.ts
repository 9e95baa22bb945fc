// The lab's progress while it runs, from the guest's events: phase lines, a line per probe off a TTY (and under CI), a
// bar naming the scenario, probe and variant on a TTY; and the progress file `coprobe run --progress-file` appends to.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barPrefix, eventLine, labProgress, probeLine } from '../src/lab/progress.js';
import { progressBar, progressLine } from '../src/cli/progress.js';
import { progressFileWriter, type ProgressFileLine } from '../src/cli/progress-file.js';
import { EventReader } from '../src/lab/events.js';
import { runArgv } from '../src/lab/guest/run-argv.js';
import { SCENARIOS } from '../src/lab/scenarios/index.js';
import type { LabEvent, LabPlan } from '../src/lab/types.js';

const phase = (t: number, p: string, state: 'start' | 'ok'): LabEvent => ({ t, type: 'phase', phase: p, state });
const variant = (t: number, index: number, probe: string, a = 'writeback', param?: string): ProgressFileLine =>
  ({ t, type: 'progress', index, total: 6, probe, variant: { a: a as 'writeback', b: 'writeback', ...(param ? { param } : {}) }, repeat: 1, repeats: 1 });

/** Two scenarios' runs: nfs3-sync runs BOTH1 (2 variants) and HAND1 (4), iscsi only starts HAND1. */
const EVENTS: LabEvent[] = [
  phase(10, 'nfs3-sync: set-up', 'start'), phase(12, 'nfs3-sync: set-up', 'ok'), phase(12.5, 'nfs3-sync: run', 'start'),
  variant(13, 0, 'BOTH1'), variant(14, 1, 'BOTH1', 'none'), variant(15, 2, 'HAND1', 'writeback', 'fadvise'), variant(16, 3, 'HAND1'),
  variant(17, 4, 'HAND1'), variant(18, 5, 'HAND1'),
  phase(19, 'nfs3-sync: run', 'ok'), { t: 19, type: 'scenario', scenario: 'nfs3-sync', state: 'done', exitCode: 0, reportDir: '/x' },
  phase(20, 'iscsi: run', 'start'), variant(21, 0, 'HAND1'),
];

t.test('off a TTY (and under CI): the phase lines and one line per probe, naming the scenario', async (t) => {
  const lines: string[] = [];
  const shown = labProgress({ log: (l) => lines.push(l), scenarios: ['nfs3-sync', 'iscsi'] });
  EVENTS.forEach((e) => shown.event(e));
  shown.done();
  t.same(lines, [
    '[  10.0 s] nfs3-sync: set-up …', '[  12.0 s] nfs3-sync: set-up: ok', '[  12.5 s] nfs3-sync: run …',
    '[  13.0 s] nfs3-sync: BOTH1 (variant 1/6)', '[  15.0 s] nfs3-sync: HAND1 (variant 3/6)',
    '[  19.0 s] nfs3-sync: run: ok', '[  19.0 s] scenario nfs3-sync: run ended, exit 0',
    '[  20.0 s] iscsi: run …', '[  21.0 s] iscsi: HAND1 (variant 1/6)',
  ], 'a new scenario\'s first probe is a line even when the last scenario ended on the same probe');
});

t.test('the line pieces: events, a probe\'s first variant, the bar\'s scenario', async (t) => {
  t.equal(eventLine({ t: 5, type: 'phase', phase: 'iscsi: set-up', state: 'failed', step: 'login', message: '"login" failed (exit 3)', output: '' }),
    '[   5.0 s] iscsi: set-up: FAILED at "login": "login" failed (exit 3)');
  t.equal(eventLine({ t: 100.04, type: 'done', kernel: '6.1.0-57-amd64', packages: {} }), '[ 100.0 s] guest done (kernel 6.1.0-57-amd64)');
  t.equal(eventLine(variant(1, 0, 'HAND1')), undefined, 'a variant is no event line');
  t.equal(probeLine('nfs42-sync', variant(95.33, 11, 'WIN1')), '[  95.3 s] nfs42-sync: WIN1 (variant 12/6)');
  t.equal(barPrefix('iscsi', ['nfs3-sync', 'nfs42-sync', 'iscsi']), 'iscsi 3/3  ');
  t.equal(barPrefix('iscsi', ['iscsi']), 'iscsi  ', 'one scenario: no count');
  t.equal(progressLine(variant(1, 2, 'HAND1', 'writeback', 'fadvise'), 100, 'nfs3-sync 1/3  '),
    `nfs3-sync 1/3  [${'#'.repeat(8)}${'-'.repeat(17)}] 3/6  HAND1 writeback→writeback [fadvise]`, 'the bar narrows by the prefix (25 cells, not 30)');
});

t.test('on a TTY: a bar with scenario, probe and variant, cleared around every line and removed when a run ends', async (t) => {
  const written: string[] = [];
  const stream = { columns: 100, isTTY: true, write: (s: string) => { written.push(s); return true; } } as unknown as NodeJS.WriteStream;
  const lines: string[] = [];
  const bar = progressBar(stream, (l) => { lines.push(l); written.push(`<line ${l}>`); });
  const shown = labProgress({ log: (l) => lines.push(l), bar, scenarios: ['nfs3-sync', 'iscsi'] });
  EVENTS.forEach((e) => shown.event(e));
  t.same(lines, ['[  10.0 s] nfs3-sync: set-up …', '[  12.0 s] nfs3-sync: set-up: ok', '[  12.5 s] nfs3-sync: run …',
    '[  19.0 s] nfs3-sync: run: ok', '[  19.0 s] scenario nfs3-sync: run ended, exit 0', '[  20.0 s] iscsi: run …'], 'no probe lines: the bar shows them');
  const bars = written.filter((w) => w.startsWith('\r\x1b[2K') && w.length > 5).map((w) => w.slice(5));
  t.equal(bars.length, 7, 'one draw per variant');
  t.match(bars[0], /^nfs3-sync 1\/2 {2}\[-+\] 1\/6 {2}BOTH1 writeback→writeback$/);
  t.match(bars[2], /^nfs3-sync 1\/2 {2}\[#+-+\] 3\/6 {2}HAND1 writeback→writeback \[fadvise\]$/);
  t.match(bars[6], /^iscsi 2\/2 {2}\[-+\] 1\/6 {2}HAND1 writeback→writeback$/);
  const runOk = written.indexOf('<line [  19.0 s] nfs3-sync: run: ok>');
  t.equal(written[runOk - 1], '\r\x1b[2K', 'the bar is cleared before the run\'s end line');
  t.notOk(written.slice(runOk + 1, written.indexOf('<line [  20.0 s] iscsi: run …>')).some((w) => w.startsWith('\r') && w.length > 5), 'and not redrawn until the next run');
  shown.done();
  t.equal(written.at(-1), '\r\x1b[2K', 'done removes the bar');
});

t.test('coprobe run --progress-file: a whole JSON line per variant, read back by the host\'s event reader', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-progress-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'events.jsonl');
  const reader = new EventReader(file);
  const write = progressFileWriter(file);
  const p = { index: 0, total: 2, probe: 'HAND1', variant: { a: 'none' as const, b: 'none' as const }, repeat: 1, repeats: 1 };
  write(p);
  write({ ...p, index: 1 });
  write(undefined);
  const seen = reader.poll(5);
  t.same(seen.map((e) => e.type === 'progress' && [e.probe, e.index, e.total]), [['HAND1', 0, 2], ['HAND1', 1, 2]], 'two variants, the end writes nothing');
  t.ok(seen.every((e) => typeof e.t === 'number' && e.t > 0), 'stamped with the system\'s uptime (the guest\'s clock)');
  t.equal(readFileSync(file, 'utf8').split('\n').length, 3);
  const broken = progressFileWriter(join(dir, 'no-such-dir', 'events.jsonl'));
  t.doesNotThrow(() => { broken(p); broken(p); }, 'an unwritable file never fails the run');
});

t.test('the guest asks each run for its progress in the events file', async (t) => {
  const plan: LabPlan = { scenarios: ['nfs3-sync'], runArgs: [], node: '/n', coprobe: '/c', kernelPackage: 'k 1', accel: 'tcg', runTimeoutMs: 1, stepTimeoutMs: 1 };
  const s = SCENARIOS.find((x) => x.name === 'nfs3-sync')!;
  const argv = runArgv(s, plan, '/share/out/nfs3-sync', '/share/out/nfs3-sync/lab-facts.json', '/share/events.jsonl');
  t.equal(argv[argv.indexOf('--progress-file') + 1], '/share/events.jsonl');
  t.notOk(runArgv(s, plan, '/r', '/f').includes('--progress-file'), 'not asked: not given');
});
