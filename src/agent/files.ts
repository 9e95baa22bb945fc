// Handlers that open, close, remove and change files: the agent keeps descriptors open between commands.
import type { Args } from '../protocol/commands.js';
import type { CleanupResult } from '../protocol/results.js';
import { MODE_TRAITS, type IoMode } from '../modes.js';
import { AgentFailure, must } from './failure.js';
import type { AgentState } from './state.js';
import { requireCap } from './capability.js';
import { noteScratch, releaseRunLock } from './run-lock.js';

/** open: open the scratch file (or the device) in a mode, under a handle name. */
export function open(st: AgentState, a: Args<'open'>): { fd: number } {
  if (st.handles.has(a.h)) throw new AgentFailure('EINVALID', `handle "${a.h}" is already open`);
  const path = st.pathFor(a.file);
  const create = a.create && st.requireTarget().kind === 'dir';
  const as = openIdentity(st, a);
  const existed = create && st.io.stat(path).res.ok;
  if (create && !existed && a.file) noteScratch(st, a.file);
  const ro = a.readOnly === true;
  const what = `open ${path} (${a.mode}${ro ? ', read-only' : ''}${as ? `, as uid ${as.uid} gid ${as.gid}` : ''})`;
  const r = must(as ? openAsUser(st, path, a.mode as IoMode, create, as, what, ro) : openMode(st, path, a.mode as IoMode, create, ro), what);
  if (create && !existed) st.created.add(path);
  st.handles.set(a.h, { fd: r.ret, path, mode: a.mode as IoMode, ...(a.file ? { file: a.file } : {}), ...(as ? { as } : {}), ...(ro ? { readOnly: true } : {}) });
  return { fd: r.ret };
}

/** The identity an open asks for (both uid and gid, on a side that can switch), or undefined for the agent's own. */
function openIdentity(st: AgentState, a: Args<'open'>): { uid: number; gid: number } | undefined {
  if (a.uid === undefined && a.gid === undefined) return undefined;
  if (a.uid === undefined || a.gid === undefined) throw new AgentFailure('EINVALID', 'open: uid and gid go together: give both or neither');
  requireCap(st, 'openAs', `open as uid ${a.uid}`);
  return { uid: a.uid, gid: a.gid };
}

/**
 * open(2) with this thread's fsuid/fsgid switched to `as` and restored right after (libc only: the backend's open runs
 * on this thread). A switch the kernel did not make (the agent is not root) is EUIDSWITCH, and nothing is opened.
 */
function openAsUser(st: AgentState, path: string, mode: IoMode, create: boolean, as: { uid: number; gid: number }, what: string, readOnly = false) {
  const r = st.posix.withFsIds(as.uid, as.gid, () => openMode(st, path, mode, create, readOnly));
  if (r.switched) return r.value;
  throw new AgentFailure('EUIDSWITCH', `${what}: could not switch the file-system identity (${r.why}): run the agent as root (CAP_SETUID and CAP_SETGID) to open as another user`);
}

/** Open a path in a mode through the side's backend (O_DIRECT/O_DSYNC for libc; FUA/FILE_SYNC for the userspace ones). */
function openMode(st: AgentState, path: string, mode: IoMode, create: boolean, readOnly = false) {
  const t = MODE_TRAITS[mode];
  return st.io.open({ path, direct: t.direct, dsync: t.dsync, create, ...(readOnly ? { readOnly } : {}) });
}

/** close: close one handle. */
export function close(st: AgentState, a: Args<'close'>): object {
  const h = st.handle(a.h);
  st.handles.delete(a.h);
  must(st.io.close(h.fd), `close ${h.path}`);
  return {};
}

