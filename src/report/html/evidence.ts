// Each probe record's evidence: what it ran, why it was omitted or failed, its checks and both sides' transcripts.
import type { ProbeRunRecord } from '../../result.js';
import type { RunDocument } from '../document.js';
import { variantOf } from '../describe.js';
import { outcomeBadge } from './badges.js';
import { checkItem } from './checks.js';
import { html, type Html } from './escape.js';
import { HANDOFF_PROBE, mappedChecks } from './handoff.js';
import { mapId, probeId, probeLink } from './refs.js';
import { CALLS_SHOWN, transcriptDetails } from './transcript.js';

/** The earliest command start on either side (µs), the zero of the transcript times. */
function baseOf(r: ProbeRunRecord): number {
  const t0s = [...(r.transcripts.a ?? []), ...(r.transcripts.b ?? [])].map((e) => e.t0).filter(Number.isFinite);
  return t0s.length ? Math.min(...t0s) : 0;
}

/** One record's section, id probe-N (what verdict and claim evidence link to). */
function recordSection(r: ProbeRunRecord, n: number, probes: readonly ProbeRunRecord[]): Html {
  const mapped = r.probe === HANDOFF_PROBE ? mappedChecks(r) : [];
  const checks = r.checks.map((c) => {
    const k = mapped.indexOf(c);
    return checkItem(c, k >= 0 ? html`<div class="small"><a href="#${mapId(n, k)}">stale-block map of this read</a></div>` : undefined);
  });
  const base = baseOf(r);
  return html`<section class="probe" id="${probeId(n)}" data-record="${n}" data-outcome="${r.outcome}">
<h3>#${n} ${r.probe} <code>${variantOf(r)}</code>${r.repeat ? html` repeat ${r.repeat}` : ''} ${outcomeBadge(r.outcome)}</h3>
<div class="muted small">${r.title}; claims ${r.claims.map((id, i) => html`${i ? ', ' : ''}<code>${id}</code>`)}; started ${r.startedAt}, took ${r.durationMs} ms</div>
${r.reason ? html`<p class="reason">${r.outcome === 'OMIT' ? 'omitted' : 'reason'}: ${r.reason}</p>` : ''}
${r.sameAs ? html`<p class="small">Same I/O as ${probeLink(r.sameAs, probes)} on this stack.</p>` : ''}
${checks.length ? html`<ul class="checks">${checks}</ul>` : ''}
${transcriptDetails('a', r.transcripts.a ?? [], base)}${transcriptDetails('b', r.transcripts.b ?? [], base)}
</section>`;
}

/** The evidence section: every probe record in report order, with buttons to open or close all transcripts. */
export function evidenceSection(doc: RunDocument): Html {
  return html`<section id="evidence"><h2>Evidence per probe run</h2>
<div class="controls"><button type="button" data-details="open" data-scope="#evidence">expand all transcripts</button><button type="button" data-details="close" data-scope="#evidence">collapse all</button>
<span class="muted small">Transcript times are ms from the record's first command on either side (agents' wall clocks); at most ${CALLS_SHOWN} calls per command are listed, plus failed ones.</span></div>
${doc.probes.map((r, i) => recordSection(r, i + 1, doc.probes))}</section>`;
}
