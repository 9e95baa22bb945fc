// The glance as name → value pairs for CI: JUnit <properties> (coprobe.glance.<mode>.<behaviour> = SAFE / UNSAFE / UNKNOWN).
import { GLANCE_STATUS_LABEL, type Glance } from './glance.js';

/** Every glance property in a stable order: stack, headline, one per cell (and its libvirt / notes where set), confounders, contradictions. */
export function glanceProperties(g: Glance): [string, string][] {
  const p: [string, string][] = [];
  if (g.stack) p.push(['coprobe.glance.stack', g.stack]);
  p.push(['coprobe.glance.headline', g.headline]);
  if (g.missing) p.push(['coprobe.glance.missing', g.missing]);
  const note = (ns: readonly number[]) => ns.map((n) => g.notes.find((x) => x.n === n)!.text).join('; ');
  for (const col of g.columns) if (col.notes.length) p.push([`coprobe.glance.${col.behaviour}.note`, note(col.notes)]);
  for (const r of g.rows) {
    for (const c of r.cells) {
      const at = `coprobe.glance.${c.mode}.${c.behaviour}`;
      p.push([at, c.verdict ?? 'not recorded']);
      if (c.libvirt) p.push([`${at}.libvirt`, `${c.libvirt} (disagrees with the measurement)`]);
      if (c.notes.length) p.push([`${at}.note`, note(c.notes)]);
    }
  }
  p.push(['coprobe.glance.confounders', g.confounders.length ? g.confounders.join(', ') : 'none detected']);
  if (g.missing) return p;
  p.push(['coprobe.glance.contradicts', g.contradictions.length ? g.contradictions.map((c) => `${c.claim} (${c.status})`).join(', ') : 'none']);
  for (const c of g.contradictions) {
    const detail = [...(c.violatedFor !== undefined ? [`violated for ${c.violatedFor}; holds for ${c.holdsFor}`] : []), ...(c.cells ?? [])].join('; ');
    p.push([`coprobe.glance.contradicts.${c.claim}`, `${GLANCE_STATUS_LABEL[c.status]}${detail ? `: ${detail}` : ''} (${c.source} claims: ${c.says})`]);
  }
  return p;
}
