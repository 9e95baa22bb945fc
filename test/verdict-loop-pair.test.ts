// The verdicts of a real run: HAND1 on the loop pair (two page caches over one store), end to end.
import t from 'tap';
import { attachLoopPair } from '../src/loop-pair.js';
import { computeVerdicts } from '../src/verdict/record.js';
import { renderVerdicts } from '../src/report/verdicts.js';
import { noLoopReason } from './fixtures/root.js';
import { runProbes } from './fixtures/run.js';

t.test('loop pair: cache=none SAFE; writeback SAFE only with drop-cache; no disagreement with libvirt', { skip: noLoopReason() }, async (t) => {
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  const r = await runProbes(pair.a, pair.b, { destroy: [pair.a, pair.b], modes: 'none,writeback', probes: ['HAND1', 'BOTH1'] });
  const rec = computeVerdicts(r.run, r.probes);
  const v = (mode: string, behaviour: string) => rec.verdicts.find((x) => x.mode === mode && x.behaviour === behaviour)!;
  t.equal(rec.stack, 'block');
  t.same(rec.voids, [], 'two loop devices are two page caches');
  t.equal(v('none', 'drop-cache').verdict, 'SAFE');
  t.equal(v('none', 'no-drop-cache').verdict, 'SAFE');
  t.equal(v('writeback', 'drop-cache').verdict, 'SAFE', 'QEMU ≥ 4.0 drops b\'s stale pages');
  t.equal(v('writeback', 'no-drop-cache').verdict, 'UNSAFE', 'older QEMU reads the early read\'s stale pages');
  t.ok(v('writeback', 'no-drop-cache').evidence[0]!.badBlocks.length > 0, 'the stale blocks are listed');
  t.equal(v('directsync', 'drop-cache').verdict, 'UNKNOWN', 'a mode not selected is not SAFE');
  t.same(rec.verdicts.filter((x) => x.disagreement || x.contradiction), [], 'libvirt and the wiki agree with the loop pair');
  t.equal(rec.claims.find((c) => c.claim === 'BLOCK-CACHE-NONE-ONLY')!.status, 'holds');
  t.ok(renderVerdicts(rec).some((l) => /^writeback\s+QEMU < 4\.0\s+UNSAFE/.test(l)));
});
