// The stale-block map: an SVG grid of a read's blocks (row-major), fresh pale, each non-fresh run coloured by class.
import { BLOCK_CLASSES, type BlockClass } from '../../blocks/classify.js';
import type { BlockRange, ReadSummary } from '../../blocks/tally.js';
import { html, join, type Html } from './escape.js';
import { BLOCK_COLOUR } from './labels.js';

const COLS = 64;
const MAX_ROWS = 32;
const CELL = 8;

/** Grid geometry: blocks per cell (1 unless the image is larger than the grid), cells, columns, rows. */
export function gridOf(blocks: number): { per: number; cells: number; cols: number; rows: number } {
  const per = Math.max(1, Math.ceil(blocks / (COLS * MAX_ROWS)));
  const cells = Math.ceil(blocks / per);
  const cols = Math.max(1, Math.min(COLS, cells));
  return { per, cells, cols, rows: Math.max(1, Math.ceil(cells / cols)) };
}

/** Rectangles covering cells [c0, c1] row by row, as SVG markup with the given fill. */
function cellRects(c0: number, c1: number, cols: number, fill: string): Html[] {
  const out: Html[] = [];
  for (let c = c0; c <= c1;) {
    const row = Math.floor(c / cols);
    const end = Math.min(c1, row * cols + cols - 1);
    out.push(html`<rect x="${(c % cols) * CELL}" y="${row * CELL}" width="${(end - c + 1) * CELL}" height="${CELL}" fill="${fill}"/>`);
    c = end + 1;
  }
  return out;
}

/** One non-fresh run as a group the test (and a hover title) can read: class, first block, block count. */
function rangeGroup(r: BlockRange, per: number, cols: number): Html {
  const last = r.start + r.count - 1;
  const what = r.count === 1 ? `block ${r.start}` : `blocks ${r.start}–${last}`;
  return html`<g class="range" data-cls="${r.cls}" data-start="${r.start}" data-count="${r.count}"><title>${what}: ${r.cls} (${r.count})</title>${cellRects(Math.floor(r.start / per), Math.floor(last / per), cols, BLOCK_COLOUR[r.cls] ?? '#000')}</g>`;
}

/** White lines between cells, one path. */
function gridLines(cols: number, rows: number): Html {
  const w = cols * CELL;
  const h = rows * CELL;
  const d: string[] = [];
  for (let c = 1; c < cols; c++) d.push(`M${c * CELL} 0V${h}`);
  for (let r = 1; r < rows; r++) d.push(`M0 ${r * CELL}H${w}`);
  return html`<path d="${d.join('')}" stroke="#fff" stroke-width="1" fill="none"/>`;
}

/** The legend: each class present with its swatch and count (fresh always shown). */
export function blockLegend(counts: Record<BlockClass, number>): Html {
  const present = BLOCK_CLASSES.filter((c) => c === 'fresh' || counts[c] > 0);
  return html`<div class="legend">${present.map((c) => html`<span data-cls="${c}"><span class="swatch" style="background:${BLOCK_COLOUR[c]}"></span>${c} ${counts[c]}</span>`)}</div>`;
}

/** The map of one read, with the head (QEMU's early 64 KiB read) outlined when `headBlocks` is given; a note when ranges are absent or cut. */
export function blockMap(read: ReadSummary, o: { id: string; label: string; headBlocks?: number }): Html {
  if (read.blocks <= 0) return html`<div id="${o.id}" class="block-map empty muted">no blocks read</div>`;
  if (!read.ranges) {
    return html`<div id="${o.id}" class="block-map no-ranges">${blockLegend(read.counts)}<p class="small muted">This record predates the stale-block map (no block ranges were kept): counts only.</p></div>`;
  }
  const g = gridOf(read.blocks);
  const fresh = cellRects(0, g.cells - 1, g.cols, BLOCK_COLOUR.fresh);
  const head = o.headBlocks && o.headBlocks > 0 ? cellRects(0, Math.ceil(Math.min(o.headBlocks, read.blocks) / g.per) - 1, g.cols, 'none') : [];
  const headOutline = head.length ? html`<g class="head" stroke="#212529" stroke-width="1.5" stroke-dasharray="3 2">${head}</g>` : '';
  const drawn = read.ranges.reduce((s, r) => s + r.count, 0);
  const omitted = read.rangesOmitted ?? 0;
  const notes: Html[] = [];
  if (g.per > 1) notes.push(html`each cell is ${g.per} blocks (coloured when any of them is not fresh)`);
  if (omitted > 0) notes.push(html`${omitted} more non-fresh block${omitted === 1 ? '' : 's'} past the first ${read.ranges.length} runs kept are not drawn`);
  if (head.length) notes.push(html`dashed: the head (first ${o.headBlocks} blocks, QEMU's early read)`);
  return html`<div id="${o.id}" class="block-map" data-blocks="${read.blocks}" data-drawn="${drawn}" data-omitted="${omitted}">
<svg viewBox="-1 -1 ${g.cols * CELL + 2} ${g.rows * CELL + 2}" width="${g.cols * CELL + 2}" height="${g.rows * CELL + 2}" role="img" aria-label="${o.label}">
<g class="fresh">${fresh}</g>${join(read.ranges.map((r) => rangeGroup(r, g.per, g.cols)))}${gridLines(g.cols, g.rows)}${headOutline}</svg>
${blockLegend(read.counts)}${notes.length ? html`<div class="small muted">${join(notes, '; ')}.</div>` : ''}</div>`;
}
