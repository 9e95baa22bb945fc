// Small coloured labels: a probe outcome, a verdict, a claim status, each from its explicit map.
import type { Outcome } from '../../outcome.js';
import type { ClaimRowStatus, Verdict } from '../../verdict/types.js';
import { html, type Html } from './escape.js';
import { HTML_CLAIM_STATUS, HTML_OUTCOME, HTML_VERDICT } from './labels.js';

/** An outcome as a coloured badge. */
export function outcomeBadge(o: Outcome): Html {
  const m = HTML_OUTCOME[o];
  return html`<span class="badge ${m.cls}">${m.label}</span>`;
}

/** A verdict as a coloured badge. */
export function verdictBadge(v: Verdict): Html {
  const m = HTML_VERDICT[v];
  return html`<span class="badge ${m.cls}">${m.label}</span>`;
}

/** A claim row status as a coloured badge. */
export function claimBadge(s: ClaimRowStatus): Html {
  const m = HTML_CLAIM_STATUS[s];
  return html`<span class="badge ${m.cls}">${m.label}</span>`;
}
