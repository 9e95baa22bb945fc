// Find and remove the scratch files of crashed runs in a directory: only files their own lock file lists, and only when its owner is provably gone.
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, unlinkSync, constants as fsc } from 'node:fs';
import { join } from 'node:path';
import { SCRATCH_RE } from '../protocol/commands.js';
import { LOCK_RE, ownerState, readLock, sameFile, self } from './run-lock.js';

/** Larger than any lock file (one line per scratch file): such a file is not read. */
const MAX_LOCK_BYTES = 16 << 20;

/** What a directory held of other runs: files removed (their agents are gone) and runs left alone, with why. */
export interface OrphanScan { removed: string[]; kept: { runId: string; why: string }[] }

/** Remove the scratch files of every other run whose agents are all gone; the run ownRunId is never touched. */
export function removeOrphans(dir: string, ownRunId: string): OrphanScan {
  const out: OrphanScan = { removed: [], kept: [] };
  const byRun = new Map<string, string[]>();
  for (const name of list(dir)) {
    const m = LOCK_RE.exec(name);
    if (!m || m[1] === ownRunId) continue;
    byRun.set(m[1]!, [...(byRun.get(m[1]!) ?? []), name]);
  }
  const me = self();
  for (const [runId, locks] of byRun) {
    const why = sweepRun(dir, runId, locks, me, out.removed);
    if (why) out.kept.push({ runId, why });
  }
  sweepTemporaryLocks(dir, ownRunId, me, out.removed);
  return out;
}

/** A lock file's temporary name while it is written before its rename (run-lock.ts writeLock): `<lock>.<pid>.new`. */
const TMP_LOCK_RE = /^(\.coprobe-([0-9a-f]{16})\.\d+\.lock)\.\d+\.new$/;

/**
 * Remove the temporary lock files of agents killed between writing and renaming them: only another run's, only a complete
 * lock whose owner is provably gone (one that cannot be read, or whose owner is alive or elsewhere, is kept).
 */
function sweepTemporaryLocks(dir: string, ownRunId: string, me: ReturnType<typeof self>, removed: string[]): void {
  for (const name of list(dir)) {
    const m = TMP_LOCK_RE.exec(name);
    if (!m || m[2] === ownRunId) continue;
    const path = join(dir, name);
    let fd: number;
    try { fd = openSync(path, fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK); } catch { continue; }
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > MAX_LOCK_BYTES) continue;
      const lock = readLock(readFileSync(fd, 'utf8'));
      if (!lock || ownerState(lock.owner, me) !== 'gone') continue;
      if (sameFile(fd, path)) { unlinkSync(path); removed.push(name); }
    } catch { /* gone meanwhile */ } finally { closeSync(fd); }
  }
}

/** If every lock file of one run is coprobe's and its owner gone, remove the files they list, then them. Returns why not, or null. */
function sweepRun(dir: string, runId: string, locks: string[], me: ReturnType<typeof self>, removed: string[]): string | null {
  const opened: { fd: number; path: string; names: string[] }[] = [];
  try {
    for (const name of locks) {
      const path = join(dir, name);
      let fd: number;
      try {
        fd = openSync(path, fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue; // removed meanwhile: its agent finished
        return `${name}: ${code}`;
      }
      opened.push({ fd, path, names: [] });
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > MAX_LOCK_BYTES) return `${name} is not a coprobe lock file`;
      const lock = readLock(readFileSync(fd, 'utf8'));
      if (!lock) return `${name} is not a coprobe lock file`;
      const state = ownerState(lock.owner, me);
      if (state === 'alive') return `its agent (pid ${lock.owner.pid}) is alive`;
      if (state === 'unknown') return `its agent ran on ${lock.owner.host} under another kernel or pid namespace: whether it is alive cannot be told from here`;
      opened.at(-1)!.names = lock.names;
    }
    // Every agent of the run is gone: remove what they listed, nothing else (a name of this run, a regular file).
    const prefix = `.coprobe-${runId}-`;
    for (const name of new Set(opened.flatMap((o) => o.names))) {
      if (!name.startsWith(prefix) || !SCRATCH_RE.test(name)) continue;
      const path = join(dir, name);
      try {
        if (!lstatSync(path).isFile()) continue;
        unlinkSync(path);
        removed.push(name);
      } catch { /* already gone */ }
    }
    for (const o of opened) if (sameFile(o.fd, o.path)) try { unlinkSync(o.path); } catch { /* gone */ }
    return null;
  } finally {
    for (const o of opened) closeSync(o.fd);
  }
}

function list(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}
