// Parse a side argument: a local path, ssh://[user@]host[:port]/path, or a local path carried by a --via prefix.
import { UsageError } from '../errors.js';
import { BACKENDS, schemeOf } from '../../native-bindings/backends.js';
import { redactUrl } from './redact.js';
import { sshArgv, withBatchMode, type SshTarget } from './ssh.js';

export type SideName = 'a' | 'b';

/** How to reach one side and what its target is. */
export interface SideSpec {
  name: SideName;
  transport: 'local' | 'ssh' | 'via';
  /** Path of the target on that side's host (directory or block device). */
  target: string;
  host?: string;
  user?: string;
  port?: number;
  /** ssh config file for this side (ssh -F); default: --ssh-config, else ssh's own (~/.ssh/config). */
  sshConfig?: string;
  /** Command prefix (argv) that carries the agent, for transport 'via'. */
  via?: string[];
  /** --deploy: copy this coprobe to the ssh side's host and run the agent from the copy (transport 'ssh' only). */
  deploy?: boolean;
}

/** Parse one side argument. */
export function parseSide(name: SideName, arg: string, via?: string): SideSpec {
  if (arg.startsWith('ssh://')) {
    if (via) throw new UsageError(`side ${name}: --via-${name} and an ssh:// side cannot be combined`);
    let url: URL;
    try {
      url = new URL(arg);
    } catch {
      throw new UsageError(`side ${name}: "${arg}" is not a valid ssh:// URL (ssh://[user@]host[:port]/path)`);
    }
    if (url.search || url.hash) {
      // A "?" or "#" would silently cut the path short: the rest is not a query or a fragment here but part of the name.
      throw new UsageError(`side ${name}: "${arg}": "?" and "#" in an ssh:// path must be written %3F and %23`);
    }
    const target = decodeURIComponent(url.pathname);
    if (!url.hostname || target === '/' || target === '') {
      throw new UsageError(`side ${name}: "${arg}" needs a host and a path: ssh://[user@]host[:port]/path`);
    }
    if (url.hostname.startsWith('-')) throw new UsageError(`side ${name}: "${arg}": a host name cannot begin with "-"`);
    return {
      name, transport: 'ssh', target, host: url.hostname,
      ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
      ...(url.port ? { port: Number(url.port) } : {}),
    };
  }
  const scheme = schemeOf(arg);
  if (scheme !== undefined) {
    const served = [...BACKENDS.values()].flatMap((m) => m.schemes);
    if (!served.includes(scheme)) {
      throw new UsageError(`side ${name}: "${redactUrl(arg)}": unsupported URL scheme (give a path, ssh://host/path, or ${served.map((s) => `${s}//…`).join(', ')})`);
    }
    // A storage URL is reached by a userspace library in the agent; the agent runs locally or through --via.
    if (via !== undefined) return { name, transport: 'via', target: arg, via: splitWords(via, `--via-${name}`) };
    return { name, transport: 'local', target: arg };
  }
  if (arg === '') throw new UsageError(`side ${name}: empty path`);
  if (via !== undefined) return { name, transport: 'via', target: arg, via: splitWords(via, `--via-${name}`) };
  return { name, transport: 'local', target: arg };
}

/** Split a command prefix into argv: whitespace separates, single and double quotes group, no other shell syntax. */
export function splitWords(s: string, what: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
    }
  }
  if (quote) throw new UsageError(`${what}: unbalanced ${quote} in "${s}"`);
  if (has || cur) out.push(cur);
  if (out.length === 0) throw new UsageError(`${what}: empty command`);
  return out;
}

/** The argv that starts a side's agent: local node, ssh, or the via prefix followed by the agent command. */
export function agentArgv(spec: SideSpec, localAgent: string[], remoteAgent: string[]): string[] {
  switch (spec.transport) {
    case 'local':
      return localAgent;
    case 'via':
      return [...withBatchMode(spec.via ?? []), ...remoteAgent];
    case 'ssh':
      // BatchMode: never prompt (an unknown host key or a password prompt fails with ssh's message instead).
      // The target is not on this command line: it reaches the agent as data, in the JSON of its init command.
      return sshArgv(sshTargetOf(spec), remoteAgent);
  }
}

/** What ssh needs from an ssh side's spec. */
export function sshTargetOf(spec: SideSpec): SshTarget {
  return { host: spec.host!, ...(spec.user ? { user: spec.user } : {}), ...(spec.port ? { port: spec.port } : {}), ...(spec.sshConfig ? { sshConfig: spec.sshConfig } : {}) };
}

/** The argv that runs a program (qemu-io, qemu-img) on a side's host, the same way its agent is reached. */
export function sideCommandArgv(spec: SideSpec, argv: string[]): string[] {
  switch (spec.transport) {
    case 'local':
      return argv;
    case 'via':
      return [...withBatchMode(spec.via ?? []), ...argv];
    case 'ssh':
      return sshArgv(sshTargetOf(spec), argv);
  }
}
