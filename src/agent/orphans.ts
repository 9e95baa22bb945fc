// Find and remove the scratch files of crashed runs in a directory: only files their own lock lists, and only when no live agent holds that lock.
import { closeSync, lstatSync, openSync, readdirSync, unlinkSync, constants as fsc } from 'node:fs';
import { join } from 'node:path';
import type { Posix } from '../../native-bindings/posix.js';
import { SCRATCH_RE } from '../protocol/commands.js';
import { LOCK_RE, readLock, sameFile, tryLock } from './run-lock.js';

/** What a directory held of other runs: files removed (their runs are gone) and runs left alone, with why. */
export interface OrphanScan { removed: string[]; kept: { runId: string; why: string }[] }

/** Remove the scratch files of every other run whose agents are all gone; the run ownRunId is never touched. */
export function removeOrphans(posix: Posix, dir: string, ownRunId: string): OrphanScan {
  const out: OrphanScan = { removed: [], kept: [] };
  const byRun = new Map<string, string[]>();
  for (const name of list(dir)) {
    const m = LOCK_RE.exec(name);
    if (!m || m[1] === ownRunId) continue;
    byRun.set(m[1]!, [...(byRun.get(m[1]!) ?? []), name]);
  }
  for (const [runId, locks] of byRun) {
    const why = sweepRun(posix, dir, runId, locks, out.removed);
    if (why) out.kept.push({ runId, why });
  }
  return out;
}

/** Take every lock of one run; if all are free and coprobe's, remove the files they list, then the locks. Returns why not, or null. */
function sweepRun(posix: Posix, dir: string, runId: string, locks: string[], removed: string[]): string | null {
  const held: { fd: number; path: string; names: string[] }[] = [];
  try {
    for (const name of locks) {
      const path = join(dir, name);
      let fd: number;
      try {
        if (!lstatSync(path).isFile()) return `${name} is not a regular file`;
        fd = openSync(path, fsc.O_RDWR | fsc.O_NOFOLLOW);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed meanwhile (its agent finished)
        return `${name}: ${(err as NodeJS.ErrnoException).code}`;
      }
      held.push({ fd, path, names: [] });
      const state = tryLock(posix, fd);
      if (state === 'held') return 'a live agent holds its lock';
      if (state === 'unknown') return 'its lock cannot be tested here (no flock on this filesystem)';
      const names = readLock(fd);
      if (!names && name.endsWith('.new')) { held.pop(); closeSync(fd); continue; } // a lock never set up: lists nothing
      if (!names) return `${name} is not a coprobe lock file`;
      held.at(-1)!.names = names;
    }
    // Every agent of the run is gone: remove what they listed, nothing else (a name of this run, a regular file).
    const prefix = `.coprobe-${runId}-`;
    for (const name of new Set(held.flatMap((h) => h.names))) {
      if (!name.startsWith(prefix) || !SCRATCH_RE.test(name)) continue;
      const path = join(dir, name);
      try {
        if (!lstatSync(path).isFile()) continue;
        unlinkSync(path);
        removed.push(name);
      } catch { /* already gone */ }
    }
    for (const h of held) if (sameFile(h.fd, h.path)) try { unlinkSync(h.path); } catch { /* gone */ }
    return null;
  } finally {
    for (const h of held) closeSync(h.fd);
  }
}

function list(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}
