// One side's transcript as an expandable table: each command, its timing, result and the libc calls it made (bounded).
import type { CallRecord, TranscriptEntry } from '../../protocol/messages.js';
import { html, type Html } from './escape.js';

/** Calls shown per command (the first ones); failed calls past them are shown too, up to as many again. */
export const CALLS_SHOWN = 8;
/** Longest args text shown per command, in characters. */
export const ARGS_SHOWN = 240;

const ms = (us: number) => (us / 1000).toFixed(3);

/** A value as text: strings bare, anything else as JSON. */
function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}

/** The args as "name=value" pairs (fewer quotes than JSON), cut with a note past ARGS_SHOWN characters. */
export function argsText(args: Record<string, unknown>): string {
  const s = Object.entries(args ?? {}).map(([k, v]) => `${k}=${valueText(v)}`).join(' ');
  return s.length > ARGS_SHOWN ? `${s.slice(0, ARGS_SHOWN)}… (${s.length - ARGS_SHOWN} more characters)` : s;
}

/** The calls to show and what was left out (here and by the agent's own cap). */
export function boundCalls(e: TranscriptEntry): { shown: CallRecord[]; omitted: number; omittedFailed: number } {
  const first = e.calls.slice(0, CALLS_SHOWN);
  const failedLater = e.calls.slice(CALLS_SHOWN).filter((c) => c.errno).slice(0, CALLS_SHOWN);
  const shown = [...first, ...failedLater];
  const failedAll = e.calls.filter((c) => c.errno).length;
  const failedShown = shown.filter((c) => c.errno).length;
  return {
    shown,
    omitted: e.calls.length - shown.length + (e.callsOmitted?.count ?? 0),
    omittedFailed: failedAll - failedShown + (e.callsOmitted?.failed ?? 0),
  };
}

/** "pread @0.012 ms 0.051 ms = 4096" (or the errno and the library's message). */
function callLine(c: CallRecord): Html {
  const result = c.errno ? html`<strong>${c.errno}</strong>${c.detail ? html` ${c.detail}` : ''}` : html`= ${c.ret}`;
  return html`<div${c.errno ? html` class="o-fail"` : ''}>${c.call} @${ms(c.at)} ${ms(c.dur)} ms ${result}</div>`;
}

/** One command's row; times are ms from `base` (the probe's first command on either side, agents' wall clocks). */
function entryRow(e: TranscriptEntry, base: number): Html {
  const b = boundCalls(e);
  const status = e.unanswered ? html`<span class="badge o-hung">no answer (${e.unanswered})</span>` : e.ok ? 'ok' : html`<span class="badge o-fail">${e.errno ?? 'failed'}</span>`;
  const more = b.omitted ? html`<div class="muted">… ${b.omitted} more call${b.omitted === 1 ? '' : 's'} not shown${b.omittedFailed ? html` (${b.omittedFailed} failed)` : ''}</div>` : '';
  return html`<tr${e.ok && !e.unanswered ? '' : html` class="failed"`}><td>${e.seq}</td><td>${ms(e.t0 - base)}</td><td>${ms(e.t1 - e.t0)}</td><td>${e.cmd}</td><td>${argsText(e.args)}</td><td>${status}</td><td>${b.shown.map(callLine)}${more}</td></tr>`;
}

/** The <details> for one side: closed by default, its summary says how many commands and how many failed. */
export function transcriptDetails(side: 'a' | 'b', entries: readonly TranscriptEntry[], base: number): Html {
  const failed = entries.filter((e) => !e.ok || e.unanswered).length;
  const summary = html`transcript of side ${side} (${side === 'a' ? 'writer' : 'reader'}): ${entries.length} command${entries.length === 1 ? '' : 's'}${failed ? html`, <strong>${failed} failed</strong>` : ''}`;
  if (!entries.length) return html`<p class="small muted transcript-empty" data-side="${side}">No transcript for side ${side}.</p>`;
  return html`<details class="transcript" data-side="${side}"><summary>${summary}</summary>
<table class="transcript"><thead><tr><th>seq</th><th>start ms</th><th>took ms</th><th>command</th><th>args</th><th>result</th><th>calls (@ start, duration, result)</th></tr></thead>
<tbody>${entries.map((e) => entryRow(e, base))}</tbody></table></details>`;
}
