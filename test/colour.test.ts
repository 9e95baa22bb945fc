import t from 'tap';
import { COLOUR, PLAIN, colourWanted, OUTCOME_COLOUR, VERDICT_COLOUR } from '../src/report/colour.js';
import { OUTCOMES } from '../src/outcome.js';
import { VERDICTS } from '../src/verdict/types.js';

t.test('colour only on a TTY, never under NO_COLOR or TERM=dumb', async (t) => {
  t.equal(colourWanted({ isTTY: true }, {}), true);
  t.equal(colourWanted({ isTTY: false }, {}), false);
  t.equal(colourWanted({}, {}), false, 'a pipe or file has no isTTY');
  t.equal(colourWanted({ isTTY: true }, { NO_COLOR: '1' }), false);
  t.equal(colourWanted({ isTTY: true }, { NO_COLOR: '' }), true, 'NO_COLOR set but empty does not count (no-color.org)');
  t.equal(colourWanted({ isTTY: true }, { TERM: 'dumb' }), false);
});

t.test('every outcome and verdict has a colour; plain leaves text alone', async (t) => {
  for (const o of OUTCOMES) {
    t.ok(OUTCOME_COLOUR[o], o);
    t.match(COLOUR.outcome(o, o), new RegExp(`^\\x1b\\[[\\d;]+m${o}\\x1b\\[0m$`));
    t.equal(PLAIN.outcome(o, o), o);
  }
  for (const v of VERDICTS) {
    t.ok(VERDICT_COLOUR[v], v);
    t.not(COLOUR.verdict(v, v), v);
    t.equal(PLAIN.verdict(v, v), v);
  }
  t.equal(PLAIN.warn('w'), 'w');
});
