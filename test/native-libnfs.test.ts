import t, { type Test } from 'tap';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportCandidates, libnfsBackend } from '../native-bindings/libnfs.js';
import { loadLibnfs } from '../native-bindings/libnfs-lib.js';
import { NFS4_WRITE_PIECE } from '../native-bindings/libnfs-limits.js';
import { libnfsUrl, parseNfsUrl } from '../native-bindings/nfs-url.js';
import { BackendError, type ConnectedTarget, type SideBackend } from '../native-bindings/backend.js';
import { Posix, type CallResult } from '../native-bindings/posix.js';
import { allocAligned } from '../native-bindings/aligned-buffer.js';
import { ensureGanesha, noGaneshaReason } from './fixtures/ganesha.js';

/** The BackendError connect throws for url (and how long it took), or undefined when it connects (then disconnected). */
function connectError(url: string): { err?: BackendError; ms: number } {
  const t0 = Date.now();
  try {
    libnfsBackend.connect(url, { timeoutSec: 5, env: {} }).backend.disconnect();
    return { ms: Date.now() - t0 };
  } catch (err) {
    if (err instanceof BackendError) return { err, ms: Date.now() - t0 };
    throw err;
  }
}

t.test('parseNfsUrl splits host, port, path and arguments; refuses what libnfs would ignore', async (t) => {
  t.same(parseNfsUrl('nfs://127.0.0.1/export?version=4'), { host: '127.0.0.1', path: '/export', args: [['version', '4']], version: 4 });
  t.same(parseNfsUrl('nfs://srv:2050//export/sub/'), { host: 'srv', port: 2050, path: '/export/sub', args: [] });
  t.match(parseNfsUrl('nfs://[::1]/e?uid=0&gid=0&version=3'), { host: '::1', path: '/e', version: 3, args: [['uid', '0'], ['gid', '0'], ['version', '3']] });
  t.equal(libnfsUrl(parseNfsUrl('nfs://h:2050/e/f?version=4'), '/e'), 'nfs://h/e?version=4&nfsport=2050', 'the port becomes nfsport=');
  const bad = ['http://h/e', 'nfs://h', 'nfs:///e', 'nfs://h/e?verison=4', 'nfs://h/e?version=5', 'nfs://h/e?version=four', 'nfs://h:0/e',
    'nfs://h/../e', 'nfs://u@h/e', 'nfs://h/e?version=3&version=4', 'nfs://h:2049/e?nfsport=2050', 'nfs://h/e?novalue', 'nfs://h/e f'];
  for (const url of bad) t.throws(() => parseNfsUrl(url), { code: 'EURL', message: /expected nfs:\/\/host\[:port\]\/export/ }, url);
  t.same(exportCandidates('/export/sub/dir'), ['/export/sub/dir', '/export/sub', '/export', '/']);
  t.same(exportCandidates('/'), ['/']);
});

t.test('libnfs loads here; a missing library is a reason, not a throw', async (t) => {
  t.same(libnfsBackend.available(), { available: true });
  t.same(libnfsBackend.schemes, ['nfs:']);
  t.match(loadLibnfs('libnfs-missing.so.99'), { available: false, reason: /cannot load libnfs-missing\.so\.99/ });
});

t.test('connect refuses a bad URL with EURL before any network', async (t) => {
  for (const url of ['nfs://127.0.0.1/export?verison=4', 'nfs://127.0.0.1', 'nfs://127.0.0.1/export?version=2']) {
    t.match(connectError(url).err, { code: 'EURL', backend: 'libnfs' }, url);
  }
});

t.test('nothing listening: ECONNECT within a few seconds', async (t) => {
  for (const url of ['nfs://127.0.0.1:3999/export?version=3', 'nfs://127.0.0.1:3999/export?version=4', 'nfs://no-such-host.invalid/export']) {
    const { err, ms } = connectError(url);
    t.match(err, { code: 'ECONNECT', message: /nothing answered|cannot resolve/ }, url);
    t.ok(ms < 5000, `${url}: failed in ${ms} ms`);
  }
});

