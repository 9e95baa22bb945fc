// Run the selected probes over both sides: every variant becomes one record, appended as soon as it is known.
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Probe, ModePair, ProbeOptions, Variant } from '../probe.js';
import { DEFAULT_PROBE_OPTIONS, StepFailure } from '../probe.js';
import type { Check } from '../checks.js';
import { completed, exitCodeFor, worst, type Outcome } from '../outcome.js';
import { MODE_TRAITS } from '../modes.js';
import { RESULT_SCHEMA_VERSION, type LabFacts, type ProbeRunRecord, type RunRecord, type SideDescription } from '../result.js';
import { HungError, LostError, ProtocolError } from '../errors.js';
import { packageVersion } from '../package-info.js';
import type { SideName, SideSpec } from '../transport/spec.js';
import type { TargetInfo } from '../protocol/results.js';
import { JsonlReport } from '../report/jsonl.js';
import { renderHeader, renderRow, renderSummary } from '../report/table.js';
import { renderWindows, windowStats } from '../report/windows.js';
import { renderClaimTable, renderVerdicts } from '../report/verdicts.js';
import { PLAIN, type Paint } from '../report/colour.js';
import { computeVerdicts } from '../verdict/record.js';
import { applyKnown, type KnownIssue } from '../known.js';
import { makeContext } from './context.js';
import { redactArgv, redactUrl } from '../transport/redact.js';
import { backendOf, capsOf, effectiveMode, lacking } from '../caps.js';
import { variantLabel } from '../verdict/format.js';
import { confounders } from './confounders.js';
import { agreeBlockSize, newRunId, preflight, startSide, type SessionOptions, type SideSession } from './session.js';
import { deadLine, SideHealth } from './dead-side.js';
import type { AgentClient } from '../transport/client.js';

/** Exit code of an interrupted run (128 + SIGINT, as a shell reports it). */
export const INTERRUPTED_EXIT = 130;
/** Beyond the per-command timeout, how long shutdown waits for an agent to exit before leaving it behind. */
const SHUTDOWN_EXTRA_MS = 5000;

export interface RunOptions extends SessionOptions {
  sides: Record<SideName, SideSpec>;
  probes: Probe[];
  pairs: ModePair[];
  blocks: number;
  /** Known issues: a FAIL matching one becomes KNOWN (loaded and validated by the caller). */
  known?: readonly KnownIssue[];
  /** Runs of every variant (staleness windows are summarised over them); default 1. */
  repeat?: number;
  /** Probe parameters (window, handoff size); defaults from DEFAULT_PROBE_OPTIONS. */
  probeOptions?: Partial<ProbeOptions>;
  reportDir: string;
  argv: string[];
  /** Where table lines go. */
  print: (line: string) => void;
  /** How outcomes and verdicts are marked in printed lines (colour on a TTY); default plain. */
  paint?: Paint;
  /** Told before each variant starts (a progress bar), and told undefined once the last has ended. */
  progress?: (p: RunProgress | undefined) => void;
  /** Lab facts to record in the run header (set by `coprobe lab` inside its guest). */
  lab?: LabFacts;
}

/** Where a run is: variants started so far of the total, and which one is starting. */
export interface RunProgress { index: number; total: number; probe: string; variant: Variant; repeat: number; repeats: number }

export interface RunHandle {
  /** Resolves with the exit code when the run is over. */
  done: Promise<{ exitCode: number; reportPath: string }>;
  /** Stop: agents remove their scratch files and exit; the report gets an interrupted end record. */
  interrupt(): Promise<void>;
  /** The JSON-lines report once the run header is written (undefined before). */
  reportPath(): string | undefined;
}

