// The librbd side backend: rbd:// URLs, redaction, capabilities, and against the single-host Ceph cluster of ci/ceph.sh
// (cephx, client.coprobe): the settings read back, both rbd_cache settings in force, invalidation, write-through, the
// exclusive lock, and every set-up error with what to do.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureCeph, rbdCli } from './fixtures/ceph.js';
import { noRbdReason, scratchImages } from './fixtures/rbd.js';
import { librbdBackend } from '../native-bindings/librbd.js';
import { librbdCaps } from '../native-bindings/librbd-side.js';
import { loadLibrbd } from '../native-bindings/librbd-lib.js';
import { parseRbdUrl, redactRbdUrl } from '../native-bindings/rbd-url.js';
import { backendFor } from '../native-bindings/backends.js';
import { BackendError, type SideBackend } from '../native-bindings/backend.js';
import { Posix, type CallResult } from '../native-bindings/posix.js';
import { allocAligned } from '../native-bindings/aligned-buffer.js';

// --- the cluster: ci/ceph.sh through test/fixtures/ceph.ts (COPROBE_CEPH_ADDR/RUN/DATA select an instance).
const skip = noRbdReason();
const cluster = skip ? undefined : ensureCeph();
t.teardown(() => cluster?.release());
const conf = cluster?.conf ?? '';
const rbd = (...args: string[]) => rbdCli(args);
/** A fresh 8MiB image in the rbd pool (removed at teardown), and its rbd:// URL with extra query options. */
const scratchImage = scratchImages(cluster, 'coprobe-librbd', '8M');

/** Two librbd clients of one image (sides a and b) and a 4 KiB aligned buffer, all released at the test's teardown. */
function twoClients(t: Test, url: string): { a: SideBackend; b: SideBackend; buf: ReturnType<typeof allocAligned> } {
  const a = librbdBackend.connect(url, { timeoutSec: 10, env: {} }).backend;
  const b = librbdBackend.connect(url, { timeoutSec: 10, env: {} }).backend;
  t.teardown(() => { a.disconnect(); b.disconnect(); });
  const buf = allocAligned(new Posix(), 4096, 4096);
  t.teardown(() => buf.free());
  return { a, b, buf };
}

/** The BackendError connect throws for url (with the time it took), or undefined when it connects. */
function connectError(url: string, timeoutSec = 10): { err?: BackendError; ms: number } {
  const t0 = Date.now();
  try {
    librbdBackend.connect(url, { timeoutSec, env: {} }).backend.disconnect();
    return { ms: Date.now() - t0 };
  } catch (err) {
    if (err instanceof BackendError) return { err, ms: Date.now() - t0 };
    throw err;
  }
}

