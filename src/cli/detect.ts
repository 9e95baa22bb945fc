// `coprobe detect PATH...`: one agent per path describes its storage stack; then the confounders between each pair.
import { BACKENDS } from '../../native-bindings/backends.js';
import { redactUrl } from '../transport/redact.js';
import { AgentClient } from '../transport/client.js';
import { agentArgv, parseSide, type SideSpec } from '../transport/spec.js';
import { HungError } from '../errors.js';
import { cliEntry } from '../package-info.js';
import type { HelloResult } from '../protocol/results.js';
import type { Confounder, DetectResult } from '../detect/types.js';
import { renderDetect } from '../detect/render.js';
import { userspaceUri, type UserspaceUri } from '../detect/uri.js';
import { confounders, type ConfounderSide } from '../run/confounders.js';

/** Options of `coprobe detect`; agentArgv and remoteAgent are optional (tests, --agent-command). */
export interface DetectOptions {
  json: boolean;
  /** How long an agent may take for one command before its path is HUNG. */
  timeoutMs: number;
  /** argv of the local agent (default: this coprobe's `agent`); tests substitute one. */
  agentArgv?: string[];
  /** argv of the agent on ssh:// paths (default: coprobe agent). */
  remoteAgent?: string[];
}

/** What became of one path. */
export type PathReport =
  | { arg: string; status: 'ok' | 'missing'; host: HelloResult; result: DetectResult }
  | { arg: string; status: 'hung' | 'lost' | 'error'; message: string; code?: string }
  | { arg: string; status: 'uri'; uri: UserspaceUri };

/** The confounders between two detected paths (a = the earlier argument). */
export interface PairReport { a: string; b: string; confounders: Confounder[] }

async function detectOne(arg: string, o: DetectOptions): Promise<PathReport> {
  const uri = userspaceUri(arg);
  if (uri) return { arg: redactUrl(arg), status: 'uri', uri };
  let spec: SideSpec;
  try {
    spec = arg.startsWith('ssh://') ? parseSide('a', arg) : { name: 'a', transport: 'local', target: arg };
  } catch (err) {
    return { arg, status: 'error', message: (err as Error).message, code: 'EUSAGE' };
  }
  const argv = agentArgv(spec, o.agentArgv ?? [process.execPath, cliEntry(), 'agent'], o.remoteAgent ?? ['coprobe', 'agent']);
  const client = new AgentClient(arg, argv);
  try {
    const hello = await client.call<HelloResult>('hello', {}, o.timeoutMs);
    if (!hello.ok) return { arg, status: 'error', message: hello.error.message, code: hello.error.code };
    const r = await client.call<DetectResult>('detect', { target: spec.target }, o.timeoutMs);
    if (!r.ok) return { arg, status: 'error', message: r.error.message, code: r.error.code };
    return { arg, status: r.result.kind === 'missing' ? 'missing' : 'ok', host: hello.result, result: r.result };
  } catch (err) {
    if (err instanceof HungError) return { arg, status: 'hung', message: `no answer within ${o.timeoutMs} ms to "${err.cmd}" (the storage may be hung; raise --timeout if it is only slow): the agent was killed` };
    return { arg, status: 'lost', message: (err as Error).message };
  } finally {
    // An agent stuck in uninterruptible I/O may never exit: kill it and do not wait for it.
    if (client.alive) await client.close(2000); else client.kill();
  }
}

/** The confounders between every pair of paths that were detected as a directory or a device. */
export function pairConfounders(reports: PathReport[]): PairReport[] {
  const sides: ConfounderSide[] = [];
  for (const r of reports) {
    if (r.status !== 'ok' || (r.result.kind !== 'dir' && r.result.kind !== 'device')) continue;
    const t = r.result;
    sides.push({ arg: r.arg, host: r.host, target: { kind: t.kind as 'dir' | 'device', stack: t.stack, dev: t.dev, details: t.details } });
  }
  const out: PairReport[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) out.push({ a: sides[i]!.arg, b: sides[j]!.arg, confounders: confounders(sides[i]!, sides[j]!) });
  }
  return out;
}

/** The text lines for the reports and pairs. */
export function renderDetectReport(reports: PathReport[], pairs: PairReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    switch (r.status) {
      case 'ok':
      case 'missing':
        lines.push(...renderDetect(r.arg, r.result, `host ${r.host.hostname}, kernel ${r.host.kernel}`));
        break;
      case 'uri':
        const served = [...BACKENDS.values()].find((m) => m.schemes.includes(`${r.uri.scheme}:`));
        lines.push(served
          ? `${r.arg}: userspace URI served by the ${r.uri.driver}: no kernel mount or device to inspect; \`coprobe run\` reaches it through ${served.name}, as QEMU does (give it as a side); for the kernel path instead: ${r.uri.instead.replace(/^.*for the kernel path, /, '')}`
          : `${r.arg}: userspace URI served by the ${r.uri.driver}: its I/O does not pass through a kernel coprobe can open, so coprobe cannot test it; ${r.uri.instead}`);
        break;
      case 'hung':
        lines.push(`${r.arg}: HUNG: ${r.message}`);
        break;
      case 'lost':
        lines.push(`${r.arg}: LOST: ${r.message}`);
        break;
      case 'error':
        lines.push(`${r.arg}: cannot be examined: ${r.message}`);
        break;
    }
  }
  for (const p of pairs) {
    lines.push('', `confounders with a = ${p.a}, b = ${p.b}:`);
    if (p.confounders.length === 0) lines.push('  none found');
    for (const c of p.confounders) lines.push(`  ${c.severity.toUpperCase()} ${c.code}: ${c.message}`);
  }
  return lines;
}

/**
 * Describe each path's storage stack (one agent per path, in parallel) and the confounders between each pair.
 * Exit code: 2 when a path does not exist or cannot be examined, 1 when a path's agent hung or went away, else 0.
 */
export async function detectCommand(paths: string[], o: DetectOptions): Promise<{ lines: string[]; exitCode: number }> {
  const reports = await Promise.all(paths.map((p) => detectOne(p, o)));
  const pairs = pairConfounders(reports);
  const exitCode = reports.some((r) => r.status === 'missing' || r.status === 'error') ? 2
    : reports.some((r) => r.status === 'hung' || r.status === 'lost') ? 1 : 0;
  const lines = o.json ? [JSON.stringify({ paths: reports, pairs }, null, 2)] : renderDetectReport(reports, pairs);
  return { lines, exitCode };
}
