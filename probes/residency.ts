// RES1: after fadvise DONTNEED on b, does mincore say any page of the file stayed cached (QEMU's x-check-cache-dropped)?
import type { Probe } from '../src/probe.js';
import type { ResidencyResult } from '../src/protocol/results.js';
import type { Check } from '../src/checks.js';
import { MODE_TRAITS } from '../src/modes.js';
import { prime } from './steps.js';

export const residency: Probe = {
  code: 'RES1',
  title: 'cache residency: b reads buffered, drops with fadvise DONTNEED, mincore counts the pages left',
  flags: ['remedy', 'dropcache'],
  claims: ['QEMU-DROP-CACHE'],
  depends: [],
  targets: ['dir', 'device'],
  needs: { b: ['fadvise'] },
  variants: (pairs) => pairs.filter((p) => !MODE_TRAITS[p.b].direct).map((p) => ({ ...p })),
  async run(t) {
    const g = t.nextGen();
    const len = t.blocks * t.blockSize;
    const { flush } = await prime(t, g);
    const before = (await t.step('b', 'residency', { h: 'f', len })).result as ResidencyResult;
    await t.step('b', 'fadvise', { h: 'f', advice: 'dontneed', offset: 0, len: 0 });
    const after = (await t.step('b', 'residency', { h: 'f', len })).result as ResidencyResult;
    const values = { pages: after.pages, residentBefore: before.resident, residentAfter: after.resident };
    const sentence = 'after posix_fadvise(DONTNEED) on b, no page of the file should stay cached';
    if (before.resident === 0) {
      return [{ claims: ['QEMU-DROP-CACHE'], sentence, outcome: 'WARN', values,
        observed: `no page was resident before the drop (${before.pages} pages): this run could not show whether DONTNEED drops them` } satisfies Check];
    }
    const dropped = after.resident === 0;
    if (flush.result.ignored && !dropped) {
      return [{ claims: ['QEMU-DROP-CACHE'], sentence, outcome: 'WARN', values,
        observed: `${after.resident} of ${after.pages} pages left: the writer skipped its flush (cache=unsafe), and DONTNEED keeps dirty pages`,
        bears: [{ claim: 'QEMU-DROP-CACHE', status: 'not-applicable', why: 'the writer skipped its flush (cache=unsafe): dirty pages cannot be dropped' }] } satisfies Check];
    }
    return [{
      claims: ['QEMU-DROP-CACHE'], sentence, outcome: dropped ? 'PASS' : 'FAIL', values,
      observed: `${before.resident} of ${before.pages} pages resident before, ${after.resident} after`,
      bears: [{ claim: 'QEMU-DROP-CACHE', status: dropped ? 'holds' : 'violated', why: `mincore: ${after.resident} of ${after.pages} pages left after DONTNEED` }],
    } satisfies Check];
  },
};
