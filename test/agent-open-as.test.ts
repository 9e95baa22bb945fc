// open as another user (uid/gid: setfsuid/setfsgid around open(2)) and stat with forced revalidation, on real agents.
import t from 'tap';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_ARGV, agent } from './fixtures/agent.js';
import { AgentClient } from '../src/transport/client.js';
import { ensureGanesha, noGaneshaReason } from './fixtures/ganesha.js';
import { parseRequest } from '../src/protocol/commands.js';
import { Posix } from '../native-bindings/posix.js';
import { LIBC_CAPS } from '../native-bindings/libc-backend.js';
import { libiscsiCaps } from '../native-bindings/libiscsi-side.js';
import { libnfsCaps } from '../native-bindings/libnfs-limits.js';
import { CAPABILITY_LABEL } from '../src/caps.js';

const runId = 'aaaabbbbccccdddd';
const file = `.coprobe-${runId}-001-ASUSER`;
const NOBODY = 65534;
const notRoot = process.getuid?.() !== 0 ? 'needs root to switch fsuid' : undefined;

t.test('requests: uid/gid and sync validate; bad types and ranges are EINVALID', async (t) => {
  const ok = (line: object) => parseRequest(JSON.stringify(line));
  t.match(ok({ id: 1, cmd: 'open', h: 'f', file, mode: 'none', create: false, uid: NOBODY, gid: NOBODY }), { ok: true, req: { uid: NOBODY, gid: NOBODY } });
  t.match(ok({ id: 1, cmd: 'open', h: 'f', mode: 'none', create: false, uid: 0xfffffffe, gid: 1 }), { ok: true });
  for (const bad of [0, -1, 0xffffffff, 1.5, '65534']) {
    t.match(ok({ id: 1, cmd: 'open', h: 'f', mode: 'none', create: false, uid: bad, gid: 1 }), { ok: false, error: { code: 'EINVALID', message: /uid/ } }, `uid ${bad}`);
  }
  t.match(ok({ id: 2, cmd: 'stat', h: 'f', sync: true }), { ok: true, req: { sync: true } });
  t.match(ok({ id: 2, cmd: 'stat', h: 'f', sync: 1 }), { ok: false, error: { code: 'EINVALID', message: /sync/ } });
  t.match(ok({ id: 3, cmd: 'read', h: 'f', gen: 1, first: 0, count: 1, proof: true }), { ok: true, req: { proof: true } });
});

t.test('the capability: libc can open as another user, the userspace backends cannot', async (t) => {
  t.equal(LIBC_CAPS.openAs, true);
  t.equal(libiscsiCaps.openAs, false);
  t.equal(libnfsCaps(false, 3).openAs, false);
  t.equal(CAPABILITY_LABEL.openAs, 'opening as another user (setfsuid)');
});

t.test('Posix.withFsIds switches this thread\'s fsuid/fsgid, restores them, and restores after a throw', { skip: notRoot }, async (t) => {
  const p = new Posix();
  const seen = p.withFsIds(NOBODY, NOBODY, () => [p.setfsuid(-1).ret, p.setfsgid(-1).ret]);
  t.same(seen, { switched: true, value: [NOBODY, NOBODY] });
  t.equal(p.setfsuid(-1).ret, 0, 'fsuid back to root');
  t.equal(p.setfsgid(-1).ret, 0, 'fsgid back to root');
  t.throws(() => p.withFsIds(NOBODY, NOBODY, () => { throw new Error('boom'); }), /boom/);
  t.equal(p.setfsuid(-1).ret, 0, 'restored after a throw too');
});

t.test('a root agent opens as uid 65534: allowed at 0644, EACCES at 000, and its own identity is back after', { skip: notRoot }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-as-'));
  chmodSync(dir, 0o755);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 5000), { ok: true, result: { caps: { openAs: true } } });
  t.match(await c.call('open', { h: 'w', file, mode: 'writeback', create: true }, 5000), { ok: true });
  t.match(await c.call('write', { h: 'w', gen: 1, first: 0, count: 2 }, 5000), { ok: true });
  t.match(await c.call('fsync', { h: 'w' }, 5000), { ok: true });
  t.match(await c.call('chmod', { file, mode: 0o644 }, 5000), { ok: true });

  // O_RDWR as nobody on a 0644 root file is EACCES: the identity switch is real (root would be allowed).
  const rw = await c.call('open', { h: 'n', file, mode: 'writeback', create: false, uid: NOBODY, gid: NOBODY }, 5000);
  t.match(rw, { ok: false, error: { code: 'EACCES', message: /as uid 65534 gid 65534/ } }, 'nobody may not open a 0644 root file for writing');
  t.match(rw.entry?.calls.map((x) => x.call), ['setfsgid', 'setfsuid', 'setfsuid', 'setfsgid', 'open', 'setfsuid', 'setfsgid'], 'switch, check, open, restore');

  t.match(await c.call('chmod', { file, mode: 0o666 }, 5000), { ok: true });
  t.match(await c.call('open', { h: 'n', file, mode: 'writeback', create: false, uid: NOBODY, gid: NOBODY }, 5000), { ok: true }, 'nobody may open it at 0666');
  t.match(await c.call('read', { h: 'n', gen: 1, first: 0, count: 2, writerId: 1 }, 5000), { ok: true, result: { counts: { fresh: 2 } } });
  t.match(await c.call('chmod', { file, mode: 0o000 }, 5000), { ok: true });
  t.match(await c.call('open', { h: 'm', file, mode: 'writeback', create: false, uid: NOBODY, gid: NOBODY }, 5000), { ok: false, error: { code: 'EACCES' } }, 'a fresh open as nobody of the 000 file is refused');
  t.match(await c.call('reopen', { h: 'n' }, 5000), { ok: false, error: { code: 'EACCES', message: /reopen .* as uid 65534/ } }, 'reopen opens as the handle\'s user again');
  t.match(await c.call('open', { h: 'r', file, mode: 'writeback', create: false }, 5000), { ok: true }, 'the agent is root again: it opens the 000 file');
  t.match(await c.call('open', { h: 'x', file, mode: 'writeback', create: false, uid: NOBODY }, 5000), { ok: false, error: { code: 'EINVALID', message: /uid and gid go together/ } });
  t.match(await c.call('cleanup', {}, 5000), { ok: true });
});

