// `coprobe lab [scenarios] [--list]`: boot Debian's kernel under qemu, run each scenario's probes against the kernel NFS
// server and clients, the kernel iSCSI initiator, or the kernel's Ceph clients (CephFS, rbd) and ceph-fuse over a
// single-host Ceph cluster inside it, and write each scenario's reports as `coprobe run` does.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS, selectScenarios } from './scenarios/index.js';
import { checkGuestVisible, checkRequirements } from './requirements.js';
import { selectProbes, validated } from '../registry.js';
import { PROBES } from '../../probes/index.js';
import { cachedKernel, defaultCacheDir, fetchKernel, resolveKernelPackage } from './kernel.js';
import { ensureInitramfs } from './initramfs.js';
import { stage2Script } from './init-script.js';
import { LabVm, guestTail } from './vm.js';
import { phaseTimes, type SeenEvent } from './events.js';
import { labProgress, type LabProgress } from './progress.js';
import { writeLabIndex } from './index-write.js';
import { progressBar, progressWanted } from '../cli/progress.js';
import { LabError } from './errors.js';
import { renderScenarioList } from './list.js';
import { renderLabSummary, type LabSummary, type ScenarioResult } from './summary.js';
import type { Accel } from './qemu.js';
import type { LabPlan, LabService, Scenario } from './types.js';
import { SERVICES, SERVICE_STOPS, TCG_CPU_MAX } from './guest/services.js';
import { cliEntry, packageRoot } from '../package-info.js';
import { parseFormats, writeReports } from '../report/formats.js';
import { staleWindowLine } from './windows.js';
import { readRunFile } from '../report/document.js';
import { renderHeader } from '../report/table.js';
import { renderClaimTable, renderVerdicts } from '../report/verdicts.js';
import { terminalGlance } from '../report/glance-text.js';
import { COLOUR, PLAIN, colourWanted } from '../report/colour.js';
import { parseDuration } from '../cli/units.js';
import { UsageError } from '../errors.js';

export interface LabArgs {
  scenarios: string[];
  list: boolean;
  kernelPackage?: string;
  keepGuestLog: boolean;
  report: string;
  format: string[];
  probes: string[];
  accel: Accel;
  memory: number;
  cacheDir?: string;
  /** Bound on each scenario's `coprobe run` in the guest (e.g. "15m"). */
  runTimeout: string;
  /** Bound on booting. */
  bootTimeout: string;
  /** Bound on each set-up and teardown step in the guest (the host waits a minute more before it calls the guest stuck). */
  stepTimeout: string;
  /** ms an agent may take to answer one command inside the guest (slow under TCG). */
  agentTimeout: number;
}

