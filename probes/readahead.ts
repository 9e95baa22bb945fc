// RA1: b reads one block buffered (the kernel may read ahead); a rewrites the blocks after it and flushes; b reads
// them for the first time. Stale blocks there came from readahead, before a's write.
import { StepFailure, type Probe } from '../src/probe.js';
import { expectFresh } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { allFresh, describeCounts } from '../src/blocks/tally.js';
import { bearsOn, staleRule } from './rules.js';
import { prime, rewrite } from './steps.js';

export const readahead: Probe = {
  code: 'RA1',
  title: 'readahead hazard: b reads block 0, a rewrites blocks 1..k and flushes, b reads them',
  flags: ['readahead'],
  claims: ['READAHEAD'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.filter((p) => !MODE_TRAITS[p.b].direct).map((p) => ({ ...p })),
  async run(t) {
    const k = t.blocks - 1;
    if (k < 1) throw new StepFailure('RA1 needs --blocks 2 or more', 'UNSUPPORTED');
    const g1 = t.nextGen();
    const g2 = t.nextGen();
    await prime(t, g1, { first: 0, count: t.blocks }, { first: 0, count: 1 });
    const flush = await rewrite(t, g2, { first: 1, count: k });
    const after = await t.read('b', 'f', g2, 1, k);
    const fresh = allFresh(after.result);
    const stale = after.result.blocks - after.result.counts.fresh;
    const check = expectFresh({
      sentence: `blocks b had not read yet should be fresh after a rewrote them and flushed (readahead may have fetched ${k} blocks early)`,
      claims: ['READAHEAD'], read: after.result, onStale: staleRule(t, ['nfs'], flush.result.ignored).onStale, fsyncToReadUs: t.gapUs(flush, after),
      note: flush.result.ignored ? 'the writer skipped its flush (cache=unsafe)' : `readahead on b fetched ${stale} of the ${k} following blocks before a's write and served them stale`,
    });
    const window = fresh ? undefined : await t.window('b', 'f', g2, 1, k);
    return [{
      ...check, values: { readaheadStaleBlocks: stale, blockSize: t.blockSize },
      bears: bearsOn(t, fresh, flush.result.ignored, { READAHEAD: ['holds', 'violated'] }, `${describeCounts(after.result)} b had never read`),
      ...(window ? { window } : {}),
    }];
  },
};
