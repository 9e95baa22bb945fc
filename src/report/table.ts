// The terminal table: one row per probe run (probe × modes → outcome, block counts, fsync→read time, observation).
import type { Outcome } from '../outcome.js';
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { describeSide, rowFacts, variantOf } from './describe.js';
import { PLAIN, type Paint } from './colour.js';
import { clockLine } from './clock-line.js';
import { labLines, labWarning } from './lab.js';

/** How each outcome is shown in the terminal; every outcome is mapped. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  PASS: 'PASS', WARN: 'WARN', UNSUPPORTED: 'UNSUPPORTED', FAIL: 'FAIL', KNOWN: 'KNOWN', OMIT: 'OMIT', HUNG: 'HUNG', LOST: 'LOST',
};

const COLS = [6, 34, 11, 20, 10] as const;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The lines that open a run: sides, block size, the lab (when `coprobe lab` made the run), warnings. */
export function renderHeader(run: RunRecord, paint: Paint = PLAIN): string[] {
  const side = (n: 'a' | 'b') => {
    const d = describeSide(run, n);
    const clock = clockLine(run.sides[n].clock);
    return [`  ${n}: ${d.summary}`, ...[...d.details, ...(clock ? [clock] : [])].map((l) => `     ${l}`)];
  };
  const lines = [`coprobe ${run.version} run ${run.runId}`, ...side('a'), ...side('b'), `  block size ${run.blockSize}, ${run.blocks} blocks per probe`];
  if (run.lab) {
    const [title, ...rest] = labLines(run.lab);
    lines.push(`  ${title}`, ...rest.map((l) => `     ${l}`));
  }
  const labWarn = run.lab && labWarning(run.lab);
  for (const w of [...(labWarn ? [labWarn] : []), ...run.warnings]) lines.push(paint.warn(`WARNING: ${w}`));
  lines.push('', [pad('probe', COLS[0]), pad('modes a→b [param]', COLS[1]), pad('outcome', COLS[2]), pad('blocks fresh/stale/other', COLS[3] + 4), pad('fsync→read', COLS[4]), 'observed'].join(' '));
  return lines;
}

/** One table row for a probe run. */
export function renderRow(r: ProbeRunRecord, paint: Paint = PLAIN): string {
  const v = variantOf(r);
  const { counts, gap, note } = rowFacts(r);
  return [pad(r.probe, COLS[0]), pad(v, COLS[1]), paint.outcome(r.outcome, pad(OUTCOME_LABEL[r.outcome], COLS[2])), pad(counts, COLS[3] + 4), pad(gap, COLS[4]), note].join(' ');
}

/** The closing line: counts per outcome and where the report is. */
export function renderSummary(counts: Partial<Record<Outcome, number>>, reportPath: string): string {
  const parts = (Object.keys(OUTCOME_LABEL) as Outcome[]).filter((o) => counts[o]).map((o) => `${counts[o]} ${OUTCOME_LABEL[o]}`);
  return `\n${parts.join(', ') || 'no probe ran'}; report: ${reportPath}`;
}
