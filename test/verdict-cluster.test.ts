import t from 'tap';
import { IO_MODES, MODE_TRAITS } from '../src/modes.js';
import type { TargetInfo } from '../src/protocol/results.js';
import type { ClusterFacts } from '../src/detect/types.js';
import { claimTable } from '../src/verdict/claims.js';
import { clusterSettings, describeCluster, imageSize } from '../src/verdict/cluster.js';
import { qemuRemedy } from '../src/verdict/handoff.js';
import { libvirtOpinion, libvirtSharedFs } from '../src/verdict/libvirt.js';
import { modeVerdicts } from '../src/verdict/modes.js';
import { expectation, profileKeyOf } from '../src/verdict/profiles.js';
import { QEMU_BEHAVIOURS } from '../src/verdict/types.js';
import { LIBC_CAPS } from '../native-bindings/libc-backend.js';
import { handoff, runRecord, sideOf, target } from './fixtures/verdict-records.js';

const mount = (fsType: string) => ({ mountId: 1, mountPoint: '/m', fsType, source: 'h:/v', options: {}, dev: '0:50' });
const gluster: ClusterFacts = { system: 'glusterfs', client: 'fuse', name: 'coprobe', options: { 'performance.quick-read': 'on', 'performance.strict-o-direct': 'off' }, source: 'gluster volume get coprobe all' };
const glusterFuse = target({ stack: 'cluster', fsType: 'fuse.glusterfs', details: { mount: mount('fuse.glusterfs'), fuseSubtype: 'glusterfs', cluster: gluster, notes: [] } });
const cephFuse = target({ stack: 'cluster', fsType: 'fuse.ceph-fuse', details: { mount: mount('fuse.ceph-fuse'), fuseSubtype: 'ceph-fuse', notes: [] } });
const cephKernel = target({ stack: 'cluster', fsType: 'ceph', details: { mount: mount('ceph'), notes: [] } });
const gpfs = target({ stack: 'cluster', fsType: 'gpfs' });
const krbd = target({ kind: 'device', details: { block: { transport: 'rbd', backing: 'rbd/img', sysfs: '/sys/x' }, notes: [] } });
const userspace = (backend: 'librbd' | 'libgfapi', activation: 'invalidate' | 'none'): TargetInfo => ({
  ...target(backend === 'librbd' ? { kind: 'device' } : { stack: 'cluster', fsType: 'glusterfs' }), backend,
  caps: { ...LIBC_CAPS, fadvise: false, blkflsbuf: false, setfl: false, mountstats: false, locks: false, openAs: false, invalidate: activation === 'invalidate', activation, flush: 'x', syncWrite: 'y' },
});
const librbd = userspace('librbd', 'invalidate');
const gfapi = userspace('libgfapi', 'none');

t.test('each clustered stack has its profile; CLUSTER-FS-ANY-CACHE applies to the filesystems, not to RBD', async (t) => {
  const keys: [TargetInfo, string][] = [[glusterFuse, 'cluster'], [cephFuse, 'cluster'], [cephKernel, 'cluster'], [gpfs, 'cluster'], [krbd, 'krbd'], [librbd, 'rbd-user'], [gfapi, 'gluster-user']];
  for (const [tg, key] of keys) {
    const p = profileKeyOf(tg);
    t.equal(p.key, key, `${tg.fsType || tg.backend || tg.details?.block?.transport}`);
    const rbd = key === 'krbd' || key === 'rbd-user';
    if (rbd) t.match(expectation(p.key, 'CLUSTER-FS-ANY-CACHE'), { applies: false, why: /about clustered filesystems .*, not about .*RBD/ }, `${key}: an RBD image is not a file on a clustered filesystem`);
    else t.same(expectation(p.key, 'CLUSTER-FS-ANY-CACHE'), { claim: 'CLUSTER-FS-ANY-CACHE', applies: true, predicts: 'holds', why: expectation('cluster', 'CLUSTER-FS-ANY-CACHE').why });
  }
  t.match(expectation('krbd', 'BLOCK-CACHE-NONE-ONLY'), { applies: true, predicts: 'holds' }, 'krbd: a network block device, as the wiki\'s iSCSI');
  t.match(profileKeyOf(gfapi).note!, /deprecated since QEMU 9\.2/, 'the gluster:// driver\'s deprecation is said');
  // krbd is a kernel block device: the block claims apply too; QEMU-DROP-CACHE applies (file-posix on /dev/rbdN), not on librbd.
  t.ok(expectation('krbd', 'BLOCK-PAGECACHE-INCOHERENT').applies);
  t.ok(expectation('krbd', 'QEMU-DROP-CACHE').applies);
  t.notOk(expectation('rbd-user', 'QEMU-DROP-CACHE').applies);
  t.ok(expectation('rbd-user', 'INVALIDATE-REMEDY').applies, 'rbd_invalidate_cache is a remedy for a client cache');
  t.notOk(expectation('gluster-user', 'NFS-CTO').applies);
});

