// `coprobe run [A B]`: two sides, or the embedded default stack when none are given.
import { parseSide, splitWords, type SideSpec } from '../transport/spec.js';
import { selectProbes, validated } from '../registry.js';
import { PROBES } from '../../probes/index.js';
import { UsageError } from '../errors.js';
import { attachLoopPair, type LoopPair } from '../loop-pair.js';
import { INTERRUPTED_EXIT, startRun } from '../run/runner.js';
import { parseModes } from './modes-arg.js';
import { parseDuration, parseSize } from './units.js';
import type { ProbeOptions } from '../probe.js';
import { defaultKnownIssuesPath, loadKnownIssues } from '../known.js';
import { parseFormats, writeReports, type ReportFormat } from '../report/formats.js';
import { readRunFile } from '../report/document.js';
import { COLOUR, PLAIN, colourWanted, type Paint } from '../report/colour.js';
import { terminalGlance } from '../report/glance-text.js';
import { progressBar, progressWanted } from './progress.js';
import { progressFileWriter } from './progress-file.js';
import { readFileSync } from 'node:fs';
import { labFactsSchema } from '../report/schema/run.js';
import type { LabFacts } from '../result.js';

/** The answer at a glance, read back from the run's JSON lines: printed last so it is what stays on screen. */
function glanceLines(jsonl: string, paint: Paint): string[] {
  try {
    return ['', ...terminalGlance(jsonl, paint)];
  } catch (err) {
    return [`coprobe: could not show the answer at a glance (${(err as Error).message}); the tables above say the same at length`];
  }
}

/** Write the chosen formats from the run's JSON-lines file; returns lines saying where they went (or why not). */
function writeFormats(dir: string, jsonl: string, formats: readonly ReportFormat[]): string[] {
  if (!formats.length) return [];
  try {
    return [`reports: ${writeReports(dir, readRunFile(jsonl), formats).join(', ')}`];
  } catch (err) {
    return [`coprobe: could not write the reports (${(err as Error).message}); the JSON-lines report ${jsonl} is intact: re-render it with coprobe report`];
  }
}

export interface RunArgs {
  a?: string; b?: string; report: string; probes: string[]; modes?: string; blocks: number; blockSize?: number;
  timeout: number; viaA?: string; viaB?: string; agentCommand: string; destroyDataOnDevice: string[];
  window: string; repeat: number; imageSize: string; rounds: number; knownIssues?: string;
  /** Shell command run on this host between a's fsync and b's read by DUR1 (a server restart), and its bound. */
  restartCommand?: string; restartTimeout?: string;
  /** Report formats written under `report` (json, md, html, junit, tap, text). */
  format: string[];
  /** JSON file of LabFacts to record in the run header (written by `coprobe lab` in its guest). */
  labFacts?: string;
  /** Copy this coprobe to the ssh:// sides' hosts (~/.cache/coprobe/agent-<version>-<hash>) and run the agents from there. */
  deploy?: boolean;
  /** File to append a JSON line to as each variant starts (`coprobe lab`'s guest: its events file, which the host follows). */
  progressFile?: string;
}

/** The lab facts file, checked against the result schema: UsageError naming what is wrong. */
function readLabFacts(file: string): LabFacts {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--lab-facts ${file}: ${(err as Error).message}`);
  }
  const parsed = labFactsSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--lab-facts ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
  return parsed.data as LabFacts;
}

/** Probe options from the command line, checked: UsageError naming the option. */
function probeOptions(args: RunArgs): ProbeOptions {
  const windowMs = parseDuration(args.window, '--window');
  if (windowMs > 3_600_000) throw new UsageError('--window must be at most 1h');
  const handoffBytes = parseSize(args.imageSize, '--image-size');
  if (handoffBytes < 4096) throw new UsageError('--image-size must be at least 4K (one block)');
  // At least one round: with none, the image b verifies is the one it already read, and nothing could show staleness.
  if (!Number.isInteger(args.rounds) || args.rounds < 1 || args.rounds > 10_000) throw new UsageError('--rounds must be an integer from 1 to 10000');
  if (handoffBytes > 64 * 2 ** 30) throw new UsageError('--image-size must be at most 64G');
  const restartTimeoutMs = parseDuration(args.restartTimeout ?? '60s', '--restart-timeout');
  if (restartTimeoutMs < 1 || restartTimeoutMs > 3_600_000) throw new UsageError('--restart-timeout must be from 1ms to 1h');
  if (args.restartCommand !== undefined && !args.restartCommand.trim()) throw new UsageError('--restart-command is empty');
  return { windowMs, handoffBytes, handoffRounds: args.rounds, restartTimeoutMs, ...(args.restartCommand !== undefined ? { restartCommand: args.restartCommand } : {}) };
}

/** --deploy on a side: ssh:// sides get it; a --via side carries its own agent command (UsageError); a local side needs none. */
function deployable(s: SideSpec): void {
  if (s.transport === 'via') throw new UsageError(`--deploy copies coprobe over ssh:// sides only; side ${s.name} is carried by --via-${s.name}: give it as ssh://host/path, or install coprobe there and use --agent-command`);
  if (s.transport === 'ssh') s.deploy = true;
}

