// `coprobe probes`: the catalogue with the claim ids each probe checks.
import { PROBES } from '../../probes/index.js';
import { CLAIMS } from '../claims.js';
import { IO_MODES } from '../modes.js';
import { orderByDependencies, validated } from '../registry.js';
import { CAPABILITY_LABEL } from '../caps.js';

/** Lines describing every probe (or JSON). */
export function probesCommand(json: boolean): string {
  const probes = orderByDependencies(validated(PROBES));
  const pairs = IO_MODES.map((m) => ({ a: m, b: m }));
  if (json) {
    return JSON.stringify(probes.map((p) => ({ code: p.code, title: p.title, flags: p.flags, claims: p.claims, depends: p.depends, targets: p.targets, ...(p.needs ? { needs: p.needs } : {}) })), null, 2);
  }
  const lines: string[] = [];
  for (const p of probes) {
    lines.push(`${p.code}  ${p.title}`);
    const needs = Object.entries(p.needs ?? {}).map(([side, caps]) => `side ${side}: ${caps.map((c) => CAPABILITY_LABEL[c]).join(', ')}`);
    lines.push(`      flags: ${p.flags.join(', ')}; targets: ${p.targets.join(', ')}${needs.length ? `; needs ${needs.join('; ')}` : ''}; ${p.variants(pairs).length} variants with every mode${p.depends.length ? `; depends on ${p.depends.join(', ')}` : ''}`);
    for (const c of p.claims) lines.push(`      ${c}: ${CLAIMS[c]}`);
  }
  return lines.join('\n');
}