t.test('QEMU\'s remedy follows its driver: rbd invalidates in both behaviours, gluster:// has no hook, file-posix fadvises with drop-cache', async (t) => {
  for (const m of IO_MODES) for (const b of QEMU_BEHAVIOURS) {
    const direct = MODE_TRAITS[m].direct;
    t.equal(qemuRemedy(m, b, 'invalidate'), direct ? 'none' : 'invalidate', `rbd ${m} ${b}`);
    t.equal(qemuRemedy(m, b, 'none'), 'none', `gluster ${m} ${b}`);
    t.equal(qemuRemedy(m, b, 'fadvise'), direct || b === 'no-drop-cache' ? 'none' : 'fadvise', `file-posix ${m} ${b}`);
  }
});

t.test('libvirt: ceph-fuse is not shared storage to it; network disks are safe; GPFS is shared but not a cluster FS', async (t) => {
  for (const m of IO_MODES) for (const b of QEMU_BEHAVIOURS) {
    const o = libvirtOpinion(cephFuse, m, b);
    t.equal(o.allows, false, `ceph-fuse ${m} ${b}`);
    t.match(o.why, /fuse\.ceph-fuse is not a filesystem libvirt knows as shared/);
    t.equal(libvirtOpinion(glusterFuse, m, b).allows, true);
    t.equal(libvirtOpinion(cephKernel, m, b).allows, true);
    t.match(libvirtOpinion(librbd, m, b), { allows: true, why: /network disk \(rbd: through librbd\)/ });
    t.match(libvirtOpinion(gfapi, m, b), { allows: true, why: /network disk \(gluster:\/\/ through libgfapi\)/ });
    t.equal(libvirtOpinion(gpfs, m, b).allows, MODE_TRAITS[m].direct || b === 'drop-cache', `gpfs ${m} ${b}: the mode rule`);
    t.equal(libvirtOpinion(krbd, m, b).allows, MODE_TRAITS[m].direct || b === 'drop-cache', `krbd ${m} ${b}: a block disk, the mode rule`);
  }
  t.notOk(libvirtSharedFs(target({ stack: 'fuse', fsType: 'fuse.sshfs', details: { fuseSubtype: 'sshfs', notes: [] } })));
  t.ok(libvirtSharedFs(target({ stack: 'nfs', fsType: 'nfs4' })));
  t.notOk(libvirtSharedFs(target({ stack: 'other', fsType: '9p' })), '9p is not shared to libvirt');
});

t.test('settings in force and image size are named', async (t) => {
  t.equal(describeCluster(gluster), 'glusterfs coprobe (fuse client): performance.quick-read=on, performance.strict-o-direct=off [gluster volume get coprobe all]');
  const run = { sides: { a: sideOf(glusterFuse), b: sideOf(glusterFuse, 'h2') } };
  t.equal(clusterSettings(run), `settings in force: ${describeCluster(gluster)}`);
  const other = target({ stack: 'cluster', fsType: 'fuse.glusterfs', details: { fuseSubtype: 'glusterfs', cluster: { ...gluster, options: {} }, notes: [] } });
  t.match(clusterSettings({ sides: { a: sideOf(glusterFuse), b: sideOf(other, 'h2') } }), /^settings in force: side a .*; side b glusterfs coprobe \(fuse client\): no options read/);
  t.equal(clusterSettings({ sides: { a: sideOf(krbd), b: sideOf(krbd, 'h2') } }), undefined);
  t.equal(imageSize({ read: { blocks: 1024, counts: {} as never } }, 4096), 'a 4096 KiB image (1024 blocks of 4096 bytes)');
});

