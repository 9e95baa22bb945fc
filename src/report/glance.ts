// The answer at a glance: the five cache modes × QEMU behaviour as SAFE / UNSAFE / UNKNOWN, with what each cell depends on.
import { CLAIMS, type ClaimId } from '../claims.js';
import { IO_MODES, type IoMode } from '../modes.js';
import { CLAIM_SCOPE, STACK_LABEL, type Source } from '../verdict/scope.js';
import { QEMU_BEHAVIOURS, type ClaimRow, type ModeVerdict, type QemuBehaviour, type Verdict } from '../verdict/types.js';
import type { RunDocument } from './document.js';
import { BEHAVIOUR_LABEL } from './verdicts.js';

/** One footnote: what a cell's (or a column's) verdict depends on; cells and columns cite it by its 1-based number. */
export interface GlanceNote { n: number; text: string }

/** One cell of the grid: the verdict, libvirt's decision only where it disagrees, the notes it depends on. */
export interface GlanceCell {
  mode: IoMode;
  behaviour: QemuBehaviour;
  /** Undefined when the verdicts record has no entry for this pair (a note says so). */
  verdict?: Verdict;
  /** libvirt's decision, set only when it disagrees with the measurement. */
  libvirt?: 'allows' | 'refuses';
  notes: number[];
}

/** A column: one QEMU behaviour, with the notes that qualify the whole column. */
export interface GlanceColumn { behaviour: QemuBehaviour; label: string; notes: number[] }

/** How a contradicted claim is shown: violated (a row, or verdict cells its prediction got wrong), or mixed (violated under some conditions only). */
export type GlanceClaimStatus = 'violated' | 'mixed';

/** A document claim the stack contradicts, in a few words. */
export interface GlanceContradiction {
  claim: ClaimId;
  /** The document, short ("QEMU wiki", "qemu-devel 2010"). */
  source: string;
  status: GlanceClaimStatus;
  /** The claim's own sentence (CLAIMS). */
  says: string;
  /** A mixed row: the conditions it was violated under, and those it held under, each as short as the split allows. */
  violatedFor?: string;
  holdsFor?: string;
  /** Cells whose measured verdict is the opposite of what this claim predicts ("cache=none with QEMU < 4.0: UNSAFE"). */
  cells?: string[];
}

/** The whole glance of one run. */
export interface Glance {
  runId: string;
  /** "NFS (profile nfs)", or undefined without verdicts. */
  stack?: string;
  /** Set when the run has no verdicts, saying why; the grid is then empty. */
  missing?: string;
  /** Which modes are safe with drop-cache and without, in one sentence. */
  headline: string;
  columns: GlanceColumn[];
  /** One row per mode, in the project's mode order (IO_MODES), cells in QEMU_BEHAVIOURS order. */
  rows: { mode: IoMode; cells: GlanceCell[] }[];
  notes: GlanceNote[];
  /** Confounders named short: "NFS-LOCALIO (weakens)"; a deliberately confounded lab scenario too. */
  confounders: string[];
  contradictions: GlanceContradiction[];
}

/** How each document is named in a glance. */
export const SOURCE_SHORT: Record<Source, string> = { W: 'QEMU wiki', T: 'qemu-devel 2010', 'W, T': 'QEMU wiki, qemu-devel 2010', L: 'cited source' };

/** What a confounder's severity does to verdicts, in a word or two. */
const SEVERITY_SHORT: Record<'voids' | 'weakens' | 'info', string> = { voids: 'voids SAFE', weakens: 'weakens', info: 'info' };

/** Collects notes, one number per distinct text. */
class Notes {
  readonly list: GlanceNote[] = [];
  add(text: string): number {
    const found = this.list.find((x) => x.text === text);
    if (found) return found.n;
    this.list.push({ n: this.list.length + 1, text });
    return this.list.length;
  }
}

/** A message of the verdicts record's voids/weakens, named by its confounder code where it is one. */
function confounderName(doc: RunDocument, message: string): string {
  const c = doc.run.confounders.find((x) => x.message === message);
  if (c) return c.code;
  if (message.startsWith('SHARE1')) return 'SHARE1 saw one cache serve both sides';
  return message.length > 60 ? `${message.slice(0, 57)}...` : message;
}

