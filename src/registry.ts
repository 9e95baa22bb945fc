// The probe registry: validated at start-up (codes, flags, claim ids, dependencies), refusing to run on any error.
import { CAPABILITY_LABEL } from './caps.js';
import { isClaimId } from './claims.js';
import type { Probe } from './probe.js';

const CODE_RE = /^[A-Z]{2,8}[0-9]{1,3}$/;
const FLAG_RE = /^[a-z][a-z0-9-]*$/;

/** Every problem with a set of probe declarations, as sentences naming the probe. */
export function validateProbes(probes: readonly Probe[]): string[] {
  const errors: string[] = [];
  const codes = new Set<string>();
  for (const p of probes) {
    const who = `probe ${p.code || '(no code)'}`;
    if (!CODE_RE.test(p.code)) errors.push(`${who}: code must be upper-case letters then digits (like CTO1)`);
    if (codes.has(p.code)) errors.push(`${who}: code used twice`);
    codes.add(p.code);
    if (!p.title) errors.push(`${who}: no title`);
    if (p.claims.length === 0) errors.push(`${who}: cites no claim id`);
    for (const c of p.claims) if (!isClaimId(c)) errors.push(`${who}: unknown claim id ${c} (see CLAIMS.md)`);
    for (const f of p.flags) {
      if (!FLAG_RE.test(f)) errors.push(`${who}: flag "${f}" must be lower case`);
      if (f.startsWith('no')) errors.push(`${who}: flag "${f}" starts with "no", which selection reads as an exclusion`);
    }
    if (p.targets.length === 0) errors.push(`${who}: runs on no target kind`);
    for (const [side, caps] of Object.entries(p.needs ?? {})) {
      if (side !== 'a' && side !== 'b') errors.push(`${who}: needs names side "${side}" (a or b)`);
      for (const c of caps ?? []) if (!Object.hasOwn(CAPABILITY_LABEL, c)) errors.push(`${who}: needs unknown capability "${c}" on side ${side}`);
    }
  }
  for (const p of probes) {
    for (const d of p.depends) if (!codes.has(d)) errors.push(`probe ${p.code}: depends on unknown probe ${d}`);
  }
  if (errors.length === 0) {
    try { orderByDependencies(probes); } catch (err) { errors.push((err as Error).message); }
  }
  return errors;
}

/** Probes in an order where every dependency comes first; throws on a cycle. */
export function orderByDependencies(probes: readonly Probe[]): Probe[] {
  const byCode = new Map(probes.map((p) => [p.code, p]));
  const out: Probe[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: Probe, path: string[]) => {
    const s = state.get(p.code);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`probe dependency cycle: ${[...path, p.code].join(' → ')}`);
    state.set(p.code, 'visiting');
    for (const d of p.depends) { const dep = byCode.get(d); if (dep) visit(dep, [...path, p.code]); }
    state.set(p.code, 'done');
    out.push(p);
  };
  for (const p of probes) visit(p, []);
  return out;
}

/** The catalogue after validation; throws listing every problem, so nothing runs on a broken registry. */
export function validated(probes: readonly Probe[]): readonly Probe[] {
  const problems = validateProbes(probes);
  if (problems.length) throw new Error(`probe registry is invalid:\n  ${problems.join('\n  ')}`);
  return probes;
}

/**
 * Select probes by code or flag; a token prefixed with "no" excludes. Only exclusions: start from all.
 * Dependencies of selected probes are added. Unknown tokens are an error.
 */
export function selectProbes(all: readonly Probe[], tokens: readonly string[]): Probe[] {
  const matches = (p: Probe, t: string) => p.code === t.toUpperCase() || p.flags.includes(t);
  const known = (t: string) => all.some((p) => matches(p, t));
  const include = tokens.filter((t) => !(t.startsWith('no') && known(t.slice(2))));
  const exclude = tokens.filter((t) => t.startsWith('no') && known(t.slice(2))).map((t) => t.slice(2));
  const unknown = include.filter((t) => !known(t));
  if (unknown.length) throw new Error(`unknown probe code or flag: ${unknown.join(', ')} (coprobe probes lists them)`);
  const chosen = new Set(all.filter((p) => (include.length === 0 || include.some((t) => matches(p, t))) && !exclude.some((t) => matches(p, t))));
  const byCode = new Map(all.map((p) => [p.code, p]));
  const queue = [...chosen];
  for (let p = queue.pop(); p; p = queue.pop()) {
    for (const d of p.depends) { const dep = byCode.get(d)!; if (!chosen.has(dep)) { chosen.add(dep); queue.push(dep); } }
  }
  return orderByDependencies(all).filter((p) => chosen.has(p));
}
