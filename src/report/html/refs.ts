// Anchors and links between the report's parts: a probe record's evidence section and its stale-block map.
import type { ProbeRunRecord } from '../../result.js';
import { variantOf } from '../describe.js';
import { html, type Html } from './escape.js';

/** The id of probe record n's evidence section (n is 1-based, as verdict evidence counts). */
export function probeId(n: number): string {
  return `probe-${Math.trunc(n)}`;
}

/** The id of the stale-block map drawn from probe record n's k-th judged read (k from 0; the first has no suffix). */
export function mapId(n: number, k = 0): string {
  return `map-${Math.trunc(n)}${k ? `-${Math.trunc(k)}` : ''}`;
}

/** "HAND1 writeback→writeback [none] (repeat 2)" for a probe record. */
export function recordName(r: ProbeRunRecord): string {
  return `${r.probe} ${variantOf(r)}${r.repeat ? ` (repeat ${r.repeat})` : ''}`;
}

/** A link "#n" to probe record n's evidence, titled with what it ran; plain text when no such record is in the document. */
export function probeLink(n: number, probes: readonly ProbeRunRecord[], text = `#${n}`): Html {
  const r = probes[n - 1];
  if (!r) return html`<span class="muted" title="no such probe record in this document">${text}</span>`;
  return html`<a class="probe-ref" href="#${probeId(n)}" title="${recordName(r)}">${text}</a>`;
}
