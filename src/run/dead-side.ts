// Which sides stopped answering for good: restarts of a side's agent that time out, counted until the side is declared dead.
import type { DeadSide } from '../result.js';
import type { SideName } from '../transport/spec.js';

/**
 * Restarts in a row that must get no answer before a side is dead. The first failed restart comes right after the hang
 * (the variant's clean-up), while a briefly stalled server (a restart, a failover, a SIGSTOP lifted a moment later) may
 * still be stalled; a second fresh agent, a full timeout later, getting no answer either means the storage has not
 * answered for the hung command's timeout plus two more: every further restart would only wait out the timeout again.
 */
export const DEAD_AFTER = 2;

/** Commands of an agent's start that talk to no storage: a hang there is the agent's (its host, the connection to it). */
const AGENT_COMMANDS = new Set(['hello', 'clock']);

/** The command a restart failure got no answer to (an EHUNG error: HungError or the SetupError wrapping it), else undefined. */
export function hungCommand(err: unknown): { command: string; timeoutMs?: number } | undefined {
  const e = err as { code?: unknown; message?: unknown; cmd?: unknown; timeoutMs?: unknown };
  if (e?.code !== 'EHUNG') return undefined;
  const m = /did not answer "([^"]+)" within (\d+) ms/.exec(String(e.message ?? ''));
  const command = typeof e.cmd === 'string' ? e.cmd : m?.[1] ?? 'hello';
  const timeoutMs = typeof e.timeoutMs === 'number' ? e.timeoutMs : m ? Number(m[2]) : undefined;
  return { command, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
}

interface Strikes { count: number; since: number; command: string; timeoutMs: number }

/** Per-side record of failed restarts; a side with DEAD_AFTER restarts in a row that got no answer is dead for the run. */
export class SideHealth {
  private readonly strikes: Partial<Record<SideName, Strikes>> = {};
  private readonly declared: Partial<Record<SideName, DeadSide>> = {};

  constructor(private readonly now: () => number = Date.now) {}

  /** The dead side's record, or undefined while it may still be restarted. */
  dead(side: SideName): DeadSide | undefined { return this.declared[side]; }

  /** Every side declared dead, in side order. */
  deadSides(): DeadSide[] { return (['a', 'b'] as const).flatMap((n) => (this.declared[n] ? [this.declared[n]] : [])); }

  /** A restart of the side worked: its count starts again. */
  restarted(side: SideName): void { delete this.strikes[side]; }

  /**
   * A restart of the side failed with err. Only a failure by timeout counts (a refusal is quick, and a later restart may
   * work); `hungSinceMs` is when the command that hung the previous agent was sent, if it hung. True when now dead.
   */
  failed(side: SideName, err: unknown, target: string, defaultTimeoutMs: number, hungSinceMs?: number): boolean {
    const hung = hungCommand(err);
    if (!hung) { delete this.strikes[side]; return false; }
    const s = this.strikes[side] ?? { count: 0, since: hungSinceMs ?? this.now() - (hung.timeoutMs ?? defaultTimeoutMs), command: hung.command, timeoutMs: 0 };
    s.count++;
    s.command = hung.command;
    s.timeoutMs = hung.timeoutMs ?? defaultTimeoutMs;
    this.strikes[side] = s;
    if (s.count < DEAD_AFTER || this.declared[side]) return false;
    this.declared[side] = {
      side, what: AGENT_COMMANDS.has(s.command) ? 'agent' : 'storage', target, command: s.command, timeoutMs: s.timeoutMs,
      since: new Date(s.since).toISOString(), declaredAt: new Date(this.now()).toISOString(), restarts: s.count, omitted: 0,
    };
    return true;
  }

  /** The OMIT reason of a variant that needs a dead side, or undefined while every side may run. */
  reason(): string | undefined {
    const d = this.deadSides()[0];
    return d ? deadReason(d) : undefined;
  }

  /** Count a record against the dead side whose reason it carries. */
  note(outcome: string, reason: string | undefined): void {
    if (outcome !== 'OMIT' || reason === undefined) return;
    const d = this.deadSides().find((x) => deadReason(x) === reason);
    if (d) d.omitted++;
  }
}

/** Why a variant is OMIT: which side, what did not answer, since when; stable for tests and readers. */
export function deadReason(d: DeadSide): string {
  const who = d.what === 'storage'
    ? `side ${d.side}'s storage does not answer (${d.target})`
    : `side ${d.side}'s agent cannot be started (the host or the connection to it does not answer)`;
  return `${who}: no answer since ${d.since}; ${d.restarts} restarts of its agent in a row got no answer to "${d.command}" within ${d.timeoutMs} ms, so it is not restarted again this run`;
}

/** The line the run prints at its end for a dead side: that it died, when, and what that cost. */
export function deadLine(d: DeadSide): string {
  const what = d.what === 'storage' ? `its storage (${d.target}) stopped answering` : 'its agent could not be started again (host or connection not answering)';
  return `side ${d.side}: ${what} at ${d.since} and was declared dead at ${d.declaredAt} after ${d.restarts} restarts got no answer to "${d.command}" within ${d.timeoutMs} ms; ${d.omitted} variant${d.omitted === 1 ? '' : 's'} after it OMIT without trying again`;
}