t.test('parseRbdUrl: pool, namespace, image, conf, id and Ceph options; redactRbdUrl hides key=', async (t) => {
  t.same(parseRbdUrl('rbd://rbd/img'), { pool: 'rbd', image: 'img', options: [] });
  t.same(parseRbdUrl('rbd://p/ns/img?conf=/etc/ceph/x.conf&id=client.coprobe&rbd-cache-policy=writeback&mon_host=%5Bv2%3A10.0.0.1%3A3300%5D'), {
    pool: 'p', namespace: 'ns', image: 'img', conf: '/etc/ceph/x.conf', id: 'coprobe',
    options: [['rbd_cache_policy', 'writeback'], ['mon_host', '[v2:10.0.0.1:3300]']],
  }, 'QEMU\'s id= drops "client."; dashes are underscores to Ceph; values are percent-decoded');
  for (const bad of ['http://rbd/img', 'rbd://rbd', 'rbd://rbd/', 'rbd://a/b/c/d', 'rbd://rbd/img@snap', 'rbd://rbd/img?novalue', 'rbd://rbd/img?id=a&id=b', 'rbd://rbd/img?x y=1', 'rbd://rbd/img?conf=']) {
    t.throws(() => parseRbdUrl(bad), { code: 'EURL', message: /expected rbd:\/\/pool\[\/namespace\]\/image/ }, bad);
  }
  t.throws(() => parseRbdUrl('rbd://rbd/img?rbd_cache=false'), { code: 'EURL', message: /rbd_cache is set per open from the cache mode, as QEMU's rbd driver does/ },
    'rbd_cache is QEMU\'s to decide per open: a URL value would be overridden silently');
  t.equal(redactRbdUrl('rbd://rbd/img?id=coprobe&key=AQBsekrit==&conf=/c'), 'rbd://rbd/img?id=coprobe&key=***&conf=/c');
  t.equal(redactRbdUrl('rbd://rbd/img?KEY=sekrit'), 'rbd://rbd/img?KEY=***');
  t.equal(redactRbdUrl('rbd://rbd/img?keyring=/etc/k'), 'rbd://rbd/img?keyring=/etc/k', 'a keyring path is no secret');
  try { parseRbdUrl('rbd://rbd/img@snap?key=sekrit'); t.fail('parsed'); } catch (e) {
    t.match(e, { code: 'EURL', message: /key=\*\*\*/ });
    t.notMatch((e as Error).message, /sekrit/, 'EURL message redacts the key');
  }
});

t.test('the registry serves rbd:// with librbd: a device on block storage, with its caps', async (t) => {
  t.equal(backendFor('rbd://rbd/img').name, 'librbd');
  t.same(librbdBackend.serves, { kind: 'device', stack: 'block' });
  t.match(librbdCaps, {
    pageCache: true, direct: true, files: false, locks: false, fadvise: false, blkflsbuf: false, setfl: false, mountstats: false, openAs: false,
    invalidate: true, activation: 'invalidate', flush: /^rbd_flush/, syncWrite: /rbd_write then rbd_flush/,
  });
  const a = librbdBackend.available();
  t.match(a, { available: true, version: /^1\.\d+\.\d+$/ }, 'librbd.so.1 loads here');
  const missing = loadLibrbd('/nonexistent/librados.so.2', 'librbd.so.1');
  t.match(missing, { available: false, reason: /cannot load \/nonexistent\/librados\.so\.2/ }, 'a missing library is a reason, not a throw');
});

/** Every call a side makes, for assertions on the transcript. */
function record(side: SideBackend): CallResult[] {
  const calls: CallResult[] = [];
  side.onCall = (r) => calls.push(r);
  return calls;
}

t.test('connect: the settings in force read back, for both cache settings, and the image\'s facts', { skip }, async (t) => {
  const img = scratchImage(t, '&rbd_cache_policy=writeback');
  const { backend, target } = librbdBackend.connect(img.url, { timeoutSec: 10, env: {} });
  t.teardown(() => backend.disconnect());
  t.match(target, { kind: 'device', fsType: 'rbd', logicalBlockSize: 512, deviceSize: 8 * 1024 * 1024, path: img.url });
  t.match(target.cluster, {
    system: 'rbd', client: 'librbd', name: `rbd/${img.name}`,
    options: {
      // QEMU's override, read back with rados_conf_get from each connection after ceph.conf and the URL were applied.
      'rbd_cache (buffered opens)': 'true', 'rbd_cache (O_DIRECT opens)': 'false',
      rbd_cache_policy: 'writeback', rbd_cache_writethrough_until_flush: 'true', rbd_cache_size: /^\d+$/, rbd_cache_max_dirty: /^\d+$/,
      features: /exclusive-lock/,
    },
    source: /rados_conf_get/,
  });
  t.match(target.facts, {
    librbd: /^1\.\d+\.\d+$/, pool: 'rbd', image: img.name, imageSize: 8 * 1024 * 1024, objectSize: 4 * 1024 * 1024, conf,
    client: 'client.coprobe', timeouts: 'client_mount_timeout=5, rados_mon_op_timeout=10, rados_osd_op_timeout=10',
    exclusiveLock: /enabled; this client did not own it right after opening/,
  });
});

t.test('both rbd_cache settings are really in force: with policy writeback a buffered handle serves a cached read, an O_DIRECT one does not; rbd_invalidate_cache drops it', { skip }, async (t) => {
  const img = scratchImage(t, '&rbd_cache_policy=writeback');
  const { a, b, buf } = twoClients(t, img.url);
  const calls = record(b);
  const write = (v: number) => { buf.bytes.fill(v); t.ok(a.pwrite(fa, buf.ptr, 4096, 0).ok); t.ok(a.fsync(fa).ok); };
  const read = (fd: number) => { buf.bytes.fill(0); t.equal(b.pread(fd, buf.ptr, 4096, 0).ret, 4096); return buf.bytes[0]; };
  const fa = a.open({ path: img.url, direct: true, dsync: false, create: false }).ret;
  write(1);
  const cached = b.open({ path: img.url, direct: false, dsync: false, create: false }).ret;
  const direct = b.open({ path: img.url, direct: true, dsync: false, create: false }).ret;
  t.equal(read(cached), 1);
  t.equal(read(direct), 1);
  write(2);
  t.equal(read(cached), 1, 'the buffered handle (rbd_cache=true, policy writeback) answered from librbd\'s cache: stale');
  t.equal(read(direct), 2, 'the O_DIRECT handle (rbd_cache=false) read the OSDs: fresh');
  const inv = b.invalidate!(cached);
  t.match(inv, { call: 'rbd_invalidate_cache', ok: true });
  t.equal(read(cached), 2, 'after rbd_invalidate_cache the buffered handle reads the new data');
  t.ok(calls.some((c) => c.call === 'rbd_open (rbd_cache=true)') && calls.some((c) => c.call === 'rbd_open (rbd_cache=false)'), 'one image handle per cache setting');
  t.match(b.fstat(cached), { res: { ok: true }, stat: { size: 8 * 1024 * 1024 } });
  t.match(b.ftruncate(cached, 0), { ok: false, errnoName: /EOPNOTSUPP|ENOTSUP/ });
  t.match(b.pread(cached, buf.ptr, 4096, 8 * 1024 * 1024), { ok: false, errnoName: 'EINVAL', detail: /past the end of the image/ });
  t.match(b.pread(cached, buf.ptr, 100, 0), { ok: false, errnoName: 'EINVAL', detail: /multiples of 512/ });
});

t.test('write-through (dsync) is rbd_write then rbd_flush; the exclusive lock moves to the writer, reads need none', { skip }, async (t) => {
  const img = scratchImage(t);
  const { a, b, buf } = twoClients(t, img.url);
  const ca = record(a), cb = record(b);
  const fa = a.open({ path: img.url, direct: false, dsync: true, create: false }).ret;
  const fb = b.open({ path: img.url, direct: false, dsync: false, create: false }).ret;
  t.same(ca.map((c) => c.call), ['rbd_open (rbd_cache=true, write-through)', 'rbd_is_exclusive_lock_owner (after open: not owner)']);
  ca.length = 0;
  buf.bytes.fill(7);
  t.ok(a.pwrite(fa, buf.ptr, 4096, 0).ok);
  t.same(ca.map((c) => c.call), ['rbd_write', 'rbd_flush (write-through)', 'rbd_is_exclusive_lock_owner (after write: owner)'],
    'QEMU emulates write-through on rbd with a flush after the write; the first write took the exclusive lock');
  t.equal(b.pread(fb, buf.ptr, 4096, 0).ret, 4096);
  t.equal(buf.bytes[4095], 7, 'b reads what a wrote through, without the lock');
  t.notOk(cb.some((c) => /owner\)$/.test(c.call) && c.ret === 1), 'b never owned the lock by reading');
  ca.length = 0;
  cb.length = 0;
  buf.bytes.fill(8);
  t.ok(b.pwrite(fb, buf.ptr, 4096, 0).ok, 'b writes: librbd asks a for the lock, a hands it over');
  t.same(cb.map((c) => c.call), ['rbd_write', 'rbd_is_exclusive_lock_owner (after write: owner)']);
  t.ok(a.pread(fa, buf.ptr, 4096, 0).ok);
  t.same(ca.map((c) => c.call), ['rbd_read', 'rbd_is_exclusive_lock_owner (after read: not owner)'], 'a released it');
});

