// Mixed claim rows (holds under some conditions, violated under others) in every renderer, and a result schema 1
// document (a committed fixture, without conditions or mixed rows) still reading and rendering.
import t from 'tap';
import { join } from 'node:path';
import { readRunFile, type RunDocument } from '../src/report/document.js';
import { validateRunDocument } from '../src/report/validate.js';
import { RESULT_SCHEMA_VERSION } from '../src/result.js';
import { refOf } from '../src/verdict/handoff.js';
import { claimSplit, splitWords } from '../src/verdict/claims.js';
import type { ClaimEvidenceRef, ClaimRow } from '../src/verdict/types.js';
import { CLAIM_STATUS_LABEL, renderClaimTable } from '../src/report/verdicts.js';
import { renderTerminal } from '../src/report/terminal.js';
import { MD_CLAIM_STATUS, renderMarkdown } from '../src/report/markdown.js';
import { renderHtml } from '../src/report/html/render.js';
import { HTML_CLAIM_STATUS } from '../src/report/html/labels.js';
import { renderJunit } from '../src/report/junit.js';
import { junitProperties } from '../src/report/junit-properties.js';
import { renderTap } from '../src/report/tap.js';
import { mergeRuns } from '../src/report/merge/matrix.js';
import { renderMatrixText } from '../src/report/merge/matrix-text.js';
import { renderMatrixMarkdown } from '../src/report/merge/matrix-md.js';
import { renderMatrixHtml } from '../src/report/merge/matrix-html.js';
import { runEntry } from '../src/report/merge/run-entry.js';
import { mergeCell } from '../src/report/merge/merge-cell.js';

const FIXTURE = join('test', 'fixtures', 'runs', 'loop-pair.jsonl');
const CLAIM = 'BLOCK-PROTOCOL-COHERENT';

/** The loop-pair fixture as a version 2 document whose BLOCK-PROTOCOL-COHERENT row is mixed: record 1 violated, records 2 and 3 hold. */
function mixedDoc(): { doc: RunDocument; row: ClaimRow } {
  const doc = structuredClone(readRunFile(FIXTURE));
  doc.schema = RESULT_SCHEMA_VERSION;
  doc.run.schema = RESULT_SCHEMA_VERSION;
  const ev = (i: number, status: 'holds' | 'violated', condition: string): ClaimEvidenceRef => ({
    ...refOf(doc.probes[i]!, i), status, sentence: 'reader should see the new data', observed: status === 'holds' ? '16 fresh' : '16 stale', why: 'w', condition,
  });
  const evidence = [ev(0, 'violated', 'buffered reader (through its page cache)'), ev(1, 'holds', 'O_DIRECT reader'), ev(2, 'holds', 'O_DIRECT reader')];
  const split = claimSplit(evidence);
  const row: ClaimRow = {
    claim: CLAIM, status: 'mixed', why: splitWords(split), evidence, split, applies: true, predicts: 'holds',
    contradiction: 'The stack contradicts the wiki: for buffered reader (through its page cache) it returned stale data.',
  };
  const i = doc.verdicts!.claims.findIndex((c) => c.claim === CLAIM);
  doc.verdicts!.claims[i] = row;
  return { doc, row };
}

t.test('a mixed row validates in a version 2 document; status, split and condition are in the schema', async (t) => {
  const { doc, row } = mixedDoc();
  const v = validateRunDocument(doc);
  t.same(v.ok ? [] : v.errors, []);
  t.same(row.split, [
    { condition: 'buffered reader (through its page cache)', status: 'violated', checks: 1 },
    { condition: 'O_DIRECT reader', status: 'holds', checks: 2 },
  ]);
  const bad = structuredClone(doc);
  bad.verdicts!.claims.find((c) => c.claim === CLAIM)!.evidence[0]!.status = 'mixed' as 'holds';
  t.match(validateRunDocument(bad).ok ? [] : (validateRunDocument(bad) as { errors: string[] }).errors, [/evidence\[0\]\.status: Invalid option/], 'one observation is never mixed');
});

