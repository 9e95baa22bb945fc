// ci/gluster.sh on its own instance (own run/data directories, own address 127.0.0.5, so a server other tests use on
// 127.0.0.2 is left alone): start/status/restart/stop idempotent, both volumes' options read back, the set-up time, and
// nothing left behind after stop.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/package-info.js';
import { noGlusterReason, GLUSTER_VIRT_OPTIONS } from './fixtures/gluster.js';

const skip = noGlusterReason();
const HOST = '127.0.0.5';
const root = mkdtempSync(join(tmpdir(), 'coprobe-ci-gluster-'));
const RUN = join(root, 'run');
const DATA = join(root, 'data');
const env = { ...process.env, COPROBE_CI_RUN: RUN, COPROBE_CI_DATA: DATA, COPROBE_GLUSTER_HOST: HOST };
const script = join(packageRoot(), 'ci', 'gluster.sh');

const sh = (...args: string[]) => spawnSync('bash', [script, ...args], { encoding: 'utf8', timeout: 180_000, env });
const cli = (...args: string[]) => spawnSync('gluster', ['--mode=script', `--glusterd-sock=${join(RUN, 'gluster', 'glusterd.socket')}`, '--log-file=/dev/null', ...args], { encoding: 'utf8', timeout: 20_000 });
const remote = (...args: string[]) => spawnSync('gluster', ['--mode=script', `--remote-host=${HOST}`, '--log-file=/dev/null', ...args], { encoding: 'utf8', timeout: 20_000 });
const pidOf = (out: string) => Number(/\(pid (\d+)\)/.exec(out)?.[1]);

/** Live (non-zombie) processes whose command line mentions this instance's directories or address. */
function ours(): string[] {
  const out: string[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue;
      const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (/gluster/.test(cmd) && (cmd.includes(root) || cmd.includes(`${HOST} `) || cmd.includes(`=${HOST}`))) out.push(`${e}: ${cmd}`);
    } catch { /* gone */ }
  }
  return out;
}

t.teardown(() => {
  if (!skip) sh('stop');
  rmSync(root, { recursive: true, force: true });
});

