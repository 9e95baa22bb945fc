import t from 'tap';
import { backendOf, capsOf, effectiveMode, isUserspace, lacking, missingCapability } from '../src/caps.js';
import type { TargetInfo } from '../src/protocol/results.js';
import { LIBC_CAPS } from '../native-bindings/libc-backend.js';

const base = { fsType: 'x', stack: 'block', dev: 'd', logicalBlockSize: 512, dioMemAlign: 512 } as const;
const dev: TargetInfo = { ...base, path: '/dev/loop0', kind: 'device' };
const dir: TargetInfo = { ...base, path: '/mnt', kind: 'dir', stack: 'local' };
const lun: TargetInfo = {
  ...base, path: 'iscsi://h/i/1', kind: 'device', backend: 'libiscsi',
  caps: { ...LIBC_CAPS, pageCache: false, direct: false, files: false, locks: false, fadvise: false, blkflsbuf: false, setfl: false, mountstats: false },
};

t.test('records without a backend are libc, with the kind deciding files and BLKFLSBUF', async (t) => {
  t.equal(backendOf(dev), 'libc');
  t.notOk(isUserspace(dev));
  t.equal(capsOf(dev).blkflsbuf, true);
  t.equal(capsOf(dev).files, false);
  t.equal(capsOf(dir).files, true);
  t.equal(capsOf(dir).blkflsbuf, false);
  t.ok(isUserspace(lun));
});

t.test('without a page cache O_DIRECT and buffered collapse; with one they do not', async (t) => {
  t.same(['none', 'directsync', 'writethrough', 'writeback', 'unsafe'].map((m) => effectiveMode(m as never, lun)), ['writeback', 'writethrough', 'writethrough', 'writeback', 'unsafe']);
  t.equal(effectiveMode('none', dev), 'none');
});

t.test('a missing capability is named with the side and its backend', async (t) => {
  t.equal(missingCapability(lun, ['files', 'locks']), 'files');
  t.equal(missingCapability(dev, ['locks', 'fadvise']), undefined);
  t.match(lacking({ a: dev, b: lun }, { b: ['locks'] }), /needs file locks on side b; side b \(libiscsi, userspace, iscsi:\/\/h\/i\/1\) has none/);
  t.match(lacking({ a: dir, b: dev }, { b: ['files'] }), /side b \(block device \/dev\/loop0\)/);
  t.equal(lacking({ a: lun, b: dev }, { b: ['blkflsbuf'] }), undefined);
});