t.test('every renderer names mixed and the split', async (t) => {
  const { doc } = mixedDoc();
  t.equal(CLAIM_STATUS_LABEL.mixed, 'MIXED');
  const text = renderClaimTable(doc.verdicts!).join('\n');
  t.match(text, /BLOCK-PROTOCOL-COHERENT\s+MIXED\s+holds under some conditions, violated under others:\n  - violated for buffered reader \(through its page cache\) \(1 check\)\n  - holds for O_DIRECT reader \(2 checks\)\n  The stack contradicts/);
  t.match(renderTerminal(doc), /MIXED/);
  const md = renderMarkdown(doc);
  t.equal(MD_CLAIM_STATUS.mixed, '**MIXED**');
  t.match(md, /\| `BLOCK-PROTOCOL-COHERENT` \| \*\*MIXED\*\* \| violated for buffered reader \(through its page cache\) \(1 check\)<br>holds for O\\_DIRECT reader \(2 checks\)<br>The stack contradicts/);
  const html = renderHtml(doc);
  t.equal(HTML_CLAIM_STATUS.mixed.cls, 'c-mixed');
  t.match(html, /<tr id="claim-BLOCK-PROTOCOL-COHERENT" data-claim="BLOCK-PROTOCOL-COHERENT" data-status="mixed">/);
  t.match(html, /<span class="badge c-mixed">MIXED<\/span>/);
  t.match(html, /<ul class="split"><li class="s-violated" data-split-status="violated">violated for buffered reader \(through its page cache\) \(1 check\): <a[^>]*>#1<\/a><\/li><li class="s-holds" data-split-status="holds">holds for O_DIRECT reader \(2 checks\): <a[^>]*>#2<\/a> <a[^>]*>#3<\/a><\/li><\/ul>/);
  const props = new Map(junitProperties(doc));
  t.equal(props.get(`claim.${CLAIM}`), `MIXED: violated for buffered reader (through its page cache) (1 check); holds for O_DIRECT reader (2 checks); The stack contradicts the wiki: for buffered reader (through its page cache) it returned stale data.`);
  t.equal(props.get(`claim.${CLAIM}.split.1`), 'violated for buffered reader (through its page cache) (1 check)');
  t.equal(props.get(`claim.${CLAIM}.split.2`), 'holds for O_DIRECT reader (2 checks)');
  const junit = renderJunit(doc);
  const plain = renderJunit(readRunFile(FIXTURE));
  t.equal(junit.match(/<failure/g)?.length ?? 0, plain.match(/<failure/g)?.length ?? 0, 'a claim row is never a JUnit failure: the testcases are the probe records');
  t.match(junit, /name="claim\.BLOCK-PROTOCOL-COHERENT\.split\.1" value="violated for buffered reader/);
  const tap = renderTap(doc);
  t.match(tap, /\n# claim BLOCK-PROTOCOL-COHERENT: MIXED: violated for buffered reader \(through its page cache\) \(1 check\); holds for O_DIRECT reader \(2 checks\); The stack contradicts/);
  t.match(tap, /\n# {3}BLOCK-PROTOCOL-COHERENT violated for buffered reader \(through its page cache\) \(1 check\)\n# {3}BLOCK-PROTOCOL-COHERENT holds for O_DIRECT reader \(2 checks\)\n/);
  t.equal(renderTap(readRunFile(FIXTURE)).split('\n').filter((l) => l.startsWith('not ok')).length, tap.split('\n').filter((l) => l.startsWith('not ok')).length, 'no test point added or failed by a mixed row');
});

t.test('the merged matrix: a mixed run value is its own word, not flaky, and listed with its split', async (t) => {
  const { doc } = mixedDoc();
  const entry = runEntry(1, doc, { id: CLAIM, kind: 'claim', claim: CLAIM });
  t.match(entry, { value: 'mixed', records: [1, 2, 3], why: /^violated for buffered reader/ });
  t.equal(mergeCell([entry]).flaky, false, 'a conditional answer is not a disagreement');
  t.equal(mergeCell([entry, { ...entry, run: 2, value: 'violated' as const }]).value, 'violated', 'violated is worse than mixed');
  t.equal(mergeCell([entry, { ...entry, run: 2, value: 'holds' as const }]).value, 'mixed', 'mixed is worse than holds');
  const m = mergeRuns([{ path: 'run.json', doc }], { claims: [CLAIM] });
  const text = renderMatrixText(m).join('\n');
  t.match(text, /BLOCK-PROTOCOL-COHERENT\s+mixed ×1/);
  t.match(text, /mixed cells \(a conditional answer: the split by condition, per run\):\n {2}A BLOCK-PROTOCOL-COHERENT: #1 violated for buffered reader \(through its page cache\) \(1 check\); holds for O_DIRECT reader \(2 checks\)/);
  t.match(text, /VIOLATED > mixed > holds > n\/a/);
  const md = renderMatrixMarkdown(m, { outPath: 'matrix.md' });
  t.match(md, /\| \*mixed\*<br>1 run, 3 records: \[#1\]/);
  t.match(md, /## Mixed cells\n\nA conditional answer[^\n]*\n\n- \*\*A\*\*, `?BLOCK-PROTOCOL-COHERENT`?:\n {2}- \[#1\]\(run\.json\): violated for buffered reader/);
  const html = renderMatrixHtml(m, { outPath: 'matrix.html' });
  t.match(html, /<td class="cell v-mixed"/);
  t.match(html, /<span class="v-mixed">mixed<\/span>/, 'in the legend');
  t.match(html, /<h2>Mixed cells<\/h2>/);
});

t.test('a result schema 1 document (no conditions, no mixed rows) still reads and renders in every format', async (t) => {
  const doc = readRunFile(FIXTURE);
  t.equal(doc.schema, 1);
  t.ok(doc.verdicts!.claims.every((c) => c.split === undefined && c.evidence.every((e) => e.condition === undefined)), 'written before conditions existed');
  for (const [name, out] of [['terminal', renderTerminal(doc)], ['markdown', renderMarkdown(doc)], ['html', renderHtml(doc)], ['junit', renderJunit(doc)], ['tap', renderTap(doc)]] as const) {
    t.ok(out.length > 1000, `${name} renders`);
    t.notMatch(out, /MIXED|data-status="mixed"|\.split\./, `${name}: no mixed row invented`);
  }
});
