// ProbeContext.read's proof and open's `as` reach the agent's request; a refused identity switch is UNSUPPORTED.
import t from 'tap';
import { side } from './fixtures/records.js';
import { makeContext } from '../src/run/context.js';
import { DEFAULT_PROBE_OPTIONS, StepFailure } from '../src/probe.js';
import type { SideSession } from '../src/run/session.js';

/** A context whose sides' clients record each request and answer with `answer(cmd)` (a recorder of requests, not storage). */
function context(answer: (cmd: string) => object) {
  const sent: { side: string; cmd: string; args: Record<string, unknown> }[] = [];
  const session = (name: string) => ({
    spec: { name, transport: 'local', target: '/d' }, hello: { ...side().host, bootId: 'x' }, target: side().target, writerId: 1, direct: false,
    client: {
      transcript: [],
      call: async (cmd: string, args: Record<string, unknown>) => { sent.push({ side: name, cmd, args }); return { durationMs: 0, ...answer(cmd) }; },
    },
  }) as unknown as SideSession;
  const ctx = makeContext({
    sides: { a: session('a'), b: session('b') }, variant: { a: 'writeback', b: 'writeback' }, blocks: 4, blockSize: 4096,
    file: '.coprobe-0123456789abcdef-x', nextGen: () => 1, timeoutMs: 1000, options: DEFAULT_PROBE_OPTIONS, runId: '0123456789abcdef',
  });
  return { ctx, sent };
}

t.test('read passes proof only when asked; open passes uid and gid only when given', async (t) => {
  const { ctx, sent } = context(() => ({ ok: true, result: {} }));
  await ctx.read('b', 'f', 3);
  await ctx.read('b', 'f', 3, 0, 2, { proof: true });
  await ctx.read('b', 'f', 3, 0, 2, { proof: false });
  await ctx.open('b', 'r', 'writeback');
  await ctx.open('b', 'r', 'none', false, { uid: 65534, gid: 65534 });
  t.notOk('proof' in sent[0]!.args);
  t.match(sent[1]!.args, { h: 'f', gen: 3, first: 0, count: 2, proof: true });
  t.notOk('proof' in sent[2]!.args);
  t.notOk('uid' in sent[3]!.args);
  t.match(sent[4], { cmd: 'open', args: { h: 'r', mode: 'none', create: false, uid: 65534, gid: 65534 } });
});

t.test('an open as another user that the side cannot make is UNSUPPORTED, with the agent\'s message', async (t) => {
  const refusal = (code: string, message: string) => context(() => ({ ok: false, error: { code, message } })).ctx;
  await t.rejects(refusal('EUIDSWITCH', 'open x: could not switch the file-system identity: run the agent as root').open('b', 'r', 'writeback', false, { uid: 65534, gid: 65534 }),
    new StepFailure('side b: open x: could not switch the file-system identity: run the agent as root', 'UNSUPPORTED'));
  const eop = refusal('EOPNOTSUPP', 'open as uid 65534: the libnfs side has no opening as another user (setfsuid)');
  await t.rejects(eop.open('b', 'r', 'writeback', false, { uid: 65534, gid: 65534 }), { outcome: 'UNSUPPORTED', message: /libnfs side has no opening as another user/ });
  await t.rejects(refusal('EACCES', 'open x: open failed: EACCES').open('b', 'r', 'writeback', false, { uid: 65534, gid: 65534 }), { outcome: 'FAIL' }, 'a refusal by the storage stays a failure');
});
