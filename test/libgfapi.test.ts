// The libgfapi side backend (QEMU's gluster:// driver): URL parsing, the client volfile read, and every SideBackend call
// against a real GlusterFS (ci/gluster.sh: volume coprobe with the defaults, coprobe-virt with the virt group's options).
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendError, type ConnectedTarget, type SideBackend } from '../native-bindings/backend.js';
import { backendFor } from '../native-bindings/backends.js';
import { parseGlusterUrl } from '../native-bindings/gluster-url.js';
import { coherenceOptions, parseVolfile } from '../native-bindings/gluster-volfile.js';
import { libgfapiBackend } from '../native-bindings/libgfapi.js';
import { loadLibgfapi } from '../native-bindings/libgfapi-lib.js';
import { Posix, type CallResult } from '../native-bindings/posix.js';
import { allocAligned } from '../native-bindings/aligned-buffer.js';
import { GLUSTER_HOST, GLUSTER_RUN_DIR, ensureGluster, noGlusterReason } from './fixtures/gluster.js';

/** The BackendError connect throws for url and how long it took, or the connection (the caller disconnects). */
function tryConnect(url: string): { err?: BackendError; ms: number; c?: { backend: SideBackend; target: ConnectedTarget } } {
  const t0 = Date.now();
  try {
    const c = libgfapiBackend.connect(url, { timeoutSec: 30, env: {} });
    return { c, ms: Date.now() - t0 };
  } catch (err) {
    if (err instanceof BackendError) return { err, ms: Date.now() - t0 };
    throw err;
  }
}

t.test('parseGlusterUrl: QEMU\'s gluster[+tcp]://host[:port]/volume/path, the path a directory for scratch files', async (t) => {
  t.same(parseGlusterUrl('gluster://127.0.0.2/coprobe'), { transport: 'tcp', host: '127.0.0.2', port: 24007, portGiven: false, volume: 'coprobe', path: '/' });
  t.same(parseGlusterUrl('gluster+tcp://srv:24008/vol_1/vm//images/'), { transport: 'tcp', host: 'srv', port: 24008, portGiven: true, volume: 'vol_1', path: '/vm/images' });
  t.match(parseGlusterUrl('gluster:///vol/d'), { host: 'localhost', volume: 'vol', path: '/d' }, 'no host: localhost, as QEMU');
  t.match(parseGlusterUrl('GLUSTER://[::1]/vol'), { host: '::1', port: 24007 });
  t.match(parseGlusterUrl('gluster://h/vol/a%20b'), { path: '/a b' }, 'percent-decoded like QEMU\'s uri_parse');
  const bad: [string, RegExp][] = [
    ['gluster://h', /no volume/], ['gluster://h/', /no volume/], ['gluster://h/vol?socket=/x', /no arguments/],
    ['gluster+unix:///vol/d?socket=/run/glusterd.socket', /not served/], ['gluster+rdma://h/vol', /not served/],
    ['gluster://h:0/vol', /port "0"/], ['gluster://h:99999/vol', /port/], ['gluster://h:/vol', /port ""/],
    ['gluster://h/vol/../x', /"\.\."/], ['gluster://h/vol/a%2Fb', /encoded slashes/], ['gluster://h/v.l', /not a GlusterFS volume name/],
    ['gluster://u@h/vol', /no user names/], ['gluster://h/vol#x', /fragments/], ['nfs://h/vol', /not a gluster/],
  ];
  for (const [url, why] of bad) t.throws(() => parseGlusterUrl(url), { code: 'EURL', message: why }, url);
});

t.test('the registry: gluster:// and gluster+tcp:// are libgfapi\'s, a directory of scratch files on a cluster stack', async (t) => {
  t.equal(backendFor('gluster://h/v').name, 'libgfapi');
  t.equal(backendFor('gluster+tcp://h:24007/v/d').name, 'libgfapi');
  t.same(libgfapiBackend.serves, { kind: 'dir', stack: 'cluster' });
  t.match(loadLibgfapi('libgfapi-missing.so.9'), { available: false, reason: /cannot load libgfapi-missing\.so\.9/ });
  const a = libgfapiBackend.available();
  t.equal(a.available, true, 'libgfapi0 is installed here');
  const version = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'libgfapi0'], { encoding: 'utf8' }).stdout;
  if (a.available && version) t.equal(`${a.version}-`, version.slice(0, `${a.version}-`.length), `the version read from the translator directory is the package's (${version})`);
});

