// The verdicts record of a run: the reader's profile, the verdict table and the claim table, from the run and probe records.
import { PROBES } from '../../probes/index.js';
import type { Probe } from '../probe.js';
import type { ProbeRunRecord, RunRecord } from '../result.js';
import { STACK_LABEL } from './scope.js';
import { claimTable } from './claims.js';
import { modeVerdicts } from './modes.js';
import { profileKeyOf } from './profiles.js';
import type { VerdictsRecord } from './types.js';

/** Compute the verdicts record; `probes` are all probe records of the run in report order; `catalogue` names the probes citing each claim. */
export function computeVerdicts(run: RunRecord, probes: readonly ProbeRunRecord[], catalogue: readonly Pick<Probe, 'code' | 'claims'>[] = PROBES): VerdictsRecord {
  const { a, b } = run.sides;
  const { key, note } = profileKeyOf(b.target);
  const notes = [...(note ? [note] : []), ...(a.target.stack !== b.target.stack ? [`the sides differ (a: ${a.target.stack}, b: ${b.target.stack}); judged by the reader's stack, ${STACK_LABEL[key]}`] : [])];
  const verdicts = modeVerdicts(run, probes, key);
  const claims = claimTable({ run, probes, catalogue, key, verdicts });
  return {
    type: 'verdicts', runId: run.runId, stack: key, ...(notes.length ? { stackNote: notes.join('; ') } : {}),
    voids: run.confounders.filter((c) => c.severity === 'voids').map((c) => c.message),
    weakens: run.confounders.filter((c) => c.severity === 'weakens').map((c) => c.message),
    verdicts, claims,
  };
}
