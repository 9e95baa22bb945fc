// The terminal table: one row per probe run (probe × modes → outcome, block counts, fsync→read time, observation).
import type { Outcome } from '../outcome.js';
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { renderBlock, renderMount, renderNfs } from '../detect/render.js';
import type { TargetInfo } from '../protocol/results.js';
import { backendOf, capsOf, isUserspace } from '../caps.js';

/** How each outcome is shown in the terminal; every outcome is mapped. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  PASS: 'PASS', WARN: 'WARN', UNSUPPORTED: 'UNSUPPORTED', FAIL: 'FAIL', KNOWN: 'KNOWN', OMIT: 'OMIT', HUNG: 'HUNG', LOST: 'LOST',
};

const COLS = [6, 34, 11, 20, 10] as const;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** What a side's target is, in a few words. */
function whatOf(t: TargetInfo): string {
  if (t.unavailable) return `${backendOf(t)} side, not available here`;
  if (isUserspace(t)) return `${t.kind === 'device' ? 'iSCSI LUN' : 'NFS export'} through ${backendOf(t)} (userspace)`;
  return t.kind === 'device' ? `block device ${t.dev}` : `${t.fsType} (${t.dev})`;
}

/** A userspace side's own description, and what its missing page cache means for the modes; or why it cannot run. */
function userspaceLines(t: TargetInfo): string[] {
  if (t.unavailable) return [t.unavailable];
  if (!isUserspace(t)) return [];
  const c = capsOf(t);
  const lines = [t.userspace?.description ?? `${backendOf(t)} target`, `flush: ${c.flush}; write-through: ${c.syncWrite}`];
  if (!c.pageCache) lines.push('no host page cache: O_DIRECT and buffered are one mode here (none≡writeback, directsync≡writethrough); repeated I/O is run once');
  return lines;
}

/** The lines that open a run: sides, block size, warnings. */
export function renderHeader(run: RunRecord): string[] {
  const side = (n: 'a' | 'b') => {
    const s = run.sides[n];
    const t = s.target;
    const d = t.details;
    const more = [
      ...(d?.mount ? [renderMount(d.mount, !!d.nfs)] : []), ...(d?.nfs ? [renderNfs(d.nfs)] : []),
      ...(d?.fuseSubtype ? [`fuse subtype: ${d.fuseSubtype}`] : []), ...(d?.block ? [renderBlock(d.block)] : []),
      ...userspaceLines(t),
    ].map((l) => `     ${l}`);
    const direct = s.direct || !capsOf(t).pageCache || t.unavailable ? '' : ', no O_DIRECT';
    return [`  ${n}: ${s.arg} — ${whatOf(t)}, stack ${t.stack}, on ${s.host.hostname}, kernel ${s.host.kernel}${direct}`, ...more];
  };
  const lines = [`coprobe ${run.version} run ${run.runId}`, ...side('a'), ...side('b'), `  block size ${run.blockSize}, ${run.blocks} blocks per probe`];
  for (const w of run.warnings) lines.push(`WARNING: ${w}`);
  lines.push('', [pad('probe', COLS[0]), pad('modes a→b [param]', COLS[1]), pad('outcome', COLS[2]), pad('blocks fresh/stale/other', COLS[3] + 4), pad('fsync→read', COLS[4]), 'observed'].join(' '));
  return lines;
}

/** One table row for a probe run. */
export function renderRow(r: ProbeRunRecord): string {
  const v = `${r.variant.a}→${r.variant.b}${r.variant.param ? ` [${r.variant.param}]` : ''}`;
  const judged = r.checks.find((c) => c.read && c.outcome !== 'PASS') ?? r.checks.find((c) => c.read);
  let counts = '-';
  if (judged?.read) {
    const c = judged.read.counts;
    counts = `${c.fresh}/${c.stale}/${judged.read.blocks - c.fresh - c.stale}`;
  }
  const gapCheck = r.checks.find((c) => c.fsyncToReadUs !== undefined && Number.isFinite(c.fsyncToReadUs));
  const gap = gapCheck ? `${(gapCheck.fsyncToReadUs! / 1000).toFixed(2)} ms` : '-';
  const bad = r.checks.find((c) => c.outcome === r.outcome && c.outcome !== 'PASS');
  const note = r.reason ?? (bad ? `${bad.sentence}: ${bad.observed}` : '');
  return [pad(r.probe, COLS[0]), pad(v, COLS[1]), pad(OUTCOME_LABEL[r.outcome], COLS[2]), pad(counts, COLS[3] + 4), pad(gap, COLS[4]), note].join(' ');
}

/** The closing line: counts per outcome and where the report is. */
export function renderSummary(counts: Partial<Record<Outcome, number>>, reportPath: string): string {
  const parts = (Object.keys(OUTCOME_LABEL) as Outcome[]).filter((o) => counts[o]).map((o) => `${counts[o]} ${OUTCOME_LABEL[o]}`);
  return `\n${parts.join(', ') || 'no probe ran'}; report: ${reportPath}`;
}
