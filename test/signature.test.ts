import t from 'tap';
import { spawnSync } from 'node:child_process';
import { builtinSignature, deviceInUse, detectSignature } from '../src/agent/signature.js';
import { loopDevice, noLoopReason } from './fixtures/root.js';
import { agent } from './fixtures/agent.js';

t.test('built-in signatures are found at their offsets', async (t) => {
  const head = Buffer.alloc(68 * 1024);
  t.equal(builtinSignature(head), null);
  head[510] = 0x55; head[511] = 0xaa;
  t.equal(builtinSignature(head), 'dos partition table');
  const ext = Buffer.alloc(68 * 1024);
  ext.writeUInt16LE(0xef53, 1080);
  t.equal(builtinSignature(ext), 'ext2/3/4');
});

t.test('a mounted device is in use, found from mountinfo', async (t) => {
  const mi = '36 35 7:3 / /mnt/x rw,relatime shared:1 - ext4 /dev/loop3 rw\n';
  t.equal(deviceInUse(7, 3, mi), 'it is mounted at /mnt/x');
  t.equal(deviceInUse(7, 4, mi), null);
});

t.test('real loop devices: blank, with ext4, and the agent refusing without the destructive flag', { skip: noLoopReason() }, async (t) => {
  const blank = loopDevice();
  t.teardown(() => blank.detach());
  t.equal(detectSignature(blank.dev), null, 'a blank device has no signature');
  const fs = loopDevice();
  t.teardown(() => fs.detach());
  const mk = spawnSync('mkfs.ext4', ['-q', fs.dev]);
  if (mk.status !== 0) return t.skip('mkfs.ext4 not available');
  t.match(detectSignature(fs.dev), /ext4/);
  const c = agent();
  t.teardown(() => c.kill());
  const runId = '0000111122223333';
  t.match(await c.call('init', { target: fs.dev, runId, writerId: 1, destroy: false }, 10_000),
    { ok: false, error: { code: 'EDESTROY', message: /carries a signature \(.*ext4.*\).*--destroy-data-on-device/ } });
  t.match(await c.call('init', { target: blank.dev, runId, writerId: 1, destroy: false }, 10_000),
    { ok: false, error: { code: 'EDESTROY', message: /--destroy-data-on-device/ } }, 'even a blank device needs the flag');
  t.match(await c.call('init', { target: blank.dev, runId, writerId: 1, destroy: true }, 10_000),
    { ok: true, result: { kind: 'device', stack: 'block', logicalBlockSize: 512, deviceSize: 16 * 1024 * 1024 } });
});
