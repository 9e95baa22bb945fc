// What the lab needs on the host: packages named once each, a service's packages added when a scenario needs it; not
// root is refused before anything else.
import t from 'tap';
import { checkRequirements, missingPackages, which } from '../src/lab/requirements.js';
import { LabError } from '../src/lab/errors.js';

const none = () => false;
const all = () => true;

t.test('missingPackages with nothing installed: each base package once, in order', async (t) => {
  const base = missingPackages([], none);
  t.same(base, ['qemu-system-x86', 'busybox-static', 'kmod', 'xz-utils', 'apt', 'dpkg', 'iproute2', 'util-linux', 'e2fsprogs']);
  t.equal(new Set(base).size, base.length, 'no package twice (modprobe and depmod are both kmod)');
});

t.test('services add their packages, deduplicated across services', async (t) => {
  const nfs = missingPackages(['nfs-server'], none);
  t.same(nfs.slice(-3), ['nfs-kernel-server', 'nfs-common', 'rpcbind']);
  t.same(missingPackages(['nfs-server', 'client-b-namespaces', 'nfs-server'], none), nfs, 'the namespaces add nothing; a service twice adds nothing');
  const iscsi = missingPackages(['iscsi-target', 'iscsi-initiator'], none);
  t.same(iscsi.slice(-2), ['tgt', 'open-iscsi']);
  t.same(missingPackages([], all), [], 'everything there: nothing missing');
});

t.test('only the commands that are missing count', async (t) => {
  const asked: string[] = [];
  const has = (c: string) => { asked.push(c); return !['depmod', 'rpc.statd', 'tgtadm'].includes(c); };
  t.same(missingPackages(['nfs-server', 'iscsi-target'], has), ['kmod', 'nfs-common', 'tgt']);
  t.ok(asked.includes('nsenter') && asked.includes('mount.nfs') && asked.includes('tgtd'), 'the commands themselves are looked for');
  t.notOk(asked.includes('iscsiadm'), 'a service not asked for is not looked for');
});

t.test('which: finds sh; a missing command is undefined', async (t) => {
  t.match(which('sh', '/nonexistent-dir'), /\/sh$/, 'the sbin and bin directories are searched as well as PATH');
  t.equal(which('coprobe-no-such-command-x'), undefined);
});

t.test('checkRequirements as uid 1000: LAB_REQUIREMENTS saying it needs root', async (t) => {
  try {
    checkRequirements(['nfs-server'], 1000);
    t.fail('expected a LabError');
  } catch (err) {
    t.ok(err instanceof LabError, 'a LabError');
    t.equal((err as LabError).code, 'LAB_REQUIREMENTS');
    t.match((err as Error).message, /needs root/);
  }
});
