// init for a storage URL (iscsi://, nfs://): connect the userspace backend that serves it and describe the target.
import type { Args } from '../protocol/commands.js';
import type { TargetInfo } from '../protocol/results.js';
import { BackendError } from '../../native-bindings/backend.js';
import { backendFor } from '../../native-bindings/backends.js';
import { builtinSignature } from './signature.js';
import { AgentFailure } from './failure.js';
import type { AgentState } from './state.js';

/** Seconds a userspace library call may wait on the network; the coordinator's own timeout kills a stuck agent sooner. */
export const LIBRARY_TIMEOUT_SEC = 30;

/** Connect the backend for a URL target; a LUN is written only when it is blank to coprobe or the user named it destructively. */
export function connectTarget(st: AgentState, a: Args<'init'>): TargetInfo {
  let connected;
  let mod;
  try {
    mod = backendFor(a.target);
    connected = mod.connect(a.target, { timeoutSec: LIBRARY_TIMEOUT_SEC, env: process.env });
  } catch (err) {
    if (err instanceof BackendError) throw new AgentFailure(err.code, err.message);
    throw err;
  }
  const { backend, target } = connected;
  st.useBackend(backend);
  st.scratchDir = typeof target.facts.dir === 'string' ? target.facts.dir : '/';
  const info: TargetInfo = {
    path: target.path, kind: target.kind, fsType: target.fsType, stack: mod.serves?.stack ?? 'other', dev: target.path,
    logicalBlockSize: target.logicalBlockSize, dioMemAlign: 512, ...(target.deviceSize !== undefined ? { deviceSize: target.deviceSize } : {}),
    backend: backend.name, caps: backend.caps, userspace: { description: target.description, facts: target.facts },
    ...(target.cluster ? { details: { notes: [], cluster: target.cluster } } : {}),
  };
  if (target.kind === 'device') guardLun(st, info, a.destroy);
  return info;
}

/** Refuse a LUN carrying a filesystem or partition signature unless the user passed --destroy-data-on-device with its URL. */
function guardLun(st: AgentState, info: TargetInfo, destroy: boolean): void {
  const signature = readSignature(st, info);
  if (signature) info.signature = signature;
  if (destroy) return;
  const found = signature ? `it carries a signature (${signature}); ` : '';
  throw new AgentFailure('EDESTROY', `${info.path} is a LUN: ${found}coprobe overwrites its first blocks; pass --destroy-data-on-device ${info.path} if that is what you want`);
}

/** The signature in the LUN's first 68 KiB (read through the backend), or null. */
function readSignature(st: AgentState, info: TargetInfo): string | null {
  const bytes = Math.min(68 * 1024, info.deviceSize ?? 68 * 1024);
  const len = bytes - (bytes % info.logicalBlockSize);
  const open = st.io.open({ path: info.path, direct: false, dsync: false, create: false });
  if (!open.ok) throw new AgentFailure(open.errnoName || 'EIO', `${info.path}: cannot open the LUN to check it is blank: ${open.detail ?? open.errnoName}`);
  try {
    const { buf } = st.chunk();
    const r = st.io.pread(open.ret, buf.ptr, len, 0);
    if (!r.ok) throw new AgentFailure(r.errnoName || 'EIO', `${info.path}: cannot read the LUN's head to check it is blank: ${r.detail ?? r.errnoName}`);
    return builtinSignature(buf.bytes.subarray(0, r.ret));
  } finally {
    st.io.close(open.ret);
  }
}
