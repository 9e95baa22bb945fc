// The agent fed malformed commands: one error answer per line, in order, and it keeps serving; stdin closing mid-line is a clean exit.
import t from 'tap';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawAgent } from './fixtures/agent.js';

const runId = 'feedfacefeedface';

/** Lines no coordinator sends, with the error code the agent must answer each with. */
const BAD: [line: string | Buffer, code: string, id?: number | null][] = [
  ['this is not json', 'EPARSE', null],
  [Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b, 0x22]), 'EPARSE', null],
  ['null', 'EPARSE', null],
  ['[1,2,3]', 'EPARSE', null],
  ['42', 'EPARSE', null],
  ['"ping"', 'EPARSE', null],
  ['{}', 'EUNKNOWN', null],
  ['{"id":1}', 'EUNKNOWN', 1],
  ['{"id":-1,"cmd":"ping"}', 'EINVALID', -1],
  ['{"id":1.5,"cmd":"ping"}', 'EINVALID', null],
  ['{"id":1e400,"cmd":"ping"}', 'EINVALID', null],
  ['{"id":2,"cmd":"ping","__proto__":{"polluted":true}}', 'EINVALID', 2],
  ['{"id":3,"cmd":"constructor"}', 'EUNKNOWN', 3],
  ['{"id":4,"cmd":"__proto__"}', 'EUNKNOWN', 4],
  ['{"id":5,"cmd":"toString"}', 'EUNKNOWN', 5],
  ['{"id":6,"cmd":"hasOwnProperty"}', 'EUNKNOWN', 6],
  [`{"id":7,"cmd":"ping","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'EINVALID', 7],
  ['{"id":8,"cmd":"open","h":"f","file":"../../etc/passwd","mode":"none","create":true}', 'EINVALID', 8],
  ['{"id":9,"cmd":"open","h":"f","file":".coprobe-feedfacefeedface-x","mode":"none","create":true}', 'ENOTARGET', 9],
  ['{"id":10,"cmd":"init","target":"/tmp","runId":"xyz","writerId":1,"destroy":false}', 'EINVALID', 10],
  ['{"id":11,"cmd":"write","h":"f","gen":1,"first":0,"count":1e9}', 'EINVALID', 11],
  ['{"id":12,"cmd":"read","h":"f","gen":1,"first":0,"count":1}', 'EBADHANDLE', 12],
  ['{"id":13,"cmd":"ping"', 'EPARSE', null],
];

t.test('every malformed command gets one error answer, in order; then the agent still serves', async (t) => {
  const r = rawAgent();
  t.teardown(() => r.child.kill('SIGKILL'));
  for (const [line, code, id] of BAD) {
    r.child.stdin.write(line);
    r.child.stdin.write('\n');
    const res = await r.next();
    t.match(res, { ok: false, error: { code } }, `${String(line).slice(0, 60)} → ${code}`);
    if (id !== undefined) t.equal(res.id, id, 'answered with the id it could read');
  }
  r.send('{"id":100,"cmd":"ping"}\n');
  t.match(await r.next(), { id: 100, ok: true }, 'still serving');
  t.equal(await r.end(), 0, 'stdin closed: exit 0');
});

t.test('200 lines of generated garbage (seeded), then a ping: one answer per line, the ping answered', async (t) => {
  let a = 0xc0ffee;
  const rnd = () => { a = (a * 1103515245 + 12345) & 0x7fffffff; return a / 0x7fffffff; };
  const r = rawAgent();
  t.teardown(() => r.child.kill('SIGKILL'));
  const alphabet = '{}[]":,0123456789abcdefghijklmnopqrstuvwxyz_-. \\\u00e9\u0000';
  let sent = 0;
  for (let i = 0; i < 200; i++) {
    const len = 1 + Math.floor(rnd() * 120);
    let s = i % 3 === 0 ? '{"id":' + i + ',"cmd":"' : '';
    for (let k = 0; k < len; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    if (s.trim() === '') s = 'x';
    r.send(`${s}\n`);
    sent++;
  }
  r.send('{"id":999,"cmd":"ping"}\n');
  const answers = [];
  for (let i = 0; i <= sent; i++) answers.push(await r.next());
  t.equal(answers.filter((x) => x.ok === false).length, sent, 'every garbage line answered with an error');
  t.match(answers.at(-1), { id: 999, ok: true }, 'the ping after them answered');
  t.equal(await r.end(), 0);
});

t.test('another run\'s scratch file is never opened, stat\'ed, chmod\'ed or removed: only this run\'s', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-agent-other-run-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const other = '.coprobe-0123456789abcdef-001-HAND1';
  writeFileSync(join(dir, other), 'another run\'s data');
  const r = rawAgent();
  t.teardown(() => r.child.kill('SIGKILL'));
  r.send(`${JSON.stringify({ id: 1, cmd: 'init', target: dir, runId, writerId: 1, destroy: false })}\n`);
  t.match(await r.next(), { id: 1, ok: true });
  const tries = [
    { cmd: 'open', h: 'f', file: other, mode: 'writeback', create: false },
    { cmd: 'open', h: 'f', file: other, mode: 'none', create: true },
    { cmd: 'statPath', file: other },
    { cmd: 'chmod', file: other, mode: 0 },
    { cmd: 'unlink', file: other },
  ];
  for (const [i, c] of tries.entries()) {
    r.send(`${JSON.stringify({ id: 10 + i, ...c })}\n`);
    t.match(await r.next(), { id: 10 + i, ok: false, error: { code: 'EINVALID', message: /is not a scratch file of this run \(feedfacefeedface\)/ } }, c.cmd);
  }
  t.equal(await r.end(), 0);
  t.equal(readFileSync(join(dir, other), 'utf8'), 'another run\'s data', 'untouched');
});

t.test('stdin closing in the middle of a command line: the agent removes its scratch file and exits 0', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-agent-midline-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = rawAgent();
  t.teardown(() => r.child.kill('SIGKILL'));
  const file = `.coprobe-${runId}-001-X`;
  r.send(`${JSON.stringify({ id: 1, cmd: 'init', target: dir, runId, writerId: 1, destroy: false })}\n`);
  t.match(await r.next(), { id: 1, ok: true });
  r.send(`${JSON.stringify({ id: 2, cmd: 'open', h: 'f', file, mode: 'writeback', create: true })}\n`);
  t.match(await r.next(), { id: 2, ok: true });
  t.ok(existsSync(join(dir, file)));
  r.send('{"id":3,"cmd":"write","h":"f","gen":1,');
  t.equal(await r.end(), 0, 'exit 0');
  t.same(readdirSync(dir), [], 'scratch file removed');
});