/** Start a run; set-up errors reject `done` with SetupError or UsageError. */
export function startRun(o: RunOptions): RunHandle {
  const runId = newRunId();
  const live: Partial<Record<SideName, SideSession>> = {};
  /** Sessions replaced after their agent hung or went away (a killed agent may still be stuck in the kernel). */
  const retired: SideSession[] = [];
  let report: JsonlReport | undefined;
  const counts: Partial<Record<Outcome, number>> = {};
  let gen = 0;
  const nextGen = () => ++gen;
  /** Set by interrupt(): the run stops at its next step and appends nothing more; the end record is interrupt's. */
  let stopping: Promise<void> | undefined;
  let ended = false;
  /** Sides whose restarts keep getting no answer: once one is dead, the variants after it are OMIT at once. */
  const health = new SideHealth();
  const deadSides = () => { const d = health.deadSides(); return d.length ? { deadSides: d } : {}; };

  const shutdown = async () => {
    await Promise.all(Object.values(live).map(async (s) => {
      if (s.client.alive) await s.client.call('cleanup', {}, o.timeoutMs).catch(() => undefined);
      // An agent stuck in uninterruptible I/O (a dead server) never exits, even killed: do not wait for it forever.
      await Promise.race([s.client.close(o.timeoutMs), delay(o.timeoutMs + SHUTDOWN_EXTRA_MS, undefined, { ref: false })]);
    }));
  };
  /** What main returns once interrupted: the agents (any revived since) shut down, the report as interrupt leaves it. */
  const halt = async () => {
    await shutdown();
    stuckLines([...retired, ...Object.values(live)]).forEach((l) => o.print(l));
    return { exitCode: INTERRUPTED_EXIT, reportPath: report?.path ?? '' };
  };

  const main = async () => {
    const [a, b] = await Promise.allSettled([startSide(o.sides.a, runId, o), startSide(o.sides.b, runId, o)]);
    if (a.status === 'fulfilled') live.a = a.value;
    if (b.status === 'fulfilled') live.b = b.value;
    if (stopping) return halt();
    if (a.status === 'rejected' || b.status === 'rejected') throw (a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason);
    const sides = live as Record<SideName, SideSession>;
    const blockSize = agreeBlockSize(sides.a.target, sides.b.target, o.blockSize);
    await preflight(sides, runId, blockSize, nextGen(), o.timeoutMs);
    if (stopping) return halt();
    const describe = (s: SideSession): SideDescription => ({ arg: argOf(s.spec), transport: s.spec.transport, host: s.hello, target: s.target, direct: s.direct, ...(s.clock ? { clock: s.clock } : {}) });
    const described = { a: describe(sides.a), b: describe(sides.b) };
    const found = confounders(described.a, described.b);
    const run: RunRecord = {
      type: 'run', schema: RESULT_SCHEMA_VERSION, runId, version: packageVersion(), startedAt: new Date().toISOString(), argv: redactArgv(o.argv),
      sides: described, blockSize, blocks: o.blocks, warnings: found.map((c) => c.message), confounders: found, probes: o.probes.map((p) => p.code),
      ...(o.lab ? { lab: o.lab } : {}),
    };
    report = new JsonlReport(o.reportDir, runId);
    report.append(run);
    const paint = o.paint ?? PLAIN;
    renderHeader(run, paint).forEach((l) => o.print(l));

    const completedCodes = new Set<string>();
    const records: ProbeRunRecord[] = [];
    /** Runs made so far by their effective I/O (collapseKey) → 1-based record position. */
    const ran = new Map<string, number>();
    let seq = 0;
    const repeat = o.repeat ?? 1;
    const total = o.probes.reduce((n, p) => n + p.variants(o.pairs, targetsOf(sides)).length * repeat, 0);
    let index = 0;
    for (const probe of o.probes) {
      const missing = probe.depends.filter((d) => !completedCodes.has(d));
      for (const variant of probe.variants(o.pairs, targetsOf(sides))) for (let rep = 1; rep <= repeat; rep++) {
        o.progress?.({ index: index++, total, probe: probe.code, variant, repeat: rep, repeats: repeat });
        const started = new Date();
        const t0 = performance.now();
        const key = collapseKey(probe.code, variant, rep, sides);
        const same = ran.get(key);
        // A dead side: what would not run anyway keeps its own reason; the rest is OMIT at once, with no restart.
        const dead = health.reason();
        const skip: Skip | undefined = dead ? (same ? sameIo(same, records[same - 1]!, sides) : skipReason(probe, variant, sides) ?? { outcome: 'OMIT', reason: dead })
          : missing.length ? { outcome: 'OMIT', reason: `dependency ${missing.join(', ')} did not run to completion` }
          : same ? sameIo(same, records[same - 1]!, sides)
          : skipReason(probe, variant, sides) ?? await revive(sides, runId, blockSize, o, retired, health);
        if (stopping) return halt();
        // Taken after any restart, so the record holds the transcripts of the agents that ran this variant.
        const marks = { a: sides.a.client.transcript.length, b: sides.b.client.transcript.length };
        const clients = { a: sides.a.client, b: sides.b.client };
        let outcome: Outcome;
        let reason: string | undefined;
        let checks: Check[] = [];
        if (skip) {
          ({ outcome, reason } = skip);
        } else {
          const file = `.coprobe-${runId}-${String(++seq).padStart(3, '0')}-${probe.code}`;
          ({ outcome, reason, checks } = await runOne(probe, variant, sides, file, blockSize, nextGen, o, runId));
          // Cut short by the interruption (its agents were told to stop): not a result, so no record.
          if (stopping) return halt();
          await afterRun(sides, file, runId, blockSize, o, retired, health);
          if (stopping) return halt();
        }
        const raw: ProbeRunRecord = {
          type: 'probe', runId, probe: probe.code, title: probe.title, claims: probe.claims, variant, ...(repeat > 1 ? { repeat: rep } : {}), outcome,
          ...(reason ? { reason } : {}), ...(skip?.sameAs ? { sameAs: skip.sameAs } : {}), checks, startedAt: started.toISOString(), durationMs: Math.round(performance.now() - t0),
          transcripts: { a: clients.a.transcript.slice(marks.a), b: clients.b.transcript.slice(marks.b) },
        };
        const rec = applyKnown(raw, run, o.known ?? []);
        counts[rec.outcome] = (counts[rec.outcome] ?? 0) + 1;
        health.note(rec.outcome, rec.reason);
        if (completed(rec.outcome)) completedCodes.add(probe.code);
        records.push(rec);
        if (!skip) ran.set(key, records.length);
        report.append(rec);
        o.print(renderRow(rec, paint));
      }
    }
    o.progress?.(undefined);
    await shutdown();
    if (stopping) return halt();
    renderWindows(windowStats(records)).forEach((l) => o.print(l));
    const verdicts = computeVerdicts(run, records);
    report.append(verdicts);
    ['', ...renderVerdicts(verdicts, paint), '', ...renderClaimTable(verdicts, paint)].forEach((l) => o.print(l));
    // A side that died is a hang of the stack even when no variant was running at the moment (exit 1, as HUNG).
    const exitCode = Math.max(exitCodeFor(Object.keys(counts) as Outcome[]), health.deadSides().length ? 1 : 0);
    ended = true;
    report.append({ type: 'end', runId, finishedAt: new Date().toISOString(), counts, exitCode, ...deadSides() });
    stuckLines([...retired, ...Object.values(live)]).forEach((l) => o.print(l));
    health.deadSides().forEach((d) => o.print(deadLine(d)));
    o.print(renderSummary(counts, report.path));
    return { exitCode, reportPath: report.path };
  };

  // Once interrupted, a step that failed because its agent was stopped is no error of the run.
  const done = main().catch(async (err) => { await shutdown(); if (stopping) return halt(); throw err; });
  return {
    done,
    interrupt() {
      stopping ??= (async () => {
        await shutdown();
        // main stops at its next step, shutting down any agent it started meanwhile (a revival): wait for it, bounded.
        await Promise.race([done.then(() => undefined, () => undefined), delay(o.timeoutMs + SHUTDOWN_EXTRA_MS, undefined, { ref: false })]);
        if (report && !ended) {
          ended = true;
          report.append({ type: 'end', runId, finishedAt: new Date().toISOString(), counts, exitCode: INTERRUPTED_EXIT, interrupted: true, ...deadSides() });
        }
      })();
      return stopping;
    },
    reportPath: () => report?.path,
  };
}

