import t from 'tap';
import { worst, exitCodeFor, completed, OUTCOMES } from '../src/outcome.js';
import { OUTCOME_LABEL } from '../src/report/table.js';

t.test('worst picks the most severe outcome; exit code 1 only for FAIL, HUNG, LOST', async (t) => {
  t.equal(worst([]), 'PASS');
  t.equal(worst(['PASS', 'WARN', 'OMIT']), 'WARN');
  t.equal(worst(['WARN', 'FAIL']), 'FAIL');
  t.equal(worst(['FAIL', 'HUNG']), 'HUNG');
  t.equal(exitCodeFor(['PASS', 'WARN', 'UNSUPPORTED', 'OMIT']), 0);
  for (const o of ['FAIL', 'HUNG', 'LOST'] as const) t.equal(exitCodeFor(['PASS', o]), 1, o);
  t.same(OUTCOMES.filter(completed), ['PASS', 'WARN', 'KNOWN', 'FAIL']);
  t.equal(exitCodeFor(['PASS', 'KNOWN', 'WARN']), 0, 'a known failure does not fail the run');
});

t.test('the terminal renderer maps every outcome', async (t) => {
  for (const o of OUTCOMES) t.ok(OUTCOME_LABEL[o], o);
  t.equal(Object.keys(OUTCOME_LABEL).length, OUTCOMES.length);
});
