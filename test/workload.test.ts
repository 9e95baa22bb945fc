import t from 'tap';
import { expectedGen, runsOf, stretchOf, touches, type WorkloadPlan } from '../src/blocks/workload.js';

const plan: WorkloadPlan = { seed: 7, baseGen: 10, rounds: 4, first: 0, count: 1000 };

t.test('round 1 rewrites the head sequentially; even rounds a pseudo-random quarter', async (t) => {
  t.same(stretchOf(plan, 1), { start: 0, len: 250 });
  t.ok(touches(plan, 1, 0) && touches(plan, 1, 249) && !touches(plan, 1, 250));
  const even = Array.from({ length: 1000 }, (_, i) => touches(plan, 2, i)).filter(Boolean).length;
  t.ok(even > 180 && even < 320, `round 2 touches about a quarter (${even})`);
  t.notOk(touches(plan, 1, 1000), 'outside the region');
});

t.test('expected generations follow the last round that wrote each block', async (t) => {
  for (let i = 0; i < 1000; i++) {
    let want = 10;
    for (let r = 1; r <= 4; r++) if (touches(plan, r, i)) want = 10 + r;
    if (expectedGen(plan, i) !== want) { t.fail(`block ${i}`); return; }
  }
  t.equal(expectedGen({ ...plan, rounds: 0 }, 5), 10, 'no rounds: the base generation');
  t.pass('1000 blocks agree');
});

t.test('runs cover exactly the touched blocks, ascending, contiguous', async (t) => {
  for (let r = 1; r <= 4; r++) {
    const covered = new Set<number>();
    let last = -1;
    for (const [start, len] of runsOf(plan, r)) {
      t.ok(start > last, 'ascending');
      for (let i = start; i < start + len; i++) covered.add(i);
      last = start + len;
    }
    const touched = Array.from({ length: 1000 }, (_, i) => i).filter((i) => touches(plan, r, i));
    t.same([...covered].sort((x, y) => x - y), touched, `round ${r}`);
  }
});
