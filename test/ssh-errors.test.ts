// How ssh's and the remote shell's words become messages that say what to do (the real cases run in ssh-setup-errors).
import t from 'tap';
import { explainStartFailure, missingCommand, throughSsh } from '../src/transport/ssh-errors.js';
import { parseSide } from '../src/transport/spec.js';
import { HungError, LostError } from '../src/errors.js';

const ssh = parseSide('a', 'ssh://root@h:2222/d');
const lost = (stderr: string, exit = 'exit code 255') => new LostError('a', 'hello', exit, stderr.trim().split('\n').slice(-3).join(' | '));
const AGENT = ['coprobe', 'agent'];

t.test('the missing program, from bash, dash and zsh', async (t) => {
  t.equal(missingCommand('bash: line 1: coprobe: command not found\n'), 'coprobe');
  t.equal(missingCommand('sh: 1: coprobe: not found\n'), 'coprobe');
  t.equal(missingCommand('zsh:1: command not found: coprobe\n'), 'coprobe');
  t.equal(missingCommand('bash: node: command not found'), 'node');
  t.equal(missingCommand('Connection refused'), undefined);
});

t.test('which sides are read as ssh', async (t) => {
  t.ok(throughSsh(ssh));
  t.ok(throughSsh(parseSide('b', '/x', '/usr/bin/ssh -F c h')));
  t.notOk(throughSsh(parseSide('b', '/x', 'docker exec -i c')));
  t.notOk(throughSsh(parseSide('b', '/x')));
  t.equal(explainStartFailure(parseSide('b', '/x'), lost('bash: coprobe: command not found', 'exit code 127'), AGENT), undefined, 'a local side keeps its own message');
});

t.test('host keys: unknown, and changed', async (t) => {
  const unknown = explainStartFailure(ssh, lost('No ED25519 host key is known for [h]:2222 and you have requested strict checking.\nHost key verification failed.\n'), AGENT)!;
  t.match(unknown, /^side a: ssh does not know the host key of root@h port 2222 \(No ED25519 host key is known for \[h\]:2222 .* \| Host key verification failed\.\)\. coprobe never accepts a host key by itself/);
  t.match(unknown, 'accept it once by hand (ssh -p 2222 root@h)');
  const said = '@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@\nOffending ED25519 key in /root/.ssh/known_hosts:3\n  remove with:\n'
    + '  ssh-keygen -f "/root/.ssh/known_hosts" -R "[h]:2222"\nHost key for [h]:2222 has changed and you have requested strict checking.\nHost key verification failed.\n';
  const changed = explainStartFailure(ssh, lost(said), AGENT, said)!;
  t.match(changed, /has CHANGED since it was recorded in known_hosts .*: this may be an attack/);
  t.match(changed, 'ssh-keygen -R');
});

t.test('login, connection, missing agent or module', async (t) => {
  t.match(explainStartFailure(ssh, lost('root@h: Permission denied (publickey).'), AGENT)!, /ssh could not log in to root@h port 2222 without asking \(root@h: Permission denied \(publickey\)\.\): coprobe runs ssh with BatchMode=yes/);
  t.match(explainStartFailure(ssh, lost('ssh: connect to host h port 2222: Connection refused'), AGENT)!, /^side a: ssh could not connect to root@h port 2222 \(ssh: connect to host h port 2222: Connection refused\)$/);
  const missing = explainStartFailure(ssh, lost('bash: line 1: coprobe: command not found', 'exit code 127'), AGENT)!;
  t.match(missing, /the agent command \(coprobe agent\) could not be run on root@h port 2222: "coprobe" was not found/);
  t.match(missing, /--agent-command 'node \/path\/to\/coprobe\/bin\/coprobe\.js agent', or let coprobe copy itself there with --deploy \(needs only the host's node\)$/, 'an ssh side is told of --deploy');
  t.match(explainStartFailure(ssh, lost('bash: line 1: node: command not found', 'exit code 127'), ['node', '/opt/coprobe/bin/coprobe.js', 'agent'])!, /Node\.js ≥ 18\.19 is not installed there/);
  const full = 'node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module \'/opt/x/bin/coprobe.js\'\n    at Module._resolveFilename\n{\n  code: \'MODULE_NOT_FOUND\'\n}\n\nNode.js v20.20.2\n';
  t.match(explainStartFailure(ssh, lost(full, 'exit code 1'), AGENT, full)!, /a module is missing \(Error: Cannot find module '\/opt\/x\/bin\/coprobe\.js'\)/, 'the full stderr finds the line the tail lost');
  t.equal(explainStartFailure(ssh, lost('something else entirely', 'exit code 3'), AGENT), undefined, 'unrecognised: the caller keeps its own message');
});

t.test('no answer to hello through ssh', async (t) => {
  t.match(explainStartFailure(ssh, new HungError('a', 'hello', 10_000), AGENT)!, /no answer to "hello" within 10000 ms from root@h port 2222: ssh may still be connecting/);
});
