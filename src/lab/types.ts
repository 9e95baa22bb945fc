// The lab's typed pieces: a scenario (what to set up in the guest, which sides to hand to the runner), the plan the host
// gives the guest, and the events the guest reports back over the shared directory.
import type { LabFacts } from '../result.js';
import type { SideName } from '../transport/spec.js';

/** One shell command the guest runs as root, bounded: a step that outlives `timeoutMs` is killed and fails the phase. */
export interface LabStep {
  /** What the step does, in words (named in errors: "nfs server: start rpc.mountd"). */
  name: string;
  /** POSIX shell command (run with sh -c). */
  run: string;
  /** Bound in ms; default 60 s. */
  timeoutMs?: number;
}

/** Services a scenario needs; each is started once per boot, before the first scenario that needs it. */
export type LabService = 'nfs-server' | 'client-b-namespaces' | 'iscsi-target' | 'iscsi-initiator';

/** The sides a scenario hands to `coprobe run` inside the guest. */
export interface LabSides {
  a: string;
  b: string;
  /** Command prefixes carrying an agent (e.g. into client b's network and UTS namespaces). */
  via?: Partial<Record<SideName, string>>;
  /** Block devices the run may overwrite (the lab's own LUN). */
  destroy?: string[];
}

/**
 * A lab scenario: one file under src/lab/scenarios/, registered in scenarios/index.ts. To add one: give it a unique
 * kebab-case name, say in `summary` what it sets up, list the services it needs, the steps that make its two sides (and
 * undo them), and the sides for the runner.
 */
export interface Scenario {
  name: string;
  summary: string;
  /** Storage class the run is judged as (the runner detects it anyway; this is for --list and the checks at load). */
  kind: 'nfs' | 'iscsi';
  /** Run by `coprobe lab` without scenario names. */
  default: boolean;
  /** Set for a deliberately confounded case, saying why its results are not two hosts'. */
  confounded?: string;
  needs: LabService[];
  /** Steps that make the two sides, in order. */
  setup: LabStep[];
  /** Steps that undo them, run even after a failed set-up or run (each failure is logged, not fatal). */
  teardown: LabStep[];
  sides: LabSides;
  /** What goes into the run header's lab facts (the rest is filled in by the guest). */
  facts: Pick<LabFacts, 'exports' | 'setup' | 'clients'>;
}

/** What the host asks the guest to do: written to plan.json on the shared directory. */
export interface LabPlan {
  /** Scenarios to run, in order (validated names). */
  scenarios: string[];
  /** Extra arguments for every `coprobe run` (probe selection, timeout). */
  runArgs: string[];
  /** The node binary and coprobe entry the guest runs (the host's own, seen through the shared root). */
  node: string;
  coprobe: string;
  kernelPackage: string;
  accel: string;
  /** Bound on each scenario's `coprobe run`, in ms. */
  runTimeoutMs: number;
  /** Bound on each set-up and teardown step that names none, in ms. */
  stepTimeoutMs: number;
}

/** One line of the guest's events.jsonl: phases as they start and end, so the host can time them and name a hung one. */
export type LabEvent =
  | { t: number; type: 'phase'; phase: string; state: 'start' | 'ok' }
  | { t: number; type: 'phase'; phase: string; state: 'failed'; step: string; message: string; output: string }
  | { t: number; type: 'scenario'; scenario: string; state: 'done'; exitCode: number; reportDir: string }
  | { t: number; type: 'scenario'; scenario: string; state: 'failed'; step: string; message: string }
  | { t: number; type: 'done'; kernel: string; packages: Record<string, string> };
