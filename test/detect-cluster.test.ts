// Reading a clustered filesystem's coherence settings into details.cluster: GlusterFS live (two volumes, two option
// profiles, FUSE client options), bounded when the server does not answer; CephFS kernel mounts from mountinfo text
// (no ceph module here), ceph-fuse from its conf file when no admin socket answers.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackDetails } from '../src/detect/details.js';
import { readMountinfo, parseMountinfo } from '../src/detect/mountinfo.js';
import { splitGlusterSource, longOptions } from '../src/detect/cluster.js';
import { ensureGluster, noGlusterReason, GLUSTER_VIRT_OPTIONS, type GlusterMount } from './fixtures/gluster.js';
import { packageRoot } from '../src/package-info.js';

const skip = noGlusterReason();
const gluster = skip ? undefined : ensureGluster();
t.teardown(() => gluster?.release());

/** details of a live directory: the real mountinfo, the real processes, the real server. */
function detailsOf(m: GlusterMount) {
  const e = parseMountinfo(readMountinfo()).find((x) => x.mountPoint === m.dir)!;
  return stackDetails({ path: m.dir, kind: 'dir', dev: e.dev });
}

t.test('GlusterFS FUSE mounts: the volume options read from the server, the FUSE options from the client, the two profiles differ', { skip }, async (t) => {
  const plain = gluster!.mount('coprobe');
  const virt = gluster!.mount('coprobe-virt', ['--attribute-timeout=0', '--fopen-keep-cache=off']);
  t.teardown(() => { plain.unmount(); virt.unmount(); });
  const started = Date.now();
  const p = detailsOf(plain).cluster!;
  const v = detailsOf(virt).cluster!;
  t.ok(Date.now() - started < 5000, `two detections took ${Date.now() - started} ms`);
  t.match(p, { system: 'glusterfs', client: 'fuse', name: 'coprobe' });
  t.match(v, { system: 'glusterfs', client: 'fuse', name: 'coprobe-virt' });
  t.match(p.source, /client volfile from 127\.0\.0\.2 \(gluster system:: getspec coprobe\).*volume info coprobe.*FUSE client's command line \(glusterfs pid \d+\)/);
  t.notMatch(p.source, /could not read/, 'every source answered');
  // Defaults: the client graph carries quick-read, write-behind, open-behind and md-cache; read-ahead and io-cache are off since 9.0.
  t.match(p.options, {
    'performance.quick-read': 'on', 'performance.write-behind': 'on', 'performance.open-behind': 'on', 'performance.stat-prefetch': 'on',
    'performance.read-ahead': 'off', 'performance.io-cache': 'off', 'features.shard': 'off', 'performance.nl-cache': 'off',
    'fuse.attribute-timeout': '1 (default)', 'fuse.entry-timeout': '1 (default)', 'fuse.fopen-keep-cache': 'auto (default)',
  });
  t.equal(p.options['performance.strict-o-direct'], undefined, 'not reconfigured on the default volume');
  t.equal(p.options['write-behind.strict-O_DIRECT'], undefined, 'write-behind runs with its default (off)');
  // The virt profile as ci/gluster.sh set it, read back from volume info, and its effect on the client graph.
  for (const [k, val] of Object.entries(GLUSTER_VIRT_OPTIONS)) t.equal(v.options[k], val, `${k} ${val} on coprobe-virt`);
  t.match(v.options, { 'write-behind.strict-O_DIRECT': 'on', 'client.filter-O_DIRECT': 'disable', 'performance.write-behind': 'on', 'fuse.attribute-timeout': '0', 'fuse.fopen-keep-cache': 'off' });
  const differ = Object.keys({ ...p.options, ...v.options }).filter((k) => p.options[k] !== v.options[k]).sort();
  t.ok(['performance.quick-read', 'features.shard', 'performance.strict-o-direct'].every((k) => differ.includes(k)), `the profiles differ in ${differ.join(', ')}`);
  const json = JSON.stringify([p, v]);
  t.notMatch(json, /password|username/i, 'the brick credentials in the client volfile are not kept');
});

t.test('a glusterfs mount whose server does not answer: source says why, within the bound, no exception', { skip }, async (t) => {
  // A listener that accepts TCP and never answers (the kernel completes the handshake from the backlog): the CLI waits.
  const silent: Server = createServer(() => { /* never answer */ });
  await new Promise<void>((res) => silent.listen(24007, '127.0.0.3', res));
  t.teardown(() => silent.close());
  const mountinfo = '90 27 0:99 / /mnt/gv-silent rw,relatime - fuse.glusterfs 127.0.0.3:/gv0 rw,user_id=0,group_id=0,allow_other,max_read=131072\n';
  const started = Date.now();
  const d = stackDetails({ path: '/mnt/gv-silent/vm', kind: 'dir', dev: '0:99', mountinfo, cluster: { timeoutMs: 1000 } });
  const took = Date.now() - started;
  t.ok(took < 3000, `detection returned after ${took} ms`);
  t.match(d.cluster, { system: 'glusterfs', client: 'fuse', name: 'gv0', options: {} });
  t.match(d.cluster!.source, /^could not read: gluster --mode=script .*--remote-host=127\.0\.0\.3 system:: getspec gv0: no answer within 1000 ms; (\/var\/lib\/glusterd\/vols\/gv0: ENOENT; )?no glusterfs process with \/mnt\/gv-silent on its command line/);
  // Nobody listening at all: refused at once.
  const refused = stackDetails({ path: '/mnt/gv-silent', kind: 'dir', dev: '0:99', mountinfo: mountinfo.replace('127.0.0.3', '127.0.0.4'), cluster: { timeoutMs: 1000 } });
  t.match(refused.cluster!.source, /^could not read: gluster .*127\.0\.0\.4 system:: getspec gv0: exit \d+/);
});

t.test('mount sources and command lines', async (t) => {
  t.same(splitGlusterSource('gfs1:/gv0'), { host: 'gfs1', volume: 'gv0' });
  t.same(splitGlusterSource('127.0.0.2:coprobe'), { host: '127.0.0.2', volume: 'coprobe' }, 'glusterfs --volfile-id=VOL mounts show no slash');
  t.same(splitGlusterSource('gfs1,gfs2:/gv0/sub'), { host: 'gfs1', volume: 'gv0' }, 'backup servers and a subdirectory mount');
  t.equal(splitGlusterSource('ceph-fuse'), undefined);
  const o = longOptions(['/usr/sbin/glusterfs', '--process-name', 'fuse', '--volfile-server=h', '--volfile-id=/v', '--fopen-keep-cache', '--xlator-option=*.a=1', '--xlator-option=*.b=2', '/mnt/x']);
  t.same(Object.fromEntries(o), { 'process-name': ['fuse'], 'volfile-server': ['h'], 'volfile-id': ['/v'], 'fopen-keep-cache': [''], 'xlator-option': ['*.a=1', '*.b=2'] }, 'the mount point is not taken as a value');
});

t.test('CephFS kernel client (no ceph module here: mountinfo text): caching options kept, secret never', async (t) => {
  const mountinfo = [
    '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
    '50 27 0:60 / /mnt/cephfs rw,relatime - ceph 10.0.0.1:6789,10.0.0.2:6789:/ rw,name=coprobe,secret=AQBkTmVnAAAAABAAx1yqS2Jm2yqY5lQ3G1Ff4A==,fsc,noshare,rasize=8388608,caps_wanted_delay_max=60,acl,fs=cephfs',
    '51 27 0:61 / /mnt/cephfs2 rw,relatime - ceph coprobe@b3f2a6c4-1111-2222-3333-444455556666.cephfs2=/vm rw,secret=<hidden>,ms_mode=prefer-crc,nodcache,mount_timeout=30',
  ].join('\n');
  const d = stackDetails({ path: '/mnt/cephfs/img', kind: 'dir', dev: '0:60', mountinfo });
  t.same(d.cluster, {
    system: 'cephfs', client: 'kernel', name: 'cephfs',
    options: { fsc: 'on', noshare: 'on', rasize: '8388608', caps_wanted_delay_max: '60' },
    source: 'the kernel client\'s mount options (mountinfo of /mnt/cephfs; options not shown are the kernel\'s defaults)',
  });
  t.notMatch(JSON.stringify(d.cluster), /AQBk|secret/, 'the key is nowhere in the cluster facts');
  const d2 = stackDetails({ path: '/mnt/cephfs2', kind: 'dir', dev: '0:61', mountinfo });
  t.match(d2.cluster, { name: 'cephfs2', options: { ms_mode: 'prefer-crc', nodcache: 'on', mount_timeout: '30' } }, 'new-style source name@fsid.fs=/path');
  t.notMatch(JSON.stringify(d2.cluster), /hidden|secret/);
});

t.test('ceph-fuse without an admin socket (no client process): the settings from the conf file, by client section', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-cephconf-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const conf = join(dir, 'ceph.conf');
  writeFileSync(conf, [
    '[global]', '  fsid = b3f2a6c4-1111-2222-3333-444455556666', '  mon host = 127.0.0.1', '  keyring = /etc/ceph/keyring',
    '[client]', '  client cache size = 8192', '  fuse_disable_pagecache = true ; comment', '  client_oc = false',
    '[client.coprobe]', '  fuse use invalidate cb = false',
  ].join('\n'));
  const mountinfo = `60 27 0:70 / /mnt/cfuse rw,nosuid,nodev,relatime - fuse.ceph-fuse ceph-fuse rw,user_id=0,group_id=0,allow_other\n`;
  const d = stackDetails({ path: '/mnt/cfuse', kind: 'dir', dev: '0:70', mountinfo, cluster: { cephConf: conf, cephRunDirs: [dir] } });
  t.match(d.cluster, { system: 'cephfs', client: 'fuse', options: { client_cache_size: '8192', fuse_disable_pagecache: 'true', client_oc: 'false' } });
  t.equal(d.cluster!.options.fuse_use_invalidate_cb, undefined, 'the [client.coprobe] section is not client.admin\'s');
  t.notMatch(JSON.stringify(d.cluster), /keyring|fsid|mon_host/, 'only the caching settings');
  t.match(d.cluster!.source, new RegExp(`^${conf.replace(/[.]/g, '\\.')} \\(client\\.admin; settings not there are ceph's defaults\\); could not read: no ceph-fuse process with /mnt/cfuse on its command line`));
  const none = stackDetails({ path: '/mnt/cfuse', kind: 'dir', dev: '0:70', mountinfo, cluster: { cephConf: join(dir, 'nosuch.conf'), cephRunDirs: [dir] } });
  t.match(none.cluster, { options: {}, source: /^could not read: no ceph-fuse process .*nosuch\.conf: ENOENT/ });
});

