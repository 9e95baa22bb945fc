import t from 'tap';
import { progressBar, progressLine, progressWanted } from '../src/cli/progress.js';
import type { RunProgress } from '../src/run/runner.js';

const p = (over: Partial<RunProgress> = {}): RunProgress => ({ index: 41, total: 130, probe: 'HAND1', variant: { a: 'writeback', b: 'writeback', param: 'fadvise' }, repeat: 1, repeats: 1, ...over });

t.test('the bar shows where the run is: count, probe, modes, repetition', async (t) => {
  t.equal(progressLine(p(), 100), `[${'#'.repeat(9)}${'-'.repeat(21)}]  42/130  HAND1 writeback→writeback [fadvise]`, '41 of 130 done: 9 of 30 cells');
  t.match(progressLine(p({ repeat: 2, repeats: 3 }), 120), /  42\/130  HAND1 writeback→writeback \[fadvise\]  repeat 2\/3$/);
  const narrow = progressLine(p({ repeat: 2, repeats: 3 }), 40);
  t.ok(narrow.length <= 39, 'fits a narrow terminal');
  t.match(narrow, /…$/);
});

t.test('on a TTY only, and never under CI', async (t) => {
  t.equal(progressWanted({ isTTY: true }, {}), true);
  t.equal(progressWanted({ isTTY: false }, {}), false);
  t.equal(progressWanted({ isTTY: true }, { CI: 'true' }), false);
  t.equal(progressWanted({ isTTY: true }, { CI: '1' }), false);
  t.equal(progressWanted({ isTTY: true }, { CI: 'false' }), true);
});

t.test('a printed line clears the bar first and redraws it after', async (t) => {
  const written: string[] = [];
  const out: string[] = [];
  const stream = { columns: 100, write: (s: string) => { written.push(s); return true; } } as unknown as NodeJS.WriteStream;
  const bar = progressBar(stream, (l) => { out.push(l); written.push(`<line ${l}>`); });
  bar.update(p());
  bar.print('row 1');
  bar.done();
  bar.print('after');
  t.same(out, ['row 1', 'after']);
  t.match(written[0], /^\r\x1b\[2K\[#+-+\]  42\/130/);
  t.equal(written[1], '\r\x1b[2K', 'cleared before the line');
  t.equal(written[2], '<line row 1>');
  t.match(written[3], /^\r\x1b\[2K\[/, 'redrawn after it');
  t.equal(written[4], '\r\x1b[2K', 'done clears');
  t.equal(written[5], '<line after>', 'no redraw once done');
  t.equal(written.length, 6);
});
