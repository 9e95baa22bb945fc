// Read why a remote agent did not start (ssh's own messages, the remote shell's) and say what the user can do about it.
import { HungError, LostError } from '../errors.js';
import { packageVersion } from '../package-info.js';
import type { SideSpec } from './spec.js';
import { isSshPrefix, shellQuote, sshByHand } from './ssh.js';

/** Whether this side's agent is reached through ssh (an ssh:// side, or a --via prefix that runs ssh). */
export function throughSsh(spec: SideSpec): boolean {
  return spec.transport === 'ssh' || (spec.transport === 'via' && isSshPrefix(spec.via ?? []));
}

/** The host a side's ssh connects to, for messages. */
function hostOf(spec: SideSpec): string {
  if (spec.transport === 'ssh') return `${spec.user ? `${spec.user}@` : ''}${spec.host}${spec.port ? ` port ${spec.port}` : ''}`;
  return `the host of --via-${spec.name}`;
}

/** How to open the connection by hand, for messages. */
function byHand(spec: SideSpec): string {
  if (spec.transport === 'ssh') {
    return sshByHand({ host: spec.host!, ...(spec.user ? { user: spec.user } : {}), ...(spec.port ? { port: spec.port } : {}), ...(spec.sshConfig ? { sshConfig: spec.sshConfig } : {}) });
  }
  return (spec.via ?? []).map(shellQuote).join(' ');
}

/** The program the remote shell could not find, from bash's, dash's or zsh's "not found" line; undefined if none. */
export function missingCommand(stderr: string): string | undefined {
  // bash: "bash: line 1: X: command not found"; dash: "sh: 1: X: not found"; zsh: "zsh:1: command not found: X".
  const m = /command not found: (\S+)/.exec(stderr) ?? /([^\s:|'"]+): (?:command )?not found/.exec(stderr);
  return m?.[1];
}

/**
 * The message for an agent that could not be started or did not say hello, with what to do; undefined when ssh is not
 * involved or nothing is recognised (the caller keeps its own message).
 */
export function explainStartFailure(spec: SideSpec, err: Error, remoteAgent: readonly string[], stderr?: string): string | undefined {
  if (!throughSsh(spec)) return undefined;
  const side = `side ${spec.name}`;
  const agent = remoteAgent.map(shellQuote).join(' ');
  const text = stderr ?? (err instanceof LostError ? err.stderrTail : '');
  /** The stderr lines that match re, quoted for the message (at most 3). */
  const lines = (re: RegExp) => {
    const hit = text.split('\n').map((l) => l.trim()).filter((l) => re.test(l)).slice(0, 3).join(' | ');
    return hit ? ` (${hit})` : '';
  };
  if (err instanceof HungError) {
    return `${side}: no answer to "${err.cmd}" within ${err.timeoutMs} ms from ${hostOf(spec)}: ssh may still be connecting (is the host reachable? ConnectTimeout in the ssh config bounds the wait), or the agent (${agent}) is stuck starting`;
  }
  if (!(err instanceof LostError)) return undefined;
  const said = text;
  const quoted = err.stderrTail ? ` (${err.stderrTail})` : '';
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed|Offending \S+ key/i.test(said)) {
    return `${side}: the host key of ${hostOf(spec)} has CHANGED since it was recorded in known_hosts${lines(/IDENTIFICATION HAS CHANGED|has changed|Offending|Host key verification failed/i)}: this may be an attack or a reinstalled host; coprobe does not connect. Find out why with the host's administrator; if the new key is genuine, remove the old one (ssh-keygen -R HOST) and connect once by hand: ${byHand(spec)}`;
  }
  if (/Host key verification failed|host key is known for|authenticity of host/i.test(said)) {
    return `${side}: ssh does not know the host key of ${hostOf(spec)}${lines(/host key|Host key verification failed|authenticity/i)}. coprobe never accepts a host key by itself (ssh runs with BatchMode=yes). Check the key's fingerprint with the host's administrator, then accept it once by hand (${byHand(spec)}), or put it in the known_hosts file your ssh config names (UserKnownHostsFile), and run coprobe again`;
  }
  if (/Permission denied \(/.test(said)) {
    return `${side}: ssh could not log in to ${hostOf(spec)} without asking${lines(/Permission denied/)}: coprobe runs ssh with BatchMode=yes (no password or passphrase prompt). Load a key into ssh-agent, or name one with IdentityFile in your ssh config (or --ssh-config FILE), and check that ${byHand(spec)} logs in without a prompt`;
  }
  if (/Could not resolve hostname|Connection refused|Connection timed out|No route to host|Network is unreachable|Connection closed by|Connection reset/i.test(said) && /exit code 255/.test(err.exit)) {
    return `${side}: ssh could not connect to ${hostOf(spec)}${lines(/resolve hostname|Connection|No route|unreachable/i) || quoted}`;
  }
  const missing = missingCommand(said);
  if (missing || /exit code 127/.test(err.exit)) {
    const what = missing ?? remoteAgent[0] ?? 'coprobe';
    const node = what === 'node' || what === 'nodejs' ? ` Node.js ≥ 18.19 is not installed there (or not on the PATH of a non-interactive ssh login): install the distribution's nodejs.` : '';
    return `${side}: the agent command (${agent}) could not be run on ${hostOf(spec)}: "${what}" was not found${lines(/not found/) || quoted}.${node} Install coprobe ${packageVersion()} on that host (a checkout of this version with npm install; put its bin/coprobe.js on the PATH), or point --agent-command at one, e.g. --agent-command 'node /path/to/coprobe/bin/coprobe.js agent'${spec.transport === 'ssh' ? `, or let coprobe copy itself there with --deploy (needs only the host's node)` : ''}`;
  }
  if (/Cannot find module|ERR_MODULE_NOT_FOUND/.test(said)) {
    return `${side}: the agent command (${agent}) failed on ${hostOf(spec)}: a module is missing${lines(/Cannot find module|ERR_MODULE_NOT_FOUND/)}. Point --agent-command at a built coprobe checkout (npm install builds dist/) of version ${packageVersion()}`;
  }
  return undefined;
}
