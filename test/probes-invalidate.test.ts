// The backend's own cache invalidation (librbd rbd_invalidate_cache) as a remedy: a variant only where b's backend has one.
import t from 'tap';
import { handoff, remediesFor } from '../probes/handoff.js';
import { earlyRead } from '../probes/early-read.js';
import { flushMethods } from '../probes/flush-methods.js';
import { REMEDIES } from '../probes/remedy-set.js';
import { LIBC_CAPS } from '../native-bindings/libc-backend.js';
import type { TargetInfo } from '../src/protocol/results.js';
import { target } from './fixtures/verdict-records.js';

const librbd: TargetInfo = { ...target({ kind: 'device' }), backend: 'librbd', caps: { ...LIBC_CAPS, fadvise: false, blkflsbuf: false, invalidate: true, activation: 'invalidate' } };
const loop = target({ kind: 'device' });
const pairs = [{ a: 'writeback', b: 'writeback' }, { a: 'none', b: 'none' }] as const;

t.test('HAND1, EARLY1 and FLUSH1 add the invalidate variant only for a backend that can invalidate', async (t) => {
  t.same(remediesFor({ b: loop }), ['none', 'fadvise', 'reopen', 'fcntl']);
  t.same(remediesFor({ b: librbd }), ['none', 'fadvise', 'reopen', 'fcntl', 'invalidate']);
  t.same(remediesFor(undefined), ['none', 'fadvise', 'reopen', 'fcntl'], 'no targets (the catalogue listing): the four');
  for (const p of [handoff, earlyRead, flushMethods]) {
    const on = p.variants(pairs, { a: librbd, b: librbd }).filter((v) => v.param === 'invalidate');
    const off = p.variants(pairs, { a: loop, b: loop }).filter((v) => v.param === 'invalidate');
    t.ok(on.length > 0, `${p.code}: invalidate runs on librbd`);
    t.equal(off.length, 0, `${p.code}: no invalidate variant on a loop device (no OMIT rows added to other stacks)`);
    for (const v of on) {
      const why = p.omit?.(v, { a: librbd, b: librbd });
      if (v.b === 'none') t.match(why, /O_DIRECT \(no page cache\): QEMU applies no remedy/, `${p.code} none→none: rbd_cache is off, nothing to invalidate`);
      else t.equal(why, undefined, `${p.code} ${v.a}→${v.b}: not omitted`);
    }
  }
  t.same(REMEDIES.invalidate.claims, ['INVALIDATE-REMEDY']);
  t.same(REMEDIES.invalidate.needs, ['invalidate']);
});