t.test('set-up errors: a stable code and what to do, within the timeout, no key printed', { skip }, async (t) => {
  const img = scratchImage(t);
  const base = `conf=${conf}&id=coprobe`;
  t.match(connectError(`rbd://nosuchpool/${img.name}?${base}`).err, { code: 'ENOPOOL', message: /pool nosuchpool does not exist.*ceph osd pool ls/ });
  t.match(connectError(`rbd://rbd/nosuchimage?${base}`).err, { code: 'ENOIMAGE', message: /image nosuchimage does not exist in pool rbd.*rbd ls rbd/ });
  t.match(connectError(`rbd://rbd/${img.name}?conf=/nonexistent/ceph.conf&id=coprobe`).err, { code: 'ECONF', message: /cannot read the Ceph configuration \/nonexistent\/ceph\.conf/ });
  t.match(connectError(`${img.url}&rbd_no_such_option=1`).err, { code: 'EURL', message: /rbd_no_such_option is not a Ceph configuration option/ });
  // A well-formed key that is not client.coprobe's: cephx refuses it.
  const wrongKey = spawnSync('ceph-authtool', ['--gen-print-key'], { encoding: 'utf8' }).stdout.trim();
  t.match(wrongKey, /^AQ[A-Za-z0-9+/=]{30,}$/);
  const wrong = connectError(`${img.url}&key=${encodeURIComponent(wrongKey)}`);
  t.match(wrong.err, { code: 'ELOGIN', message: /refused cephx authentication as client\.coprobe \(EACCES.*the key is not shown/ });
  t.notMatch(wrong.err!.message, wrongKey.slice(0, 12), 'no key in the message');
  const garbled = connectError(`${img.url}&key=notakey-sekrit`);
  t.match(garbled.err, { code: 'ELOGIN', message: /key= must be the base64 cephx secret/ });
  t.notMatch(garbled.err!.message, /sekrit/);
  t.match(connectError(`rbd://rbd/${img.name}?conf=${conf}&id=nobody`).err, { code: 'ELOGIN', message: /client\.nobody/ });
  // Nothing listens on port 1: the monitor client hunts until client_mount_timeout (5 s at most), then gives up.
  const dead = connectError(`rbd://rbd/${img.name}?id=coprobe&mon_host=127.0.0.1:1&keyring=${encodeURIComponent(cluster!.keyring)}`, 30);
  t.match(dead.err, { code: 'ECONNECT', message: /no Ceph monitor answered at 127\.0\.0\.1:1 within 5\.\d s \(ETIMEDOUT/ });
  t.ok(dead.ms < 9000, `gave up after ${dead.ms} ms (client_mount_timeout 5 s), inside the coordinator's 10 s per command`);
});
