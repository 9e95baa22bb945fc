// `coprobe lab` under failure: a guest that does not come up, a guest stuck in a step, a kernel package that does not
// exist, an unknown scenario: each ends within its bound with a message naming the step (and the guest log's tail),
// exit 2, and leaves no qemu, no lab directory and no mount behind.
import t from 'tap';
import type { Test } from 'tap';
import { readdirSync, readFileSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { cliEntry } from '../src/package-info.js';
import { runCli } from './fixtures/cli.js';

const canBoot = process.getuid?.() === 0 && spawnSync('qemu-system-x86_64', ['--version']).status === 0;
const skip = canBoot ? false : 'needs root and qemu-system-x86_64';

/** Command lines of the running qemu processes. */
function qemus(): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
      return cmd.startsWith('qemu-system') ? [cmd] : [];
    } catch { return []; }
  });
}
const labDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('coprobe-lab-') && !d.startsWith('coprobe-lab-test-'));

/** Run the lab and check the host is as it was: no new qemu, no new lab directory, no new mount. */
async function labRun(t: Test, args: string[], timeoutMs: number) {
  const before = { qemu: qemus(), dirs: labDirs(), mounts: readFileSync('/proc/mounts', 'utf8') };
  const t0 = performance.now();
  const r = await runCli(['lab', ...args], timeoutMs);
  const ms = performance.now() - t0;
  t.same(qemus().filter((q) => !before.qemu.includes(q)), [], 'no qemu left running');
  t.same(labDirs().filter((d) => !before.dirs.includes(d)), [], 'the lab directory is removed');
  t.equal(readFileSync('/proc/mounts', 'utf8'), before.mounts, 'no mount left on the host');
  return { ...r, ms };
}

t.test('a guest that does not come up in time: LAB_BOOT, with the console\'s last lines', { skip }, async (t) => {
  const report = mkdtempSync(join(tmpdir(), 'coprobe-lab-test-'));
  t.teardown(() => rmSync(report, { recursive: true, force: true }));
  const r = await labRun(t, ['nfs42-sync', '--boot-timeout', '1s', '--report', report], 120_000);
  t.equal(r.code, 2);
  t.match(r.stderr, /lab: the guest did not come up within 1 s/);
  t.match(r.stderr, /last lines of the guest's log/);
  t.ok(existsSync(join(report, 'lab-console.log')), 'the console log is kept beside the reports');
  const summary = JSON.parse(readFileSync(join(report, 'lab.json'), 'utf8'));
  t.equal(summary.failure.code, 'LAB_BOOT');
  t.equal(summary.scenarios[0].status, 'not-run');
});

t.test('a step that outlives its bound: the scenario fails naming the step, the guest tears down and powers off', { skip }, async (t) => {
  const report = mkdtempSync(join(tmpdir(), 'coprobe-lab-test-'));
  t.teardown(() => rmSync(report, { recursive: true, force: true }));
  // Starting the NFS server takes 10-20 s under TCG; with a 2 s bound per step, one of its steps (mkfs, nfsd) is stopped.
  const r = await labRun(t, ['nfs42-sync', '--step-timeout', '2s', '--report', report], 240_000);
  t.equal(r.code, 2);
  t.match(r.stdout, /scenario nfs42-sync: could not run \("service nfs-server": service nfs-server did not start: "[^"]+" did not finish within 2000 ms\)/);
  t.match(r.stdout, /service nfs-server: FAILED at "[^"]+": "[^"]+" did not finish within 2000 ms/);
  const summary = JSON.parse(readFileSync(join(report, 'lab.json'), 'utf8'));
  t.notOk(summary.failure, 'the lab itself ended normally (the guest powered off)');
  t.equal(summary.scenarios[0].status, 'failed');
  t.ok(existsSync(join(report, 'lab-guest.log')), 'the guest log is kept because a scenario failed');
});

t.test('a kernel package that does not exist: LAB_KERNEL, nothing booted', { skip }, async (t) => {
  const cache = mkdtempSync(join(tmpdir(), 'coprobe-lab-test-'));
  t.teardown(() => rmSync(cache, { recursive: true, force: true }));
  const r = await labRun(t, ['--kernel-package', 'linux-image-0.0.0-none-amd64', '--cache-dir', cache, '--report', join(cache, 'r')], 120_000);
  t.equal(r.code, 2);
  t.match(r.stderr, /lab: apt-get download .*linux-image-0\.0\.0-none-amd64 failed.*check the package name/);
  t.same(readdirSync(cache).filter((f) => f.startsWith('.build-')), [], 'no half-built cache entry');
});

t.test('usage: an unknown scenario names the known ones; --list shows every scenario and the default set', async (t) => {
  const bad = await runCli(['lab', 'nfs9'], 30_000);
  t.equal(bad.code, 2);
  t.match(bad.stderr, /unknown lab scenario "nfs9"; known: nfs3-sync, nfs42-sync/);
  const list = await runCli(['lab', '--list'], 30_000);
  t.equal(list.code, 0);
  t.match(list.stdout, /^\* nfs42-sync /m);
  t.match(list.stdout, /^\* iscsi /m);
  t.match(list.stdout, /^ {2}nfs42-sync-one-client .*\n.*\n.*CONFOUNDED/m);
});

t.test('Ctrl-C while the guest runs: the guest is stopped, the logs kept, exit 2', { skip }, async (t) => {
  const report = mkdtempSync(join(tmpdir(), 'coprobe-lab-test-'));
  t.teardown(() => rmSync(report, { recursive: true, force: true }));
  const before = { qemu: qemus(), dirs: labDirs() };
  const child = spawn(process.execPath, [cliEntry(), 'lab', 'nfs42-sync', '--report', report], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  // Wait until qemu runs (the booting line), then interrupt as a terminal would.
  for (let i = 0; i < 300 && !out.includes('lab: booting'); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 2000));
  const t0 = performance.now();
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  t.equal(code, 130, 'exit 130, as an interrupted coprobe run');
  t.ok(performance.now() - t0 < 10_000, 'stopped within seconds');
  t.match(out, /lab: SIGINT: the guest was stopped/);
  t.same(qemus().filter((q) => !before.qemu.includes(q)), [], 'no qemu left running');
  t.same(labDirs().filter((d) => !before.dirs.includes(d)), [], 'the lab directory is removed');
  t.equal(JSON.parse(readFileSync(join(report, 'lab.json'), 'utf8')).failure.code, 'LAB_INTERRUPTED');
});
