// Safety refusals on real loop devices: a signature without the flag; mounted, a mounted partition, backing a mounted loop — even with it.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loopDevice, noLoopReason } from './fixtures/root.js';
import { agent } from './fixtures/agent.js';
import { runCli } from './fixtures/cli.js';
import { deviceInUse } from '../src/agent/in-use.js';

const runId = '5afe5afe5afe5afe';
const skip = noLoopReason() ?? (spawnSync('mkfs.ext4', ['-V']).status === 0 ? undefined : 'mkfs.ext4 is not installed');

/** Run a command; throws with its stderr when it fails. */
function sh(cmd: string, ...args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout.trim();
}

/** Write a DOS partition table (MBR) with one Linux partition from sector 2048 to the end into an image or device. */
function writeMbr(path: string, sizeMiB: number): void {
  const mbr = Buffer.alloc(512);
  const e = 446;
  mbr[e + 4] = 0x83; // Linux
  mbr.writeUInt32LE(2048, e + 8);
  mbr.writeUInt32LE(sizeMiB * 2048 - 2048, e + 12);
  mbr[510] = 0x55; mbr[511] = 0xaa;
  const fd = openSync(path, 'r+');
  try { writeSync(fd, mbr, 0, 512, 0); } finally { closeSync(fd); }
}

/** Undo steps run last-first at teardown, each even when an earlier one failed. */
function undo(t: Test) {
  const steps: (() => void)[] = [];
  t.teardown(() => { for (const s of steps.reverse()) { try { s(); } catch { /* best effort */ } } });
  return (s: () => void) => steps.push(s);
}

/** Mount dev on a fresh directory; the unmount and removal are queued. */
function mount(later: (s: () => void) => void, dev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-refusal-mnt-'));
  later(() => rmSync(dir, { recursive: true, force: true }));
  sh('mount', dev, dir);
  later(() => spawnSync('umount', [dir]));
  return dir;
}

/** init on dev with the destructive flag: the agent's answer and how long it took. */
async function initDestroy(t: Test, dev: string) {
  const c = agent();
  t.teardown(() => c.kill());
  const t0 = performance.now();
  const r = await c.call('init', { target: dev, runId, writerId: 1, destroy: true }, 20_000);
  return { r, ms: Math.round(performance.now() - t0) };
}

t.test('what uses a device, from mountinfo, /proc/swaps and a fake sysfs', async (t) => {
  t.equal(deviceInUse(7, 3, '36 35 7:3 / /mnt/with\\040space rw - ext4 /dev/loop3 rw\n', { swaps: '', sysfs: '/nonexistent' }), 'it is mounted at /mnt/with space');
  t.equal(deviceInUse(7, 4, '', { swaps: '', sysfs: '/nonexistent' }), null);
});

t.test('a device with a partition table: refused without the flag, and the message names the signature', { skip }, async (t) => {
  const later = undo(t);
  const l = loopDevice();
  later(() => l.detach());
  writeMbr(l.dev, 16);
  const c = agent();
  t.teardown(() => c.kill());
  const r = await c.call('init', { target: l.dev, runId, writerId: 1, destroy: false }, 20_000);
  t.match(r, { ok: false, error: { code: 'EDESTROY', message: /carries a signature \(.*PTTYPE=dos.*\).*pass --destroy-data-on-device/ } });
  t.comment(`partition table: ${!r.ok && r.error.message}`);
});

t.test('a mounted device: refused even with the destructive flag, saying where it is mounted and what to do', { skip }, async (t) => {
  const later = undo(t);
  const l = loopDevice();
  later(() => l.detach());
  sh('mkfs.ext4', '-q', l.dev);
  const dir = mount(later, l.dev);
  const { r, ms } = await initDestroy(t, l.dev);
  t.match(r, { ok: false, error: { code: 'EBUSY', message: new RegExp(`^${l.dev}: refusing to write, even with --destroy-data-on-device: it is mounted at ${dir}; .*unmount or detach that first`) } });
  t.comment(`mounted: ${!r.ok && r.error.message} (${ms} ms)`);
});

t.test('a device whose partition is mounted: refused even with the destructive flag', { skip }, async (t) => {
  const later = undo(t);
  const l = loopDevice(32);
  later(() => l.detach());
  spawnSync('losetup', ['-d', l.dev]);
  writeMbr(l.file, 32);
  const dev = sh('losetup', '--find', '--show', '--partscan', l.file);
  later(() => spawnSync('losetup', ['-d', dev]));
  const p1 = `${dev}p1`;
  // A kernel without CONFIG_MSDOS_PARTITION does not scan the table itself: partx adds the partition through BLKPG.
  for (let i = 0; i < 50 && !existsSync(p1); i++) {
    if (i === 5) spawnSync('partx', ['-a', dev]);
    await new Promise((r) => setTimeout(r, 100));
  }
  sh('mkfs.ext4', '-q', p1);
  const dir = mount(later, p1);
  const { r, ms } = await initDestroy(t, dev);
  t.match(r, { ok: false, error: { code: 'EBUSY', message: new RegExp(`it has a partition ${p1.replace('/dev/', '')} \\(\\d+:\\d+\\) that is mounted at ${dir}`) } });
  t.comment(`partition mounted: ${!r.ok && r.error.message} (${ms} ms)`);
});

t.test('a device backing a mounted loop device: refused even with the flag; once unmounted, a loop over it is no objection', { skip }, async (t) => {
  const later = undo(t);
  const lower = loopDevice();
  later(() => lower.detach());
  const upper = sh('losetup', '--find', '--show', lower.dev);
  later(() => spawnSync('losetup', ['-d', upper]));
  sh('mkfs.ext4', '-q', upper);
  const dir = mount(later, upper);
  const { r, ms } = await initDestroy(t, lower.dev);
  const upperName = upper.replace('/dev/', '');
  t.match(r, { ok: false, error: { code: 'EBUSY', message: new RegExp(`^${lower.dev}: refusing to write, even with --destroy-data-on-device: it backs ${upper} \\(\\d+:\\d+\\), which is mounted at ${dir}; `) } });
  t.comment(`backing a mounted loop: ${!r.ok && r.error.message} (${ms} ms)`);
  t.notMatch(r, { error: { message: new RegExp(upperName + '[^,]*,[^,]*' + upperName) } }, 'named once');

  // The CLI says the same and exits 2 before writing anything.
  const report = mkdtempSync(join(tmpdir(), 'coprobe-refusal-report-'));
  later(() => rmSync(report, { recursive: true, force: true }));
  const t0 = performance.now();
  const cli = await runCli(['run', lower.dev, lower.dev, '--destroy-data-on-device', lower.dev, '--report', report], 60_000);
  t.equal(cli.code, 2);
  t.match(cli.stderr, new RegExp(`side a: ${lower.dev}: refusing to write, even with --destroy-data-on-device: it backs ${upper}`));
  t.comment(`coprobe run: exit ${cli.code} in ${Math.round(performance.now() - t0)} ms: ${cli.stderr.trim().split('\n')[0]}`);
  t.match(sh('blkid', '-p', '-o', 'value', '-s', 'TYPE', upper), 'ext4', 'the filesystem on the upper loop is intact');

  sh('umount', dir);
  const after = await initDestroy(t, lower.dev);
  t.match(after.r, { ok: true, result: { kind: 'device' } }, 'unmounted: the loop over it uses nothing, the device may be written');
});
