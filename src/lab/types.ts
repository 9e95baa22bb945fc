// The lab's typed pieces: a scenario (what to set up in the guest, which sides to hand to the runner), the plan the host
// gives the guest, and the events the guest reports back over the shared directory.
import type { LabFacts } from '../result.js';
import type { SideName } from '../transport/spec.js';
import type { ProgressFileLine } from '../cli/progress-file.js';

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
export type LabService = 'nfs-server' | 'client-b-namespaces' | 'iscsi-target' | 'iscsi-initiator' | 'ceph' | 'ceph-fuse';

/**
 * The storage a scenario measures, which decides how its run is judged: nfs (NFS), iscsi and rbd (shared block: two
 * block devices, two page caches), cephfs and ceph-fuse (a clustered filesystem: CephFS's kernel client, its FUSE client).
 */
export type ScenarioKind = 'nfs' | 'iscsi' | 'rbd' | 'cephfs' | 'ceph-fuse';

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
  kind: ScenarioKind;
  /** Run by `coprobe lab` without scenario names. */
  default: boolean;
  /** Set for a deliberately confounded case, saying why its results are not two hosts'. */
  confounded?: string;
  needs: LabService[];
  /**
   * Guest memory this scenario needs, in MiB, when more than the lab's default (measured: say why in the scenario):
   * the lab boots with the largest of --memory and the selected scenarios' needs, so the default set keeps its memory.
   */
  memoryMiB?: number;
  /** Debian packages whose versions go into this scenario's lab facts beside the lab's own (e.g. ceph-common). */
  packages?: string[];
  /** Steps that make the two sides, in order. */
  setup: LabStep[];
  /**
   * Steps run after the set-up whose output the lab facts record after `facts.clients` (what shows that the sides are
   * two clients: e.g. the MDS's session list); a failure is recorded there too, not fatal.
   */
  observe?: LabStep[];
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
  /** Guest memory in MiB the lab booted with (recorded in the guest log). */
  memoryMiB?: number;
}

/**
 * One line of the guest's events.jsonl: phases as they start and end, so the host can time them and name a hung one,
 * and the run's variants as they start, so it can show where a run is.
 */
export type LabEvent =
  | { t: number; type: 'phase'; phase: string; state: 'start' | 'ok' }
  | { t: number; type: 'phase'; phase: string; state: 'failed'; step: string; message: string; output: string }
  | { t: number; type: 'scenario'; scenario: string; state: 'done'; exitCode: number; reportDir: string }
  | { t: number; type: 'scenario'; scenario: string; state: 'failed'; step: string; message: string }
  | { t: number; type: 'done'; kernel: string; packages: Record<string, string> }
  /** A variant of the scenario's run starting, appended by its `coprobe run --progress-file` (the scenario is the run phase under way). */
  | ProgressFileLine;
