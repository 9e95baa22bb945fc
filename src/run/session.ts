// Start both sides' agents, check versions and targets, agree on a block size, and prove the sides share storage.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AgentClient, type Reply } from '../transport/client.js';
import { agentArgv, sshTargetOf, type SideName, type SideSpec } from '../transport/spec.js';
import { deployAgent, describeDeployment } from '../transport/deploy.js';
import { PROTOCOL_VERSION } from '../protocol/messages.js';
import type { HelloResult, ReadSummary, TargetInfo } from '../protocol/results.js';
import { allFresh, describeCounts } from '../blocks/tally.js';
import { MIN_BLOCK } from '../blocks/layout.js';
import { cliEntry, packageVersion } from '../package-info.js';
import { ProtocolError, SetupError, UsageError } from '../errors.js';
import { backendFor, schemeOf } from '../../native-bindings/backends.js';
import { redactUrl } from '../transport/redact.js';
import { explainStartFailure } from '../transport/ssh-errors.js';
import type { ClockOffset } from '../result.js';
import { measureClock } from './clock.js';

/** One side as the coordinator knows it. */
export interface SideSession {
  spec: SideSpec;
  client: AgentClient;
  hello: HelloResult;
  target: TargetInfo;
  writerId: number;
  /** O_DIRECT opens work on this side's target. */
  direct: boolean;
  /** The agent's clock against the coordinator's, measured at connect (undefined: the agent has no `clock` command). */
  clock?: ClockOffset;
}

export interface SessionOptions {
  timeoutMs: number;
  blockSize?: number;
  /** Devices the user named with --destroy-data-on-device. */
  destroy: string[];
  /** argv of the agent on a remote side (ssh, via). */
  remoteAgent: string[];
  /** Where lines about the set-up go (--deploy says what it copied); default: nowhere. */
  print?: (line: string) => void;
}

/** The least time an agent gets to start and answer hello, whatever --timeout says (a loaded host, an ssh login). */
export const HELLO_MIN_MS = 10_000;

export const WRITER_ID: Record<SideName, number> = { a: 1, b: 2 };

/** A fresh run id: 16 hex digits. */
export function newRunId(): string {
  return randomBytes(8).toString('hex');
}

/** Spawn a side's agent, say hello, and init its target; SetupError with the agent's reason on failure. */
export async function startSide(spec: SideSpec, runId: string, o: SessionOptions): Promise<SideSession> {
  const remoteAgent = spec.deploy && spec.transport === 'ssh' ? await deployedAgent(spec, o) : o.remoteAgent;
  const argv = agentArgv(spec, [process.execPath, cliEntry(), 'agent'], remoteAgent);
  const client = new AgentClient(spec.name, argv);
  try {
    // Starting the agent (node, its modules, an ssh login) is not storage I/O: hello gets at least HELLO_MIN_MS.
    const hello = await setupCall<HelloResult>(client, 'hello', {}, Math.max(o.timeoutMs, HELLO_MIN_MS), spec, remoteAgent);
    if (hello.protocol !== PROTOCOL_VERSION) {
      throw new SetupError(`side ${spec.name}: agent speaks protocol ${hello.protocol} (coprobe ${hello.version}), this coordinator ${PROTOCOL_VERSION} (coprobe ${packageVersion()}): install the same version on both hosts${spec.transport === 'local' ? '' : `, or point --agent-command at a coprobe ${packageVersion()} there`}`, 'EVERSION');
    }
    const clock = await measureClock(client, o.timeoutMs).catch((err: Error) => {
      throw new SetupError(`side ${spec.name}: measuring its clock: ${err.message}`, (err as { code?: string }).code ?? 'ESETUP');
    });
    const destroy = namedForDestruction(spec, o.destroy);
    const init = await client.call<TargetInfo>('init', { target: spec.target, runId, writerId: WRITER_ID[spec.name], destroy }, o.timeoutMs).catch((err: Error) => {
      throw new SetupError(`side ${spec.name}: ${err.message}`, (err as { code?: string }).code ?? 'ESETUP');
    });
    if (!init.ok && init.error.code === 'ELIBMISSING') {
      // The library this side needs is not installed: a capability record; every probe is OMIT with the reason.
      return { spec, client, hello, target: unavailableTarget(spec.target, init.error.message), writerId: WRITER_ID[spec.name], direct: false, ...(clock ? { clock } : {}) };
    }
    if (!init.ok) throw new SetupError(`side ${spec.name}: ${init.error.message}`, init.error.code);
    return { spec, client, hello, target: init.result, writerId: WRITER_ID[spec.name], direct: true, ...(clock ? { clock } : {}) };
  } catch (err) {
    client.kill();
    throw err;
  }
}

/** --deploy: the agent copied to (or found intact on) the side's host; the first time, a line says what was done. */
async function deployedAgent(spec: SideSpec, o: SessionOptions): Promise<string[]> {
  const target = sshTargetOf(spec);
  const { deployment, first } = await deployAgent(spec.name, target, Math.max(o.timeoutMs, HELLO_MIN_MS));
  if (first) o.print?.(describeDeployment(spec.name, target, deployment));
  return deployment.agent;
}

/** Whether the user named this side's target with --destroy-data-on-device (paths resolved, URLs compared without secrets). */
export function namedForDestruction(spec: SideSpec, destroy: readonly string[]): boolean {
  if (schemeOf(spec.target)) return destroy.some((d) => redactUrl(d) === redactUrl(spec.target));
  return spec.transport === 'local' ? destroy.map((d) => resolve(d)).includes(resolve(spec.target)) : destroy.includes(spec.target);
}

