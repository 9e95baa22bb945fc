// The agent's lock file: while it has scratch files in a directory it keeps `.coprobe-<run id>.<writer>.lock` there,
// naming its kernel (boot id), pid namespace, pid and process start time and listing every scratch file it created.
// A later run removes those files only when that process is provably gone (orphans.ts). No flock: on NFS that would
// be lock traffic on the storage under test, and a lock call can block when the server's lock manager is unreachable.
import { closeSync, fstatSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync, constants as fsc } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import type { AgentState } from './state.js';
import { bootId } from './target.js';

/** First line of every lock file: what makes it coprobe's. */
export const LOCK_MARKER = 'coprobe scratch lock v1';
/** A lock file's name: the run id and the writer id. */
export const LOCK_RE = /^\.coprobe-([0-9a-f]{16})\.(\d+)\.lock$/;

/** The lock file an agent keeps: its descriptor (appended to) and path. */
export interface RunLock { fd: number; path: string }

/** Who keeps a lock file: enough to tell, on the same kernel, whether that process still runs. */
export interface LockOwner { host: string; boot: string; pidns: string; pid: number; start: string }

/** Whether this side keeps a lock file: a directory reached through the kernel (a libnfs export is not swept). */
function locking(st: AgentState): boolean {
  return st.io.name === 'libc' && st.target?.kind === 'dir' && st.scratchDir !== '' && st.runId !== '';
}

/** Before creating scratch file `name`: make sure the lock file exists (it appears complete, by rename) and list the file in it. */
export function noteScratch(st: AgentState, name: string): void {
  if (!locking(st)) return;
  if (!st.runLock) st.runLock = createLock(st);
  // Best effort (ENOSPC, EIO): a file the lock file does not list is never swept, which is the safe side.
  if (st.runLock) try { writeSync(st.runLock.fd, `${name}\n`); } catch { /* not listed */ }
}

/** Remove the lock file (when the agent has no scratch files left). */
export function releaseRunLock(st: AgentState): void {
  const lock = st.runLock;
  if (!lock) return;
  st.runLock = undefined;
  try { if (sameFile(lock.fd, lock.path)) unlinkSync(lock.path); } catch { /* already gone */ }
  try { closeSync(lock.fd); } catch { /* closed */ }
}

/** This process as a lock file names it. */
export function self(): LockOwner {
  return { host: hostname(), boot: bootId(), pidns: pidNamespace('self'), pid: process.pid, start: startTime('self') };
}

/** Write the lock file under a temporary name and rename it into place; undefined when the directory refuses. */
function createLock(st: AgentState): RunLock | undefined {
  const path = join(st.scratchDir, `.coprobe-${st.runId}.${st.writerId}.lock`);
  const tmp = `${path}.${process.pid}.new`;
  let fd: number;
  try {
    fd = openSync(tmp, fsc.O_RDWR | fsc.O_CREAT | fsc.O_EXCL | fsc.O_APPEND | fsc.O_NOFOLLOW, 0o600);
  } catch {
    return undefined; // no lock file: this agent still removes its files; a later run leaves them alone
  }
  try {
    const o = self();
    writeSync(fd, `${LOCK_MARKER}\nrun ${st.runId} writer ${st.writerId} host ${o.host} boot ${o.boot} pidns ${o.pidns} pid ${o.pid} start ${o.start}\n`);
    renameSync(tmp, path);
    return { fd, path };
  } catch {
    try { unlinkSync(tmp); } catch { /* gone */ }
    closeSync(fd);
    return undefined;
  }
}

/** A lock file's owner and the scratch files it lists, or null when it is not a coprobe lock file. */
export function readLock(text: string): { owner: LockOwner; names: string[] } | null {
  const [marker, header = '', ...names] = text.split('\n');
  if (marker !== LOCK_MARKER) return null;
  const m = /^run [0-9a-f]{16} writer \d+ host (\S+) boot (\S+) pidns (\S+) pid (\d+) start (\S+)$/.exec(header);
  if (!m) return null;
  return { owner: { host: m[1]!, boot: m[2]!, pidns: m[3]!, pid: Number(m[4]), start: m[5]! }, names: names.filter(Boolean) };
}

/** Whether a lock file's owner still runs: 'gone' only when that is certain (same kernel, same pid namespace). */
export function ownerState(owner: LockOwner, me: LockOwner = self()): 'alive' | 'gone' | 'unknown' {
  if (owner.boot !== me.boot || owner.boot === 'unknown') return 'unknown';
  if (owner.pidns !== me.pidns || owner.pidns === 'unknown') return 'unknown';
  if (me.start === '' || owner.start === '') return 'unknown'; // no /proc to tell by
  if (owner.pid === me.pid) return 'alive';
  const start = startTime(String(owner.pid));
  return start !== '' && start === owner.start ? 'alive' : 'gone';
}

/** Whether path still names the file open as fd (not replaced since). */
export function sameFile(fd: number, path: string): boolean {
  try {
    const a = fstatSync(fd);
    const b = statSync(path);
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/** A process's start time in clock ticks since boot (/proc/PID/stat field 22), or "" when it does not run (none, or a zombie). */
function startTime(pid: string): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' || fields[0] === 'X' ? '' : fields[19] ?? '';
  } catch {
    return '';
  }
}

/** The pid namespace of a process ("pid:[4026531836]"), or "unknown". */
function pidNamespace(pid: string): string {
  try { return readlinkSync(`/proc/${pid}/ns/pid`); } catch { return 'unknown'; }
}
