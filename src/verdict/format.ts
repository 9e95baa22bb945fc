// How verdict evidence names probe runs in sentences: "HAND1 writeback→writeback [fadvise] #3".
import type { Variant } from '../probe.js';
import type { RunRef } from './types.js';

/** "writeback→writeback [fadvise]". */
export function variantLabel(v: Variant): string {
  return `${v.a}→${v.b}${v.param ? ` [${v.param}]` : ''}`;
}

/** "HAND1 writeback→writeback [fadvise] #3": probe, variant and 1-based position among the probe records. */
export function refLabel(r: RunRef): string {
  return `${r.probe} ${variantLabel(r.variant)} #${r.record}`;
}
