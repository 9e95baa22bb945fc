// The ssh-hosts fixture itself: both sshds answer, teardown leaves nothing, a crashed test's leftovers are removed.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsHosts, noNetnsReason } from './fixtures/netns-hosts.js';

const noNetns = noNetnsReason();
const namespaces = () => (spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '').split('\n').map((l) => l.split(' ')[0]!).filter(Boolean);
const links = () => spawnSync('ip', ['-o', 'link'], { encoding: 'utf8' }).stdout ?? '';

t.test('two hosts, each its own network; teardown removes namespaces, veths, processes and files', { skip: noNetns, timeout: 60_000 }, async (t) => {
  // A test process that died (pid 4194304 + nothing: above pid_max, never alive) left a namespace and a temp dir.
  const deadPid = 4_194_305;
  spawnSync('ip', ['netns', 'add', `coprobe-${deadPid}-a`]);
  mkdirSync(join(tmpdir(), `coprobe-netns-${deadPid}-zzzz`), { recursive: true });
  const h = await netnsHosts();
  t.teardown(() => h.teardown());
  t.notOk(namespaces().includes(`coprobe-${deadPid}-a`), 'the dead test\'s namespace was removed');
  t.notOk(existsSync(join(tmpdir(), `coprobe-netns-${deadPid}-zzzz`)), 'and its temp dir');
  const a = h.ssh('a', 'ip -o -4 addr show scope global; cat /proc/sys/kernel/random/boot_id');
  const b = h.ssh('b', 'ip -o -4 addr show scope global');
  t.equal(a.status, 0, a.stderr);
  t.match(a.stdout, ` inet ${h.hosts.a.addr}/24 `, 'host a has its own address');
  t.notMatch(a.stdout, h.hosts.b.addr, 'and not b\'s');
  t.match(b.stdout, ` inet ${h.hosts.b.addr}/24 `);
  // A closed port answers at once (refused, rc 1); an unreachable address would time out (rc 124).
  t.match(h.ssh('b', `timeout 2 bash -c '</dev/tcp/${h.serverAddr}/9' 2>/dev/null; echo rc=$?`).stdout, /^rc=[01]$/m, 'the root namespace answers b on a\'s gateway address');
  const pids = [...h.pids('a'), ...h.pids('b')];
  t.ok(pids.length >= 2, 'an sshd in each namespace');
  const dir = h.dir;
  h.teardown();
  t.same(namespaces().filter((n) => n.startsWith(`coprobe-${process.pid}-`)), [], 'no namespace left');
  t.notMatch(links(), `cpn${process.pid}`, 'no veth left');
  t.ok(pids.every((p) => !existsSync(`/proc/${p}`) || /^State:\s+Z/m.test(spawnSync('cat', [`/proc/${p}/status`], { encoding: 'utf8' }).stdout)), 'no sshd left');
  t.notOk(existsSync(dir), 'no temp dir left (keys, configs, logs)');
  t.same(readdirSync(tmpdir()).filter((n) => n.startsWith(`coprobe-netns-${process.pid}-`)), []);
});