// ci/ceph.sh belongs to the Ceph tests: used here only when a cluster already runs (starting one takes ~20 s).
const cephScript = join(packageRoot(), 'ci', 'ceph.sh');
const cephRuns = process.getuid?.() === 0 && spawnSync('bash', [cephScript, 'status'], { timeout: 30_000 }).status === 0;

t.test('ceph-fuse live (a ci/ceph.sh mount): the client\'s settings from its admin socket', { skip: cephRuns ? undefined : 'no ci/ceph.sh cluster running' }, async (t) => {
  const name = `detect-${process.pid}`;
  const m = spawnSync('bash', [cephScript, 'mount', name], { encoding: 'utf8', timeout: 90_000 });
  t.equal(m.status, 0, `ci/ceph.sh mount ${name}: ${m.stderr}`);
  t.teardown(() => { spawnSync('bash', [cephScript, 'umount', name], { timeout: 60_000 }); });
  const dir = m.stdout.trim();
  const e = parseMountinfo(readMountinfo()).find((x) => x.mountPoint === dir)!;
  t.equal(e.fsType, 'fuse.ceph-fuse');
  const started = Date.now();
  const d = stackDetails({ path: dir, kind: 'dir', dev: e.dev });
  t.ok(Date.now() - started < 3000, `detection took ${Date.now() - started} ms`);
  t.match(d.cluster, { system: 'cephfs', client: 'fuse', source: /^the client's admin socket \S+\.asok \(config show; ceph-fuse pid \d+\)$/ });
  // The settings the notes name, as this client runs them (ceph 16 defaults unless ci/ceph.sh changed them).
  t.match(d.cluster!.options, { fuse_use_invalidate_cb: /^(true|false)$/, fuse_disable_pagecache: /^(true|false)$/, client_oc: /^(true|false)$/, client_cache_size: /^\d+$/ });
  t.notMatch(JSON.stringify(d.cluster), /key|secret|AQ[A-Za-z0-9+/]{20}/, 'no key material');
});

t.test('not a cluster filesystem: no cluster facts', async (t) => {
  const d = stackDetails({ path: '/', kind: 'dir', dev: '254:0', mountinfo: '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n' });
  t.equal(d.cluster, undefined);
});
