import t, { type Test } from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { libiscsiBackend } from '../native-bindings/libiscsi.js';
import { parseIscsiUrl, redactIscsiUrl } from '../native-bindings/iscsi-url.js';
import { BackendError, type SideBackend } from '../native-bindings/backend.js';
import { Posix, type CallResult } from '../native-bindings/posix.js';
import { allocAligned } from '../native-bindings/aligned-buffer.js';
import { ensureTgt, noTgtReason } from './fixtures/tgt.js';

/** The BackendError connect throws for url, or undefined when it connects (then disconnected). */
function connectError(url: string, env: NodeJS.ProcessEnv = {}): BackendError | undefined {
  try {
    libiscsiBackend.connect(url, { timeoutSec: 5, env }).backend.disconnect();
    return undefined;
  } catch (err) {
    if (err instanceof BackendError) return err;
    throw err;
  }
}

t.test('parseIscsiUrl splits portal, IQN, LUN and credentials; redactIscsiUrl hides the password', async (t) => {
  t.same(parseIscsiUrl('iscsi://127.0.0.1/iqn.2026-11.org.coprobe:lun/1'),
    { portal: '127.0.0.1:3260', host: '127.0.0.1', port: 3260, iqn: 'iqn.2026-11.org.coprobe:lun', lun: 1 });
  t.same(parseIscsiUrl('iscsi://u%p@w@d/s@host:3261/iqn.x:y/0'),
    { portal: 'host:3261', host: 'host', port: 3261, iqn: 'iqn.x:y', lun: 0, user: 'u', password: 'p@w@d/s' });
  t.match(parseIscsiUrl('iscsi://alice@[::1]/iqn.x/2'), { portal: '[::1]:3260', user: 'alice', lun: 2 });
  t.notOk('password' in parseIscsiUrl('iscsi://alice@h/iqn.x/2'));
  for (const bad of ['http://h/iqn/1', 'iscsi://h/iqn.x', 'iscsi://h/iqn.x/one', 'iscsi://h:99999/iqn.x/1', 'iscsi://%pw@h/iqn.x/1', 'iscsi://h/iqn.x/1/2']) {
    t.throws(() => parseIscsiUrl(bad), { code: 'EURL', message: /expected iscsi:\/\/\[user\[%password\]@\]host\[:port\]\/target-iqn\/lun/ }, bad);
  }
  try { parseIscsiUrl('iscsi://u%sekrit@h/iqn.x'); t.fail('parsed'); } catch (e) {
    t.match(e, { code: 'EURL', message: /u%\*\*\*@h/ });
    t.notMatch((e as Error).message, /sekrit/, 'EURL message redacts the password');
  }
  t.equal(redactIscsiUrl('iscsi://u%sekrit@h/iqn.x/1'), 'iscsi://u%***@h/iqn.x/1');
  t.equal(redactIscsiUrl('iscsi://u%a@b@h/iqn.x/1'), 'iscsi://u%***@h/iqn.x/1');
  t.equal(redactIscsiUrl('iscsi://u@h/iqn.x/1'), 'iscsi://u@h/iqn.x/1');
  t.equal(redactIscsiUrl('iscsi://h/iqn.x/1'), 'iscsi://h/iqn.x/1');
});

t.test('libiscsi loads here', async (t) => {
  t.same(libiscsiBackend.available(), { available: true });
  t.same(libiscsiBackend.schemes, ['iscsi:']);
});