/** Why a cell was not measured, in words shared by every mode it applies to (one note for all of them). */
function unmeasured(m: ModeVerdict): string {
  return m.why.replace(`mode ${m.mode} was not selected`, 'the mode was not selected')
    .replace(/^not measured: HAND1 .+ was not among the runs$/, 'not measured: the HAND1 variant with this QEMU\'s remedy was not among the runs');
}

/** The notes a cell's verdict depends on: runs that disagreed, a voided SAFE, a caveat on SAFE, why it is UNKNOWN. */
function cellNotes(doc: RunDocument, m: ModeVerdict, notes: Notes): number[] {
  const v = doc.verdicts!;
  const out: number[] = [];
  const judged = (j: Verdict) => m.evidence.filter((e) => e.judged === j).length;
  const n = m.evidence.length;
  if (m.verdict === 'UNSAFE' && judged('SAFE') > 0) {
    out.push(notes.add(`UNSAFE in ${judged('UNSAFE')} of ${n} handoff runs; ${judged('SAFE')} read all fresh`));
  } else if (m.verdict === 'SAFE' && n > 1 && judged('SAFE') < n) {
    out.push(notes.add(`SAFE from ${judged('SAFE')} of ${n} handoff runs; the others said nothing`));
  }
  if (m.verdict === 'UNKNOWN') {
    if (judged('SAFE') > 0 && v.voids.length) out.push(notes.add(`measured SAFE, voided by ${v.voids.map((x) => confounderName(doc, x)).join(', ')}`));
    else if (!n) out.push(notes.add(unmeasured(m)));
    else out.push(notes.add(`no handoff run completed (${[...new Set(m.evidence.map((e) => e.outcome))].join(', ')})`));
  }
  if (m.verdict === 'SAFE' && v.weakens.length) out.push(notes.add(`SAFE with a caveat: ${v.weakens.map((x) => confounderName(doc, x)).join(', ')}`));
  return out;
}

/** The notes on a whole column: a driver's own invalidation makes "QEMU < 4.0" mean 2.2 ≤ QEMU < 4.0 (rbd). */
function columnNotes(verdicts: readonly ModeVerdict[], behaviour: QemuBehaviour, notes: Notes): number[] {
  if (behaviour === 'no-drop-cache' && verdicts.some((m) => m.behaviour === behaviour && m.remedy === 'invalidate')) {
    return [notes.add('the driver invalidates its cache on activation (rbd, since QEMU 2.2): this column is 2.2 ≤ QEMU < 4.0')];
  }
  return [];
}

/** "none, directsync" of the rows whose cell in a column is SAFE, or "no mode"; a cell with notes carries its numbers. */
function safeList(rows: Glance['rows'], behaviour: QemuBehaviour): string {
  const safe = rows.flatMap((r) => r.cells.filter((c) => c.behaviour === behaviour && c.verdict === 'SAFE').map((c) => `${r.mode}${c.notes.length ? ` (${c.notes.map((x) => `note ${x}`).join(', ')})` : ''}`));
  return safe.length ? safe.join(', ') : 'no mode';
}

/** The facets (", "-separated parts) common to every condition of one side and absent from all of the other. */
function separating(mine: readonly string[], theirs: readonly string[]): string | undefined {
  const facets = (s: string) => s.split(', ').map((f) => f.trim()).filter(Boolean);
  const [first, ...rest] = mine.map(facets);
  if (!first) return undefined;
  const common = first.filter((f) => rest.every((r) => r.includes(f)));
  const other = new Set(theirs.flatMap(facets));
  const only = common.filter((f) => !other.has(f));
  return only.length ? only.join(', ') : undefined;
}

/** A mixed row's two sides, each named by what separates it when one facet does, else every condition in full. */
export function mixedConditions(c: Pick<ClaimRow, 'split'>): { violatedFor: string; holdsFor: string } {
  const split = c.split ?? [];
  const v = split.filter((s) => s.status === 'violated').map((s) => s.condition);
  const h = split.filter((s) => s.status === 'holds').map((s) => s.condition);
  return { violatedFor: separating(v, h) ?? v.join('; '), holdsFor: separating(h, v) ?? h.join('; ') };
}