t.test('the client volfile: translators and coherence options as written, credentials never copied', async (t) => {
  const text = [
    'volume v-client-0', '    type protocol/client', '    option password s3cret', '    option username u', '    option remote-host h',
    '    option filter-O_DIRECT enable', 'end-volume', '', 'volume v-write-behind', '    type performance/write-behind',
    '    option strict-O_DIRECT on', '    option cache-size 4MB', '    subvolumes v-client-0', 'end-volume',
    'volume v-md-cache', '    type performance/md-cache', '    subvolumes v-write-behind', 'end-volume',
  ].join('\n');
  const sections = parseVolfile(text);
  t.same(sections.map((s) => [s.name, s.type, s.subvolumes]), [['v-client-0', 'protocol/client', []], ['v-write-behind', 'performance/write-behind', ['v-client-0']], ['v-md-cache', 'performance/md-cache', ['v-write-behind']]]);
  const o = coherenceOptions(sections, { 'performance/write-behind': { 'resync-failed-syncs-after-fsync': 'on' } });
  t.match(o, {
    'performance/write-behind': 'loaded', 'performance/write-behind.strict-O_DIRECT': 'on', 'performance/write-behind.cache-size': '4MB',
    'performance/write-behind.resync-failed-syncs-after-fsync': 'on', 'performance/quick-read': 'not loaded',
    'performance/md-cache': 'loaded', 'performance/md-cache.md-cache-timeout': 'default', 'protocol/client.filter-O_DIRECT': 'enable',
  });
  t.notOk(JSON.stringify(o).includes('s3cret'), 'no password');
  t.notOk(Object.keys(o).some((k) => /username|remote-host/.test(k)), 'no credentials or addresses');
});

t.test('connect refuses a bad URL with EURL before any network', async (t) => {
  for (const url of ['gluster://127.0.0.2', 'gluster://127.0.0.2/coprobe?x=1', 'gluster+unix:///coprobe/d?socket=/s']) {
    t.match(tryConnect(url).err, { code: 'EURL', backend: 'libgfapi' }, url);
  }
});