/** The target of a side whose backend library is missing: what it would have been, and why it cannot run. */
function unavailableTarget(target: string, why: string): TargetInfo {
  const mod = backendFor(target);
  const { kind, stack } = mod.serves ?? { kind: 'device', stack: 'other' };
  return {
    path: redactUrl(target), kind, fsType: (schemeOf(target) ?? '').replace(/:$/, ''), stack, dev: redactUrl(target),
    logicalBlockSize: 512, dioMemAlign: 512, backend: mod.name, unavailable: why,
  };
}

async function setupCall<T>(client: AgentClient, cmd: 'hello' | 'init', args: object, timeoutMs: number, spec: SideSpec, remoteAgent: readonly string[]): Promise<T> {
  let r: Reply<T>;
  try {
    r = await client.call<T>(cmd, args, timeoutMs);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'ESETUP';
    // ssh's own failures (host key, login, connection) and a missing remote agent, each with what to do.
    const explained = explainStartFailure(spec, err as Error, remoteAgent, client.stderrText());
    if (explained) throw new SetupError(explained, code);
    // A protocol error means an agent answered: the question whether coprobe is installed there would mislead.
    const hint = spec.transport === 'local' || err instanceof ProtocolError ? '' : ` (is coprobe installed there? --agent-command names another agent command)`;
    const message = (err as Error).message;
    throw new SetupError(`${message.startsWith(`side ${spec.name}`) ? '' : `side ${spec.name}: `}${message}${hint}`, code);
  }
  if (!r.ok) throw new SetupError(`side ${spec.name}: ${r.error.message}`, r.error.code);
  return r.result;
}

/** The block size both sides use: the larger logical block size, at least 4096, or the user's choice if it is aligned. */
export function agreeBlockSize(a: TargetInfo, b: TargetInfo, wanted?: number): number {
  const need = Math.max(MIN_BLOCK, a.logicalBlockSize, b.logicalBlockSize);
  if (wanted === undefined) return need;
  if ((wanted & (wanted - 1)) !== 0 || wanted % need !== 0) {
    throw new UsageError(`--block-size ${wanted} is unaligned: it must be a power of two and a multiple of ${need} (the sides' O_DIRECT alignment, at least ${MIN_BLOCK})`);
  }
  return wanted;
}

/** Set the block size, find whether O_DIRECT works on each side, and prove b sees what a wrote (else SetupError). */
export async function preflight(sides: Record<SideName, SideSession>, runId: string, blockSize: number, gen: number, timeoutMs: number): Promise<void> {
  if (sides.a.target.unavailable || sides.b.target.unavailable) return; // nothing will run: every probe is OMIT with the reason
  const file = `.coprobe-${runId}-preflight`;
  for (const s of [sides.a, sides.b]) {
    const r = await s.client.call('setBlockSize', { blockSize }, timeoutMs);
    if (!r.ok) throw new SetupError(`side ${s.spec.name}: ${r.error.message}`, r.error.code);
  }
  const fileArg = (s: SideSession) => (s.target.kind === 'dir' ? { file } : {});
  const must = async <T>(s: SideSession, cmd: Parameters<AgentClient['call']>[0], args: object): Promise<T> => {
    const r = await s.client.call<T>(cmd, args, timeoutMs);
    if (!r.ok) throw new SetupError(`side ${s.spec.name}: preflight ${cmd}: ${r.error.message}`, r.error.code);
    return r.result;
  };
  const openDirectOrBuffered = async (s: SideSession, create: boolean) => {
    const r = await s.client.call('open', { h: 'pf', mode: 'none', create, ...fileArg(s) }, timeoutMs);
    if (r.ok) return;
    if (r.error.errnoName !== 'EINVAL') throw new SetupError(`side ${s.spec.name}: ${r.error.message}`, r.error.code);
    s.direct = false;
    await must(s, 'open', { h: 'pf', mode: 'writeback', create, ...fileArg(s) });
  };
  try {
    await openDirectOrBuffered(sides.a, true);
    await must(sides.a, 'write', { h: 'pf', gen, first: 0, count: 1 });
    await must(sides.a, 'fsync', { h: 'pf' });
    await must(sides.a, 'close', { h: 'pf' });
    const bOpen = await sides.b.client.call('open', { h: 'pf', mode: 'none', create: false, ...fileArg(sides.b) }, timeoutMs);
    if (!bOpen.ok && bOpen.error.errnoName === 'ENOENT') {
      throw new SetupError(`side b does not see the file side a created (${bOpen.error.message}): ${sides.a.target.path} and ${sides.b.target.path} are not the same storage`, 'ENOTSHARED');
    }
    if (!bOpen.ok) await openDirectOrBuffered(sides.b, false);
    const seen = await must<ReadSummary>(sides.b, 'read', { h: 'pf', gen, first: 0, count: 1, writerId: sides.a.writerId });
    await must(sides.b, 'close', { h: 'pf' });
    if (!allFresh(seen)) {
      throw new SetupError(`side b does not see the block side a wrote, fsynced and closed (b read ${describeCounts(seen)}): ${sides.a.target.path} and ${sides.b.target.path} are not the same storage`, 'ENOTSHARED');
    }
  } finally {
    for (const s of [sides.a, sides.b]) if (s.client.alive) await s.client.call('cleanup', {}, timeoutMs).catch(() => undefined);
  }
}
