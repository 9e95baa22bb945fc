import t from 'tap';
import { CLAIMS, type ClaimId } from '../src/claims.js';
import { IO_MODES, MODE_TRAITS } from '../src/modes.js';
import { expectation, profile, profileKeyOf } from '../src/verdict/profiles.js';
import { predictVerdict } from '../src/verdict/predictions.js';
import { CLAIM_SCOPE, PROFILE_KEYS, type ProfileKey } from '../src/verdict/scope.js';
import { target } from './fixtures/verdict-records.js';

const applying = (k: ProfileKey) => profile(k).filter((e) => e.applies).map((e) => e.claim);

t.test('every profile has one expectation per claim, and a reason for each', async (t) => {
  for (const k of PROFILE_KEYS) {
    t.same(profile(k).map((e) => e.claim), Object.keys(CLAIMS), k);
    for (const e of profile(k)) t.ok(e.why.length > 20, `${k} ${e.claim} has a reason`);
  }
  for (const [c, s] of Object.entries(CLAIM_SCOPE)) for (const p of s.predicts) t.ok(s.stacks.includes(p), `${c}: predicts only where it applies`);
});

t.test('NFS: the NFS claims apply and are predicted to hold; block and cluster claims do not apply', async (t) => {
  const nfs = applying('nfs');
  for (const c of Object.keys(CLAIMS).filter((c) => c.startsWith('NFS-')) as ClaimId[]) t.ok(nfs.includes(c), c);
  t.ok(nfs.includes('LOCK-INVALIDATES') && nfs.includes('READAHEAD'));
  t.equal(expectation('nfs', 'NFS-CTO').predicts, 'holds');
  t.notOk(nfs.includes('BLOCK-PAGECACHE-INCOHERENT') || nfs.includes('CLUSTER-FS-ANY-CACHE'));
  t.match(expectation('nfs', 'BLOCK-CACHE-NONE-ONLY').why, /the QEMU wiki .* makes this claim about shared block storage .*, not about NFS/);
});

t.test('block: the block claims apply; NFS claims do not', async (t) => {
  const block = applying('block');
  t.ok(['BLOCK-PROTOCOL-COHERENT', 'BLOCK-PAGECACHE-INCOHERENT', 'BLOCK-CACHE-NONE-ONLY', 'HANDOFF', 'QEMU-DROP-CACHE'].every((c) => block.includes(c as ClaimId)));
  t.notOk(block.includes('LOCK-INVALIDATES'));
  t.equal(expectation('block', 'BLOCK-PAGECACHE-INCOHERENT').predicts, 'holds');
  t.equal(expectation('block', 'QEMU-DROP-CACHE').predicts, undefined, 'drop-cache: the stack decides');
  t.match(expectation('block', 'QEMU-DROP-CACHE').why, /predicts nothing here: the stack decides/);
});

t.test('cluster, userspace iSCSI, local, fuse and other', async (t) => {
  t.ok(applying('cluster').includes('CLUSTER-FS-ANY-CACHE'));
  t.ok(applying('cluster').includes('EARLY-READ-64K'), 'existential: a clustered stack that shows the early-read hazard has it');
  t.ok(applying('iscsi-user').includes('BLOCK-CACHE-NONE-ONLY'));
  t.notOk(applying('iscsi-user').includes('BLOCK-PAGECACHE-INCOHERENT'), 'no host page cache');
  t.notOk(applying('iscsi-user').includes('QEMU-DROP-CACHE'));
  const local = applying('local');
  t.same(local.sort(), ['HANDOFF', 'LIBVIRT-POLICY', 'QCOW2-METADATA', 'QCOW2-REOPEN', 'QED-DIRTY', 'QEMU-DROP-CACHE', 'RAW-SIZE'], 'local: only what is about QEMU itself');
  t.match(expectation('local', 'NFS-CTO').why, /one kernel and one page cache/);
  for (const k of ['fuse', 'other'] as const) {
    t.notOk(applying(k).some((c) => c.startsWith('NFS-') || c.startsWith('BLOCK-') || c === 'CLUSTER-FS-ANY-CACHE'), k);
    t.equal(expectation(k, 'EARLY-READ-64K').predicts, undefined, `${k}: the thread says nothing about it`);
  }
});

t.test('a FUSE client of a clustered filesystem is judged with the cluster profile', async (t) => {
  t.same(profileKeyOf(target({ stack: 'fuse', fsType: 'fuse', details: { fuseSubtype: 'glusterfs', notes: [] } })).key, 'cluster');
  t.match(profileKeyOf(target({ stack: 'fuse', fsType: 'fuse.ceph-fuse' })).note, /FUSE client of ceph-fuse/);
  t.same(profileKeyOf(target({ stack: 'fuse', fsType: 'fuse.sshfs' })), { key: 'fuse' });
  t.same(profileKeyOf(target({ stack: 'nfs', fsType: 'nfs' })), { key: 'nfs' });
});

t.test('mode predictions per profile', async (t) => {
  for (const m of IO_MODES) {
    const d = MODE_TRAITS[m].direct;
    t.equal(predictVerdict('cluster', m, 'no-drop-cache')?.verdict, 'SAFE');
    t.equal(predictVerdict('cluster', m, 'drop-cache')?.claim, 'CLUSTER-FS-ANY-CACHE');
    t.equal(predictVerdict('iscsi-user', m, 'no-drop-cache')?.verdict, 'SAFE');
    t.equal(predictVerdict('block', m, 'no-drop-cache')?.verdict, d ? 'SAFE' : 'UNSAFE', `block ${m}`);
    t.equal(predictVerdict('block', m, 'drop-cache')?.verdict, d ? 'SAFE' : undefined, `block ${m} drop-cache`);
    t.equal(predictVerdict('nfs', m, 'no-drop-cache')?.verdict, d ? 'SAFE' : 'UNSAFE', `nfs ${m}`);
    t.equal(predictVerdict('nfs', m, 'drop-cache')?.verdict, d ? 'SAFE' : undefined, `nfs ${m} drop-cache`);
    for (const k of ['local', 'fuse', 'other'] as const) t.equal(predictVerdict(k, m, 'no-drop-cache'), undefined, `${k} ${m}`);
  }
  t.equal(predictVerdict('nfs', 'none', 'no-drop-cache')?.claim, 'NFS-CACHE-NONE-SAFE');
  t.equal(predictVerdict('nfs', 'directsync', 'no-drop-cache')?.claim, 'NFS-ODIRECT-READ');
});