t.test('nothing listening on the port: ECONNECT within a few seconds, no glfs_init wait', async (t) => {
  const { err, ms } = tryConnect(`gluster://${GLUSTER_HOST}:24999/coprobe`);
  t.match(err, { code: 'ECONNECT', message: /nothing answered at glusterd 127\.0\.0\.2:24999 \(connection refused/ });
  t.ok(ms < 5000, `failed in ${ms} ms`);
  const dns = tryConnect('gluster://no-such-host.invalid/coprobe');
  t.match(dns.err, { code: 'ECONNECT', message: /cannot resolve host no-such-host\.invalid|no answer within/ });
});

t.test('against a real GlusterFS', { skip: noGlusterReason() }, async (t) => {
  const g = ensureGluster();
  t.teardown(() => g.release());
  const cli = (...args: string[]) => spawnSync('gluster', ['--mode=script', `--glusterd-sock=${GLUSTER_RUN_DIR}/glusterd.socket`, ...args], { encoding: 'utf8', timeout: 20_000 }).stdout;

  t.test('errors say what is wrong and what to do, in bounded time', async (t) => {
    const noVol = tryConnect(`gluster://${g.host}/nosuchvolume`);
    t.match(noVol.err, { code: 'ENOVOLUME', message: /glusterd at 127\.0\.0\.2:24007 has no volume "nosuchvolume".*volume list/ });
    t.ok(noVol.ms < 5000, `no such volume: ${noVol.ms} ms`);
    const noDir = tryConnect(`gluster://${g.host}/coprobe/no/such/dir`);
    t.match(noDir.err, { code: 'ENOPATH', message: /directory \/no\/such\/dir does not exist in volume "coprobe"/ });
    t.ok(noDir.ms < 5000, `missing directory: ${noDir.ms} ms (glfs_fini of the failed client runs in the background)`);
    const file = `not-a-dir-${randomBytes(4).toString('hex')}`;
    writeFileSync(join(g.brick('coprobe'), file), 'x');
    t.teardown(() => tryConnect(`gluster://${g.host}/coprobe`).c?.backend.unlink(`/${file}`));
    // Created on the brick behind glusterd's back: a LOOKUP through the client heals it in (gfid assigned).
    t.match(tryConnect(`gluster://${g.host}/coprobe/${file}`).err, { code: 'ENOPATH', message: /is not a directory/ });
    t.same(readdirSync(tmpdir()).filter((f) => f.startsWith(`coprobe-gfapi-${process.pid}-`)), [], 'failed set-ups leave no log file');
  });

  const connected: Record<string, { backend: SideBackend; target: ConnectedTarget }> = {};
  for (const volume of ['coprobe', 'coprobe-virt']) {
    const { c, err } = tryConnect(`gluster://${g.host}/${volume}`);
    if (!c) throw err;
    connected[volume] = c;
  }
  t.teardown(() => { for (const c of Object.values(connected)) c.backend.disconnect(); });

  t.test('caps and target: QEMU\'s gluster driver, no activation hook', async (t) => {
    const { backend, target } = connected.coprobe!;
    t.match(backend.caps, {
      pageCache: true, direct: true, files: true, locks: false, fadvise: false, blkflsbuf: false, setfl: false, mountstats: false,
      openAs: false, invalidate: false, activation: 'none', flush: /^glfs_fsync/, syncWrite: /glfs_pwrite then glfs_fsync/,
    });
    t.equal(backend.invalidate, undefined, 'no client-cache invalidation: QEMU\'s gluster driver has no invalidate_cache hook');
    t.match(target, { kind: 'dir', fsType: 'glusterfs', path: `gluster://${g.host}/coprobe` });
    t.match(target.facts, { server: '127.0.0.2:24007', volume: 'coprobe', dir: '/', qemuDriver: /deprecated since QEMU 9\.2/, shard: false });
    const uuid = /Volume ID: ([0-9a-f-]+)/.exec(cli('volume', 'info', 'coprobe'))?.[1];
    t.equal(target.facts.volumeId, uuid, 'glfs_get_volumeid agrees with gluster volume info');
    t.match(target.cluster, { system: 'glusterfs', client: 'gfapi', name: 'coprobe', source: /glfs_get_volfile/ });
  });

  t.test('the two profiles\' client graphs differ where the volume options say, and agree with gluster volume get', async (t) => {
    const d = connected.coprobe!.target.cluster!.options;
    const v = connected['coprobe-virt']!.target.cluster!.options;
    for (const [opt, xl] of [['performance.quick-read', 'performance/quick-read'], ['performance.read-ahead', 'performance/read-ahead'],
      ['performance.io-cache', 'performance/io-cache'], ['performance.write-behind', 'performance/write-behind'],
      ['performance.open-behind', 'performance/open-behind'], ['performance.stat-prefetch', 'performance/md-cache']] as const) {
      for (const [vol, o] of [['coprobe', d], ['coprobe-virt', v]] as const) {
        const value = new RegExp(`^${opt.replace(/\./g, '\\.')}\\s+(\\S+)`, 'm').exec(cli('volume', 'get', vol, opt))?.[1];
        t.equal(o[xl], value === 'on' ? 'loaded' : 'not loaded', `${vol}: ${opt} ${value} ⇔ ${xl} ${o[xl]}`);
      }
    }
    t.equal(d['performance/quick-read'], 'loaded', 'defaults: quick-read caches small files in the client');
    t.equal(v['performance/quick-read'], 'not loaded', 'virt: quick-read off');
    t.equal(d['performance/write-behind.strict-O_DIRECT'], 'default', 'defaults: strict-o-direct not written (off)');
    t.equal(v['performance/write-behind.strict-O_DIRECT'], 'on', 'virt: write-behind honours O_DIRECT');
    t.equal(v['protocol/client.filter-O_DIRECT'], 'disable', 'virt: network.remote-dio disable written into the client');
    t.equal(d['performance/write-behind.resync-failed-syncs-after-fsync'], 'on', 'set by the client as QEMU does');
    t.equal(connected['coprobe-virt']!.target.facts.shard, true, 'virt: features.shard in the graph');
    t.notSame(d, v);
    t.notOk(JSON.stringify([d, v]).match(/password|username/), 'no credentials');
  });

  t.test('every SideBackend call returns a CallResult and reaches onCall', async (t) => {
    const { backend } = connected['coprobe-virt']!;
    const calls: CallResult[] = [];
    backend.onCall = (r) => calls.push(r);
    t.teardown(() => { backend.onCall = undefined; });
    const name = `.coprobe-test-${randomBytes(4).toString('hex')}`;
    const posix = new Posix();
    const buf = allocAligned(posix, 4096, 65536);
    t.teardown(() => buf.free());
    buf.bytes.fill(0x5a);
    const o = backend.open({ path: name, direct: true, dsync: true, create: true });
    t.match(o, { ok: true, call: 'glfs_creat(O_RDWR|O_CREAT|O_DIRECT)' });
    const fd = o.ret;
    t.match(backend.pwrite(fd, buf.ptr, 65536, 0), { ok: true, ret: 65536 });
    t.same(calls.slice(-2).map((c) => c.call), ['glfs_pwrite', 'glfs_fsync (write-through)'], 'write-through: a flush after the write, no O_DSYNC');
    t.match(backend.fsync(fd), { ok: true, call: 'glfs_fsync' });
    t.match(backend.fdatasync(fd), { ok: true, call: 'glfs_fdatasync' });
    t.match(backend.fstat(fd).stat, { size: 65536, mode: 0o100600 });
    t.match(backend.stat(name).stat, { size: 65536 });
    buf.bytes.fill(0);
    t.match(backend.pread(fd, buf.ptr, 65536, 0), { ok: true, ret: 65536 });
    t.equal(buf.bytes.every((b) => b === 0x5a), true, 'read back what was written');
    t.match(backend.pread(fd, buf.ptr, 4096, 65536), { ok: true, ret: 0 }, 'past the end: 0 bytes');
    t.match(backend.ftruncate(fd, 8192), { ok: true });
    t.match(backend.fchmod(fd, 0o644), { ok: true });
    t.match(backend.fstat(fd).stat, { size: 8192, mode: 0o100644 });
    t.match(backend.chmod(name, 0o600), { ok: true });
    const ro = backend.open({ path: name, direct: false, dsync: false, create: false, readOnly: true });
    t.match(ro, { ok: true, call: 'glfs_open(O_RDONLY)' });
    // Measured: write-behind acknowledges a write on a read-only glfs_fd_t; the brick refuses it, and the error comes back at close.
    t.match(backend.pwrite(ro.ret, buf.ptr, 4096, 0), { ok: true, ret: 4096 }, 'write-behind acknowledges before the brick answers');
    t.match(backend.close(ro.ret), { ok: false, errnoName: 'EBADF' }, 'the brick\'s refusal surfaces at close (FLUSH)');
    t.match(backend.close(fd), { ok: true });
    t.match(backend.close(fd), { ok: false, errnoName: 'EBADF', detail: /no open handle/ });
    t.match(backend.pread(fd, buf.ptr, 4096, 0), { ok: false, errnoName: 'EBADF' });
    t.match(backend.pwrite(99, {}, 4096, 0), { ok: false, errnoName: 'EBADF' });
    t.match(backend.unlink(name), { ok: true });
    t.match(backend.stat(name).res, { ok: false, errnoName: 'ENOENT' });
    t.match(backend.open({ path: name, direct: false, dsync: false, create: false }), { ok: false, errnoName: 'ENOENT', call: 'glfs_open(O_RDWR)' });
    t.ok(calls.length >= 20 && calls.every((c) => typeof c.durUs === 'number' && c.call.startsWith('glfs_')), `${calls.length} calls reported`);
    t.same(readdirSync(g.brick('coprobe-virt')).filter((f) => f.startsWith('.coprobe-test-')), [], 'nothing left on the brick');
  });

  t.test('disconnect: glfs_fini, idempotent; calls afterwards are refused; no log file left behind', async (t) => {
    const logs = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`coprobe-gfapi-${process.pid}-`));
    const { c } = tryConnect(`gluster://${g.host}/coprobe`);
    t.same(logs(), [], 'the set-up log is removed once connected (an agent killed in glfs_fini leaves nothing)');
    const t0 = Date.now();
    c!.backend.disconnect();
    t.comment(`glfs_fini took ${Date.now() - t0} ms (glusterfs 9+ waits ~10 s, gluster/glusterfs#2606)`);
    c!.backend.disconnect();
    t.match(c!.backend.stat('/'), { res: { ok: false, errnoName: 'EBADF', detail: /disconnected/ } });
    t.match(c!.backend.open({ path: 'x', direct: false, dsync: false, create: true }), { ok: false, errnoName: 'EBADF' });
  });
});
