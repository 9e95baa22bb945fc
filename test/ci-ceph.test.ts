// ci/ceph.sh on a cluster of its own (its own address, run and data directories, so the shared cluster other tests use is
// never touched): start/status/stop/restart idempotency, keys never printed, nothing left after stop, bad input.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CEPH_SCRIPT, noCephFuseReason, noCephReason } from './fixtures/ceph.js';

const skip = noCephReason();
const root = skip ? '' : mkdtempSync(join(tmpdir(), 'coprobe-ci-ceph-'));
// A loopback address no other cluster of the suite uses (Linux answers on all of 127/8).
const ADDR = '127.0.0.91';
const env = { COPROBE_CEPH_ADDR: ADDR, COPROBE_CEPH_RUN: join(root, 'run'), COPROBE_CEPH_DATA: join(root, 'data') };
const RUN = env.COPROBE_CEPH_RUN;
const DATA = env.COPROBE_CEPH_DATA;

/** Every stdout/stderr the script printed in this file, to look for keys in. */
const printed: string[] = [];
function script(args: string[], extra: NodeJS.ProcessEnv = {}, timeoutMs = 240_000) {
  const started = Date.now();
  const r = spawnSync('bash', [CEPH_SCRIPT, ...args], { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, ...env, ...extra } });
  printed.push(r.stdout ?? '', r.stderr ?? '');
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started };
}
const pidOf = (d: string) => Number(readFileSync(join(RUN, `${d}.pid`), 'utf8'));

