import t from 'tap';
import { parseDuration, parseSize } from '../src/cli/units.js';

t.test('durations and sizes', async (t) => {
  t.equal(parseDuration('65s', '--window'), 65_000);
  t.equal(parseDuration('500ms', '--window'), 500);
  t.equal(parseDuration('2m', '--window'), 120_000);
  t.equal(parseDuration('0', '--window'), 0);
  t.throws(() => parseDuration('soon', '--window'), /--window: "soon" is not a duration/);
  t.equal(parseSize('4M', '--image-size'), 4 << 20);
  t.equal(parseSize('1GiB', '--image-size'), 1 << 30);
  t.equal(parseSize('8k', '--image-size'), 8192);
  t.throws(() => parseSize('big', '--image-size'), /--image-size: "big" is not a size/);
});
