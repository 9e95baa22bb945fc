// Every renderer maps every outcome explicitly: a renderer that lacks one fails here, and each renders a run holding every outcome.
import t from 'tap';
import { OUTCOMES } from '../src/outcome.js';
import { OUTCOME_LABEL } from '../src/report/table.js';
import { OUTCOME_COLOUR } from '../src/report/colour.js';
import { MD_OUTCOME } from '../src/report/markdown.js';
import { HTML_OUTCOME } from '../src/report/html/labels.js';
import { JUNIT_OUTCOME } from '../src/report/junit.js';
import { TAP_OUTCOME } from '../src/report/tap.js';
import { EVIDENCE_ENTRY } from '../src/report/merge/run-entry.js';
import { FORMATS } from '../src/report/formats.js';
import { loadRun, recordPerOutcome, withProbes } from './fixtures/junit/outcomes.js';

const MAPS: Record<string, Record<string, unknown>> = {
  'terminal (OUTCOME_LABEL)': OUTCOME_LABEL, 'terminal colour (OUTCOME_COLOUR)': OUTCOME_COLOUR, 'Markdown (MD_OUTCOME)': MD_OUTCOME,
  'HTML (HTML_OUTCOME)': HTML_OUTCOME, 'JUnit (JUNIT_OUTCOME)': JUNIT_OUTCOME, 'TAP (TAP_OUTCOME)': TAP_OUTCOME, 'matrix evidence (EVIDENCE_ENTRY)': EVIDENCE_ENTRY,
};

t.test('each renderer\'s outcome map has exactly the outcomes', async (t) => {
  for (const [name, map] of Object.entries(MAPS)) {
    t.same(Object.keys(map).sort(), [...OUTCOMES].sort(), name);
    for (const o of OUTCOMES) t.ok(map[o] !== undefined && map[o] !== '', `${name}: ${o} mapped`);
  }
});

t.test('every format renders a run holding one record of each outcome, and names each outcome or its mapping', async (t) => {
  const base = loadRun('loop-pair');
  const recs = recordPerOutcome(base);
  const doc = withProbes(base, OUTCOMES.map((o) => recs[o]));
  for (const f of FORMATS) {
    const out = f.render(doc);
    t.ok(out.length > 0, f.name);
    if (f.name === 'json') continue;
    for (const o of OUTCOMES) {
      const label: string = f.name === 'junit' ? (JUNIT_OUTCOME[o].element === 'none' ? 'testcase' : JUNIT_OUTCOME[o].element)
        : f.name === 'tap' ? (TAP_OUTCOME[o].directive ?? (TAP_OUTCOME[o].ok ? 'ok' : 'not ok'))
        : f.name === 'html' ? HTML_OUTCOME[o].label : f.name === 'md' ? MD_OUTCOME[o] : OUTCOME_LABEL[o];
      t.ok(out.includes(label), `${f.name}: ${o} shown as ${label}`);
    }
  }
});
