// Paths reach the remote agent as data, in the JSON of its init command, never on a remote shell's command line:
// a directory named with spaces, quotes, $(), backticks, ; && > and a newline works through ssh, and nothing runs.
import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsHosts, noNetnsReason, type NetnsHosts } from './fixtures/netns-hosts.js';
import { REMOTE_AGENT, runCliReport } from './fixtures/ssh-run.js';

const noNetns = noNetnsReason();
let hosts: NetnsHosts | undefined;
let parent = '';
t.before(async () => {
  if (noNetns) return;
  hosts = await netnsHosts();
  parent = mkdtempSync(join(tmpdir(), 'coprobe-ssh-paths-'));
});
t.teardown(() => { hosts?.teardown(); if (parent) rmSync(parent, { recursive: true, force: true }); });

const mark = (n: number) => `coprobe-pwned-${process.pid}-${n}`;
/** A directory name that runs five commands if any shell ever reads it as code. */
const NAME = `a b 'single' "double" $(touch ${mark(1)}) \`touch ${mark(2)}\` ;touch ${mark(3)} && touch ${mark(4)} > ${mark(5)}\ny`;

/** Every place a command run by mistake would have left its file: the remote login's home, /, the coordinator's cwd, the dirs. */
function marks(): string[] {
  const places = ['/root', '/', process.cwd(), tmpdir(), parent, join(parent, NAME), hosts!.dir];
  return places.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((n) => n.startsWith(`coprobe-pwned-${process.pid}-`)).map((n) => join(d, n)) : []));
}

t.test('an ssh:// URL with the name percent-encoded', { skip: noNetns, timeout: 90_000 }, async (t) => {
  const h = hosts!;
  const dir = join(parent, NAME);
  mkdirSync(dir);
  const url = (alias: string) => `ssh://${alias}${dir.split('/').map(encodeURIComponent).join('/')}`;
  const r = await runCliReport([url(h.hosts.a.alias), url(h.hosts.b.alias), '--ssh-config', h.sshConfig, '--agent-command', REMOTE_AGENT, '--probes', 'CTO1,BOTH1', '--modes', 'none,writeback']);
  t.comment(`ssh:// URL: exit ${r.code} after ${r.ms} ms; ${r.probes.map((p) => `${p.probe} ${p.variant.a} ${p.outcome}`).join(', ')}`);
  t.equal(r.code, 0, r.stderr);
  t.equal(r.run!.sides.a.target.path, dir, 'the agent got the path exactly, newline and all');
  t.equal(r.run!.sides.b.target.path, dir);
  t.ok(r.probes.every((p) => p.outcome === 'PASS'), 'every probe ran');
  t.same(marks(), [], 'nothing was executed');
  t.same(readdirSync(dir), [], 'no scratch file left');
});

t.test('a --via ssh prefix with the raw path', { skip: noNetns, timeout: 90_000 }, async (t) => {
  const h = hosts!;
  const dir = join(parent, NAME);
  if (!existsSync(dir)) mkdirSync(dir);
  const r = await runCliReport([dir, dir, '--via-a', `ssh -F ${h.sshConfig} ${h.hosts.a.alias}`, '--via-b', `ssh -F ${h.sshConfig} ${h.hosts.b.alias}`,
    '--agent-command', REMOTE_AGENT, '--probes', 'CTO1', '--modes', 'none']);
  t.comment(`--via ssh: exit ${r.code} after ${r.ms} ms; ${r.probes.map((p) => `${p.probe} ${p.variant.a} ${p.outcome}`).join(', ')}`);
  t.equal(r.code, 0, r.stderr);
  t.equal(r.run!.sides.b.target.path, dir);
  t.equal(r.run!.sides.b.transport, 'via');
  t.same(marks(), [], 'nothing was executed');
  t.same(readdirSync(dir), [], 'no scratch file left');
});

t.test('control: the same name put on a remote shell\'s command line does run (so the check above can see it)', { skip: noNetns, timeout: 30_000 }, async (t) => {
  const h = hosts!;
  h.ssh('a', `echo ${join(parent, NAME)}`);
  const found = marks();
  t.ok(found.length > 0, `the remote shell ran it: ${found.join(', ')}`);
  for (const f of found) rmSync(f, { force: true });
  t.same(marks(), []);
});
