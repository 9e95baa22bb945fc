// A misbehaving agent behind the coordinator's client: every way of breaking an answer is a ProtocolError naming the side.
import t from 'tap';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { AgentClient } from '../src/transport/client.js';
import { ProtocolError } from '../src/errors.js';

const FAKE = fileURLToPath(new URL('./fixtures/fake-agent.mjs', import.meta.url));

/** A client whose agent breaks its answer to `when` ("hello", "ping#2") in the given mode. */
function fake(mode: string, when = 'hello'): AgentClient {
  return new AgentClient('b', [process.execPath, FAKE, mode, when]);
}

/** Each mode, what the error must say. */
const CASES: [mode: string, message: RegExp][] = [
  ['text', /malformed JSON from the agent.*"this is not json at all"/],
  ['early', /malformed JSON from the agent.*agent starting up/],
  ['null', /a response must be a JSON object, got "null"/],
  ['array', /a response must be a JSON object/],
  ['truncated', /malformed JSON from the agent/],
  ['oversize', /agent line of \d+\+ bytes exceeds the 4194304-byte limit/],
  ['wrong-id', /response id 1001 does not answer the outstanding request 1 \("hello"\): out of order, repeated or unknown/],
  ['no-entry', /response to "hello" does not match the response shape: entry: /],
  ['bad-entry', /response to "hello" does not match the response shape: entry\.t0: /],
  ['bad-error', /response to "hello" does not match the response shape: error: /],
  ['bad-result', /result of "hello" does not match its schema: /],
  ['proto', /response to "hello" refused: it holds a "__proto__" key/],
  ['deep', /response to "hello" refused: nested deeper than 64 levels/],
  ['huge', /response id Infinity does not answer the outstanding request 1/],
  ['binary', /malformed JSON from the agent/],
  ['midline', /the agent's output ended in the middle of a line \(20 bytes without a newline; exit code 0\)/],
];

for (const [mode, message] of CASES) {
  t.test(`an agent answering hello ${mode}: a ProtocolError naming side b, the agent killed`, async (t) => {
    const c = fake(mode);
    t.teardown(() => c.kill());
    const t0 = performance.now();
    const err = await c.call('hello', {}, 30_000).then(() => undefined, (e: Error) => e);
    const ms = Math.round(performance.now() - t0);
    t.ok(err instanceof ProtocolError, `rejected with a ProtocolError (${err?.name}: ${err?.message.slice(0, 200)})`);
    t.match(err?.message, /^side b: protocol error: /);
    t.match(err?.message, message);
    t.notOk(c.alive, 'the client no longer uses this agent');
    t.comment(`${mode}: ${err?.message.slice(0, 160)} (${ms} ms)`);
    t.ok(ms < 15_000, `rejected in ${ms} ms (mostly the agent's start-up), long before the 30 s timeout`);
    const next = await c.call('ping', {}, 1000).then(() => undefined, (e: Error) => e);
    t.equal(next, err, 'every later command gets the same error');
  });
}

t.test('an answer repeated: the first is taken, the repeat is an unsolicited line and the next command is refused', async (t) => {
  const c = fake('repeat');
  t.teardown(() => c.kill());
  t.match(await c.call('hello', {}, 10_000), { ok: true, result: { protocol: 1 } });
  // The repeat arrives right after the answer, while nothing is outstanding.
  await new Promise((r) => setTimeout(r, 200));
  const err = await c.call('ping', {}, 5000).then(() => undefined, (e: Error) => e);
  t.ok(err instanceof ProtocolError);
  t.match(err?.message, /side b: protocol error: unsolicited line from the agent while no command was outstanding: .*id\\":1,/);
});

t.test('a well-behaved stretch, then a broken answer mid-session: only then does the client give up', async (t) => {
  const c = fake('wrong-id', 'ping#3');
  t.teardown(() => c.kill());
  t.match(await c.call('hello', {}, 10_000), { ok: true });
  t.match(await c.call('ping', {}, 5000), { ok: true });
  t.match(await c.call('ping', {}, 5000), { ok: true });
  const err = await c.call('ping', {}, 5000).then(() => undefined, (e: Error) => e);
  t.match(err?.message, /side b: protocol error: response id 1004 does not answer the outstanding request 4 \("ping"\)/);
  t.equal(c.transcript.length, 4, 'the transcript keeps the three good answers…');
  t.match(c.transcript[3], { cmd: 'ping', ok: false, unanswered: 'lost', calls: [] }, '…and records the broken one as unanswered');
});

t.test('an agent that exits right after answering: the answer is still delivered, then the side is lost', async (t) => {
  const c = new AgentClient('a', [process.execPath, '-e', 'process.stdin.once("data", (l) => { const r = JSON.parse(l); process.stdout.write(JSON.stringify({ id: r.id, ok: false, error: { code: "EBYE", message: "bye" } }) + "\\n"); process.exit(3); })']);
  t.teardown(() => c.kill());
  t.match(await c.call('ping', {}, 5000), { ok: false, error: { code: 'EBYE' } });
  const err = await c.call('ping', {}, 5000).then(() => undefined, (e: Error) => e);
  t.match(err?.message, /side a: agent went away during "\(between commands\)" \(exit code 3\)|side a: agent went away during "ping"/);
});
