import t from 'tap';
import { renderRow, renderSummary, renderHeader, OUTCOME_LABEL } from '../src/report/table.js';
import { OUTCOMES } from '../src/outcome.js';
import { record, side } from './fixtures/records.js';

t.test('rows for every outcome (timings scrubbed)', async (t) => {
  const rows = OUTCOMES.map((o) => renderRow(o === 'OMIT' || o === 'HUNG' || o === 'LOST' || o === 'UNSUPPORTED' ? record(o, 0, `why ${o}`) : record(o, o === 'PASS' ? 0 : 16)));
  t.matchSnapshot(rows.map((r) => r.replace(/\d+\.\d+ ms/, 'N ms')).join('\n'));
  for (const o of OUTCOMES) t.ok(rows.some((r) => r.includes(OUTCOME_LABEL[o])), o);
});

t.test('header lists sides and warnings first; summary counts outcomes', async (t) => {
  const lines = renderHeader({
    type: 'run', schema: 1, runId: 'r', version: '0.1.0', startedAt: '', argv: [], blockSize: 4096, blocks: 16,
    sides: { a: side(), b: side() }, warnings: ['one page cache'], probes: [],
  });
  t.ok(lines.includes('WARNING: one page cache'));
  t.equal(renderSummary({ PASS: 3, WARN: 1 }, '/r.jsonl'), '\n3 PASS, 1 WARN; report: /r.jsonl');
});
