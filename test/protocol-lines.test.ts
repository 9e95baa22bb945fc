import t from 'tap';
import { LineReader } from '../src/protocol/lines.js';

t.test('lines split across chunks are reassembled; blank lines skipped', async (t) => {
  const lines: string[] = [];
  const r = new LineReader(100, (l) => lines.push(l), () => t.fail('no oversize'));
  r.push(Buffer.from('{"a":'));
  r.push(Buffer.from('1}\n\n{"b":2}\n{"c"'));
  t.same(lines, ['{"a":1}', '{"b":2}']);
  t.equal(r.pending(), 4);
});

t.test('an oversize line is reported once and dropped up to its newline; the next line is fine', async (t) => {
  const lines: string[] = [];
  const over: number[] = [];
  const r = new LineReader(10, (l) => lines.push(l), (n) => over.push(n));
  r.push(Buffer.from('x'.repeat(8)));
  r.push(Buffer.from('y'.repeat(8)));
  r.push(Buffer.from('z'.repeat(50) + '\nok\n'));
  t.equal(over.length, 1);
  t.same(lines, ['ok']);
});
