import t from 'tap';
import { mergedOptions, mountDetails, mountFor, parseMountinfo, parseOptions, unescapeMountField } from '../src/detect/mountinfo.js';

// Lines in the kernel's format: the first ones copied from /proc/self/mountinfo on a Debian 12 VM, then well-known shapes.
const MOUNTINFO = [
  '22 27 0:21 / /proc rw,relatime - proc proc rw',
  '23 27 0:22 / /sys rw,relatime - sysfs sysfs rw',
  '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534',
  '28 27 0:25 / /mnt/sandboxing/model_tools_env/v1/python ro,nosuid,nodev,relatime - tmpfs model_tools_unavailable ro,size=4k,mode=755',
  '36 27 0:50 / /mnt/nfs rw,relatime shared:90 - nfs4 srv:/export rw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.0.0.2,local_lock=none,addr=10.0.0.1',
  '37 36 0:51 / /mnt/nfs/inner rw,relatime shared:91 master:3 - nfs 10.0.0.1:/export rw,vers=3,nocto,nosharecache,addr=10.0.0.1',
  '50 27 0:60 /sub /mnt/with\\040space ro,relatime - tmpfs tmp\\134fs rw,size=1024k',
  '51 27 254:0 /var/lib /mnt/bind rw,relatime - ext4 /dev/vda rw,discard',
  '52 27 0:61 / /mnt/bind rw,relatime - tmpfs over rw',
  'not a mountinfo line',
].join('\n');

t.test('octal escapes are undone', async (t) => {
  t.equal(unescapeMountField('/mnt/with\\040space\\011tab\\134back'), '/mnt/with space\ttab\\back');
});

t.test('each field is parsed, optional fields skipped, malformed lines dropped', async (t) => {
  const e = parseMountinfo(MOUNTINFO);
  t.equal(e.length, 9);
  t.match(e[2], { mountId: 27, parentId: 1, dev: '254:0', root: '/', mountPoint: '/', fsType: 'ext4', source: '/dev/vda', mountOptions: 'rw,relatime' });
  t.match(e[5], { mountId: 37, fsType: 'nfs', source: '10.0.0.1:/export', superOptions: 'rw,vers=3,nocto,nosharecache,addr=10.0.0.1' }, 'two optional fields before the separator');
  t.match(e[6], { root: '/sub', mountPoint: '/mnt/with space', source: 'tmp\\fs' });
});

t.test('options: flags and values; per-mount options overlay the superblock; ro wins', async (t) => {
  t.same(parseOptions('rw,vers=4.2,hard,,sec=sys'), { rw: '', vers: '4.2', hard: '', sec: 'sys' });
  const e = parseMountinfo(MOUNTINFO);
  t.same(mergedOptions(e[6]!), { size: '1024k', ro: '', relatime: '' }, 'ro per mount over a rw superblock');
  t.match(mergedOptions(e[4]!), { rw: '', relatime: '', vers: '4.2', addr: '10.0.0.1', local_lock: 'none' });
});

t.test('the mount holding a path: longest mount point prefix, the later of two at one point, not a mere string prefix', async (t) => {
  const e = parseMountinfo(MOUNTINFO);
  t.equal(mountFor(e, '/mnt/nfs/dir/x')?.mountId, 36);
  t.equal(mountFor(e, '/mnt/nfs/inner')?.mountId, 37);
  t.equal(mountFor(e, '/mnt/nfsish')?.mountId, 27, '/mnt/nfsish is not under /mnt/nfs');
  t.equal(mountFor(e, '/mnt/with space/a')?.mountId, 50);
  t.equal(mountFor(e, '/mnt/bind/y')?.mountId, 52, 'overmounted: the last mount at a point is the visible one');
  t.equal(mountFor(e, '/var/tmp')?.mountId, 27);
  t.equal(mountFor([], '/x'), undefined);
});

t.test('mount details carry the merged options and the superblock dev', async (t) => {
  const e = parseMountinfo(MOUNTINFO);
  t.match(mountDetails(mountFor(e, '/mnt/nfs')!), { mountId: 36, mountPoint: '/mnt/nfs', fsType: 'nfs4', source: 'srv:/export', dev: '0:50', options: { vers: '4.2', clientaddr: '10.0.0.2' } });
});
