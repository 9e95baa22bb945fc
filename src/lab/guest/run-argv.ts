// The `coprobe run` command line the guest gives one scenario: its sides, the lab's agents, reports and facts.
import type { LabPlan, Scenario } from '../types.js';

/**
 * argv (node first) for one scenario's run, reports in reportDir, lab facts from factsFile, and a line per variant
 * appended to progressFile when given (the events file the host follows).
 */
export function runArgv(s: Scenario, plan: LabPlan, reportDir: string, factsFile: string, progressFile?: string): string[] {
  const argv = [plan.node, plan.coprobe, 'run', s.sides.a, s.sides.b,
    // A side carried by a --via prefix starts its agent by command: the guest's node and coprobe, not a `coprobe` on PATH.
    '--agent-command', [plan.node, plan.coprobe, 'agent'].map(word).join(' '),
    '--report', reportDir, '--format', 'json', '--lab-facts', factsFile];
  for (const [side, via] of Object.entries(s.sides.via ?? {})) argv.push(`--via-${side}`, via);
  for (const d of s.sides.destroy ?? []) argv.push('--destroy-data-on-device', d);
  if (progressFile !== undefined) argv.push('--progress-file', progressFile);
  return [...argv, ...plan.runArgs];
}

/** One word as `coprobe run` splits --agent-command (splitWords: quotes group, no escapes): a path may hold spaces and quotes. */
function word(w: string): string {
  if (/^[^\s'"]+$/.test(w)) return w;
  // Adjacent quoted pieces join into one word: ' inside "…", everything else inside '…'.
  return w.split("'").map((p) => (p ? `'${p}'` : '')).join(`"'"`) || "''";
}