/** Run the lab; returns the exit code: 0, 1 (a probe failed), 2 (the lab or a scenario could not run). */
export async function labCommand(args: LabArgs, log: (l: string) => void = (l) => console.log(l)): Promise<number> {
  if (args.list) {
    log(renderScenarioList(SCENARIOS));
    return 0;
  }
  const scenarios = selectScenarios(args.scenarios.flatMap((s) => s.split(',')).filter(Boolean));
  const formats = parseFormats(args.format);
  const runTimeoutMs = parseDuration(args.runTimeout, '--run-timeout');
  const bootTimeoutMs = parseDuration(args.bootTimeout, '--boot-timeout');
  const stepTimeoutMs = parseDuration(args.stepTimeout, '--step-timeout');
  if (!Number.isInteger(args.memory) || args.memory < 256 || args.memory > 65536) throw new UsageError('--memory must be from 256 to 65536 (MiB)');
  if (!(Number.isFinite(args.agentTimeout) && args.agentTimeout > 0)) throw new UsageError('--agent-timeout must be a positive number of milliseconds');
  // A typo in --probes must fail here, not minutes later inside the guest.
  try {
    selectProbes(validated(PROBES), args.probes.flatMap((p) => p.split(',')).filter(Boolean));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  checkGuestVisible([process.execPath, packageRoot()]);
  const services = [...new Set(scenarios.flatMap((s) => s.needs))];
  checkRequirements(services);
  const memory = guestMemory(args.memory, scenarios);

  const host: { phase: string; ms: number; ok: boolean; note?: string }[] = [];
  const timed = <T>(phase: string, f: () => T, note?: (r: T) => string | undefined): T => {
    const t0 = performance.now();
    const r = f();
    const n = note?.(r);
    host.push({ phase, ms: Math.round(performance.now() - t0), ok: true, ...(n ? { note: n } : {}) });
    return r;
  };
  const cacheDir = args.cacheDir ?? defaultCacheDir();
  const pkg = timed('resolve kernel package', () => resolveKernelPackage(args.kernelPackage));
  const kernel = timed('kernel fetch', () => cachedKernel(cacheDir, pkg) ?? { ...fetchKernel(cacheDir, pkg, log), fresh: true },
    (k) => ('fresh' in k ? `fetched ${k.package} ${k.version}` : `cached ${k.package} ${k.version}`));
  const initramfs = timed('initramfs', () => ensureInitramfs(kernel), (r) => (r.cached ? 'cached' : 'built'));

  // From here on the lab owns a directory and (soon) a qemu: a signal stops the guest at once, or the lab before it
  // boots, and the directory goes whatever happens.
  let interrupted: NodeJS.Signals | undefined;
  let vm: LabVm | undefined;
  let shown: LabProgress | undefined;
  const onSignal = (sig: NodeJS.Signals) => { interrupted ??= sig; vm?.abort(sig); };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const share = mkdtempSync(join(tmpdir(), 'coprobe-lab-'));
  try {
    const consoleFile = join(share, 'console.log');
    const plan: LabPlan = {
      scenarios: scenarios.map((s) => s.name),
      runArgs: ['--timeout', String(args.agentTimeout), ...args.probes.flatMap((p) => ['--probes', p])],
      node: process.execPath, coprobe: cliEntry(), kernelPackage: `${kernel.package} ${kernel.version}`, accel: args.accel,
      runTimeoutMs, stepTimeoutMs, memoryMiB: memory.mib,
    };
    writeFileSync(join(share, 'plan.json'), JSON.stringify(plan, null, 2));
    writeFileSync(join(share, 'stage2.sh'), stage2Script(process.execPath, join(packageRoot(), 'dist', 'src', 'lab', 'guest', 'entry.js')));
    chmodSync(join(share, 'stage2.sh'), 0o755);
    mkdirSync(join(share, 'out'));
    if (interrupted) throw new LabError('LAB_INTERRUPTED', `${interrupted}: stopped before the guest booted`);
    // Where the guest is: a line per phase, and a bar (a TTY outside CI) or a line per probe during each run.
    const display = (shown = labProgress({ log, scenarios: plan.scenarios, ...(progressWanted(process.stderr) ? { bar: progressBar(process.stderr, log) } : {}) }));
    log(`lab: booting ${kernel.package} ${kernel.version} (${kernel.release}) under qemu ${args.accel}, ${memory.note}; scenarios: ${plan.scenarios.join(', ')}`);

    vm = new LabVm({
      spec: { vmlinux: kernel.vmlinux, initramfs: initramfs.path, share, modules: kernel.modules, memoryMiB: memory.mib, cpus: 2, accel: args.accel, console: consoleFile,
        ...(services.some((n) => TCG_CPU_MAX.includes(n)) ? { tcgCpu: 'max' as const } : {}) },
      // The guest bounds each step and each run itself; the host's bounds on silence add a minute, for a wedged guest
      // (and cover the longest step a selected scenario or service names: a Ceph cluster's start-up under TCG).
      bootTimeoutMs, stepTimeoutMs: longestStepMs(scenarios, services, stepTimeoutMs) + 60_000, runTimeoutMs: runTimeoutMs + 60_000,
      onEvent: (e) => display.event(e),
    });
    let events: SeenEvent[] = [];
    let failure: LabError | undefined;
    let bootMs = -1, shutdownMs = -1;
    try {
      ({ events, bootMs, shutdownMs } = await vm.run());
    } catch (err) {
      if (!(err instanceof LabError)) throw err;
      failure = err;
      events = vm.events();
    } finally {
      display.done();
    }
    const results = collect(scenarios.map((s) => s.name), events, share, args.report, formats, log, colourWanted(process.stdout), failure);
    const summary: LabSummary = {
      kernelPackage: kernel.package, kernelVersion: kernel.version, kernel: kernel.release, accel: args.accel,
      phases: [...host, ...(bootMs >= 0 ? [{ phase: 'boot', ms: Math.round(bootMs), ok: true, note: `${memory.mib} MiB, 2 vCPUs` }] : []),
        ...phaseTimes(events), ...(shutdownMs >= 0 ? [{ phase: 'shutdown', ms: shutdownMs, ok: true }] : [])],
      scenarios: results,
      ...(failure ? { failure: { code: failure.code, message: failure.message } } : {}),
    };
    mkdirSync(args.report, { recursive: true });
    writeFileSync(join(args.report, 'lab.json'), JSON.stringify(summary, null, 2));
    renderLabSummary(summary).forEach((l) => log(l));
    // The lab's own index (every scenario side by side, its phase times, one JUnit file): whatever goes wrong with it is
    // said and loses neither a report nor the lab's exit code.
    try {
      log(`lab index: ${writeLabIndex(args.report).join(', ')}`);
    } catch (err) {
      log(`lab index not written (${err instanceof LabError ? err.code : 'LAB_INDEX'}): ${(err as Error).message}`);
    }
    const incomplete = results.some((r) => r.status !== 'done');
    if (args.keepGuestLog || failure || incomplete) keepLogs(share, args.report, log, args.keepGuestLog);
    if (failure) throw new LabError(failure.code, failure.message, failure.tail ?? guestTail(share, consoleFile));
    if (interrupted) throw new LabError('LAB_INTERRUPTED', `${interrupted}: stopped while writing the reports`);
    if (incomplete) return 2;
    return Math.max(0, ...results.map((r) => r.exitCode ?? 0));
  } finally {
    shown?.done();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    rmSync(share, { recursive: true, force: true });
  }
}

/**
 * The guest's memory: the largest of --memory and what the selected scenarios need (a Ceph cluster's daemons need more
 * than the NFS and iSCSI scenarios; the default set keeps --memory), with a note naming who asked for it.
 */
export function guestMemory(given: number, scenarios: readonly Scenario[]): { mib: number; note: string } {
  const needy = scenarios.filter((s) => (s.memoryMiB ?? 0) > given);
  if (!needy.length) return { mib: given, note: `${given} MiB` };
  const mib = Math.max(...needy.map((s) => s.memoryMiB!));
  return { mib, note: `${mib} MiB (raised from --memory ${given}: ${needy.map((s) => `${s.name} needs ${s.memoryMiB}`).join(', ')})` };
}

/** The host's bound on one silent phase: the longest bound of any step the guest may run for these scenarios. */
export function longestStepMs(scenarios: readonly Scenario[], services: readonly LabService[], stepTimeoutMs: number): number {
  const steps = [...scenarios.flatMap((s) => [...s.setup, ...(s.observe ?? []), ...s.teardown]),
    ...services.flatMap((n) => [...SERVICES[n], ...(SERVICE_STOPS[n] ?? [])])];
  return Math.max(stepTimeoutMs, ...steps.map((s) => s.timeoutMs ?? stepTimeoutMs));
}

/** Each scenario's report from the guest: copied, rendered in the chosen formats, its verdict tables printed. */
function collect(names: string[], events: readonly SeenEvent[], share: string, reportRoot: string,
  formats: ReturnType<typeof parseFormats>, log: (l: string) => void, colour: boolean, failure?: LabError): ScenarioResult[] {
  // Logs of an earlier lab in the same directory would read as this one's.
  if (existsSync(reportRoot)) for (const f of readdirSync(reportRoot)) if (/^lab-.*\.(log|jsonl)$/.test(f)) rmSync(join(reportRoot, f), { force: true });
  return names.map((name): ScenarioResult => {
    const dir = join(reportRoot, name);
    const src = join(share, 'out', name);
    // This scenario's directory holds this lab's output only (whatever the guest wrote, even from a failed run).
    rmSync(dir, { recursive: true, force: true });
    if (existsSync(src)) {
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(src)) if (f !== 'lab-facts.json') copyFileSync(join(src, f), join(dir, f));
    }
    const ended = events.find((e) => e.type === 'scenario' && e.scenario === name);
    if (!ended) {
      const started = events.find((e) => e.type === 'phase' && e.state === 'start' && e.phase.startsWith(`${name}: `));
      if (!started || started.type !== 'phase') return { name, status: 'not-run', reportDir: dir, message: 'the guest stopped before this scenario' };
      const where = [...events].reverse().find((e) => e.type === 'phase' && e.state === 'start' && e.phase.startsWith(`${name}: `)) as Extract<SeenEvent, { type: 'phase' }>;
      return { name, status: 'failed', reportDir: dir, step: where.phase, message: `stopped during ${where.phase}${failure ? ` (${failure.code})` : ''}` };
    }
    if (ended.type !== 'scenario' || ended.state === 'failed') {
      const failed = ended as Extract<SeenEvent, { type: 'scenario'; state: 'failed' }>;
      // The phase that failed: the scenario's own, or the service it needed.
      const detail = events.find((e) => e.type === 'phase' && e.state === 'failed' && (e.phase.startsWith(`${name}:`) || e.phase === failed.step));
      const output = detail && detail.type === 'phase' && detail.state === 'failed' ? detail.output.trim().split('\n').slice(-8).join('\n') : '';
      log(`\n== ${name}: could not run: "${failed.step}": ${failed.message}${output ? `\n${output}` : ''}`);
      return { name, status: 'failed', reportDir: dir, step: failed.step, message: failed.message };
    }
    const jsonl = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('coprobe-') && f.endsWith('.jsonl')) : [];
    if (jsonl.length !== 1) return { name, status: 'failed', reportDir: dir, step: 'reports', message: `expected one run report in the guest's output, found ${jsonl.length}` };
    const doc = readRunFile(join(dir, jsonl[0]!));
    // Exit 1 is also what node gives an uncaught exception: a run without its end record did not end.
    if (!doc.end || doc.end.interrupted) {
      const tail = existsSync(join(dir, 'run.log')) ? readFileSync(join(dir, 'run.log'), 'utf8').trim().split('\n').slice(-3).join(' / ') : '';
      return { name, status: 'failed', reportDir: dir, step: 'coprobe run', message: `the run ${doc.end ? 'was interrupted' : 'ended without its end record'} (exit ${ended.exitCode})${tail ? `: ${tail}` : ''}` };
    }
    const written = writeReports(dir, doc, formats);
    const paint = colour ? COLOUR : PLAIN;
    log(`\n== ${name}: ${doc.run.lab?.summary ?? ''}`);
    // The header without the probe table's column line: the lab prints the verdicts, not the probe rows (in the reports).
    renderHeader(doc.run, paint).filter((l) => !/^\S*probe {2}modes/.test(l)).forEach((l) => log(l));
    if (doc.verdicts) [...renderVerdicts(doc.verdicts, paint), '', ...renderClaimTable(doc.verdicts, paint)].forEach((l) => log(l));
    const window = staleWindowLine(doc.probes);
    if (window) log(`stale window: ${window}`);
    log(`reports: ${written.join(', ')}`);
    // Each scenario's output ends with its answer at a glance (one screen: modes × QEMU behaviour, contradictions).
    log('');
    terminalGlance(doc, paint).forEach((l) => log(l));
    return { name, status: 'done', reportDir: dir, exitCode: ended.exitCode, counts: doc.end.counts, ...(window ? { window } : {}) };
  });
}

/** Copy the guest's logs beside the reports. */
function keepLogs(share: string, reportRoot: string, log: (l: string) => void, asked: boolean): void {
  mkdirSync(reportRoot, { recursive: true });
  const kept: string[] = [];
  for (const f of ['guest.log', 'console.log', 'qemu.log', 'events.jsonl']) {
    if (!existsSync(join(share, f))) continue;
    copyFileSync(join(share, f), join(reportRoot, `lab-${f}`));
    kept.push(join(reportRoot, `lab-${f}`));
  }
  if (kept.length) log(`guest logs${asked ? '' : ' (kept because the lab failed)'}: ${kept.join(', ')}`);
}
