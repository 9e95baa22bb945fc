// The lab's guest runner: started by the guest's init inside the qemu guest, it starts the services, sets up each scenario,
// runs `coprobe run` against its two sides and reports phases as JSON lines on the shared directory for the host.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { release } from 'node:os';
import { execFileSync } from 'node:child_process';
import type { LabEvent, LabPlan, LabService, LabStep, Scenario } from '../types.js';
import type { LabFacts } from '../../result.js';
import { SCENARIOS } from '../scenarios/index.js';
import { SERVICES, SERVICE_STOPS } from './services.js';
import { runStep, stepFailure } from './step.js';
import { HOST_A } from './names.js';
import { runArgv } from './run-argv.js';
import { shellQuote } from '../../transport/ssh.js';

/** Seconds since the guest booted (what events carry: the host adds its own boot time). */
function uptime(): number {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

/** The storage packages every run's lab facts name. */
const LAB_PACKAGES = ['nfs-kernel-server', 'nfs-common', 'open-iscsi', 'tgt'];

/** Versions of the guest's storage packages, as dpkg has them (absent when not installed). */
function packageVersions(names: readonly string[] = LAB_PACKAGES): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of names) {
    try {
      const v = execFileSync('dpkg-query', ['-W', '-f', '${Version}', p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (v) out[p] = v;
    } catch { /* not installed */ }
  }
  return out;
}

/** Run the plan in `share` (the host's directory, mounted in the guest); returns when every scenario has ended. */
export async function runGuest(share: string): Promise<void> {
  const plan = JSON.parse(readFileSync(join(share, 'plan.json'), 'utf8')) as LabPlan;
  const emit = (e: LabEvent) => appendFileSync(join(share, 'events.jsonl'), `${JSON.stringify(e)}\n`);
  const byName = new Map(SCENARIOS.map((s) => [s.name, s]));
  const packages = packageVersions();
  execFileSync('hostname', [HOST_A]);
  console.log(`coprobe lab guest: ${plan.memoryMiB ?? '?'} MiB booted; ${readFileSync('/proc/meminfo', 'utf8').split('\n').slice(0, 3).join('; ')}`);
  emit({ t: uptime(), type: 'phase', phase: 'guest', state: 'ok' });

  const started = new Map<LabService, true | string>();
  /** Start a service once; true, or why it did not start (and a failed event). */
  const service = async (name: LabService): Promise<true | string> => {
    if (started.has(name)) return started.get(name)!;
    const phase = `service ${name}`;
    emit({ t: uptime(), type: 'phase', phase, state: 'start' });
    for (const unbounded of SERVICES[name]) {
      const step = bounded(unbounded, plan);
      const r = await runStep(step);
      if (!r.ok) {
        emit({ t: uptime(), type: 'phase', phase, state: 'failed', step: step.name, message: stepFailure(step, r), output: r.output });
        started.set(name, stepFailure(step, r));
        return stepFailure(step, r);
      }
    }
    emit({ t: uptime(), type: 'phase', phase, state: 'ok' });
    started.set(name, true);
    return true;
  };

  for (const name of plan.scenarios) {
    const s = byName.get(name);
    if (!s) {
      emit({ t: uptime(), type: 'scenario', scenario: name, state: 'failed', step: 'select', message: 'no such scenario in the guest\'s coprobe' });
      continue;
    }
    await runScenario(s, plan, share, { ...packages, ...packageVersions(s.packages ?? []) }, service, emit);
  }
  // Services with a stop, in the reverse order they started; a failure is reported, the lab goes on to power off.
  for (const name of [...started.keys()].reverse()) {
    const steps = SERVICE_STOPS[name];
    if (started.get(name) !== true || !steps) continue;
    const phase = `service ${name}: stop`;
    emit({ t: uptime(), type: 'phase', phase, state: 'start' });
    const failed: string[] = [];
    let output = '';
    for (const unbounded of steps) {
      const step = bounded(unbounded, plan);
      const r = await runStep(step);
      if (!r.ok) { failed.push(stepFailure(step, r)); output += r.output; }
    }
    if (failed.length) emit({ t: uptime(), type: 'phase', phase, state: 'failed', step: 'stop', message: failed.join('; '), output: output.slice(-4096) });
    else emit({ t: uptime(), type: 'phase', phase, state: 'ok' });
  }
  emit({ t: uptime(), type: 'done', kernel: release(), packages });
}

async function runScenario(s: Scenario, plan: LabPlan, share: string, packages: Record<string, string>,
  service: (n: LabService) => Promise<true | string>, emit: (e: LabEvent) => void): Promise<void> {
  for (const need of s.needs) {
    const up = await service(need);
    if (up !== true) {
      emit({ t: uptime(), type: 'scenario', scenario: s.name, state: 'failed', step: `service ${need}`, message: `service ${need} did not start: ${up}` });
      return;
    }
  }
  const setupPhase = `${s.name}: set-up`;
  emit({ t: uptime(), type: 'phase', phase: setupPhase, state: 'start' });
  try {
    for (const unbounded of s.setup) {
      const step = bounded(unbounded, plan);
      const r = await runStep(step);
      if (!r.ok) {
        emit({ t: uptime(), type: 'phase', phase: setupPhase, state: 'failed', step: step.name, message: stepFailure(step, r), output: r.output });
        emit({ t: uptime(), type: 'scenario', scenario: s.name, state: 'failed', step: step.name, message: stepFailure(step, r) });
        return;
      }
    }
    emit({ t: uptime(), type: 'phase', phase: setupPhase, state: 'ok' });
    const reportDir = join(share, 'out', s.name);
    mkdirSync(reportDir, { recursive: true });
    const observed = await observe(s, plan);
    const facts: LabFacts = {
      scenario: s.name, summary: s.summary, ...(s.confounded ? { confounded: s.confounded } : {}),
      kernelPackage: plan.kernelPackage, kernel: release(), accel: plan.accel, packages, ...s.facts,
      ...(observed ? { clients: `${s.facts.clients}; measured after set-up: ${observed}` } : {}),
    };
    const factsFile = join(reportDir, 'lab-facts.json');
    writeFileSync(factsFile, JSON.stringify(facts, null, 2));
    const runPhase = `${s.name}: run`;
    emit({ t: uptime(), type: 'phase', phase: runPhase, state: 'start' });
    // The run appends a progress line per variant to the events file (nothing else writes it while the run runs).
    const argv = runArgv(s, plan, reportDir, factsFile, join(share, 'events.jsonl'));
    // Past its bound the run gets SIGTERM first: it writes its interrupted end record and its agents remove their files.
    const r = await runStep({ name: 'coprobe run', run: argv.map(shellQuote).join(' ') + ` > ${shellQuote(join(reportDir, 'run.log'))} 2>&1`, timeoutMs: plan.runTimeoutMs }, undefined, 30_000);
    // Exit 0 and 1 are a run that ended (1: some probe failed); anything else is a run that could not be made.
    if (r.timedOut || (r.exitCode !== 0 && r.exitCode !== 1)) {
      const tail = readTail(join(reportDir, 'run.log'));
      emit({ t: uptime(), type: 'phase', phase: runPhase, state: 'failed', step: 'coprobe run', message: stepFailure({ name: 'coprobe run', run: '', timeoutMs: plan.runTimeoutMs }, r), output: tail });
      emit({ t: uptime(), type: 'scenario', scenario: s.name, state: 'failed', step: 'coprobe run', message: `${stepFailure({ name: 'coprobe run', run: '', timeoutMs: plan.runTimeoutMs }, r)}: ${tail.trim().split('\n').slice(-1)[0] ?? ''}` });
      return;
    }
    emit({ t: uptime(), type: 'phase', phase: runPhase, state: 'ok' });
    emit({ t: uptime(), type: 'scenario', scenario: s.name, state: 'done', exitCode: r.exitCode!, reportDir });
  } finally {
    // Teardown failures are reported (a mount left behind would sit under the next scenario's) but do not stop the lab.
    const phase = `${s.name}: teardown`;
    emit({ t: uptime(), type: 'phase', phase, state: 'start' });
    const failed: string[] = [];
    let output = '';
    for (const unbounded of s.teardown) {
      const step = bounded(unbounded, plan);
      const r = await runStep(step);
      if (!r.ok) { failed.push(stepFailure(step, r)); output += r.output; }
    }
    if (failed.length) emit({ t: uptime(), type: 'phase', phase, state: 'failed', step: 'teardown', message: failed.join('; '), output: output.slice(-4096) });
    else emit({ t: uptime(), type: 'phase', phase, state: 'ok' });
  }
}

/** The scenario's observe steps' output, one "name: output" per step ("could not be read" on a failure), or '' without any. */
async function observe(s: Scenario, plan: LabPlan): Promise<string> {
  const parts: string[] = [];
  for (const unbounded of s.observe ?? []) {
    const step = bounded(unbounded, plan);
    const r = await runStep(step);
    const out = r.output.trim().replace(/\s*\n\s*/g, '; ');
    parts.push(r.ok ? `${step.name}: ${out}` : `${step.name}: could not be read (${stepFailure(step, r)}${out ? `: ${out.slice(-300)}` : ''})`);
  }
  return parts.join('; ');
}

/** A step with the plan's default bound when it names none. */
function bounded(step: LabStep, plan: LabPlan): LabStep {
  return step.timeoutMs !== undefined ? step : { ...step, timeoutMs: plan.stepTimeoutMs };
}

function readTail(file: string): string {
  try { return readFileSync(file, 'utf8').slice(-4096); } catch { return ''; }
}
