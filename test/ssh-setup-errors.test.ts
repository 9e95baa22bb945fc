// What ssh brings, against the real sshd in the namespaces: an unknown host key, a missing coprobe on the remote, a
// remote agent of another protocol version. Each fails before any probe, with a message saying what to do (exit 2).
import t from 'tap';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsHosts, noNetnsReason, type NetnsHosts } from './fixtures/netns-hosts.js';
import { REMOTE_AGENT, runCliReport } from './fixtures/ssh-run.js';
import { PROTOCOL_VERSION } from '../src/protocol/messages.js';
import { packageVersion } from '../src/package-info.js';

const noNetns = noNetnsReason();
let hosts: NetnsHosts | undefined;
let target = '';
t.before(async () => {
  if (noNetns) return;
  hosts = await netnsHosts();
  target = mkdtempSync(join(tmpdir(), 'coprobe-ssh-target-'));
});
t.teardown(() => { hosts?.teardown(); if (target) rmSync(target, { recursive: true, force: true }); });

const side = (alias: string) => `ssh://${alias}${target}`;

t.test('an unknown host key is never accepted silently: the run fails saying how to accept it', { skip: noNetns, timeout: 60_000 }, async (t) => {
  const h = hosts!;
  const r = await runCliReport([side(h.hosts.a.unknownAlias), side(h.hosts.b.alias), '--ssh-config', h.sshConfig, '--agent-command', REMOTE_AGENT, '--probes', 'CTO1', '--modes', 'none']);
  t.comment(`unknown host key: exit ${r.code} after ${r.ms} ms: ${r.stderr.trim()}`);
  t.equal(r.code, 2, 'a set-up error');
  t.match(r.stderr, `side a: ssh does not know the host key of ${h.hosts.a.unknownAlias}`);
  t.match(r.stderr, 'Host key verification failed', 'ssh\'s own words are quoted');
  t.match(r.stderr, `accept it once by hand (ssh -F ${h.sshConfig} ${h.hosts.a.unknownAlias})`);
  t.equal(r.run, undefined, 'no run record: nothing ran');
  t.equal(readFileSync(join(h.dir, 'known_hosts.empty'), 'utf8'), '', 'and nothing was written to known_hosts');
});

t.test('a host key the user configured to be accepted (StrictHostKeyChecking accept-new) is ssh\'s business', { skip: noNetns, timeout: 60_000 }, async (t) => {
  const h = hosts!;
  const r = await runCliReport([side(h.hosts.a.acceptNewAlias), side(h.hosts.b.alias), '--ssh-config', h.sshConfig, '--agent-command', REMOTE_AGENT, '--probes', 'CTO1', '--modes', 'none']);
  t.comment(`accept-new: exit ${r.code} after ${r.ms} ms`);
  t.equal(r.code, 0, r.stderr);
  t.match(readFileSync(join(h.dir, 'known_hosts.accept-a'), 'utf8'), `[${h.hosts.a.addr}]:${h.hosts.a.port} ssh-ed25519 `, 'ssh recorded the key as configured');
});

t.test('no coprobe on the remote: how to install it, or --agent-command', { skip: noNetns, timeout: 60_000 }, async (t) => {
  const h = hosts!;
  const r = await runCliReport([side(h.hosts.a.alias), side(h.hosts.b.alias), '--ssh-config', h.sshConfig, '--agent-command', 'coprobe-not-installed-here agent', '--probes', 'CTO1']);
  t.comment(`missing coprobe: exit ${r.code} after ${r.ms} ms: ${r.stderr.trim()}`);
  t.equal(r.code, 2);
  t.match(r.stderr, /side a: the agent command \(coprobe-not-installed-here agent\) could not be run on ns-a: "coprobe-not-installed-here" was not found \(bash: line 1: coprobe-not-installed-here: command not found\)/);
  t.match(r.stderr, `Install coprobe ${packageVersion()} on that host`);
  t.match(r.stderr, /point --agent-command at one, e\.g\. --agent-command 'node \/path\/to\/coprobe\/bin\/coprobe\.js agent'/);
  const m = await runCliReport([side(h.hosts.a.alias), side(h.hosts.b.alias), '--ssh-config', h.sshConfig, '--agent-command', `'${process.execPath}' /nonexistent/coprobe/bin/coprobe.js agent`, '--probes', 'CTO1']);
  t.equal(m.code, 2);
  t.match(m.stderr, /a module is missing \(Error: Cannot find module '\/nonexistent\/coprobe\/bin\/coprobe\.js'\)/, 'an agent command that is not a coprobe checkout says which file is missing');
});

t.test('a remote agent of another protocol version is refused with both versions named', { skip: noNetns, timeout: 60_000 }, async (t) => {
  const h = hosts!;
  // An "older coprobe" on the remote: answers hello with protocol 99 and version 9.9.9, and nothing else.
  const fake = join(h.dir, 'other-version-agent.mjs');
  writeFileSync(fake, `
let buf = '';
process.stdin.on('data', (c) => {
  buf += c;
  for (let i = buf.indexOf('\\n'); i !== -1; i = buf.indexOf('\\n')) {
    const req = JSON.parse(buf.slice(0, i));
    buf = buf.slice(i + 1);
    const now = Date.now() * 1000;
    const entry = { seq: 1, cmd: req.cmd, args: {}, t0: now, t1: now, ok: req.cmd === 'hello', calls: [] };
    const answer = req.cmd === 'hello'
      ? { id: req.id, ok: true, result: { protocol: 99, version: '9.9.9', pid: process.pid, hostname: 'old', bootId: 'x', kernel: 'k', arch: 'x64', node: process.version, unavailable: {} }, entry }
      : { id: req.id, ok: false, error: { code: 'EUNKNOWN', message: 'unknown command' }, entry };
    process.stdout.write(JSON.stringify(answer) + '\\n');
  }
});
process.stdin.on('end', () => process.exit(0));
`);
  const r = await runCliReport([side(h.hosts.a.alias), side(h.hosts.b.alias), '--ssh-config', h.sshConfig, '--agent-command', `'${process.execPath}' '${fake}'`, '--probes', 'CTO1']);
  t.comment(`other protocol: exit ${r.code} after ${r.ms} ms: ${r.stderr.trim()}`);
  t.equal(r.code, 2);
  t.match(r.stderr, `side a: agent speaks protocol 99 (coprobe 9.9.9), this coordinator ${PROTOCOL_VERSION} (coprobe ${packageVersion()})`);
  t.match(r.stderr, `install the same version on both hosts, or point --agent-command at a coprobe ${packageVersion()} there`);
});
