// Keep secrets out of reports, logs and messages: a storage URL's password is replaced before anything prints it.

/** The URL with any password replaced by "***" (iscsi://user%password@host, user:password@host, rbd://…?key=…); other text unchanged. */
export function redactUrl(s: string): string {
  // A Ceph key in an rbd:// URL's query (key=…): the secret itself, never printed.
  s = s.replace(/([?&]key=)[^&\s]*/gi, (_m, k: string) => `${k}***`);
  const m = /^([a-z][a-z0-9+.-]*:\/\/)/i.exec(s);
  const at = s.lastIndexOf('@');
  if (!m || at < m[1]!.length) return s;
  // The credentials run to the last "@": a password may itself hold "@" or "/" (libiscsi splits there too).
  const cred = s.slice(m[1]!.length, at);
  const sep = cred.search(/[%:]/);
  return sep < 0 ? s : `${m[1]}${cred.slice(0, sep + 1)}***${s.slice(at)}`;
}

/** Every argument of a command line with storage URL passwords redacted (the run record keeps argv). */
export function redactArgv(argv: readonly string[]): string[] {
  return argv.map((a) => (a.includes('://') ? a.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, (u) => redactUrl(u)) : a));
}

/** A command's arguments with the target URL's password redacted, for transcript entries. */
export function redactArgs(args: Record<string, unknown>): Record<string, unknown> {
  return typeof args.target === 'string' ? { ...args, target: redactUrl(args.target) } : args;
}