t.test('ci/gluster.sh lifecycle on its own instance', { skip, timeout: 400_000 }, async (t) => {
  t.equal(sh('status').status, 1, 'status before start: not running, exit 1');
  t.equal(sh('stop').status, 0, 'stop when stopped: a no-op');

  const refused = spawnSync('bash', [script, 'start'], { encoding: 'utf8', timeout: 30_000, env: { ...env, COPROBE_GLUSTER_HOST: '127.0.0.1' } });
  t.equal(refused.status, 1, '127.0.0.1 as the brick host is refused before anything starts');
  t.match(refused.stderr, /glusterd refuses 127\.0\.0\.1 as a brick host/);

  const first = sh('start');
  t.equal(first.status, 0, `start: ${first.stderr}`);
  const setup = Number(/set up in ([\d.]+)s/.exec(first.stdout)?.[1]);
  t.ok(setup > 0, `set-up time printed: ${setup} s`);
  t.comment(`fresh set-up: ${setup} s (${first.stdout.trim()})`);
  t.match(first.stdout, /XFS loop image/, 'bricks on a loop-mounted XFS image (not the root filesystem)');
  const pid = pidOf(first.stdout);
  t.ok(pid > 0);

  const status = sh('status');
  t.equal(status.status, 0, 'status after start: exit 0');
  t.match(status.stdout, new RegExp(`${HOST.replace(/\./g, '\\.')}:/coprobe and ${HOST.replace(/\./g, '\\.')}:/coprobe-virt started and mountable`));

  const again = sh('start');
  t.equal(again.status, 0, 'start when running: exit 0');
  t.equal(pidOf(again.stdout), pid, 'the same glusterd: nothing restarted');
  t.comment(`start when running: ${/set up in ([\d.]+)s/.exec(again.stdout)?.[1]} s`);

  // Loopback only: glusterd and the bricks listen on HOST alone.
  const ss = spawnSync('ss', ['-Hltnp'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => /glusterd|glusterfsd/.test(l));
  const mine = ss.filter((l) => l.includes(`${HOST}:`));
  t.ok(mine.some((l) => l.includes(`${HOST}:24007`) && /glusterd/.test(l)), 'glusterd listens on HOST:24007');
  t.equal(mine.filter((l) => /glusterfsd/.test(l)).length, 2, 'one brick process per volume, on HOST');
  t.same(ss.filter((l) => /(0\.0\.0\.0|\*|\[::\]):\d+/.test(l.split(/\s+/)[3] ?? '')), [], 'no gluster listener on every address');

  // Both profiles, read back: what was set (volume info, also from another host's point of view), and the effective
  // values with defaults (volume get through this glusterd's own socket).
  const info = remote('volume', 'info', 'coprobe-virt');
  t.equal(info.status, 0, 'volume info answers a remote CLI');
  for (const [k, v] of Object.entries(GLUSTER_VIRT_OPTIONS)) {
    t.match(info.stdout, new RegExp(`^${k.replace(/\./g, '\\.')}: ${v}$`, 'm'), `coprobe-virt reconfigured ${k} ${v}`);
    const get = cli('volume', 'get', 'coprobe-virt', k);
    t.match(get.stdout, new RegExp(`^${k.replace(/\./g, '\\.')}\\s+${v}\\b`, 'm'), `volume get coprobe-virt ${k}: ${v}`);
  }
  const plainInfo = remote('volume', 'info', 'coprobe').stdout;
  for (const k of Object.keys(GLUSTER_VIRT_OPTIONS)) t.notMatch(plainInfo, new RegExp(`^${k.replace(/\./g, '\\.')}:`, 'm'), `coprobe leaves ${k} at its default`);
  const plainGet = cli('volume', 'get', 'coprobe', 'all').stdout;
  t.match(plainGet, /^performance\.quick-read\s+on\b/m, 'coprobe: quick-read on (default)');
  t.match(plainGet, /^performance\.strict-o-direct\s+off\b/m, 'coprobe: strict-o-direct off (default)');
  t.match(plainGet, /^performance\.write-behind\s+on\b/m, 'coprobe: write-behind on (default)');
  t.match(remote('volume', 'info', 'coprobe-virt').stdout, /^Type: Distribute$/m, 'one-brick volumes (Distribute)');

  // restart: glusterd and the bricks replaced, the data kept.
  const mnt = mkdtempSync(join(root, 'mnt-'));
  t.equal(spawnSync('glusterfs', [`--volfile-server=${HOST}`, '--volfile-id=coprobe', `--log-file=${join(root, 'client.log')}`, mnt], { timeout: 30_000 }).status, 0, 'mounted coprobe');
  writeFileSync(join(mnt, 'kept'), 'before restart\n');
  spawnSync('umount', [mnt], { timeout: 15_000 });
  const restarted = sh('restart');
  t.equal(restarted.status, 0, `restart: ${restarted.stderr}`);
  t.not(pidOf(restarted.stdout), pid, 'a new glusterd');
  t.equal(sh('status').status, 0, 'status after restart: exit 0');
  t.equal(spawnSync('glusterfs', [`--volfile-server=${HOST}`, '--volfile-id=coprobe', `--log-file=${join(root, 'client.log')}`, mnt], { timeout: 30_000 }).status, 0, 'mounted again');
  t.equal(readFileSync(join(mnt, 'kept'), 'utf8'), 'before restart\n', 'the data survived the restart');

  // stop: it also unmounts the mount left above, and leaves nothing.
  const image = join(DATA, 'gluster', 'bricks.img');
  const stop = sh('stop');
  t.equal(stop.status, 0, `stop: ${stop.stderr}`);
  t.same(ours(), [], 'no glusterd, glusterfsd or glusterfs of this instance left');
  t.notMatch(readFileSync('/proc/self/mountinfo', 'utf8'), new RegExp(`${HOST.replace(/\./g, '\\.')}:|${root}`), 'no mount of the volumes or of the brick filesystem');
  t.equal(spawnSync('losetup', ['-j', image], { encoding: 'utf8' }).stdout.trim(), '', 'no loop device over the brick image');
  t.same(readdirSync(join(RUN, 'gluster')), ['gluster.lock'], 'only the lock file in the run directory');
  t.same(readdirSync(join(DATA, 'gluster')), ['log'], 'only the logs in the data directory');
  t.notOk(existsSync(image));
  t.equal(sh('status').status, 1, 'status after stop: exit 1');
  t.equal(sh('stop').status, 0, 'stop again: a no-op');
});
