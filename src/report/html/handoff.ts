// The handoff section: a stale-block map for every HAND1 read, grouped by modes, each remedy side by side.
import type { Check } from '../../checks.js';
import type { ProbeRunRecord } from '../../result.js';
import type { RunDocument } from '../document.js';
import { variantOf } from '../describe.js';
import { BEHAVIOUR_LABEL } from '../verdicts.js';
import type { ModeVerdict } from '../../verdict/types.js';
import { outcomeBadge, verdictBadge } from './badges.js';
import { blockMap, gridOf } from './block-map.js';
import { html, type Html } from './escape.js';
import { mapId, probeLink } from './refs.js';

/** The probe whose reads are drawn: the migration handoff, over the whole image. */
export const HANDOFF_PROBE = 'HAND1';

/** The checks of a record that judged a read (each gets a map). */
export function mappedChecks(r: ProbeRunRecord): Check[] {
  return r.checks.filter((c) => c.read && c.read.blocks > 0);
}

/** "decides: QEMU ≥ 4.0 → SAFE" for a verdict this record is the evidence of. */
function decided(m: ModeVerdict): Html {
  return html`<div class="small">decides <code>${m.mode}</code>, ${BEHAVIOUR_LABEL[m.behaviour]}: ${verdictBadge(m.verdict)}</div>`;
}

/** One figure: a record's map(s) with a caption linking to its evidence; OMIT and the like say why there is none. */
function figure(r: ProbeRunRecord, n: number, doc: RunDocument): Html {
  const checks = mappedChecks(r);
  const decides = (doc.verdicts?.verdicts ?? []).filter((m) => m.evidence.some((e) => e.record === n));
  const caption = html`<figcaption>${probeLink(n, doc.probes)} remedy <code>${r.variant.param ?? 'none'}</code> ${outcomeBadge(r.outcome)}${r.repeat ? html` repeat ${r.repeat}` : ''}${decides.map(decided)}</figcaption>`;
  if (!checks.length) return html`<figure class="map-figure none" data-record="${n}">${caption}<p class="small muted">${r.reason ?? 'no read was judged'}</p></figure>`;
  const maps = checks.map((c, k) => {
    const head = typeof c.values?.headBlocks === 'number' ? c.values.headBlocks : undefined;
    return html`${checks.length > 1 ? html`<div class="small">${c.sentence}</div>` : ''}${blockMap(c.read!, { id: mapId(n, k), label: `${r.probe} ${variantOf(r)}: ${c.observed}`, ...(head !== undefined ? { headBlocks: head } : {}) })}`;
  });
  return html`<figure class="map-figure" data-record="${n}">${caption}${maps}</figure>`;
}

/** The section, or nothing when the run did not run HAND1. */
export function handoffSection(doc: RunDocument): Html | '' {
  const recs = doc.probes.map((r, i) => ({ r, n: i + 1 })).filter((x) => x.r.probe === HANDOFF_PROBE);
  if (!recs.length) return '';
  const groups = new Map<string, typeof recs>();
  for (const x of recs) {
    const key = `${x.r.variant.a}→${x.r.variant.b}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const blocks = recs.map((x) => mappedChecks(x.r)[0]?.read?.blocks).find((b) => b !== undefined);
  const g = blocks ? gridOf(blocks) : undefined;
  return html`<section id="handoff"><h2>Handoff: stale-block maps</h2>
<p>What the destination b read after the source a's final flush, block by block${g ? html` (${blocks} blocks, row-major, ${g.cols} cells per row${g.per > 1 ? html`, ${g.per} blocks per cell` : ''})` : ''}: pale blocks were fresh, coloured ones were not. The remedy is what b did after that flush; a map that decides a verdict says which.</p>
${[...groups].map(([modes, xs]) => html`<h3>${modes}</h3><div class="maps">${xs.map((x) => figure(x.r, x.n, doc))}</div>`)}
</section>`;
}