/** reopen: close a handle and open the same path again (optionally in another mode). */
export function reopen(st: AgentState, a: Args<'reopen'>): { fd: number } {
  const h = st.handle(a.h);
  st.handles.delete(a.h);
  must(st.io.close(h.fd), `close ${h.path}`);
  const mode = (a.mode ?? h.mode) as IoMode;
  const what = `reopen ${h.path} (${mode}${h.as ? `, as uid ${h.as.uid} gid ${h.as.gid}` : ''})`;
  const r = must(h.as ? openAsUser(st, h.path, mode, false, h.as, what, h.readOnly) : openMode(st, h.path, mode, false, h.readOnly), what);
  st.handles.set(a.h, { ...h, fd: r.ret, mode });
  return { fd: r.ret };
}

/** closeAll: close every handle (errors are recorded in the transcript, not raised). */
export function closeAll(st: AgentState): { closed: number } {
  const n = st.handles.size;
  for (const h of st.handles.values()) st.io.close(h.fd);
  st.handles.clear();
  return { closed: n };
}

/** cleanup: close everything and remove every scratch file this agent created. */
export function cleanup(st: AgentState): CleanupResult {
  closeAll(st);
  const out: CleanupResult = { removed: [], failed: [] };
  for (const path of st.created) {
    const r = st.io.unlink(path);
    if (r.ok || r.errnoName === 'ENOENT') out.removed.push(path);
    else out.failed.push({ path, errno: r.errnoName });
  }
  st.created.clear();
  releaseRunLock(st);
  return out;
}

/** unlink: remove a scratch file by name (only a directory target has them). */
export function unlink(st: AgentState, a: Args<'unlink'>): object {
  const path = st.pathFor(a.file);
  must(st.io.unlink(path), `unlink ${path}`);
  st.created.delete(path);
  if (st.created.size === 0) releaseRunLock(st);
  return {};
}

/** chmod: change a scratch file's permission bits. */
export function chmod(st: AgentState, a: Args<'chmod'>): object {
  const path = st.pathFor(a.file);
  must(st.io.chmod(path, a.mode), `chmod ${path}`);
  return {};
}

/** truncate: set a handle's file size. */
export function truncate(st: AgentState, a: Args<'truncate'>): object {
  const h = st.handle(a.h);
  must(st.io.ftruncate(h.fd, a.size), `ftruncate ${h.path}`);
  return {};
}

/** stat: statx of an open handle (sizeOnly: mask STATX_SIZE alone; sync: AT_STATX_FORCE_SYNC, ignored without an attribute cache). */
export function stat(st: AgentState, a: Args<'stat'>): object {
  const h = st.handle(a.h);
  const r = st.io.fstat(h.fd, a.sizeOnly, a.sync);
  must(r.res, `stat ${h.path}${a.sync ? ' (forced sync)' : ''}`);
  return a.sizeOnly ? { size: r.stat?.size } : r.stat ?? {};
}

/** statPath: statx of a scratch file by path, as a process that has not opened it would see it. */
export function statPath(st: AgentState, a: Args<'statPath'>): object {
  const path = st.pathFor(a.file);
  const r = st.io.stat(path, a.sizeOnly);
  must(r.res, `stat ${path}`);
  return a.sizeOnly ? { size: r.stat?.size } : r.stat ?? {};
}

/** fchmod: change the mode of an open handle's file. */
export function fchmod(st: AgentState, a: Args<'fchmod'>): object {
  const h = st.handle(a.h);
  must(st.io.fchmod(h.fd, a.mode), `fchmod ${h.path}`);
  return {};
}

/** setDirect: turn O_DIRECT on or off on an open descriptor with fcntl(F_SETFL). */
export function setDirect(st: AgentState, a: Args<'setDirect'>): { flags: number } {
  const h = st.handle(a.h);
  requireCap(st, 'setfl', 'fcntl(F_SETFL)');
  const k = st.posix.k;
  const cur = must(st.posix.getfl(h.fd), `fcntl(F_GETFL) ${h.path}`).ret;
  const flags = a.direct ? cur | k.O_DIRECT : cur & ~k.O_DIRECT;
  must(st.posix.setfl(h.fd, flags), `fcntl(F_SETFL) ${h.path}`);
  return { flags };
}
