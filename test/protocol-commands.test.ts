import t from 'tap';
import { parseRequest, COMMAND_NAMES } from '../src/protocol/commands.js';

t.test('a valid request parses into its typed form', async (t) => {
  const r = parseRequest('{"id":3,"cmd":"read","h":"f","gen":2,"first":0,"count":16,"writerId":1}');
  t.ok(r.ok);
  if (r.ok) t.match(r.req, { id: 3, cmd: 'read', h: 'f', gen: 2, count: 16 });
});

t.test('malformed JSON, non-objects, unknown commands and bad arguments are errors with codes', async (t) => {
  t.match(parseRequest('{"id":1,'), { ok: false, error: { code: 'EPARSE', id: null } });
  t.match(parseRequest('[1,2]'), { ok: false, error: { code: 'EPARSE' } });
  t.match(parseRequest('{"id":4,"cmd":"exec","argv":["rm"]}'), { ok: false, error: { code: 'EUNKNOWN', id: 4 } });
  t.match(parseRequest('{"id":5,"cmd":"__proto__"}'), { ok: false, error: { code: 'EUNKNOWN' } });
  t.match(parseRequest('{"id":6,"cmd":"open","h":"f","mode":"fast","create":true}'), { ok: false, error: { code: 'EINVALID', message: /mode/ } });
  t.match(parseRequest('{"id":7,"cmd":"fsync","h":"f","extra":1}'), { ok: false, error: { code: 'EINVALID' } });
  t.match(parseRequest('{"id":8,"cmd":"write","h":"f","gen":0,"first":0,"count":1}'), { ok: false, error: { code: 'EINVALID', message: /gen/ } });
});

t.test('only coprobe scratch names can be opened, unlinked or chmod-ed', async (t) => {
  for (const file of ['../etc/passwd', 'x', '.coprobe-0123456789abcdef-a/b', '/etc/shadow']) {
    t.match(parseRequest(JSON.stringify({ id: 1, cmd: 'unlink', file })), { ok: false, error: { code: 'EINVALID' } }, file);
  }
  t.ok(parseRequest(JSON.stringify({ id: 1, cmd: 'unlink', file: '.coprobe-0123456789abcdef-001-CTO1' })).ok);
});

t.test('the command set is closed and has no way to run a program', async (t) => {
  t.same([...COMMAND_NAMES].sort(), [
    'blkflsbuf', 'chmod', 'cleanup', 'clock', 'close', 'closeAll', 'detect', 'fadvise', 'fchmod', 'fdatasync', 'flock', 'fsync', 'hello',
    'init', 'invalidate', 'lock', 'mountstats', 'open', 'ping', 'poll', 'read', 'reopen', 'residency', 'setBlockSize', 'setDirect', 'stat',
    'statPath', 'truncate', 'unlink', 'verify', 'workload', 'write',
  ]);
});

t.test('workload and verify take a plan; statPath only a scratch name', async (t) => {
  const plan = { seed: 1, baseGen: 1, rounds: 4, first: 0, count: 1024 };
  t.ok(parseRequest(JSON.stringify({ id: 1, cmd: 'workload', h: 'f', plan, flushEvery: 2 })).ok);
  t.ok(parseRequest(JSON.stringify({ id: 1, cmd: 'verify', h: 'f', plan, first: 0, count: 1024, boundMs: 0 })).ok);
  t.match(parseRequest(JSON.stringify({ id: 1, cmd: 'workload', h: 'f', plan: { ...plan, extra: 1 }, flushEvery: 2 })), { ok: false, error: { code: 'EINVALID' } });
  t.match(parseRequest(JSON.stringify({ id: 1, cmd: 'statPath', file: '/etc/passwd' })), { ok: false, error: { code: 'EINVALID' } });
});
