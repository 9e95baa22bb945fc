// What the host shows while the lab runs, fed from the guest's events: a line per phase and scenario, and where each
// scenario's run is — a bar (scenario, probe, variant) on a TTY outside CI, else a line per probe.
import type { ProgressBar } from '../cli/progress.js';
import type { ProgressFileLine } from '../cli/progress-file.js';
import type { LabEvent } from './types.js';

/** "[  12.3 s]": the guest's clock (seconds since it booted), as every lab line starts. */
function stamp(t: number): string {
  return `[${t.toFixed(1).padStart(6)} s]`;
}

/** The line for a phase, scenario or done event (phases starting and ending, scenarios done); undefined for a variant's progress. */
export function eventLine(e: LabEvent): string | undefined {
  const at = stamp(e.t);
  if (e.type === 'progress') return undefined;
  if (e.type === 'phase' && e.state === 'failed') return `${at} ${e.phase}: FAILED at "${e.step}": ${e.message}`;
  if (e.type === 'phase') return `${at} ${e.phase}${e.state === 'ok' ? ': ok' : ' …'}`;
  if (e.type === 'scenario' && e.state === 'failed') return `${at} scenario ${e.scenario}: could not run (${e.step}): ${e.message}`;
  if (e.type === 'scenario') return `${at} scenario ${e.scenario}: run ended, exit ${e.exitCode}`;
  return `${at} guest done (kernel ${e.kernel})`;
}

/** The line for the first variant of a probe in a scenario's run: "[  95.3 s] nfs3-sync: HAND1 (variant 12/146)". */
export function probeLine(scenario: string, p: ProgressFileLine): string {
  return `${stamp(p.t)} ${scenario}: ${p.probe} (variant ${p.index + 1}/${p.total})`;
}

/** The scenario's part of the bar: "nfs3-sync 2/3  ". */
export function barPrefix(scenario: string, order: readonly string[]): string {
  const i = order.indexOf(scenario);
  return `${scenario}${i >= 0 && order.length > 1 ? ` ${i + 1}/${order.length}` : ''}  `;
}

export interface LabProgress {
  /** Take one event from the guest: print its line, move the bar, or print a probe's first line. */
  event(e: LabEvent): void;
  /** Print a line of the lab's own (above the bar when one is drawn). */
  print(line: string): void;
  /** Remove the bar for good (the run phases are over, or the lab failed). */
  done(): void;
}

/**
 * The lab's progress display: every event's line through `log`; a run's variants on `bar` when given (a TTY outside
 * CI: see progressWanted), else a line per probe. `scenarios` is the lab's order (the bar says "2/3").
 */
export function labProgress(o: { log: (line: string) => void; bar?: ProgressBar; scenarios: readonly string[] }): LabProgress {
  const print = (line: string) => (o.bar ? o.bar.print(line) : o.log(line));
  /** The scenario whose run phase is under way, and the probe its run last started. */
  let running: string | undefined;
  let probe: string | undefined;
  return {
    event(e) {
      if (e.type === 'phase' && e.phase.endsWith(': run')) {
        if (e.state === 'start') { running = e.phase.slice(0, -': run'.length); probe = undefined; } else { running = undefined; o.bar?.done(); }
      }
      if (e.type !== 'progress') {
        print(eventLine(e)!);
        return;
      }
      const scenario = running ?? 'run';
      if (o.bar) o.bar.update(e, barPrefix(scenario, o.scenarios));
      else if (e.probe !== probe) o.log(probeLine(scenario, e));
      probe = e.probe;
    },
    print,
    done() { o.bar?.done(); },
  };
}
