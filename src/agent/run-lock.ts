// The agent's run lock: while it has scratch files in a directory it holds an flock on `.coprobe-<run id>.<writer>.lock`,
// which lists every scratch file it created. A later run removes a run's files only when it can take that lock itself
// (the agent is gone: killed, crashed) and only the files listed in it (orphans.ts).
import { closeSync, fstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, constants as fsc } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import type { Posix } from '../../native-bindings/posix.js';
import type { AgentState } from './state.js';
import { bootId } from './target.js';

/** First line of every lock file: what makes it coprobe's. */
export const LOCK_MARKER = 'coprobe scratch lock v1';
/** A lock file's name: the run id, the writer id, and (while it is being set up) a temporary suffix. */
export const LOCK_RE = /^\.coprobe-([0-9a-f]{16})\.(\d+)\.lock(?:\.\d+\.new)?$/;

/** The lock an agent holds: its descriptor and path. */
export interface RunLock { fd: number; path: string }

/** Run fn with the agent's libc calls kept out of the transcript (housekeeping, not probe evidence). */
export function quietly<T>(posix: Posix, fn: () => T): T {
  const saved = posix.onCall;
  posix.onCall = undefined;
  try { return fn(); } finally { posix.onCall = saved; }
}

/** Whether this side keeps a run lock: a directory reached through the kernel (flock needs it). */
function locking(st: AgentState): boolean {
  return st.io.name === 'libc' && st.target?.kind === 'dir' && st.scratchDir !== '' && st.runId !== '';
}

/** Before creating scratch file `name`: hold the run lock (taken before its name appears) and list the file in it. */
export function noteScratch(st: AgentState, name: string): void {
  if (!locking(st)) return;
  if (!st.runLock) st.runLock = takeLock(st);
  if (st.runLock) writeSync(st.runLock.fd, `${name}\n`);
}

/** Remove the lock file and release the lock (when the agent has no scratch files left). */
export function releaseRunLock(st: AgentState): void {
  const lock = st.runLock;
  if (!lock) return;
  st.runLock = undefined;
  try { unlinkSync(lock.path); } catch { /* already gone */ }
  try { closeSync(lock.fd); } catch { /* closed */ }
}

/** Create the lock under a temporary name, lock it, write its header, and rename it into place; undefined when it cannot. */
function takeLock(st: AgentState): RunLock | undefined {
  const base = `.coprobe-${st.runId}.${st.writerId}.lock`;
  const path = join(st.scratchDir, base);
  const tmp = `${path}.${process.pid}.new`;
  let fd: number;
  try {
    fd = openSync(tmp, fsc.O_RDWR | fsc.O_CREAT | fsc.O_EXCL | fsc.O_APPEND | fsc.O_NOFOLLOW, 0o600);
  } catch {
    return undefined; // no lock: the files are still removed by this agent; a later run will leave them alone
  }
  const p = st.posix;
  const locked = quietly(p, () => p.flock(fd, p.k.LOCK_EX | p.k.LOCK_NB));
  try {
    if (!locked.ok) throw new Error(locked.errnoName);
    writeSync(fd, `${LOCK_MARKER}\nrun ${st.runId} writer ${st.writerId} host ${hostname()} boot ${bootId()} pid ${process.pid}\n`);
    renameSync(tmp, path);
    return { fd, path };
  } catch {
    try { unlinkSync(tmp); } catch { /* gone */ }
    closeSync(fd);
    return undefined;
  }
}

/** Try to take a lock file's lock: 'free' (now held through fd), 'held' by a live agent, or 'unknown' (no locking here). */
export function tryLock(posix: Posix, fd: number): 'free' | 'held' | 'unknown' {
  const r = quietly(posix, () => posix.flock(fd, posix.k.LOCK_EX | posix.k.LOCK_NB));
  if (r.ok) return 'free';
  return r.errnoName === 'EWOULDBLOCK' || r.errnoName === 'EAGAIN' ? 'held' : 'unknown';
}

/** The scratch file names a lock file lists, or null when it is not a coprobe lock file. */
export function readLock(fd: number): string[] | null {
  const [marker, , ...names] = readFileSync(fd, 'utf8').split('\n');
  return marker === LOCK_MARKER ? names.filter(Boolean) : null;
}

/** Whether path still names the file open as fd (not replaced by a newer lock of a restarted agent). */
export function sameFile(fd: number, path: string): boolean {
  try {
    const a = fstatSync(fd);
    const b = statSync(path);
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}
