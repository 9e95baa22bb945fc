import t from 'tap';
import { parseSide, splitWords, agentArgv } from '../src/transport/spec.js';

t.test('local paths, ssh URLs and via prefixes', async (t) => {
  t.same(parseSide('a', '/mnt/a'), { name: 'a', transport: 'local', target: '/mnt/a' });
  t.same(parseSide('b', 'ssh://root@hostB:2222/mnt/nfs%20x'), { name: 'b', transport: 'ssh', target: '/mnt/nfs x', host: 'hostB', user: 'root', port: 2222 });
  t.same(parseSide('a', '/dev/sdb', "docker exec -i 'my c'"), { name: 'a', transport: 'via', target: '/dev/sdb', via: ['docker', 'exec', '-i', 'my c'] });
  t.throws(() => parseSide('a', 'ssh://host'), /needs a host and a path/);
  t.throws(() => parseSide('a', 'nbd://x/export'), /unsupported URL scheme \(give a path, ssh:\/\/host\/path, or iscsi:\/\/…/);
  t.same(parseSide('a', 'iscsi://x/iqn.2026-11.t:l/1'), { name: 'a', transport: 'local', target: 'iscsi://x/iqn.2026-11.t:l/1' }, 'a storage URL: the agent connects to it');
  t.same(parseSide('b', 'iscsi://x/iqn.t:l/1', 'ssh h'), { name: 'b', transport: 'via', target: 'iscsi://x/iqn.t:l/1', via: ['ssh', 'h'] });
  const err = t.throws(() => parseSide('a', 'nbd://u%secret@x/e')) as Error;
  t.notMatch(err.message, 'secret', 'an unsupported URL is shown without its password');
  t.throws(() => parseSide('a', 'ssh://h/p', 'x'), /cannot be combined/);
  t.throws(() => splitWords('a "b', '--via-a'), /unbalanced/);
  t.same(splitWords(' a  "" b ', 'x'), ['a', '', 'b']);
});

t.test('the target path never enters the agent command line', async (t) => {
  const spec = parseSide('a', 'ssh://h/mnt/$(rm -rf ~)');
  const argv = agentArgv(spec, ['node', 'cli', 'agent'], ['coprobe', 'agent']);
  t.same(argv, ['ssh', '-T', '-o', 'BatchMode=yes', '--', 'h', 'coprobe', 'agent']);
  t.notOk(argv.join(' ').includes('rm -rf'));
  t.same(agentArgv(parseSide('b', '/x'), ['node', 'cli', 'agent'], ['coprobe', 'agent']), ['node', 'cli', 'agent']);
});
