// The dispatch table: one handler per protocol command, nothing else can be run.
import { hostname, release, arch } from 'node:os';
import type { Args, CommandName } from '../protocol/commands.js';
import { PROTOCOL_VERSION } from '../protocol/messages.js';
import type { HelloResult } from '../protocol/results.js';
import { packageVersion } from '../package-info.js';
import { MIN_BLOCK } from '../blocks/layout.js';
import { AgentFailure } from './failure.js';
import type { AgentState } from './state.js';
import { bootId, inspectTarget, netnsOf } from './target.js';
import { detect as detectHandler, mountstats as mountstatsHandler } from '../detect/handlers.js';
import * as files from './files.js';
import { unavailableBackends } from '../../native-bindings/backends.js';
import * as io from './io.js';
import * as cache from './cache.js';
import * as work from './workload.js';
import { nowUs } from '../../native-bindings/clock.js';

type Handler<K extends CommandName> = (st: AgentState, a: Args<K>) => unknown;

function hello(st: AgentState): HelloResult {
  const unavailable: Record<string, string> = {};
  for (const [name, c] of Object.entries(st.posix.capabilities)) if (!c.available) unavailable[name] = c.reason ?? 'unknown';
  Object.assign(unavailable, unavailableBackends());
  return {
    protocol: PROTOCOL_VERSION, version: packageVersion(), pid: process.pid, hostname: hostname(), bootId: bootId(), ...netnsOf(),
    kernel: release(), arch: arch(), node: process.version, unavailable,
  };
}

function init(st: AgentState, a: Args<'init'>): unknown {
  if (st.handles.size) throw new AgentFailure('EINVALID', 'init with handles open: close them first');
  st.target = inspectTarget(st, a);
  st.runId = a.runId;
  st.writerId = a.writerId;
  st.blockSize = Math.max(MIN_BLOCK, st.target.logicalBlockSize);
  return st.target;
}

function setBlockSize(st: AgentState, a: Args<'setBlockSize'>): object {
  const t = st.requireTarget();
  const bs = a.blockSize;
  if ((bs & (bs - 1)) !== 0 || bs < MIN_BLOCK || bs % t.logicalBlockSize !== 0) {
    throw new AgentFailure('EALIGN', `block size ${bs} is not a power of two ≥ ${MIN_BLOCK} and a multiple of ${t.path}'s logical block size ${t.logicalBlockSize}`);
  }
  st.blockSize = bs;
  return { blockSize: bs };
}

export const HANDLERS: { [K in CommandName]: Handler<K> } = {
  hello, init, setBlockSize,
  detect: detectHandler,
  mountstats: mountstatsHandler,
  ping: () => ({}),
  clock: () => ({ wallUs: nowUs() }),
  open: files.open, reopen: files.reopen, close: files.close, closeAll: files.closeAll, cleanup: files.cleanup,
  unlink: files.unlink, chmod: files.chmod, truncate: files.truncate, stat: files.stat, setDirect: files.setDirect,
  statPath: files.statPath, fchmod: files.fchmod, workload: work.workload, verify: work.verify,
  write: io.write, read: io.read, poll: io.poll,
  fsync: cache.fsync, fdatasync: cache.fdatasync, fadvise: cache.fadvise, lock: cache.lock, flock: cache.flock,
  residency: cache.residency, blkflsbuf: cache.blkflsbuf, invalidate: cache.invalidate,
};