t.test('CLUSTER-FS-ANY-CACHE: universal over the cache mode, per QEMU behaviour; the split, the image size and the options are in the row', async (t) => {
  const run = { ...runRecord({ a: { stack: 'cluster', fsType: 'fuse.glusterfs', details: glusterFuse.details! } }), probes: ['HAND1'] };
  const probes = IO_MODES.flatMap((m) => [handoff(m, 'none', MODE_TRAITS[m].direct ? {} : { bad: 4 })]);
  const verdicts = modeVerdicts(run, probes, 'cluster');
  t.equal(verdicts.find((v) => v.mode === 'writeback' && v.behaviour === 'no-drop-cache')!.verdict, 'UNSAFE');
  const wb = verdicts.find((v) => v.mode === 'writeback' && v.behaviour === 'no-drop-cache')!;
  t.match(wb.contradiction, /CLUSTER-FS-ANY-CACHE says cache=writeback is safe .* Measured with a 4096 KiB image .*; settings in force: glusterfs coprobe \(fuse client\): performance\.quick-read=on/);
  const row = claimTable({ run, probes, catalogue: [{ code: 'HAND1', claims: ['HANDOFF'] }], key: 'cluster', verdicts }).find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  // Without drop-cache the buffered modes are UNSAFE: violated for QEMU < 4.0; with it only the O_DIRECT modes were
  // measured (no fadvise run here), all SAFE: holds for QEMU ≥ 4.0. Conditional: mixed, split by the QEMU behaviour.
  t.equal(row.status, 'mixed', 'one UNSAFE mode violates it under that behaviour; the other behaviour holds');
  t.same(row.split, [{ condition: 'QEMU < 4.0 (no drop-cache)', status: 'violated', checks: 3 }, { condition: 'QEMU ≥ 4.0 (drop-cache on activation)', status: 'holds', checks: 2 }]);
  t.match(row.note, /regardless of the caching option used/);
  t.match(row.contradiction, /but for QEMU < 4\.0 \(no drop-cache\) HAND1/);
  t.match(row.note, /decided by HAND1 on a 4096 KiB image \(1024 blocks of 4096 bytes\) \(the other probes use files of 64 KiB/);
  t.match(row.note, /settings in force: glusterfs coprobe/);
  t.match(row.contradiction, /The stack contradicts the QEMU wiki page/);
  // Stale after drop-cache too (quick-read on a small image): violated under both behaviours.
  const worse = IO_MODES.flatMap((m) => [handoff(m, 'none', { bad: 4 }), ...(MODE_TRAITS[m].direct ? [] : [handoff(m, 'fadvise', { bad: 4 })])]);
  const both = claimTable({ run, probes: worse, catalogue: [], key: 'cluster', verdicts: modeVerdicts(run, worse, 'cluster') }).find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  t.equal(both.status, 'violated');
  t.same([...new Set(both.evidence.map((e) => e.condition))].sort(), ['QEMU < 4.0 (no drop-cache)', 'QEMU ≥ 4.0 (drop-cache on activation)'], 'violated under both behaviours');
  const safe = modeVerdicts(run, IO_MODES.map((m) => handoff(m, 'none')), 'cluster');
  const ok = claimTable({ run, probes: IO_MODES.map((m) => handoff(m, 'none')), catalogue: [], key: 'cluster', verdicts: safe }).find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  t.equal(ok.status, 'holds');
  const rbdRow = claimTable({ run, probes, catalogue: [], key: 'rbd-user', verdicts }).find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  t.equal(rbdRow.status, 'not-applicable');
});

t.test('two option profiles of one volume are two matrix rows; the label and details name the settings', async (t) => {
  const { stackKeyOf } = await import('../src/report/merge/stack-key.js');
  const { stackWords } = await import('../src/report/merge/stack-label.js');
  const { describeSide } = await import('../src/report/describe.js');
  const withOpts = (options: Record<string, string>, source: string) => runRecord({ a: { stack: 'cluster', fsType: 'fuse.glusterfs', details: { ...glusterFuse.details!, cluster: { ...gluster, options, source } } } });
  const defaults = withOpts(gluster.options, 'gluster volume get coprobe all at 127.0.0.2');
  const virt = withOpts({ ...gluster.options, 'performance.quick-read': 'off', 'performance.strict-o-direct': 'on' }, 'gluster volume get coprobe all at 127.0.0.2');
  t.not(stackKeyOf(virt), stackKeyOf(defaults), 'other volume options: another row');
  t.equal(stackKeyOf(withOpts(gluster.options, 'read elsewhere')), stackKeyOf(defaults), 'where the options were read from is not part of the stack');
  const w = stackWords(virt);
  t.match(w.label, /^both sides: glusterfs coprobe through FUSE \(glusterfs\)/);
  t.ok(w.details.includes('a, b: glusterfs coprobe (fuse client): performance.quick-read=off, performance.strict-o-direct=on'), w.details.join('\n'));
  t.ok(describeSide(virt, 'b').details.some((l) => /performance\.strict-o-direct=on \[gluster volume get/.test(l)), 'the run header shows the options and their source');
});

t.test('GPFS: detected, judged with the cluster profile, and the report says coprobe never measured it', async (t) => {
  const { fsName, stackClassOf } = await import('../src/stack.js');
  t.equal(fsName(0x47504653), 'gpfs');
  t.equal(stackClassOf('dir', 0x47504653), 'cluster');
  const p = profileKeyOf(gpfs);
  t.equal(p.key, 'cluster');
  t.match(p.note, /coprobe's own tests have never run on GPFS/);
  t.match(libvirtOpinion(gpfs, 'writeback', 'no-drop-cache').why, /without drop-cache: libvirt refuses/, 'GPFS is shared but not a cluster FS to libvirt');
});

t.test('CLUSTER-FS-ANY-CACHE on GlusterFS with quick-read on: the row says what a small image would meet', async (t) => {
  const on = { ...glusterFuse.details!, cluster: { ...gluster, options: { 'performance.quick-read': 'on', 'performance.io-cache': 'off', 'performance.read-ahead': 'off' } } };
  const off = { ...glusterFuse.details!, cluster: { ...gluster, options: { 'performance.quick-read': 'off', 'performance.io-cache': 'off', 'performance.read-ahead': 'off' } } };
  const probes = IO_MODES.map((m) => handoff(m, 'none'));
  const rowFor = (details: typeof on) => {
    const run = { ...runRecord({ a: { stack: 'cluster', fsType: 'fuse.glusterfs', details } }), probes: ['HAND1'] };
    return claimTable({ run, probes, catalogue: [], key: 'cluster', verdicts: modeVerdicts(run, probes, 'cluster') }).find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  };
  t.match(rowFor(on).note, /quick-read \(performance.quick-read on\): it holds files up to its cache-max-file-size .* \(measure them with --image-size 64K\)/);
  t.notMatch(rowFor(off).note ?? '', /cache-max-file-size/, 'the virt profile (quick-read off): no such caveat');
});

t.test('the quick-read note follows the image that decided the row: an image quick-read holds whole is named so', async (t) => {
  const on = { ...glusterFuse.details!, cluster: { ...gluster, options: { 'performance.quick-read': 'on', 'performance.io-cache': 'off', 'performance.read-ahead': 'off' } } };
  const run = { ...runRecord({ a: { stack: 'cluster', fsType: 'fuse.glusterfs', details: on } }), probes: ['HAND1'], blockSize: 64 };
  const probes = IO_MODES.map((m) => handoff(m, 'none'));
  const row = claimTable({ run, probes, catalogue: [], key: 'cluster', verdicts: modeVerdicts(run, probes, 'cluster') }).find((r) => r.claim === 'CLUSTER-FS-ANY-CACHE')!;
  t.match(row.note, /decided by HAND1 on a 64 KiB image/);
  t.match(row.note, /this row was decided on an image that small/);
  t.notMatch(row.note, /says nothing about such images/);
});
