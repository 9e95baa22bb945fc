// A probe record's checks: each sentence with its outcome and observation, what it says per claim, and the blocks found non-fresh.
import type { AccessPath, Check } from '../../checks.js';
import type { ReadSummary } from '../../blocks/tally.js';
import { describeCounts } from '../../blocks/tally.js';
import { outcomeBadge } from './badges.js';
import { html, type Html } from './escape.js';

/** The non-fresh blocks the read kept (expected vs found per field), and how many more there were, behind a summary. */
export function findingsTable(read: ReadSummary): Html | '' {
  if (!read.findings.length) return '';
  const n = read.findings.length;
  const more = read.findingsOmitted ? html` (of ${n + read.findingsOmitted}: the read keeps the first ${n})` : '';
  return html`<details class="findings"><summary class="small">${n} non-fresh block${n === 1 ? '' : 's'} itemised, expected vs found${more}</summary>
<table class="findings small"><thead><tr><th>block</th><th>class</th><th>field</th><th>expected</th><th>found</th></tr></thead>
<tbody>${read.findings.map((f) => html`<tr><td>${f.index}</td><td>${f.cls}</td><td>${f.field ?? ''}</td><td>${f.expected ?? ''}</td><td>${f.found ?? ''}</td></tr>`)}</tbody></table></details>`;
}

/** Every access path, in words (pynfs style: each value mapped explicitly). */
const ACCESS_WORDS: Record<AccessPath, string> = {
  storage: 'reached the storage', partial: 'partly from the storage, partly from b\'s page cache',
  cache: 'served from b\'s page cache', unproven: 'not proven (no storage counter)',
};

/** The measured values a probe named, as "name = value" items. */
function valuesLine(values: NonNullable<Check['values']>): Html {
  return html`<div class="small muted">values: ${Object.entries(values).map(([k, v], i) => html`${i ? '; ' : ''}${k} = <code>${v === null ? 'null' : String(v)}</code>`)}</div>`;
}

/** One check as a list item. `mapLink` points at the stale-block map drawn from this read, when there is one. */
export function checkItem(c: Check, mapLink?: Html): Html {
  const w = c.window;
  return html`<li class="check" data-outcome="${c.outcome}">${outcomeBadge(c.outcome)} ${c.sentence}
<div>observed: ${c.observed}</div>
<div class="small muted">claims: ${c.claims.map((id, i) => html`${i ? ', ' : ''}<code>${id}</code>`)}${c.fsyncToReadUs !== undefined ? html`; fsync→read ${(c.fsyncToReadUs / 1000).toFixed(2)} ms` : ''}${c.read ? html`; read: ${describeCounts(c.read)}` : ''}</div>
${c.access ? html`<div class="small access" data-reached="${c.access.reached}">access path: <strong>${ACCESS_WORDS[c.access.reached]}</strong> — ${c.access.how}</div>` : ''}
${c.bears?.length ? html`<ul class="small bears">${c.bears.map((b) => html`<li><code>${b.claim}</code> ${b.status}${b.condition ? html` <span class="muted">(${b.condition})</span>` : ''}: ${b.why}</li>`)}</ul>` : ''}
${w ? html`<div class="small">staleness window: ${w.fresh ? html`fresh after ${(w.elapsedUs / 1000).toFixed(1)} ms` : html`<strong>still stale after ${w.boundMs} ms</strong>`} (${w.polls} polls, bound ${w.boundMs} ms)</div>` : ''}
${c.values && Object.keys(c.values).length ? valuesLine(c.values) : ''}
${c.read ? findingsTable(c.read) : ''}${mapLink ?? ''}</li>`;
}
