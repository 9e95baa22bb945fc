// Folding a long report section: a <details> closed by default whose summary is the section's title and what it holds.
import { html, type Html } from './escape.js';

/** Wrap a section (it starts with its own <h2>, which the stylesheet hides: the summary is its title) in a closed <details> titled `title`. */
export function fold(id: string, title: string, hint: string, section: Html | ''): Html | '' {
  if (section === '') return '';
  return html`<details class="fold" id="fold-${id}" data-fold="${id}"><summary><span class="fold-title">${title}</span> <span class="muted small">${hint}</span></summary>
${section}
</details>`;
}
