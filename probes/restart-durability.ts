// DUR1: the storage server restarts between a's fsync and b's read (--restart-command): b must read what a fsynced.
import { StepFailure, type HostCommandResult, type Probe, type ProbeContext, type Reconnected } from '../src/probe.js';
import type { Check } from '../src/checks.js';
import { firstFinding } from '../src/checks.js';
import { allFresh, describeCounts, type ReadSummary } from '../src/blocks/tally.js';
import { MODE_TRAITS } from '../src/modes.js';
import { capsOf } from '../src/caps.js';
import { describeHostExit } from '../src/run/host-command.js';
import { bearsOn, type Bearing } from './rules.js';

const BEARING: Bearing = { HANDOFF: ['holds', 'violated'], 'BLOCK-PROTOCOL-COHERENT': ['holds', 'violated'] };
const SENTENCE = 'reader should see, after the storage server restarted, the data the writer fsynced before the restart (acknowledged writes are durable)';

/** The restart command's facts, as a check's values. */
function restartValues(r: HostCommandResult, timeoutMs: number): NonNullable<Check['values']> {
  return {
    restartCommand: r.command, restartExit: describeHostExit(r, timeoutMs), restartExitCode: r.exitCode, restartSignal: r.signal,
    restartTimedOut: r.timedOut, restartMs: r.durationMs, restartOutput: r.output.trim(),
  };
}

/** Judge b's read after the restart: unreadable blocks are a dead path, never stale data; stale is lost durability. */
function judge(t: ProbeContext, read: ReadSummary, flushIgnored: boolean): Pick<Check, 'outcome' | 'observed' | 'bears'> {
  const counts = describeCounts(read);
  if (read.counts.error > 0) {
    return {
      outcome: 'FAIL', bears: [],
      observed: `${counts}${firstFinding(read)} — b could not read after the restart and a new connection: the data was unreachable (not judged stale)`,
    };
  }
  const fresh = allFresh(read);
  const bears = bearsOn(t, fresh, flushIgnored, BEARING, `b's read after the restart: ${counts}`);
  if (fresh) return { outcome: 'PASS', observed: counts, bears };
  if (flushIgnored) return { outcome: 'WARN', observed: `${counts}${firstFinding(read)} — writer in mode ${t.variant.a} skipped its flush (cache=unsafe): nothing was acknowledged durable`, bears };
  return { outcome: 'FAIL', observed: `${counts}${firstFinding(read)} — data a fsynced before the restart did not survive it`, bears };
}

export const restartDurability: Probe = {
  code: 'DUR1',
  title: 'storage server restarted between a\'s fsync and b\'s read (--restart-command): b reads what a fsynced',
  flags: ['fault', 'durability', 'restart'],
  claims: ['HANDOFF', 'BLOCK-PROTOCOL-COHERENT'],
  depends: [],
  targets: ['dir', 'device'],
  variants: (pairs) => pairs.map((p) => ({ ...p })),
  omit(v, targets) {
    // A host page cache outlives a server restart: a buffered reader there would measure its own cache, not the server.
    if (!MODE_TRAITS[v.b].direct && capsOf(targets.b).pageCache) {
      return `b's buffered reads go through the host page cache, which a server restart does not empty: durability needs an uncached reader (mode none or directsync, or a userspace side)`;
    }
    return undefined;
  },
  async run(t) {
    const command = t.options.restartCommand;
    if (!command) throw new StepFailure('no --restart-command given: DUR1 runs that command (e.g. a server restart) between a\'s fsync and b\'s read', 'OMIT');
    const bound = t.options.restartTimeoutMs;
    const g = t.nextGen();
    await t.open('a', 'f', t.variant.a, true);
    await t.write('a', 'f', g);
    const flushed = await t.flush('a', 'f');
    // b opens before the restart, as a destination holding the image open would: its session may not survive it.
    await t.open('b', 'f', t.variant.b);
    const restart = await t.hostCommand(command, bound);
    const values = restartValues(restart, bound);
    try {
      if (restart.error || restart.timedOut || restart.exitCode !== 0) {
        const said = restart.output.trim() ? `: ${restart.output.trim().split('\n').slice(-3).join(' | ')}` : '';
        return [{ claims: ['HANDOFF'], sentence: 'the restart command should succeed', outcome: 'FAIL', observed: `${command}: ${values.restartExit}${said}`, values }];
      }
      // Through the handle b opened before the restart; a path the restart broke answers with errors, never stale data.
      let read = await t.read('b', 'f', g);
      const survived = read.result.counts.error === 0;
      const died = survived ? undefined : read.result.findings.find((f) => f.cls === 'error')?.found ?? 'error';
      let rb: Reconnected | undefined;
      if (!survived) {
        // libiscsi and libnfs do not reconnect: b connects again, reopens and reads; that read is the one judged.
        rb = await t.reconnect('b', bound);
        await t.open('b', 'f', t.variant.b);
        read = await t.read('b', 'f', g);
      }
      await t.close('b', 'f');
      const judged = judge(t, read.result, flushed.result.ignored);
      const path = survived ? 'b read through the handle it opened before the restart' : `b's handle from before the restart failed (${died}); b connected again (${rb!.attempts} attempt(s), ${rb!.durationMs} ms) and reopened`;
      return [{
        claims: ['HANDOFF', 'BLOCK-PROTOCOL-COHERENT'], sentence: SENTENCE, ...judged, observed: `${judged.observed}; ${path}`, read: read.result,
        ...(Number.isFinite(t.gapUs(flushed, read)) ? { fsyncToReadUs: t.gapUs(flushed, read) } : {}),
        values: { ...values, sessionSurvivedB: survived, sessionErrnoB: died ?? null, reconnectAttemptsB: rb?.attempts ?? 0, reconnectMsB: rb?.durationMs ?? 0 },
      }];
    } finally {
      // a's session may be dead too: connect it again (where the server is back) so that its scratch file can be removed.
      await t.reconnect('a', Math.min(bound, 10_000)).catch(() => undefined);
    }
  },
};
