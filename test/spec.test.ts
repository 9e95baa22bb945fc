import t from 'tap';
import { parseSide, splitWords, agentArgv } from '../src/transport/spec.js';

t.test('local paths, ssh URLs and via prefixes', async (t) => {
  t.same(parseSide('a', '/mnt/a'), { name: 'a', transport: 'local', target: '/mnt/a' });
  t.same(parseSide('b', 'ssh://root@hostB:2222/mnt/nfs%20x'), { name: 'b', transport: 'ssh', target: '/mnt/nfs x', host: 'hostB', user: 'root', port: 2222 });
  t.same(parseSide('a', '/dev/sdb', "docker exec -i 'my c'"), { name: 'a', transport: 'via', target: '/dev/sdb', via: ['docker', 'exec', '-i', 'my c'] });
  t.throws(() => parseSide('a', 'ssh://host'), /needs a host and a path/);
  t.throws(() => parseSide('a', 'iscsi://x/iqn/1'), /unsupported URL scheme/);
  t.throws(() => parseSide('a', 'ssh://h/p', 'x'), /cannot be combined/);
  t.throws(() => splitWords('a "b', '--via-a'), /unbalanced/);
  t.same(splitWords(' a  "" b ', 'x'), ['a', '', 'b']);
});

t.test('the target path never enters the agent command line', async (t) => {
  const spec = parseSide('a', 'ssh://h/mnt/$(rm -rf ~)');
  const argv = agentArgv(spec, ['node', 'cli', 'agent'], ['coprobe', 'agent']);
  t.same(argv, ['ssh', '-T', '-o', 'BatchMode=yes', 'h', '--', 'coprobe', 'agent']);
  t.notOk(argv.join(' ').includes('rm -rf'));
  t.same(agentArgv(parseSide('b', '/x'), ['node', 'cli', 'agent'], ['coprobe', 'agent']), ['node', 'cli', 'agent']);
});
