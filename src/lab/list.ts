// `coprobe lab --list`: each scenario with what it sets up, whether it is in the default set, its services and the memory it needs.
import type { Scenario } from './types.js';

/** The scenario list as text. */
export function renderScenarioList(list: readonly Scenario[]): string {
  const width = Math.max(...list.map((s) => s.name.length));
  const lines = ['scenarios (* = default set; run with: coprobe lab [names…]):'];
  for (const s of list) {
    lines.push(`${s.default ? '*' : ' '} ${s.name.padEnd(width)}  ${s.summary}`);
    lines.push(`  ${' '.repeat(width)}  services: ${s.needs.join(', ')}; sides: a=${s.sides.a} b=${s.sides.b}${s.sides.via?.b ? ' (b in its own namespaces)' : ''}${s.memoryMiB ? `; guest memory ≥ ${s.memoryMiB} MiB` : ''}`);
    if (s.confounded) lines.push(`  ${' '.repeat(width)}  CONFOUNDED: ${s.confounded}`);
  }
  return lines.join('\n');
}