t.test('against a real tgt', { skip: noTgtReason() }, async (t) => {
  const tgt = ensureTgt();
  t.teardown(() => tgt.release());
  const posix = new Posix();
  const buf = allocAligned(posix, 4096, 64 * 1024);
  t.teardown(() => buf.free());

  /** A connected side whose every CallResult lands in `calls`; disconnected at teardown. */
  const side = (t: Test, url: string, env: NodeJS.ProcessEnv = {}) => {
    const c = libiscsiBackend.connect(url, { timeoutSec: 5, env });
    const calls: CallResult[] = [];
    c.backend.onCall = (r) => calls.push(r);
    t.teardown(() => c.backend.disconnect());
    return { ...c, calls };
  };
  const openLun = (b: SideBackend, dsync = false) => {
    const r = b.open({ path: '', direct: false, dsync, create: false });
    if (!r.ok) throw new Error(`open: ${JSON.stringify(r)}`);
    return r.ret;
  };

  t.test('connect reports READ CAPACITY(16) geometry and INQUIRY identity', async (t) => {
    const { backend, target } = side(t, tgt.url);
    t.match(target, {
      path: tgt.url, kind: 'device', fsType: 'iscsi', logicalBlockSize: 512, deviceSize: 96 * 1024 * 1024,
      description: /^iSCSI LUN 1 of iqn\.2026-11\.org\.coprobe:lun at 127\.0\.0\.1:3260 via libiscsi .*512-byte blocks$/,
      facts: { portal: '127.0.0.1:3260', iqn: 'iqn.2026-11.org.coprobe:lun', lun: 1, blocks: 196608, blockLength: 512, vendor: 'IET', product: 'VIRTUAL-DISK' },
    });
    t.same(backend.caps, {
      pageCache: false, direct: false, files: false, locks: false, fadvise: false, blkflsbuf: false, setfl: false,
      mountstats: false, openAs: false, flush: 'SYNCHRONIZE CACHE(16)', syncWrite: 'WRITE(16) with FUA',
    });
    const fd = openLun(backend);
    t.match(backend.fstat(fd), { res: { ok: true }, stat: { size: 96 * 1024 * 1024 } });
  });

  t.test('blocks written on one session read back on a second session, plain, FUA and flushed', async (t) => {
    const a = side(t, tgt.url);
    const b = side(t, tgt.url);
    const fa = openLun(a.backend);
    const fua = openLun(a.backend, true);
    const fb = openLun(b.backend);
    const pattern = randomBytes(64 * 1024);
    pattern.copy(buf.bytes);
    t.match(a.backend.pwrite(fa, buf.ptr, 32 * 1024, 1024 * 1024), { ok: true, ret: 32 * 1024, call: 'WRITE(16)' });
    t.match(a.backend.pwrite(fua, buf.ptr, 4096, 2 * 1024 * 1024), { ok: true, ret: 4096, call: 'WRITE(16) FUA' });
    t.match(a.backend.fsync(fa), { ok: true, ret: 0, call: 'SYNCHRONIZE CACHE(16) (fsync)' });
    t.match(a.backend.fdatasync(fa), { ok: true, call: 'SYNCHRONIZE CACHE(16) (fdatasync)' });
    buf.bytes.fill(0);
    t.match(b.backend.pread(fb, buf.ptr, 32 * 1024, 1024 * 1024), { ok: true, ret: 32 * 1024, call: 'READ(16)' });
    t.ok(buf.bytes.subarray(0, 32 * 1024).equals(pattern.subarray(0, 32 * 1024)), 'second session reads what the first wrote');
    t.match(b.backend.pread(fb, buf.ptr, 4096, 2 * 1024 * 1024), { ok: true, ret: 4096 });
    t.ok(buf.bytes.subarray(0, 4096).equals(pattern.subarray(0, 4096)), 'FUA write read back');
    t.same(a.calls.map((c) => c.call), ['open', 'open(FUA)', 'WRITE(16)', 'WRITE(16) FUA', 'SYNCHRONIZE CACHE(16) (fsync)', 'SYNCHRONIZE CACHE(16) (fdatasync)'], 'every call reached onCall');
    t.ok(a.calls.every((c) => c.durUs >= 0 && c.t0Us > 0));
  });

  t.test('misaligned, past-the-end and unknown-handle requests are refused before the wire', async (t) => {
    const { backend, calls } = side(t, tgt.url);
    const fd = openLun(backend);
    const size = 96 * 1024 * 1024;
    t.match(backend.pread(fd, buf.ptr, 4096, 100), { ok: false, errno: 22, errnoName: 'EINVAL', detail: /multiples of the LUN's 512-byte block/ });
    t.match(backend.pwrite(fd, buf.ptr, 1000, 0), { ok: false, errno: 22, detail: /length 1000/ });
    t.match(backend.pread(fd, buf.ptr, 4096, size - 512), { ok: false, errno: 22, detail: /past the end of the LUN/ });
    t.match(backend.pwrite(fd, buf.ptr, 512, size), { ok: false, errno: 22, detail: /past the end/ });
    t.match(backend.pread(fd, buf.ptr, 512, size - 512), { ok: true, ret: 512 }, 'the last block is readable');
    t.match(backend.pread(99, buf.ptr, 512, 0), { ok: false, errnoName: 'EBADF' });
    t.match(backend.ftruncate(fd, 0), { ok: false, errno: 95, detail: /an iSCSI LUN has no/ });
    t.match(backend.stat('x').res, { ok: false, errno: 95, detail: /an iSCSI LUN has no/ });
    t.match(backend.unlink('x'), { ok: false, errno: 95 });
    t.match(backend.chmod('x', 0o600), { ok: false, errno: 95 });
    t.match(backend.fchmod(fd, 0o600), { ok: false, errno: 95 });
    t.equal(calls.length, 12);
    backend.disconnect();
    t.match(backend.pread(fd, buf.ptr, 512, 0), { ok: false, errnoName: 'EBADF', detail: /disconnected/ });
  });

  t.test('connect failures carry stable codes and say what to do', async (t) => {
    t.match(connectError('iscsi://127.0.0.1/iqn.2026-11.org.coprobe:nosuch/1'),
      { code: 'ELOGIN', message: /iqn\.2026-11\.org\.coprobe:nosuch.*iscsi-ls iscsi:\/\/127\.0\.0\.1:3260/ });
    t.match(connectError('iscsi://127.0.0.1/iqn.2026-11.org.coprobe:lun/7'), { code: 'ENOLUN', message: /LUN 7 does not exist/ });
    t.match(connectError('iscsi://127.0.0.1/iqn.2026-11.org.coprobe:lun/0'), { code: 'ENOLUN', message: /controller, not a disk/ });
    const t0 = Date.now();
    t.match(connectError('iscsi://127.0.0.1:3999/iqn.2026-11.org.coprobe:lun/1'),
      { code: 'ECONNECT', message: /nothing answered at portal 127\.0\.0\.1:3999.*check that the iSCSI target is running/ });
    t.ok(Date.now() - t0 < 5000, 'a closed portal fails within seconds');
    t.match(connectError('iscsi://127.0.0.1/iqn.2026-11.org.coprobe:lun'), { code: 'EURL' });
    t.match(connectError('iscsi://coprobe@127.0.0.1/iqn.2026-11.org.coprobe:chap/1'), { code: 'EURL', message: /no password/ });
  });

  t.test('CHAP: credentials from the URL or the environment log in, a wrong password does not, and no password is ever printed', async (t) => {
    const pw = tgt.chapPassword;
    const withPw = tgt.chapUrl.replace('iscsi://', `iscsi://${tgt.chapUser}%${pw}@`);
    const seen: string[] = [];
    const fromUrl = side(t, withPw);
    t.equal(fromUrl.target.path, tgt.chapUrl.replace('iscsi://', `iscsi://${tgt.chapUser}%***@`));
    t.match(fromUrl.target.facts, { chap: true, iqn: 'iqn.2026-11.org.coprobe:chap' });
    const fd = openLun(fromUrl.backend, true);
    t.match(fromUrl.backend.pwrite(fd, buf.ptr, 4096, 0), { ok: true });
    t.match(fromUrl.backend.pread(fd, buf.ptr, 100, 0), { ok: false, errno: 22 });
    t.match(fromUrl.backend.fsync(fd), { ok: true });
    const fromEnv = side(t, tgt.chapUrl, { LIBISCSI_CHAP_USERNAME: tgt.chapUser, LIBISCSI_CHAP_PASSWORD: pw });
    t.match(fromEnv.backend.pread(openLun(fromEnv.backend), buf.ptr, 4096, 0), { ok: true, ret: 4096 });
    const wrong = connectError(withPw.replace(`%${pw}@`, '%not-the-password@'));
    t.match(wrong, { code: 'ELOGIN', message: /CHAP login as "coprobe" was rejected/ });
    t.match(connectError(tgt.chapUrl), { code: 'ELOGIN', message: /requires CHAP/ });
    const parseErr = connectError(withPw.replace('/1', '/x'));
    t.match(parseErr, { code: 'EURL' });
    seen.push(JSON.stringify([fromUrl.target, fromEnv.target, fromUrl.calls, fromEnv.calls]));
    for (const e of [wrong, parseErr]) seen.push(`${e?.message} ${e?.stack}`);
    t.notOk(seen.some((s) => s.includes(pw)), 'the password appears in no target, CallResult or message');
  });

  t.test('export and unexport serve a file as its own target, written through to the file', async (t) => {
    const dir = mkdtempSync(join('/var/tmp', 'coprobe-test-export-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'img');
    writeFileSync(file, Buffer.alloc(1024 * 1024));
    const name = `t${process.pid}`;
    const url = tgt.export(name, file);
    t.teardown(() => tgt.unexport(name));
    t.equal(url, `iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:${name}/1`);
    t.equal(tgt.export(name, file), url, 'exporting again is a no-op');
    const { backend, target } = side(t, url);
    t.equal(target.deviceSize, 1024 * 1024);
    const stamp = randomBytes(512);
    stamp.copy(buf.bytes);
    t.match(backend.pwrite(openLun(backend), buf.ptr, 512, 4096), { ok: true, ret: 512 });
    t.ok(readFileSync(file).subarray(4096, 4608).equals(stamp), 'the block is in the file once WRITE(16) completes');
    const fd = openLun(backend);
    tgt.unexport(name);
    const t0 = Date.now();
    t.match(backend.pread(fd, buf.ptr, 512, 0), { ok: false, errnoName: 'EIO', detail: /connection to the target was lost/ },
      'a session whose target vanished fails instead of reconnecting forever');
    t.match(backend.pread(fd, buf.ptr, 512, 0), { ok: false, errnoName: 'EIO', detail: /not re-established/ });
    t.ok(Date.now() - t0 < 5000, 'within seconds');
    backend.disconnect();
    t.match(connectError(url), { code: 'ELOGIN' });
  });
});
