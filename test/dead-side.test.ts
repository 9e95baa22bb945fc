// SideHealth: which restart failures count towards a side's death, when it is declared dead, and what the records say.
import t from 'tap';
import { DEAD_AFTER, deadLine, deadReason, hungCommand, SideHealth } from '../src/run/dead-side.js';
import { HungError, LostError, SetupError } from '../src/errors.js';

const T0 = Date.parse('2026-12-07T23:20:00.000Z');
/** A clock the test moves by hand. */
function clock() {
  let now = T0;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}
/** What startSide throws when a restarted agent's init gets no answer. */
const initHung = (side = 'b', ms = 5000) => new SetupError(`side ${side}: ${new HungError(side, 'init', ms).message}`, 'EHUNG');
const URL = 'iscsi://127.0.0.1:3260/iqn.2026-11.org.coprobe:lun/1';

t.test('hungCommand: the command and bound of an EHUNG error, bare or wrapped by set-up; nothing for other failures', async (t) => {
  t.same(hungCommand(new HungError('b', 'read', 2000)), { command: 'read', timeoutMs: 2000 });
  t.same(hungCommand(initHung('a', 5000)), { command: 'init', timeoutMs: 5000 });
  t.same(hungCommand(new SetupError('side b: ssh: the host did not answer', 'EHUNG')), { command: 'hello' }, 'an explained start failure: the agent\'s start');
  t.equal(hungCommand(new SetupError('side b: connect: ECONNREFUSED', 'ECONNREFUSED')), undefined, 'a refusal is an answer');
  t.equal(hungCommand(new LostError('b', 'init', 'exit code 1', '')), undefined);
  t.equal(hungCommand(new Error('x')), undefined);
  t.equal(hungCommand(undefined), undefined);
});

t.test(`a side is dead after ${DEAD_AFTER} restarts in a row that got no answer; since = when the hung command was sent`, async (t) => {
  const c = clock();
  const h = new SideHealth(c.now);
  t.equal(DEAD_AFTER, 2);
  c.advance(11_000);
  t.equal(h.failed('b', initHung(), URL, 5000, T0 + 200), false, 'the restart right after the hang does not decide alone');
  t.equal(h.reason(), undefined);
  c.advance(6000);
  t.equal(h.failed('b', initHung(), URL, 5000), true, 'the second in a row: dead');
  const d = h.dead('b')!;
  t.same({ ...d }, {
    side: 'b', what: 'storage', target: URL, command: 'init', timeoutMs: 5000, since: '2026-12-07T23:20:00.200Z', declaredAt: '2026-12-07T23:20:17.000Z', restarts: 2, omitted: 0,
  });
  t.equal(h.dead('a'), undefined, 'the other side is not');
  t.equal(h.reason(), `side b's storage does not answer (${URL}): no answer since 2026-12-07T23:20:00.200Z; 2 restarts of its agent in a row got no answer to "init" within 5000 ms, so it is not restarted again this run`);
  t.equal(h.failed('b', initHung(), URL, 5000), false, 'declared once');
  t.same(h.deadSides().map((x) => x.side), ['b']);
});

t.test('a restart that works, or fails with an answer, starts the count again', async (t) => {
  const h = new SideHealth(clock().now);
  h.failed('a', initHung('a'), URL, 5000);
  h.restarted('a');
  t.equal(h.failed('a', initHung('a'), URL, 5000), false, 'a hang, a working restart, a hang: not two in a row');
  h.failed('a', new SetupError('side a: connect: ECONNREFUSED', 'ECONNREFUSED'), URL, 5000);
  t.equal(h.failed('a', initHung('a'), URL, 5000), false, 'a refusal in between breaks the row too');
  t.equal(h.failed('a', initHung('a'), URL, 5000), true);
});

t.test('without the hang\'s start, since is the first failed restart\'s command; a hung hello is the agent\'s, not the storage\'s', async (t) => {
  const c = clock();
  const h = new SideHealth(c.now);
  const hello = new SetupError(`side a: ${new HungError('a', 'hello', 10_000).message}`, 'EHUNG');
  c.advance(10_000);
  h.failed('a', hello, 'ssh://lab1/srv/x', 5000);
  c.advance(10_000);
  h.failed('a', hello, 'ssh://lab1/srv/x', 5000);
  const d = h.dead('a')!;
  t.equal(d.what, 'agent');
  t.equal(d.since, '2026-12-07T23:20:00.000Z', 'the first restart\'s hello was sent its timeout before it failed');
  t.equal(d.timeoutMs, 10_000);
  t.match(h.reason(), /^side a's agent cannot be started \(the host or the connection to it does not answer\): no answer since 2026-12-07T23:20:00\.000Z; 2 restarts .* "hello" within 10000 ms/);
});

t.test('note counts the OMITs that carry a dead side\'s reason; deadLine says when it died and what it cost', async (t) => {
  const h = new SideHealth(clock().now);
  h.failed('b', initHung(), URL, 5000, T0);
  h.failed('b', initHung(), URL, 5000);
  const why = h.reason()!;
  h.note('OMIT', why);
  h.note('OMIT', why);
  h.note('OMIT', 'needs a dir target; side a is a device');
  h.note('HUNG', why);
  h.note('PASS', undefined);
  const d = h.dead('b')!;
  t.equal(d.omitted, 2);
  t.equal(deadReason(d), why);
  t.equal(deadLine(d), `side b: its storage (${URL}) stopped answering at 2026-12-07T23:20:00.000Z and was declared dead at 2026-12-07T23:20:00.000Z after 2 restarts got no answer to "init" within 5000 ms; 2 variants after it OMIT without trying again`);
});
