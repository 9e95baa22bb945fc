import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agent } from './fixtures/agent.js';
import { noLoopReason } from './fixtures/root.js';
import { devParts } from '../src/detect/block.js';
import type { DetectResult } from '../src/detect/types.js';
import type { TargetInfo } from '../src/protocol/results.js';

const devOf = (p: string, which: 'dev' | 'rdev') => devParts(statSync(p, { bigint: true })[which]).join(':');

/** What findmnt (util-linux, an independent reader of mountinfo) says holds a path. */
function findmnt(path: string): { target: string; fstype: string } {
  const r = spawnSync('findmnt', ['-n', '-o', 'TARGET,FSTYPE', '-T', path], { encoding: 'utf8' });
  const [target, fstype] = r.stdout.trim().split(/\s+/);
  return { target: target!, fstype: fstype! };
}

t.test('detect on a real directory: kind, dev, the mount findmnt names, without init and without opening anything', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-detect-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = agent();
  t.teardown(() => c.kill());
  const r = await c.call<DetectResult>('detect', { target: dir }, 5000);
  if (!r.ok) return t.fail(r.error.message);
  const mnt = findmnt(dir);
  t.match(r.result, { path: dir, kind: 'dir', dev: devOf(dir, 'dev'), details: { mount: { mountPoint: mnt.target, fsType: mnt.fstype } } });
  t.equal(r.result.fsType, mnt.fstype);
  t.notOk(r.entry.calls.some((x) => x.call === 'open'), 'no open call in the transcript');
  t.ok(r.entry.calls.some((x) => x.call === 'statx'), 'statx is recorded');
});

t.test('detect: a missing path and a regular file are values, not failures', async (t) => {
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('detect', { target: '/nonexistent/coprobe/x' }, 5000), { ok: true, result: { kind: 'missing', details: { notes: [/does not exist/] } } });
  t.match(await c.call('detect', { target: '/etc/hostname' }, 5000), { ok: true, result: { kind: 'other', details: { notes: [/neither a directory nor a block device/] } } });
});

t.test('mountstats needs an init\'ed target, and fails as a value off NFS; init carries the details', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-detect-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('mountstats', {}, 5000), { ok: false, error: { code: 'ENOTARGET' } });
  const init = await c.call<TargetInfo>('init', { target: dir, runId: 'aaaabbbbccccdddd', writerId: 1, destroy: false }, 5000);
  t.match(init, { ok: true, result: { kind: 'dir', fsType: findmnt(dir).fstype, details: { mount: { mountPoint: findmnt(dir).target } } } });
  const ms = await c.call('mountstats', {}, 5000);
  if (init.ok && init.result.stack === 'nfs') t.match(ms, { ok: true, result: { ops: {} } });
  else t.match(ms, { ok: false, error: { code: 'ENOTNFS', message: /is not on NFS.*mountstats counts NFS RPCs only/ } });
});

t.test('detect on a loop device with direct I/O: transport, backing file, dio, without the destroy flag', { skip: noLoopReason() }, async (t) => {
  const dir = mkdtempSync(join('/var/tmp', 'coprobe-detect-loop-'));
  const file = join(dir, 'img');
  writeFileSync(file, Buffer.alloc(4 << 20, 0x5a));
  const before = readFileSync(file);
  const r = spawnSync('losetup', ['-f', '--show', '--direct-io=on', file], { encoding: 'utf8' });
  if (r.status !== 0) { rmSync(dir, { recursive: true, force: true }); return t.fail(`losetup: ${r.stderr}`); }
  const dev = r.stdout.trim();
  t.teardown(() => { spawnSync('losetup', ['-d', dev]); rmSync(dir, { recursive: true, force: true }); });
  const dio = spawnSync('losetup', ['-n', '-O', 'DIO', dev], { encoding: 'utf8' }).stdout.trim() === '1';
  const c = agent();
  t.teardown(() => c.kill());
  const d = await c.call<DetectResult>('detect', { target: dev }, 5000);
  t.match(d, { ok: true, result: { path: dev, kind: 'device', fsType: 'blockdev', stack: 'block', dev: devOf(dev, 'rdev'),
    details: { block: { transport: 'loop', backing: realpathSync(file), loopDirectIo: dio } } } });
  t.ok(d.ok && d.entry.calls.every((x) => x.call !== 'open'), 'the device was not opened');
  t.ok(readFileSync(file).equals(before), 'the backing file is unchanged');
  const init = await c.call<TargetInfo>('init', { target: dev, runId: 'aaaabbbbccccdddd', writerId: 1, destroy: true }, 5000);
  t.match(init, { ok: true, result: { kind: 'device', details: { block: { transport: 'loop', backing: realpathSync(file) } } } });
});