/** The claims the stack contradicts: claim rows with a contradiction, and verdict cells the documents predicted otherwise. */
function contradictions(doc: RunDocument): GlanceContradiction[] {
  const v = doc.verdicts!;
  const out = new Map<ClaimId, GlanceContradiction>();
  const entry = (claim: ClaimId, status: GlanceClaimStatus): GlanceContradiction => {
    const e = out.get(claim) ?? { claim, source: SOURCE_SHORT[CLAIM_SCOPE[claim].source], status, says: CLAIMS[claim] };
    out.set(claim, e);
    return e;
  };
  for (const c of v.claims) {
    if (!c.contradiction || (c.status !== 'violated' && c.status !== 'mixed')) continue;
    const e = entry(c.claim, c.status);
    if (c.status === 'mixed') Object.assign(e, mixedConditions(c));
  }
  for (const m of v.verdicts) {
    if (!m.contradiction || !m.predicted) continue;
    const e = entry(m.predicted.claim, 'violated');
    (e.cells ??= []).push(`cache=${m.mode} with ${BEHAVIOUR_LABEL[m.behaviour]}: ${m.verdict} (documents: ${m.predicted.verdict})`);
  }
  return [...out.values()];
}

/** Confounders in a word each, with what they do; the lab's deliberately confounded scenario; an older run's bare warnings counted. */
function confounders(doc: RunDocument): string[] {
  const { run } = doc;
  const out = run.confounders.map((c) => `${c.code} (${SEVERITY_SHORT[c.severity] ?? c.severity})`);
  if (!run.confounders.length && run.warnings.length) out.push(`${run.warnings.length} warning${run.warnings.length === 1 ? '' : 's'} (see the header)`);
  if (run.lab?.confounded !== undefined) out.push(`lab scenario ${run.lab.scenario} is confounded on purpose`);
  return out;
}

/** Derive the glance from a run document (never re-computing a verdict: it reads them). */
export function glanceOf(doc: RunDocument): Glance {
  const notes = new Notes();
  const v = doc.verdicts;
  const base = { runId: doc.run.runId, confounders: confounders(doc) };
  if (!v) {
    const missing = `no verdicts: the run ${doc.end?.interrupted ? 'was interrupted' : 'did not finish'} before they were computed`;
    return { ...base, missing, headline: `No answer: ${missing}.`, columns: [], rows: [], notes: [], contradictions: [] };
  }
  const columns = QEMU_BEHAVIOURS.map((behaviour) => ({ behaviour, label: BEHAVIOUR_LABEL[behaviour], notes: columnNotes(v.verdicts, behaviour, notes) }));
  const rows = IO_MODES.map((mode) => ({
    mode,
    cells: QEMU_BEHAVIOURS.map((behaviour): GlanceCell => {
      const m = v.verdicts.find((x) => x.mode === mode && x.behaviour === behaviour);
      if (!m) return { mode, behaviour, notes: [notes.add('not in the verdicts record')] };
      return {
        mode, behaviour, verdict: m.verdict, notes: cellNotes(doc, m, notes),
        ...(m.disagreement ? { libvirt: m.libvirt.allows ? 'allows' as const : 'refuses' as const } : {}),
      };
    }),
  }));
  const headline = `Safe with drop-cache (QEMU ≥ 4.0): ${safeList(rows, 'drop-cache')}; with older QEMU: ${safeList(rows, 'no-drop-cache')}.`;
  return {
    ...base, stack: `${STACK_LABEL[v.stack]} (profile ${v.stack})`, headline, columns, rows, notes: notes.list,
    contradictions: contradictions(doc),
  };
}

/** A cell in words: "UNSAFE¹ (libvirt allows)"; "-" for a pair missing from the record. */
export function cellText(c: GlanceCell, marks: (ns: number[]) => string = superscripts): string {
  return `${c.verdict ?? '-'}${marks(c.notes)}${c.libvirt ? ` (libvirt ${c.libvirt})` : ''}`;
}

const SUPER = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** Note numbers as superscripts, comma-separated: "¹,²". */
export function superscripts(ns: readonly number[]): string {
  return ns.map((n) => [...String(n)].map((d) => SUPER[Number(d)]).join('')).join(',');
}

/** One contradiction's status in words: "VIOLATED" or "MIXED". */
export const GLANCE_STATUS_LABEL: Record<GlanceClaimStatus, string> = { violated: 'VIOLATED', mixed: 'MIXED' };
