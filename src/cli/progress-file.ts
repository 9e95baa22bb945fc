// `coprobe run --progress-file FILE`: one JSON line appended per variant as it starts, for a watcher (the lab's host) to follow.
import { appendFileSync } from 'node:fs';
import { uptime } from 'node:os';
import type { RunProgress } from '../run/runner.js';

/** One line of a progress file: the variant starting, stamped with the system's uptime in seconds (the lab guest's clock). */
export type ProgressFileLine = RunProgress & { t: number; type: 'progress' };

/**
 * A progress callback that appends a line per variant to `file` (whole lines, one append each: a reader polling the
 * file never sees a torn one). Progress never fails a run: after the first failed append it stops writing.
 */
export function progressFileWriter(file: string): (p: RunProgress | undefined) => void {
  let broken = false;
  return (p) => {
    if (!p || broken) return;
    const line: ProgressFileLine = { t: uptime(), type: 'progress', ...p };
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      broken = true;
    }
  };
}