function argOf(s: SideSpec): string {
  if (s.transport === 'ssh') return `ssh://${s.user ? `${s.user}@` : ''}${s.host}${s.port ? `:${s.port}` : ''}${s.target}`;
  return redactUrl(s.target);
}

/** A variant that is not run, and why (sameAs: the earlier run whose I/O it would repeat). */
export interface Skip { outcome: 'OMIT' | 'UNSUPPORTED'; reason: string; sameAs?: number }

/** A variant's identity by the I/O it makes: each side's mode as its backend really runs it (see effectiveMode). */
export function collapseKey(code: string, v: Variant, rep: number, sides: Record<SideName, Pick<SideSession, 'target'>>): string {
  return [code, effectiveMode(v.a, sides.a.target), effectiveMode(v.b, sides.b.target), v.param ?? '', rep].join('|');
}

/** The OMIT for a variant whose I/O an earlier run already made, naming that run and why the modes are one here. */
function sameIo(record: number, earlier: ProbeRunRecord, sides: Record<SideName, Pick<SideSession, 'target'>>): Skip {
  const uncachedSides = (['a', 'b'] as const).filter((n) => !capsOf(sides[n].target).pageCache).map((n) => `${n} (${backendOf(sides[n].target)})`);
  const label = variantLabel(earlier.variant);
  const who = uncachedSides.length > 1 ? `sides ${uncachedSides.join(' and ')} have` : `side ${uncachedSides[0]} has`;
  return { outcome: 'OMIT', sameAs: record, reason: `same I/O as ${label} (#${record}): ${who} no host page cache, so O_DIRECT and buffered are one mode there` };
}

