import t from 'tap';
import { IO_MODES, MODE_TRAITS } from '../src/modes.js';
import { libvirtClusterFs, libvirtDisagreement, libvirtOpinion, libvirtSummary } from '../src/verdict/libvirt.js';
import { modeVerdicts } from '../src/verdict/modes.js';
import { QEMU_BEHAVIOURS } from '../src/verdict/types.js';
import { handoff, runRecord, target } from './fixtures/verdict-records.js';

t.test('cluster filesystems libvirt knows: any mode, either behaviour', async (t) => {
  const gluster = { mount: { mountId: 1, mountPoint: '/g', fsType: 'fuse.glusterfs', source: 's:/v', options: {}, dev: '0:50' }, notes: [] };
  const cases = [
    target({ stack: 'cluster', fsType: 'gfs2' }), target({ stack: 'cluster', fsType: 'ocfs2' }), target({ stack: 'cluster', fsType: 'ceph' }),
    target({ stack: 'fuse', fsType: 'fuse', details: gluster }), target({ stack: 'fuse', fsType: 'fuse', details: { fuseSubtype: 'glusterfs', notes: [] } }),
    target({ stack: 'other', fsType: 'glusterfs' }),
  ];
  for (const tg of cases) {
    t.ok(libvirtClusterFs(tg), `${tg.fsType} ${JSON.stringify(tg.details ?? {})}`);
    for (const m of IO_MODES) for (const b of QEMU_BEHAVIOURS) t.equal(libvirtOpinion(tg, m, b).allows, true);
  }
  t.equal(libvirtClusterFs(target({ stack: 'cluster', fsType: 'gpfs' })), undefined, 'GPFS is shared, not a cluster FS, to libvirt');
  t.equal(libvirtClusterFs(target({ stack: 'fuse', fsType: 'fuse', details: { fuseSubtype: 'sshfs', notes: [] } })), undefined);
});

t.test('elsewhere: none/directsync allowed, buffered modes only with drop-cache; local filesystems refused', async (t) => {
  for (const tg of [target(), target({ stack: 'nfs', fsType: 'nfs' })]) {
    for (const m of IO_MODES) {
      t.equal(libvirtOpinion(tg, m, 'drop-cache').allows, true, `${tg.stack} ${m} drop-cache`);
      t.equal(libvirtOpinion(tg, m, 'no-drop-cache').allows, MODE_TRAITS[m].direct, `${tg.stack} ${m} no-drop-cache`);
    }
  }
  t.match(libvirtOpinion(target({ stack: 'nfs', fsType: 'nfs' }), 'writeback', 'no-drop-cache').why, /cache=writeback without drop-cache: libvirt refuses/);
  for (const m of IO_MODES) t.equal(libvirtOpinion(target({ stack: 'local', fsType: 'ext4' }), m, 'drop-cache').allows, false, `local ${m}`);
});

t.test('disagreements are flagged both ways, never on UNKNOWN', async (t) => {
  const allows = { allows: true, why: 'x' };
  const refuses = { allows: false, why: 'y' };
  t.match(libvirtDisagreement(allows, 'UNSAFE', 'none'), /libvirt allows cache=none here \(x\), but the measurement is UNSAFE/);
  t.match(libvirtDisagreement(refuses, 'SAFE', 'writeback'), /libvirt refuses cache=writeback here \(y\), but the measurement is SAFE/);
  t.equal(libvirtDisagreement(allows, 'SAFE', 'none'), undefined);
  t.equal(libvirtDisagreement(refuses, 'UNSAFE', 'none'), undefined);
  t.equal(libvirtDisagreement(allows, 'UNKNOWN', 'none'), undefined);
  t.equal(libvirtDisagreement(refuses, 'UNKNOWN', 'none'), undefined);
});

t.test('libvirt judges the source side; the summary counts disagreements among measured pairs', async (t) => {
  const run = runRecord({ a: { stack: 'local', fsType: 'ext4' }, b: { stack: 'block' } });
  const vs = modeVerdicts(run, [handoff('none', 'none')], 'block');
  t.equal(vs[0]!.libvirt.allows, false, 'a is on a local filesystem');
  t.equal(libvirtSummary(vs), 'libvirt\'s decision disagrees with the measurement in 2 of 2 measured mode × QEMU pairs (verdict table)');
});
