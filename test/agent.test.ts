import t, { type Test } from 'tap';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agent, rawAgent } from './fixtures/agent.js';
import type { ReadSummary } from '../src/protocol/results.js';

const runId = 'aaaabbbbccccdddd';
const file = `.coprobe-${runId}-001-TEST1`;

t.test('a real agent writes, reads and classifies blocks on a real directory, with a transcript of libc calls', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-agent-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = agent();
  t.teardown(() => c.kill());
  const hello = await c.call<{ protocol: number; bootId: string }>('hello', {}, 5000);
  t.match(hello, { ok: true, result: { protocol: 1 } });
  t.match(await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 5000), { ok: true, result: { kind: 'dir', stack: 'local' } });
  t.match(await c.call('open', { h: 'f', file, mode: 'none', create: true }, 5000), { ok: true });
  t.match(await c.call('write', { h: 'f', gen: 1, first: 0, count: 4 }, 5000), { ok: true, result: { written: 4 } });
  t.match(await c.call('fsync', { h: 'f' }, 5000), { ok: true, result: { ignored: false } });
  const fresh = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: 4, writerId: 1 }, 5000);
  t.match(fresh, { ok: true, result: { blocks: 4, counts: { fresh: 4 } } });
  const stale = await c.call<ReadSummary>('read', { h: 'f', gen: 2, first: 0, count: 4 }, 5000);
  t.match(stale, { ok: true, result: { counts: { stale: 4 }, findings: [{ index: 0, cls: 'stale', expected: 2, found: 1 }] } });
  const past = await c.call<ReadSummary>('read', { h: 'f', gen: 1, first: 4, count: 1 }, 5000);
  t.match(past, { ok: true, result: { counts: { short: 1 } } }, 'reading past the end of the file is a short read');
  const poll = await c.call('poll', { h: 'f', gen: 2, first: 0, count: 4, boundMs: 30, intervalMs: 5 }, 5000);
  t.match(poll, { ok: true, result: { fresh: false, last: { counts: { stale: 4 } } } });
  t.ok(((poll as { result: { polls: number } }).result.polls) >= 2, 'poll re-read inside the agent');
  const entry = fresh.entry!;
  t.equal(entry.cmd, 'read');
  const preads = entry.calls.filter((c) => c.call === 'pread');
  t.equal(preads.length, 4, 'one pread per block');
  t.match(preads[0], { call: 'pread', ret: 4096 });
  t.ok(entry.t1 >= entry.t0);
  t.match(await c.call('blkflsbuf', { h: 'f' }, 5000), { ok: false, error: { code: 'ENOTBLK' } });
  t.match(await c.call('open', { h: 'f', file, mode: 'none', create: false }, 5000), { ok: false, error: { code: 'EINVALID', message: /already open/ } });
  t.match(await c.call('close', { h: 'zz' }, 5000), { ok: false, error: { code: 'EBADHANDLE' } });
  t.match(await c.call('cleanup', {}, 5000), { ok: true, result: { removed: [join(dir, file)] } });
  t.same(readdirSync(dir), []);
  t.ok(c.transcript.length >= 10, 'the client kept every transcript entry');
});

t.test('init refuses a missing path and a regular file with messages that say what to do', async (t) => {
  const c = agent();
  t.teardown(() => c.kill());
  t.match(await c.call('init', { target: '/nonexistent/x', runId, writerId: 1, destroy: false }, 5000), { ok: false, error: { code: 'ENOENT', message: /does not exist/ } });
  t.match(await c.call('init', { target: '/etc/hostname', runId, writerId: 1, destroy: false }, 5000), { ok: false, error: { code: 'ETARGET', message: /neither a directory nor a block device/ } });
  t.match(await c.call('read', { h: 'f', gen: 1, first: 0, count: 1 }, 5000), { ok: false, error: { code: 'EBADHANDLE' } });
});

t.test('malformed, unknown and oversize lines get protocol errors and the agent keeps serving', async (t) => {
  const r = rawAgent();
  r.send('this is not json\n');
  t.match(await r.next(), { id: null, ok: false, error: { code: 'EPARSE' } });
  r.send('{"id":2,"cmd":"format","device":"/dev/sda"}\n');
  t.match(await r.next(), { id: 2, ok: false, error: { code: 'EUNKNOWN' } });
  r.send('{"id":3,"cmd":"ping","pad":"' + 'x'.repeat(5 * 1024 * 1024) + '"}\n');
  t.match(await r.next(), { id: null, ok: false, error: { code: 'ETOOBIG' } });
  r.send('{"id":4,"cmd":"ping"}\n');
  t.match(await r.next(), { id: 4, ok: true });
  t.equal(await r.end(), 0);
});

/** A real agent on a fresh directory, with one block of generation 1 written to an open scratch file. */
async function agentWithOneBlock(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-agent-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const c = agent();
  t.teardown(() => c.kill());
  await c.call('init', { target: dir, runId, writerId: 1, destroy: false }, 5000);
  await c.call('open', { h: 'f', file, mode: 'writeback', create: true }, 5000);
  await c.call('write', { h: 'f', gen: 1, first: 0, count: 1 }, 5000);
  return { dir, c };
}

t.test('when stdin closes the agent removes the scratch files it created and exits', async (t) => {
  const { dir, c } = await agentWithOneBlock(t);
  t.ok(existsSync(join(dir, file)));
  await c.close();
  t.notOk(existsSync(join(dir, file)), 'scratch file removed on EOF');
  t.notOk(c.alive);
});

t.test('a command that does not answer in time rejects as hung and the agent is killed', async (t) => {
  const { dir, c } = await agentWithOneBlock(t);
  // A poll that cannot succeed (generation 2 never written) outlasts a 200 ms timeout.
  await t.rejects(c.call('poll', { h: 'f', gen: 2, first: 0, count: 1, boundMs: 5000, intervalMs: 10 }, 200), { code: 'EHUNG', side: 'a', cmd: 'poll' });
  t.notOk(c.alive);
  t.match(c.transcript.at(-1), { cmd: 'poll', unanswered: 'timeout' });
  await t.rejects(c.call('ping', {}, 1000), { code: 'EHUNG' }, 'a dead agent refuses further commands');
});
