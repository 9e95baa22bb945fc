// The ssh command line for a side: system ssh, never prompting, options from the user's ssh config (or --ssh-config FILE).
import { accessSync, constants, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** What ssh needs to reach one side's host. */
export interface SshTarget {
  host: string;
  user?: string;
  port?: number;
  /** An ssh config file given with --ssh-config (ssh -F FILE); without it ssh reads ~/.ssh/config as usual. */
  sshConfig?: string;
}

let defaultConfig: string | undefined;

/** Set the ssh config file every ssh side uses (the --ssh-config option); UsageError when it cannot be read. */
export function setSshConfig(file: string | undefined): void {
  if (file === undefined) { defaultConfig = undefined; return; }
  const path = resolve(file);
  try {
    if (!statSync(path).isFile()) throw new Error('not a regular file');
    accessSync(path, constants.R_OK);
  } catch (err) {
    throw new UsageError(`--ssh-config ${file}: cannot read it (${(err as Error).message.replace(/^[A-Z]+: /, '')})`);
  }
  defaultConfig = path;
}

/** Quote one word for a POSIX shell: ssh hands the remote command to the remote user's shell as one string. */
export function shellQuote(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** The ssh options coprobe always sets: no tty, and BatchMode (an unknown host key or a password prompt fails instead of asking). */
function fixedOptions(config: string | undefined): string[] {
  return ['-T', '-o', 'BatchMode=yes', ...(config ? ['-F', config] : [])];
}

/**
 * argv running `words` on the host through ssh. Each word is shell-quoted (the remote shell splits the command line
 * ssh sends); the destination comes after `--`, so a host name can never be read as an ssh option.
 */
export function sshArgv(t: SshTarget, words: readonly string[]): string[] {
  const config = t.sshConfig ?? defaultConfig;
  return [
    'ssh', ...fixedOptions(config), ...(t.port ? ['-p', String(t.port)] : []), ...(t.user ? ['-l', t.user] : []),
    '--', t.host, ...words.map(shellQuote),
  ];
}

/** How the user would open this connection by hand (for messages): `ssh [-F FILE] [-p PORT] [user@]host`. */
export function sshByHand(t: SshTarget): string {
  const config = t.sshConfig ?? defaultConfig;
  return ['ssh', ...(config ? ['-F', shellQuote(config)] : []), ...(t.port ? ['-p', String(t.port)] : []), `${t.user ? `${t.user}@` : ''}${t.host}`].join(' ');
}

/** Whether a --via prefix runs ssh (its errors are then read as ssh's). */
export function isSshPrefix(argv: readonly string[]): boolean {
  return argv.length > 0 && basename(argv[0]!) === 'ssh';
}

/** A --via prefix that runs ssh gets BatchMode=yes right after the program name, unless it sets BatchMode itself. */
export function withBatchMode(argv: readonly string[]): string[] {
  if (!isSshPrefix(argv) || argv.some((w) => /batchmode/i.test(w))) return [...argv];
  return [argv[0]!, '-o', 'BatchMode=yes', ...argv.slice(1)];
}
