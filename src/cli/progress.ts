// A one-line progress bar on a TTY (probe, modes, repetition), cleared around every printed line; off under CI or off a TTY.
import type { RunProgress } from '../run/runner.js';
import { variantLabel } from '../verdict/format.js';

/**
 * The bar's text for a width: "[#####-----]  42/130  HAND1 writeback→writeback [fadvise]  repeat 2/3", after `prefix`
 * when one is given (the lab's "nfs3-sync 1/3 ").
 */
export function progressLine(p: RunProgress, width: number, prefix = ''): string {
  const barWidth = Math.max(10, Math.min(30, width - 60 - prefix.length));
  const filled = p.total ? Math.round((p.index / p.total) * barWidth) : 0;
  const v = variantLabel(p.variant);
  const rep = p.repeats > 1 ? `  repeat ${p.repeat}/${p.repeats}` : '';
  const line = `${prefix}[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${String(p.index + 1).padStart(String(p.total).length)}/${p.total}  ${p.probe} ${v}${rep}`;
  return line.length > width - 1 ? line.slice(0, width - 2) + '…' : line;
}

/** Whether a bar belongs on this stream: a TTY, and not CI (CI=true or any CI value but "false"/"0"). */
export function progressWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY === true && !ci;
}

export interface ProgressBar {
  /** Redraw for a new variant (after `prefix`, kept for redraws until the next update). */
  update(p: RunProgress, prefix?: string): void;
  /** Print a line above the bar (the bar is cleared, the line written, the bar redrawn). */
  print(line: string): void;
  /** Remove the bar for good. */
  done(): void;
}

/** A bar drawn on `bar` (stderr) while lines go to `out` (stdout); both may be one terminal. */
export function progressBar(bar: NodeJS.WriteStream, out: (line: string) => void): ProgressBar {
  let shown = '';
  const clear = () => { if (shown) { bar.write('\r\x1b[2K'); shown = ''; } };
  const draw = (s: string) => { bar.write(`\r\x1b[2K${s}`); shown = s; };
  let last: RunProgress | undefined;
  let label = '';
  return {
    update(p, prefix = '') { last = p; label = prefix; draw(progressLine(p, bar.columns || 80, label)); },
    print(line) { const again = shown; clear(); out(line); if (again && last) draw(progressLine(last, bar.columns || 80, label)); },
    done() { clear(); last = undefined; },
  };
}