/** Live (non-zombie) processes whose command line names this instance's run or data directory. */
function ourProcesses(): string[] {
  const out: string[] = [];
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${p}/stat`, 'utf8'))) continue;
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(root) && !cmd.includes('ci-ceph.test')) out.push(`${p}: ${cmd}`);
    } catch { /* gone */ }
  }
  return out;
}
const ourMounts = () => readFileSync('/proc/mounts', 'utf8').split('\n').filter((l) => l.includes(root));

/** The keys in every keyring of the instance (admin, client, mon, osd, mds). */
function keys(): string[] {
  const files = [join(RUN, 'admin.keyring'), join(RUN, 'client.coprobe.keyring'), ...['mon.a', 'osd.0', 'mds.a'].map((d) => join(DATA, d, 'keyring'))];
  return files.filter(existsSync).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/key = (\S+)/g)].map((m) => m[1]!));
}

/** Every file under dir, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []);
}

t.teardown(() => {
  if (skip) return;
  if (existsSync(join(RUN, 'mon.a.pid')) || existsSync(join(RUN, 'osd.0.pid'))) script(['stop']);
  rmSync(root, { recursive: true, force: true });
});

t.test('start, start again, status, restart, stop, stop again: idempotent; keys never printed; nothing left behind', { skip }, async (t) => {
  t.equal(script(['status']).code, 1, 'status before start: not running, exit 1');
  t.equal(script(['stop']).code, 0, 'stop when stopped: a no-op');

  const s = script(['start']);
  t.equal(s.code, 0, `start: ${s.stderr}`);
  const setup = /set-up time total ([\d.]+) s \(mon ([\d.]+) s, osd \(memstore\) ([\d.]+) s, rbd pool ([\d.]+) s, cephfs ([\d.]+) s\)/.exec(s.stdout);
  t.ok(setup, 'start prints the set-up time and its phases');
  t.comment(`set-up: ${setup?.[0]} (wall ${s.ms} ms)`);
  t.ok(Number(setup?.[1]) > 0 && Number(setup?.[1]) * 1000 <= s.ms + 500, 'the total is the time start took');
  const pids = ['mon.a', 'osd.0', 'mds.a'].map(pidOf);

  const st = script(['status']);
  t.equal(st.code, 0, 'status: healthy, exit 0');
  t.match(st.stdout, /healthy: mon\.a pid \d+ rss \d+ MiB, osd\.0 pid \d+ rss \d+ MiB, mds\.a pid \d+ rss \d+ MiB; total rss (\d+) MiB/, 'status prints each daemon\'s RSS');
  t.comment(st.stdout.split('\n')[0]!);
  const rss = Number(/total rss (\d+) MiB/.exec(st.stdout)?.[1]);
  t.ok(rss > 0 && rss < 1024, `the three daemons use ${rss} MiB together (kept small for the lab guest)`);
  t.match(st.stdout, new RegExp(`mon ${ADDR.replace(/\./g, '\\.')}:3300, fs cephfs, pool rbd, auth cephx`));

  const again = script(['start']);
  t.equal(again.code, 0);
  t.match(again.stdout, /already running/, 'start when running: a no-op that checked health');
  t.same(['mon.a', 'osd.0', 'mds.a'].map(pidOf), pids, 'the same daemons');

  t.equal(script(['conf']).stdout.trim(), join(RUN, 'ceph.conf'), 'conf prints the clients\' conf path');
  const envOut = script(['env']).stdout;
  const vars = Object.fromEntries(envOut.trim().split('\n').map((l) => { const i = l.indexOf('='); return [l.slice(0, i), l.slice(i + 1).replace(/^'(.*)'$/, '$1')]; }));
  t.equal(vars.CEPH_CONF, join(RUN, 'ceph.conf'));
  t.equal(vars.CEPH_ARGS, '--id coprobe');
  t.equal(vars.COPROBE_CEPH_KEYRING, join(RUN, 'client.coprobe.keyring'));
  t.match(readFileSync(vars.CEPH_CONF!, 'utf8'), new RegExp(`keyring = ${vars.COPROBE_CEPH_KEYRING}`), 'the conf points at the client keyring');
  t.match(readFileSync(vars.CEPH_CONF!, 'utf8'), /auth client required = cephx/);

  // The env output is usable as it is: a client with only those variables reaches the rbd pool and the CephFS pool.
  const cli = (args: string[], e: Record<string, string>) => spawnSync('timeout', ['60', ...args], { encoding: 'utf8', env: { ...process.env, ...e } });
  const ok = cli(['rados', '-p', 'rbd', 'ls'], { CEPH_CONF: vars.CEPH_CONF!, CEPH_ARGS: vars.CEPH_ARGS! });
  t.equal(ok.status, 0, `rados with CEPH_CONF/CEPH_ARGS from env: ${ok.stderr}`);
  const img = cli(['rbd', 'create', '--size', '8M', 'rbd/ci-ceph-test'], { CEPH_CONF: vars.CEPH_CONF!, CEPH_ARGS: vars.CEPH_ARGS! });
  t.equal(img.status, 0, `rbd create as client.coprobe, no mgr: ${img.stderr}`);
  t.equal(cli(['rbd', 'rm', '--no-progress', 'rbd/ci-ceph-test'], { CEPH_CONF: vars.CEPH_CONF!, CEPH_ARGS: vars.CEPH_ARGS! }).status, 0, 'rbd rm');

  // A wrong key: the same conf and user with another key fails fast, saying it is an authentication failure.
  const bad = join(root, 'bad');
  mkdirSync(bad, { recursive: true });
  const badKeyring = join(bad, 'client.coprobe.keyring');
  spawnSync('ceph-authtool', ['--create-keyring', badKeyring, '--gen-key', '-n', 'client.coprobe'], { encoding: 'utf8' });
  chmodSync(badKeyring, 0o600);
  writeFileSync(join(bad, 'ceph.conf'), readFileSync(vars.CEPH_CONF!, 'utf8').replace(/^keyring = .*$/m, `keyring = ${badKeyring}`));
  // (rados says only "failed to fetch mon config"; rbd names the errno: EACCES, exit 13. Both log the monitor's
  // "handle_auth_bad_method": cephx refused the ticket request.)
  const wrong = cli(['rbd', 'ls', 'rbd'], { CEPH_CONF: join(bad, 'ceph.conf'), CEPH_ARGS: vars.CEPH_ARGS! });
  t.equal(wrong.status, 13, 'a wrong key: rbd fails with EACCES (and does not hang until the timeout)');
  t.match(wrong.stderr, /handle_auth_bad_method[\s\S]*couldn't connect to the cluster[\s\S]*\(13\) Permission denied/, `a clear error: ${wrong.stderr.trim().split('\n').pop()}`);
  const noKey = cli(['rbd', 'ls', 'rbd'], { CEPH_CONF: vars.CEPH_CONF!, CEPH_ARGS: '--id nosuchuser' });
  t.not(noKey.status, 0, 'a user the keyring has no key for fails too');
  t.match(noKey.stderr, /Permission denied|keyring|auth/i, noKey.stderr.trim().split('\n').pop());

  // Keyrings: 0600, and the bare secret for the kernel client too.
  for (const f of ['admin.keyring', 'client.coprobe.keyring', 'client.coprobe.secret']) t.equal(statSync(join(RUN, f)).mode & 0o777, 0o600, `${f} is 0600`);

  // restart: new daemons over the same stores; data written before is there after.
  const obj = join(root, 'obj');
  writeFileSync(obj, `coprobe ${process.pid}\n`);
  t.equal(cli(['rados', '-p', 'rbd', 'put', 'ci-ceph-restart', obj], { CEPH_CONF: vars.CEPH_CONF!, CEPH_ARGS: vars.CEPH_ARGS! }).status, 0, 'an object written before restart');
  const r = script(['restart']);
  t.equal(r.code, 0, `restart: ${r.stderr}`);
  t.comment(r.stdout.split('\n').pop()!);
  t.match(r.stdout, /restarted in [\d.]+ s \(same stores and keys\)/);
  const newPids = ['mon.a', 'osd.0', 'mds.a'].map(pidOf);
  t.ok(newPids.every((p, i) => p !== pids[i]), 'every daemon is a new process');
  for (const p of pids) t.notOk(existsSync(`/proc/${p}/cmdline`) && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(root), `old daemon ${p} is gone`);
  const got = cli(['rados', '-p', 'rbd', 'get', 'ci-ceph-restart', '-'], { CEPH_CONF: vars.CEPH_CONF!, CEPH_ARGS: vars.CEPH_ARGS! });
  t.equal(got.stdout, `coprobe ${process.pid}\n`, 'the object is still there after restart (memstore saved on a clean stop)');
  t.equal(script(['status']).code, 0, 'healthy after restart');

  // ceph-fuse: a mount made by the script is cleaned up by stop; one made behind its back makes stop refuse.
  if (!noCephFuseReason()) {
    const m = script(['mount', 'x']);
    t.equal(m.code, 0, `mount x: ${m.stderr}`);
    t.equal(m.stdout.trim(), join(DATA, 'mnt', 'x'));
    t.ok(ourMounts().some((l) => l.split(' ')[1] === join(DATA, 'mnt', 'x') && l.split(' ')[2] === 'fuse.ceph-fuse'), 'mounted as fuse.ceph-fuse');
    const other = join(root, 'foreign');
    mkdirSync(other);
    const f = spawnSync('timeout', ['60', 'ceph-fuse', '-c', vars.CEPH_CONF!, '--id', 'coprobe', other], { encoding: 'utf8' });
    t.equal(f.status, 0, `a ceph-fuse mount the script did not make: ${f.stderr}`);
    const refused = script(['stop']);
    t.equal(refused.code, 1, 'stop refuses while a client it did not mount is attached');
    t.match(refused.stderr, new RegExp(`ceph-fuse pid \\d+: .*${other}`), 'naming it');
    t.equal(script(['status']).code, 0, 'and the cluster still runs');
    t.equal(spawnSync('umount', [other]).status, 0, 'unmounted by whoever mounted it');
    for (let i = 0; i < 50 && ourProcesses().some((p) => p.includes(other)); i++) await new Promise((res) => setTimeout(res, 100));
  }

  const stop = script(['stop']);
  t.equal(stop.code, 0, `stop: ${stop.stderr}`);
  t.match(stop.stdout, /stopped mds\.a.*\n.*stopped osd\.0.*\n.*stopped mon\.a/, 'stops the MDS, the OSD, the mon');
  t.ok(stop.ms < 60_000, `stop took ${stop.ms} ms`);
  t.same(ourProcesses(), [], 'no process of this cluster is left (ceph-fuse included)');
  t.same(ourMounts(), [], 'no mount is left');
  t.same(readdirSync(RUN), ['ceph.lock'], 'the run directory keeps only the lock file');
  t.same(readdirSync(DATA), ['log'], 'the data directory keeps only the logs');
  t.equal(script(['stop']).code, 0, 'stop when stopped: a no-op');
  t.equal(script(['status']).code, 1, 'status after stop: exit 1');
  t.equal(script(['restart']).code, 1, 'restart when stopped: exit 1 (nothing to restart)');
});

t.test('the keys appear in no output of the script, no log and no conf', { skip }, async (t) => {
  const s = script(['start']);
  t.equal(s.code, 0, s.stderr);
  t.teardown(() => { script(['stop']); });
  script(['status']); script(['env']); script(['conf']); script(['start']);
  const found = keys();
  t.ok(found.length >= 5, `${found.length} keys (admin, client, mon, osd, mds)`);
  const everything = printed.join('\n');
  for (const k of found) t.notOk(everything.includes(k), 'a key is in no stdout or stderr of the script');
  const texts = [...filesUnder(join(DATA, 'log')), join(RUN, 'ceph.conf'), join(RUN, 'admin.conf'), join(RUN, 'started')];
  for (const f of texts) {
    const body = readFileSync(f, 'utf8');
    t.notOk(found.some((k) => body.includes(k)), `no key in ${f.slice(root.length + 1)}`);
  }
});

t.test('bad input and a daemon that cannot come up: exit 1 with the reason, bounded, nothing left running', { skip }, async (t) => {
  const a = script(['start'], { COPROBE_CEPH_AUTH: 'kerberos' });
  t.equal(a.code, 1);
  t.match(a.stderr, /COPROBE_CEPH_AUTH must be cephx or none/);
  const b = script(['start'], { COPROBE_CEPH_ADDR: 'localhost' });
  t.equal(b.code, 1);
  t.match(b.stderr, /COPROBE_CEPH_ADDR must be an IPv4 address/);
  const c = script(['frobnicate']);
  t.equal(c.code, 1);
  t.match(c.stderr, /usage: ci\/ceph\.sh start\|stop\|restart\|status\|conf\|env/);
  t.equal(script(['mount', 'Bad/Name']).code, 1, 'a mount name with a slash is refused');

  // An address that is not on this host: the mon cannot bind it and exits; start fails with its log tail, in bounded time.
  const d = script(['start'], { COPROBE_CEPH_ADDR: '192.0.2.1', COPROBE_CEPH_TIMEOUT: '20' }, 120_000);
  t.equal(d.code, 1, 'start fails');
  t.match(d.stderr, /mon\.a died while waiting|not within 20s/, 'saying which daemon');
  t.match(d.stderr, /last lines of .*mon\.a\.log/, 'with its log tail');
  t.match(d.stderr, /start failed: stopping what it started/);
  t.ok(d.ms < 90_000, `bounded: ${d.ms} ms`);
  t.same(ourProcesses(), [], 'nothing left running');
});

t.test('COPROBE_CEPH_AUTH=none: a cluster without cephx serves rbd and CephFS too', { skip }, async (t) => {
  const s = script(['start'], { COPROBE_CEPH_AUTH: 'none' });
  t.equal(s.code, 0, s.stderr);
  t.teardown(() => { script(['stop']); });
  t.match(s.stdout, /auth none/);
  t.match(readFileSync(join(RUN, 'ceph.conf'), 'utf8'), /auth client required = none/);
  t.equal(script(['status'], { COPROBE_CEPH_AUTH: 'none' }).code, 0, 'healthy (the rbd pool answers a write as client.coprobe)');
});
