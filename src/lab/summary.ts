// The lab's own summary (lab.json and the closing lines): the kernel booted, the wall time of each phase, and how each
// scenario ended with its outcome counts.
import type { Outcome } from '../outcome.js';

export interface ScenarioResult {
  name: string;
  /** done: the run ended (exit 0 or 1); failed: set-up or run could not be made; not-run: the guest stopped before it. */
  status: 'done' | 'failed' | 'not-run';
  reportDir: string;
  exitCode?: number;
  counts?: Partial<Record<Outcome, number>>;
  step?: string;
  message?: string;
  /** The stale window a buffered reader saw (WIN1's summary: min / median / max and the mount's attribute-cache options). */
  window?: string;
}

export interface LabSummary {
  kernelPackage: string;
  kernelVersion: string;
  kernel: string;
  accel: string;
  /** Wall time of each phase in ms: on the host (kernel fetch, initramfs, boot, shutdown), in the guest (the rest). */
  phases: { phase: string; ms: number; ok: boolean; note?: string }[];
  scenarios: ScenarioResult[];
  /** Set when the lab itself failed (boot, a hung guest, an interrupt). */
  failure?: { code: string; message: string };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The closing lines: phases with their times, then one line per scenario. */
export function renderLabSummary(s: LabSummary): string[] {
  const width = Math.max(...s.phases.map((p) => p.phase.length), 5);
  const lines = ['', `lab: ${s.kernelPackage} ${s.kernelVersion} (${s.kernel}), qemu ${s.accel}`, `${'phase'.padEnd(width)}  ${'wall time'.padStart(9)}`];
  for (const p of s.phases) lines.push(`${p.phase.padEnd(width)}  ${seconds(p.ms).padStart(9)}${p.ok ? '' : '  FAILED'}${p.note ? `  (${p.note})` : ''}`);
  lines.push('');
  for (const r of s.scenarios) {
    if (r.status === 'done') {
      const counts = Object.entries(r.counts ?? {}).map(([o, n]) => `${n} ${o}`).join(', ');
      lines.push(`scenario ${r.name}: exit ${r.exitCode}; ${counts ? `${counts}; ` : ''}reports in ${r.reportDir}`);
      if (r.window) lines.push(`  stale window: ${r.window}`);
    } else lines.push(`scenario ${r.name}: ${r.status === 'failed' ? `could not run ("${r.step}": ${r.message})` : r.message}`);
  }
  if (s.failure) lines.push(`lab failed (${s.failure.code}): ${s.failure.message}`);
  return lines;
}
