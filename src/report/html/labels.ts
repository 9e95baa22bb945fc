// How the HTML report names and colours each value: outcomes, verdicts, claim statuses, block classes; every value mapped.
import type { BlockClass } from '../../blocks/classify.js';
import type { Outcome } from '../../outcome.js';
import type { ClaimRowStatus, Verdict } from '../../verdict/types.js';
import { CLAIM_STATUS_LABEL, VERDICT_LABEL } from '../verdicts.js';

/** Each outcome's label and the CSS class that colours it. */
export const HTML_OUTCOME: Record<Outcome, { label: string; cls: string }> = {
  PASS: { label: 'PASS', cls: 'o-pass' },
  WARN: { label: 'WARN', cls: 'o-warn' },
  UNSUPPORTED: { label: 'UNSUPPORTED', cls: 'o-unsupported' },
  OMIT: { label: 'OMIT', cls: 'o-omit' },
  KNOWN: { label: 'KNOWN', cls: 'o-known' },
  FAIL: { label: 'FAIL', cls: 'o-fail' },
  HUNG: { label: 'HUNG', cls: 'o-hung' },
  LOST: { label: 'LOST', cls: 'o-lost' },
};

/** Each verdict's label (shared with the terminal) and CSS class. */
export const HTML_VERDICT: Record<Verdict, { label: string; cls: string }> = {
  SAFE: { label: VERDICT_LABEL.SAFE, cls: 'v-safe' },
  UNSAFE: { label: VERDICT_LABEL.UNSAFE, cls: 'v-unsafe' },
  UNKNOWN: { label: VERDICT_LABEL.UNKNOWN, cls: 'v-unknown' },
};

/** Each claim row status's label (shared with the terminal) and CSS class. */
export const HTML_CLAIM_STATUS: Record<ClaimRowStatus, { label: string; cls: string }> = {
  holds: { label: CLAIM_STATUS_LABEL.holds, cls: 'c-holds' },
  violated: { label: CLAIM_STATUS_LABEL.violated, cls: 'c-violated' },
  mixed: { label: CLAIM_STATUS_LABEL.mixed, cls: 'c-mixed' },
  'not-applicable': { label: CLAIM_STATUS_LABEL['not-applicable'], cls: 'c-na' },
  'not-checked': { label: CLAIM_STATUS_LABEL['not-checked'], cls: 'c-unchecked' },
};

/** The fill of each block class in the stale-block map (fresh pale, stale the loudest). */
export const BLOCK_COLOUR: Record<BlockClass, string> = {
  fresh: '#cfe8cf', stale: '#d9480f', torn: '#862e9c', foreign: '#5c3d1e', misplaced: '#1864ab', zero: '#868e96', short: '#e8b600', error: '#000000',
};