/** Why a variant cannot run on these sides (UNSUPPORTED when a side refuses the mode it needs), or undefined. */
export function skipReason(probe: Probe, v: Variant, sides: Record<SideName, Pick<SideSession, 'target' | 'direct'>>): Skip | undefined {
  for (const n of ['a', 'b'] as const) {
    const unavailable = sides[n].target.unavailable;
    if (unavailable) return { outcome: 'OMIT', reason: `side ${n}: ${unavailable}` };
  }
  for (const n of ['a', 'b'] as const) {
    if (!probe.targets.includes(sides[n].target.kind)) return { outcome: 'OMIT', reason: `needs a ${probe.targets.join(' or ')} target; side ${n} is a ${sides[n].target.kind}` };
  }
  const lacks = probe.needs && lacking({ a: sides.a.target, b: sides.b.target }, probe.needs);
  if (lacks) return { outcome: 'OMIT', reason: lacks };
  const omitted = probe.omit?.(v, { a: sides.a.target, b: sides.b.target });
  if (omitted) return { outcome: 'OMIT', reason: omitted };
  for (const n of ['a', 'b'] as const) {
    if (MODE_TRAITS[v[n]].direct && !sides[n].direct) return { outcome: 'UNSUPPORTED', reason: `side ${n} refuses O_DIRECT, which mode ${v[n]} needs` };
  }
  return undefined;
}

/**
 * Restart the agent of a side that hung or went away; an OMIT when it cannot be restarted. A restart that gets no answer
 * counts towards the side's death (health): once dead, the OMIT names it, and no later variant restarts it.
 */
