import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { validateProbes, selectProbes, orderByDependencies } from '../src/registry.js';
import { PROBES } from '../probes/index.js';
import { CLAIMS } from '../src/claims.js';
import type { Probe } from '../src/probe.js';

const fake = (code: string, extra: Partial<Probe> = {}): Probe => ({
  code, title: code, flags: ['x'], claims: ['NFS-CTO'], depends: [], targets: ['dir'],
  variants: () => [], run: async () => [], ...extra,
});

t.test('the shipped catalogue validates', async (t) => {
  t.same(validateProbes(PROBES), []);
});

t.test('bad declarations are refused with a message naming the probe', async (t) => {
  const errs = validateProbes([
    fake('cto'), fake('DUP1'), fake('DUP1'),
    fake('BAD1', { claims: ['NOT-A-CLAIM' as never] }), fake('BAD2', { flags: ['nobody'] }),
    fake('BAD3', { depends: ['GONE1'] }), fake('BAD4', { claims: [] }),
    fake('BAD5', { needs: { b: ['telepathy' as never] } }), fake('BAD6', { needs: { c: ['locks'] } as never }),
  ]);
  t.match(errs.join('\n'), /probe BAD5: needs unknown capability "telepathy" on side b/);
  t.match(errs.join('\n'), /probe BAD6: needs names side "c"/);
  t.match(errs.join('\n'), /probe cto: code must be/);
  t.match(errs.join('\n'), /probe DUP1: code used twice/);
  t.match(errs.join('\n'), /probe BAD1: unknown claim id NOT-A-CLAIM/);
  t.match(errs.join('\n'), /probe BAD2: flag "nobody" starts with "no"/);
  t.match(errs.join('\n'), /probe BAD3: depends on unknown probe GONE1/);
  t.match(errs.join('\n'), /probe BAD4: cites no claim id/);
  t.match(validateProbes([fake('AA1', { depends: ['BB1'] }), fake('BB1', { depends: ['AA1'] })]).join(), /cycle: AA1 → BB1 → AA1/);
});

t.test('selection by code or flag, "no" excludes, dependencies are pulled in and ordered first', async (t) => {
  const all = [fake('AA1', { flags: ['quick'] }), fake('BB1', { flags: ['slow'], depends: ['CC1'] }), fake('CC1', { flags: ['slow'] })];
  t.same(selectProbes(all, []).map((p) => p.code), ['AA1', 'CC1', 'BB1']);
  t.same(selectProbes(all, ['quick']).map((p) => p.code), ['AA1']);
  t.same(selectProbes(all, ['bb1']).map((p) => p.code), ['CC1', 'BB1']);
  t.same(selectProbes(all, ['noslow']).map((p) => p.code), ['AA1']);
  t.same(selectProbes(all, ['noAA1']).map((p) => p.code), ['CC1', 'BB1']);
  t.throws(() => selectProbes(all, ['bogus']), /unknown probe code or flag: bogus/);
  t.same(orderByDependencies(all).map((p) => p.code), ['AA1', 'CC1', 'BB1']);
});

t.test('the claim ids are exactly those of CLAIMS.md (when shared/docs is beside the checkout)', async (t) => {
  const path = new URL('../../shared/docs/CLAIMS.md', import.meta.url);
  if (!existsSync(path)) return t.skip('shared/docs/CLAIMS.md is not beside this checkout');
  const ids = [...readFileSync(path, 'utf8').matchAll(/^\| ([A-Z0-9-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'id');
  t.same(Object.keys(CLAIMS).sort(), ids.sort());
});