t.test('against a real ganesha', { skip: noGaneshaReason() }, async (t) => {
  const g = ensureGanesha();
  t.teardown(() => g.release());
  const before = readdirSync(g.exportDir).sort();
  const posix = new Posix();
  const buf = allocAligned(posix, 4096, 64 * 1024);
  t.teardown(() => buf.free());
  const run = randomBytes(6).toString('hex');

  /** A connected side whose every CallResult lands in `calls`; disconnected at teardown. */
  const side = (t: Test, url: string) => {
    const c = libnfsBackend.connect(url, { timeoutSec: 5, env: {} });
    const calls: CallResult[] = [];
    c.backend.onCall = (r) => calls.push(r);
    t.teardown(() => c.backend.disconnect());
    return { ...c, calls };
  };
  const scratch = (target: ConnectedTarget, name: string) => join(String(target.facts.dir), name);

  for (const version of [3, 4] as const) {
    t.test(`NFSv${version}: write, COMMIT, read back from a second client, size, truncate, modes, remove`, async (t) => {
      const a = side(t, g.url(version));
      const b = side(t, g.url(version));
      t.match(a.target, {
        path: g.url(version), kind: 'dir', fsType: 'nfs', logicalBlockSize: 512,
        description: `NFSv${version} export /export of 127.0.0.1 via libnfs (userspace, no host page cache)`,
        facts: { server: '127.0.0.1', export: '/export', dir: '/', version, versionFrom: 'url', pagecache: 0, readahead: 0 },
      });
      t.match(a.backend.caps, { pageCache: false, direct: false, files: true, locks: false, flush: 'NFS COMMIT (nfs_fsync)',
        syncWrite: version === 3 ? 'NFS WRITE FILE_SYNC' : 'NFS WRITE DATA_SYNC4' });
      const path = scratch(a.target, `.coprobe-${run}-v${version}`);
      const fa = a.backend.open({ path, create: true, direct: false, dsync: false });
      t.match(fa, { ok: true, call: 'nfs_open2(O_CREAT)' });
      const data = randomBytes(64 * 1024);
      data.copy(buf.bytes);
      t.match(a.backend.pwrite(fa.ret, buf.ptr, 64 * 1024, 0), { ok: true, ret: 64 * 1024, call: 'nfs_pwrite' }, '16 blocks in one call');
      t.match(a.backend.fsync(fa.ret), { ok: true, call: 'nfs_fsync' });
      t.match(a.backend.fdatasync(fa.ret), { ok: true });
      t.equal(statSync(join(g.exportDir, path)).mode & 0o777, 0o600, 'created with mode 0600 (seen on the server)');

      const fb = b.backend.open({ path, create: false, direct: false, dsync: false });
      t.match(fb, { ok: true });
      buf.bytes.fill(0);
      t.match(b.backend.pread(fb.ret, buf.ptr, 64 * 1024, 0), { ok: true, ret: 64 * 1024 });
      t.ok(buf.bytes.equals(data), 'the second client reads what the first wrote');
      t.match(b.backend.pread(fb.ret, buf.ptr, 8192, 60 * 1024), { ok: true, ret: 4096 }, 'a read past the end is short');
      t.match(b.backend.fstat(fb.ret), { res: { ok: true }, stat: { size: 64 * 1024 } });

      t.match(a.backend.ftruncate(fa.ret, 8192), { ok: true, call: 'nfs_ftruncate' });
      t.match(b.backend.fstat(fb.ret), { stat: { size: 8192 } }, 'the second client sees the new size (no attribute cache)');
      t.match(a.backend.chmod(path, 0o640), { ok: true, call: 'nfs_chmod' });
      t.equal((b.backend.stat(path).stat!.mode) & 0o777, 0o640);
      t.match(b.backend.fchmod(fb.ret, 0o600), { ok: true, call: 'nfs_fchmod' });
      t.equal((a.backend.fstat(fa.ret).stat!.mode) & 0o777, 0o600);

      const ds = a.backend.open({ path, create: false, direct: true, dsync: true });
      t.match(ds, { ok: true, call: version === 4 ? 'nfs_open2(O_SYNC) on a second NFSv4 client' : 'nfs_open2(O_SYNC)' },
        'dsync opens O_SYNC; direct is accepted and moot');
      buf.bytes.fill(0x5a, 0, 4096);
      t.match(a.backend.pwrite(ds.ret, buf.ptr, 4096, 4096), { ok: true, ret: 4096 });
      buf.bytes.fill(0);
      t.match(b.backend.pread(fb.ret, buf.ptr, 4096, 4096), { ok: true, ret: 4096 });
      t.equal(buf.bytes[4095], 0x5a, 'a stable write is read by the other client');
      t.match(a.backend.close(ds.ret), { ok: true });

      // Rough latency of a 4 KiB READ round trip to the loopback server (no cache anywhere on the client).
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 1000; i++) b.backend.pread(fb.ret, buf.ptr, 4096, 0);
      const us = Number(process.hrtime.bigint() - t0) / 1000 / 1000;
      t.comment(`NFSv${version}: 4 KiB nfs_pread ${us.toFixed(0)} µs on average over 1000 reads`);

      t.match(a.backend.close(fa.ret), { ok: true, call: 'nfs_close' });
      t.match(b.backend.close(fb.ret), { ok: true });
      t.match(a.backend.close(fa.ret), { ok: false, errnoName: 'EBADF', durUs: 0 }, 'a closed handle is refused');
      t.match(a.backend.unlink(path), { ok: true, call: 'nfs_unlink' });
      t.match(b.backend.stat(path), { res: { ok: false, errno: 2, errnoName: 'ENOENT', detail: /NOENT/ } });
      t.match(b.backend.open({ path, create: false, direct: false, dsync: false }), { ok: false, errnoName: 'ENOENT', detail: /NOENT/ });
      t.ok(a.calls.length > 10 && a.calls.every((c) => c.durUs >= 0 && c.t0Us > 0), 'every call reached onCall, timed');
      t.notOk(readdirSync(g.exportDir).includes(`.coprobe-${run}-v${version}`), 'the scratch file is gone on the server');
    });
  }

  t.test('NFSv4: a 4 KiB block goes out in WRITE pieces libnfs 4.0 can encode', async (t) => {
    const a = side(t, g.url(4));
    t.equal(a.target.facts.writePiece, NFS4_WRITE_PIECE);
    t.match(a.target.facts.writeSplit, /not atomically/);
  });

  t.test('a URL that turns libnfs caching on says so in caps and facts', async (t) => {
    const pc = side(t, `${g.url(3)}&pagecache=16`);
    t.equal(pc.backend.caps.pageCache, true);
    t.match(pc.target, { facts: { pagecache: 16, readahead: 0 }, description: /libnfs page cache of 64 KiB/ });
    const ra = side(t, `${g.url(3)}&readahead=65536`);
    t.match(ra.target.facts, { pagecache: 32, readahead: 65536 }, 'readahead forces a page cache twice its size');
    const dc = side(t, `${g.url(3)}&dircache=1`);
    t.match(dc.target.facts, { pagecache: 0, dircache: true });
    t.equal(dc.backend.caps.pageCache, false);
  });

  t.test('a subdirectory URL mounts the directory', async (t) => {
    const sub = `coprobe-test-${run}/d`;
    mkdirSync(join(g.exportDir, sub), { recursive: true });
    t.teardown(() => rmSync(join(g.exportDir, `coprobe-test-${run}`), { recursive: true, force: true }));
    for (const version of [3, 4] as const) {
      const a = side(t, g.url(version, sub));
      t.match(a.target.facts, { export: `/export/${sub}`, dir: '/' }, `NFSv${version}: the server mounts the subdirectory itself`);
      const path = scratch(a.target, `.coprobe-${run}-sub`);
      const f = a.backend.open({ path, create: true, direct: false, dsync: false });
      t.match(f, { ok: true });
      t.ok(statSync(join(g.exportDir, sub, `.coprobe-${run}-sub`)).isFile(), 'the file lands in the subdirectory on the server');
      a.backend.close(f.ret);
      t.match(a.backend.unlink(path), { ok: true });
    }
  });

  t.test('an export or directory the server does not have: ENOEXPORT naming it', async (t) => {
    for (const version of [3, 4] as const) {
      const { err } = connectError(g.url(version, `nope-${run}`));
      t.match(err, { code: 'ENOEXPORT', message: new RegExp(`/export/nope-${run} on 127\\.0\\.0\\.1 \\(NFSv${version}\\).*does not exist.*nfs-ls`) });
    }
    t.match(connectError(`nfs://127.0.0.1/nope-${run}?version=3`).err, { code: 'ENOEXPORT', message: /MNT3ERR_ACCES|NOENT/ });
  });

  t.test('no scratch file is left in the export', async (t) => {
    t.same(readdirSync(g.exportDir).sort(), before);
  });
});