/** Run the probes; returns the exit code (0, 1) or throws UsageError/SetupError (exit 2). */
export async function runCommand(args: RunArgs, argv: string[]): Promise<number> {
  const catalogue = validated(PROBES);
  if ((args.a === undefined) !== (args.b === undefined)) throw new UsageError('give two sides (writer a, reader b), or none for the embedded default stack');
  let probes;
  try {
    probes = selectProbes(catalogue, args.probes.flatMap((p) => p.split(',')).filter(Boolean));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (!Number.isInteger(args.blocks) || args.blocks < 1 || args.blocks > 1 << 20) throw new UsageError('--blocks must be an integer from 1 to 1048576');
  if (!(args.timeout > 0)) throw new UsageError('--timeout must be a positive number of milliseconds');
  const pairs = parseModes(args.modes);
  const formats = parseFormats(args.format);
  const options = probeOptions(args);
  if (!Number.isInteger(args.repeat) || args.repeat < 1 || args.repeat > 10_000) throw new UsageError('--repeat must be an integer from 1 to 10000');
  const lab = args.labFacts !== undefined ? readLabFacts(args.labFacts) : undefined;
  let loop: LoopPair | undefined;
  let a = args.a, b = args.b;
  const destroy = [...args.destroyDataOnDevice];
  if (a === undefined || b === undefined) {
    loop = attachLoopPair(Math.max(64, Math.ceil(options.handoffBytes / 2 ** 20) + 16));
    console.log(`no sides given: using the embedded default stack, two loop devices with direct I/O over one backing file (${loop.a}, ${loop.b} → ${loop.backing})`);
    a = loop.a; b = loop.b;
    destroy.push(a, b);
  }
  const bar = progressWanted(process.stderr) ? progressBar(process.stderr, (l) => console.log(l)) : undefined;
  const sides = { a: parseSide('a', a, args.viaA), b: parseSide('b', b, args.viaB) };
  if (args.deploy) for (const s of [sides.a, sides.b]) deployable(s);
  const paint = colourWanted(process.stdout) ? COLOUR : PLAIN;
  const toFile = args.progressFile !== undefined ? progressFileWriter(args.progressFile) : undefined;
  const handle = startRun({
    sides,
    probes, pairs, blocks: args.blocks, reportDir: args.report, argv, probeOptions: options, repeat: args.repeat,
    known: loadKnownIssues(args.knownIssues ?? defaultKnownIssuesPath(), catalogue.map((p) => p.code)),
    timeoutMs: args.timeout, destroy, remoteAgent: splitWords(args.agentCommand, '--agent-command'),
    ...(args.blockSize !== undefined ? { blockSize: args.blockSize } : {}),
    ...(lab ? { lab } : {}),
    print: (l) => bar ? bar.print(l) : console.log(l),
    paint,
    ...(bar || toFile ? { progress: (p) => { toFile?.(p); if (bar) (p ? bar.update(p) : bar.done()); } } : {}),
  });
  // The first SIGINT/SIGTERM stops the run; later ones only say it is stopping (each wait is bounded by --timeout).
  let stopping: Promise<never> | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) {
      console.error(`coprobe: ${sig}: already stopping`);
      return;
    }
    bar?.done();
    console.error(`\ncoprobe: ${sig}: stopping; agents remove their scratch files`);
    stopping = handle.interrupt().finally(() => {
      loop?.detach();
      if (handle.reportPath()) writeFormats(args.report, handle.reportPath()!, formats).forEach((l) => console.error(l));
      process.exit(INTERRUPTED_EXIT);
    }) as Promise<never>;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const { exitCode, reportPath } = await handle.done;
    // Interrupted: the signal handler writes what there is and exits.
    if (stopping) return await stopping;
    bar?.done();
    writeFormats(args.report, reportPath, formats).forEach((l) => console.log(l));
    glanceLines(reportPath, paint).forEach((l) => console.log(l));
    return exitCode;
  } catch (err) {
    if (stopping) return await stopping;
    throw err;
  } finally {
    bar?.done();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    loop?.detach();
  }
}
