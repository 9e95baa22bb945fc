// The glance as Markdown: the section a Markdown report opens with, before the long tables.
import { GLANCE_STATUS_LABEL, superscripts, type Glance, type GlanceCell, type GlanceContradiction } from './glance.js';
import { mdCell } from './markdown.js';

/** One contradicted claim as a list item: id, document, status, a mixed row's conditions, the cells, the claim's sentence. */
function contradictionItem(c: GlanceContradiction): string {
  const detail = [
    ...(c.violatedFor !== undefined ? [`violated for ${c.violatedFor}; holds for ${c.holdsFor}`] : []),
    ...(c.cells ?? []),
  ].join('; ');
  return `- \`${c.claim}\` (${mdCell(c.source)}) **${GLANCE_STATUS_LABEL[c.status]}**${detail ? `: ${mdCell(detail)}` : ''} — claims: ${mdCell(c.says)}`;
}

/** A cell: the verdict in bold, its note numbers, libvirt's decision where it disagrees. */
function cellMd(c: GlanceCell): string {
  return `${c.verdict ? `**${c.verdict}**` : '-'}${superscripts(c.notes)}${c.libvirt ? ` (libvirt ${c.libvirt})` : ''}`;
}

/** "## At a glance": the headline, the mode × QEMU grid, its notes, the confounders, the claims the stack contradicts. */
export function glanceMarkdown(g: Glance): string[] {
  const out = ['## At a glance', ''];
  if (g.stack) out.push(`On ${mdCell(g.stack)}.`, '');
  out.push(`**${mdCell(g.headline)}**`, '');
  if (g.rows.length) {
    out.push(`| cache mode | ${g.columns.map((c) => mdCell(c.label) + superscripts(c.notes)).join(' | ')} |`, `|---|${g.columns.map(() => '---').join('|')}|`);
    for (const r of g.rows) out.push(`| \`${r.mode}\` | ${r.cells.map(cellMd).join(' | ')} |`);
    out.push('');
    if (g.notes.length) out.push(...g.notes.map((n) => `${superscripts([n.n])} ${mdCell(n.text)}${n === g.notes.at(-1) ? '' : '<br>'}`), '');
  }
  out.push(`**Confounders:** ${g.confounders.length ? mdCell(g.confounders.join(', ')) : 'none detected'}.`, '');
  if (g.missing) return out;
  if (!g.contradictions.length) out.push('**Document claims this stack contradicts:** none.', '');
  else out.push(`**Document claims this stack contradicts (${g.contradictions.length}):**`, '', ...g.contradictions.map(contradictionItem), '');
  return out;
}
