// The ssh command line: BatchMode always, --ssh-config as -F, the host after "--", agent words quoted, paths never on it.
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentArgv, parseSide, sideCommandArgv } from '../src/transport/spec.js';
import { setSshConfig, shellQuote, sshArgv, sshByHand, withBatchMode } from '../src/transport/ssh.js';

const LOCAL = ['node', 'cli', 'agent'];

t.test('ssh sides: BatchMode, port, user, the host after "--", agent words shell-quoted', async (t) => {
  const spec = parseSide('a', 'ssh://root@hostA:2222/mnt/x');
  t.same(agentArgv(spec, LOCAL, ['node', '/opt/co probe/bin/coprobe.js', 'agent']),
    ['ssh', '-T', '-o', 'BatchMode=yes', '-p', '2222', '-l', 'root', '--', 'hostA', 'node', `'/opt/co probe/bin/coprobe.js'`, 'agent']);
  t.same(sideCommandArgv(spec, ['qemu-io', '-c', 'read 0 4k', 'it\'s']),
    ['ssh', '-T', '-o', 'BatchMode=yes', '-p', '2222', '-l', 'root', '--', 'hostA', 'qemu-io', '-c', `'read 0 4k'`, `'it'\\''s'`]);
  t.equal(shellQuote('$(touch x)'), `'$(touch x)'`);
});

t.test('--ssh-config FILE is passed as ssh -F FILE; a missing file is a usage error', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-ssh-argv-'));
  t.teardown(() => { setSshConfig(undefined); rmSync(dir, { recursive: true, force: true }); });
  const cfg = join(dir, 'ssh config');
  writeFileSync(cfg, 'Host x\n  Port 2201\n');
  setSshConfig(cfg);
  t.same(agentArgv(parseSide('a', 'ssh://x/d'), LOCAL, ['coprobe', 'agent']), ['ssh', '-T', '-o', 'BatchMode=yes', '-F', cfg, '--', 'x', 'coprobe', 'agent']);
  t.equal(sshByHand({ host: 'x', port: 2201 }), `ssh -F '${cfg}' -p 2201 x`);
  t.same(sshArgv({ host: 'y', sshConfig: '/other' }, ['a']), ['ssh', '-T', '-o', 'BatchMode=yes', '-F', '/other', '--', 'y', 'a'], 'a side\'s own config wins');
  t.throws(() => setSshConfig(join(dir, 'missing')), /--ssh-config .*missing: cannot read it/);
  t.throws(() => setSshConfig(dir), /not a regular file/);
});

t.test('a --via prefix that runs ssh gets BatchMode unless it sets it', async (t) => {
  t.same(agentArgv(parseSide('a', '/d', 'ssh -F c h'), LOCAL, ['coprobe', 'agent']), ['ssh', '-o', 'BatchMode=yes', '-F', 'c', 'h', 'coprobe', 'agent']);
  t.same(withBatchMode(['/usr/bin/ssh', '-o', 'BatchMode=no', 'h']), ['/usr/bin/ssh', '-o', 'BatchMode=no', 'h'], 'the user\'s own choice stays');
  t.same(withBatchMode(['docker', 'exec', '-i', 'c']), ['docker', 'exec', '-i', 'c'], 'other prefixes are left alone');
});

t.test('ssh URLs: paths with shell syntax stay data; "?" "#" and option-like hosts are refused', async (t) => {
  const weird = '/tmp/a b/\'q"/$(touch x)/`id`/;ls/line\nbreak';
  const url = 'ssh://h' + weird.split('/').map((p) => encodeURIComponent(p)).join('/');
  const spec = parseSide('b', url);
  t.equal(spec.target, weird, 'decoded exactly');
  const argv = agentArgv(spec, LOCAL, ['coprobe', 'agent']);
  t.notOk(argv.some((w) => w.includes('touch') || w.includes('id`') || w.includes('break')), 'the path is not on the command line');
  t.throws(() => parseSide('a', 'ssh://h/tmp/a?b'), /"\?" and "#" in an ssh:\/\/ path must be written %3F and %23/);
  t.throws(() => parseSide('a', 'ssh://h/tmp/a#b'), /%23/);
  t.equal(parseSide('a', 'ssh://h/tmp/a%3Fb%23c').target, '/tmp/a?b#c');
  t.throws(() => parseSide('a', 'ssh://-oProxyCommand=x/tmp'), /cannot begin with "-"/);
});