async function revive(sides: Record<SideName, SideSession>, runId: string, blockSize: number, o: RunOptions, retired: SideSession[], health: SideHealth): Promise<Skip | undefined> {
  for (const n of ['a', 'b'] as const) {
    if (sides[n].client.alive) continue;
    // A session whose restart failed stays in place (not alive): retire it once.
    if (!retired.includes(sides[n])) retired.push(sides[n]);
    const hungSince = hangStartMs(sides[n].client);
    try {
      const fresh = await startSide(sides[n].spec, runId, o);
      sides[n] = { ...fresh, direct: sides[n].direct };
      const r = await fresh.client.call('setBlockSize', { blockSize }, o.timeoutMs);
      if (!r.ok) throw new Error(r.error.message);
      health.restarted(n);
    } catch (err) {
      if (health.failed(n, err, argOf(sides[n].spec), o.timeoutMs, hungSince)) return { outcome: 'OMIT', reason: health.reason()! };
      return { outcome: 'OMIT', reason: `side ${n}'s agent could not be restarted: ${(err as Error).message}` };
    }
  }
  return undefined;
}

/** When the command that hung this agent was sent (coordinator ms since the epoch), or undefined if none timed out. */
function hangStartMs(client: Pick<AgentClient, 'transcript'>): number | undefined {
  const hung = client.transcript.filter((e) => e.unanswered === 'timeout').at(-1);
  return hung ? hung.t0 / 1000 : undefined;
}

/** Close and remove what a probe run left; a side whose agent was killed is restarted and removes the orphaned scratch file. */
async function afterRun(sides: Record<SideName, SideSession>, file: string, runId: string, blockSize: number, o: RunOptions, retired: SideSession[], health: SideHealth): Promise<void> {
  const dead = (['a', 'b'] as const).filter((n) => !sides[n].client.alive);
  await Promise.all((['a', 'b'] as const).filter((n) => sides[n].client.alive).map((n) => sides[n].client.call('cleanup', {}, o.timeoutMs).catch(() => undefined)));
  if (dead.length === 0 || (await revive(sides, runId, blockSize, o, retired, health)) !== undefined) return;
  for (const n of dead) {
    if (sides[n].target.kind === 'dir') await sides[n].client.call('unlink', { file }, o.timeoutMs).catch(() => undefined);
  }
}

/** Run one variant's steps; every way it can end becomes an outcome. */
async function runOne(probe: Probe, variant: Variant, sides: Record<SideName, SideSession>, file: string, blockSize: number, nextGen: () => number, o: RunOptions, runId: string): Promise<{ outcome: Outcome; reason?: string; checks: Check[] }> {
  const t = makeContext({ sides, variant, blocks: o.blocks, blockSize, file, nextGen, timeoutMs: o.timeoutMs, options: { ...DEFAULT_PROBE_OPTIONS, ...o.probeOptions }, runId });
  try {
    const checks = await probe.run(t);
    return { outcome: worst(checks.map((c) => c.outcome)), checks };
  } catch (err) {
    if (err instanceof StepFailure) return { outcome: err.outcome, reason: err.message, checks: [] };
    if (err instanceof HungError) return { outcome: 'HUNG', reason: err.message, checks: [] };
    if (err instanceof LostError || err instanceof ProtocolError) return { outcome: 'LOST', reason: err.message, checks: [] };
    throw err;
  }
}


/** The two sides' targets, as probes see them when choosing their variants. */
function targetsOf(sides: Record<SideName, Pick<SideSession, 'target'>>): { a: TargetInfo; b: TargetInfo } {
  return { a: sides.a.target, b: sides.b.target };
}

/** A line per agent that SIGKILL did not end (stuck in the kernel on storage that does not answer): coprobe did not wait. */
export function stuckLines(sessions: readonly Pick<SideSession, 'spec' | 'client'>[]): string[] {
  return sessions.flatMap((s) => {
    const pid = s.client.stuckPid;
    return pid === undefined ? [] : [`side ${s.spec.name}: agent pid ${pid} was killed (SIGKILL) but has not exited: it is stuck in the kernel on storage that does not answer, and exits once the storage answers; coprobe did not wait for it`];
  });
}