t.test('a 0600 file owned by nobody: nobody opens it, another uid may not', { skip: notRoot }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-as2-'));
  chmodSync(dir, 0o777);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, file);
  writeFileSync(path, 'x'.repeat(8192));
  chownSync(path, NOBODY, NOBODY);
  chmodSync(path, 0o600);
  const c = agent();
  t.teardown(() => c.kill());
  await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 5000);
  t.match(await c.call('open', { h: 'n', file, mode: 'writeback', create: false, uid: NOBODY, gid: NOBODY }, 5000), { ok: true }, 'nobody opens its own 0600 file');
  t.match(await c.call('open', { h: 'o', file, mode: 'writeback', create: false, uid: 4242, gid: 4242 }, 5000), { ok: false, error: { code: 'EACCES' } }, 'another user may not');
  t.match(await c.call('closeAll', {}, 5000), { ok: true });
});

t.test('an agent that is not root: EUIDSWITCH saying what to do, nothing opened', { skip: notRoot }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-as3-'));
  chmodSync(dir, 0o777);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = new AgentClient('a', ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...AGENT_ARGV]);
  t.teardown(() => c.kill());
  t.match(await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 5000), { ok: true });
  t.match(await c.call('open', { h: 'f', file, mode: 'writeback', create: true }, 5000), { ok: true });
  const r = await c.call('open', { h: 'g', file, mode: 'writeback', create: false, uid: 4242, gid: 4242 }, 5000);
  t.match(r, { ok: false, error: { code: 'EUIDSWITCH', message: /could not switch the file-system identity .*run the agent as root/ } });
  t.notOk(r.entry?.calls.some((x) => x.call === 'open'), 'nothing was opened');
  t.match(await c.call('open', { h: 'g', file, mode: 'writeback', create: false }, 5000), { ok: true }, 'its own identity is intact');
  await c.call('cleanup', {}, 5000);
});

t.test('stat with sync: AT_STATX_FORCE_SYNC on a local file gives the same answer', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-sync-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = agent();
  t.teardown(() => c.kill());
  await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 5000);
  await c.call('open', { h: 'f', file, mode: 'writeback', create: true }, 5000);
  await c.call('write', { h: 'f', gen: 1, first: 0, count: 3 }, 5000);
  const plain = await c.call<{ size: number }>('stat', { h: 'f', sizeOnly: true }, 5000);
  const synced = await c.call<{ size: number }>('stat', { h: 'f', sizeOnly: true, sync: true }, 5000);
  t.match(plain, { ok: true, result: { size: 3 * 4096 } });
  t.same((synced as { result: unknown }).result, (plain as { result: unknown }).result);
  t.match(synced.entry?.calls, [{ call: 'statx(FORCE_SYNC)', ret: 0 }]);
  t.match(plain.entry?.calls, [{ call: 'statx' }]);
  const full = await c.call<{ size: number; mode: number }>('stat', { h: 'f', sync: true }, 5000);
  t.match(full, { ok: true, result: { size: 3 * 4096, mode: Number } }, 'the full result shape is unchanged');
  t.match(await c.call('stat', { h: 'f', sync: 'yes' }, 5000), { ok: false, error: { code: 'EINVALID' } });
  await c.call('cleanup', {}, 5000);
});

t.test('a libnfs side refuses uid with EOPNOTSUPP and ignores stat sync', { skip: noGaneshaReason() }, async (t) => {
  const g = ensureGanesha();
  t.teardown(() => g.release());
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('init', { target: g.url(4), runId, writerId: 1, destroy: false }, 20_000), { ok: true, result: { backend: 'libnfs', caps: { openAs: false } } });
  t.match(await c.call('open', { h: 'f', file, mode: 'writeback', create: true }, 5000), { ok: true });
  t.match(await c.call('open', { h: 'g', file, mode: 'writeback', create: false, uid: NOBODY, gid: NOBODY }, 5000),
    { ok: false, error: { code: 'EOPNOTSUPP', message: /libnfs side has no opening as another user \(setfsuid\)/ } });
  t.match(await c.call('stat', { h: 'f', sizeOnly: true, sync: true }, 5000), { ok: true, result: { size: 0 } });
  await c.call('cleanup', {}, 5000);
});
