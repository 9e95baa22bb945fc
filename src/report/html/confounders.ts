// Confounders, shown before any verdict: why this run may say nothing about two hosts, and which verdicts that voids.
import type { Confounder } from '../../detect/types.js';
import type { RunDocument } from '../document.js';
import { html, type Html } from './escape.js';

/** The callout style and the words for each severity. */
const SEVERITY: Record<Confounder['severity'], { cls: string; says: string }> = {
  voids: { cls: 'voids', says: 'voids SAFE verdicts' },
  weakens: { cls: 'weakens', says: 'weakens the verdicts' },
  info: { cls: 'info', says: 'worth knowing' },
};

/** Every confounder with its code and severity (or the bare warnings of an older run); a quiet line when there are none. */
export function confoundersSection(doc: RunDocument): Html {
  const { confounders, warnings } = doc.run;
  const items = confounders.length
    ? confounders.map((c) => {
      const s = SEVERITY[c.severity] ?? SEVERITY.weakens;
      return html`<div class="callout ${s.cls} confounder" data-code="${c.code}"><strong>${c.code}</strong> <span class="badge">${s.says}</span> ${c.message}</div>`;
    })
    : warnings.map((w) => html`<div class="callout weakens confounder"><strong>Warning</strong> ${w}</div>`);
  const body = items.length ? items : html`<p class="callout ok">No confounders detected.</p>`;
  return html`<section id="confounders"><h2>Confounders</h2>${body}</section>`;
}
