// The coprobe command line: run, probes, agent.
import yargs from 'yargs';
import { UsageError, SetupError, ReportError, ProtocolError, HungError, LostError } from '../errors.js';
import { packageVersion } from '../package-info.js';

/** Parse argv and run the command; sets process.exitCode (2 on usage or set-up errors). */
export async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'agent') {
    const { runAgent } = await import('../agent/main.js');
    return runAgent();
  }
  const fail = (msg: string) => { console.error(`coprobe: ${msg}`); process.exitCode = 2; };
  try {
    await yargs(argv)
      .scriptName('coprobe')
      .version(packageVersion())
      .strict()
      .command('run [a] [b]', 'run the probes: a writes, b reads (no sides: the embedded loop-device pair)', (y) => y
        .positional('a', { type: 'string', describe: 'writer side: directory, block device, or ssh://[user@]host[:port]/path' })
        .positional('b', { type: 'string', describe: 'reader side, on the same storage as a' })
        .option('report', { type: 'string', default: 'coprobe-reports', describe: 'directory for the reports: coprobe-<runid>.jsonl (every run, streamed) and run.<format> (the latest run)' })
        .option('format', { type: 'array', string: true, default: ['json', 'md', 'html'], describe: 'report formats written under --report: json, md, html, junit, tap, text (comma-separated or repeated)' })
        .option('probes', { type: 'array', string: true, default: [] as string[], describe: 'probe codes or flags to run; prefix "no" to exclude' })
        .option('modes', { type: 'string', describe: 'modes (none,directsync,writethrough,writeback,unsafe) or a:b pairs; default every mode on both sides' })
        .option('blocks', { type: 'number', default: 16, describe: 'blocks per probe region' })
        .option('block-size', { type: 'number', describe: 'block size in bytes (default: 4096 or the larger O_DIRECT alignment)' })
        .option('timeout', { type: 'number', default: 10_000, describe: 'ms an agent may take to answer one command before it is HUNG' })
        .option('via-a', { type: 'string', describe: 'command prefix that carries side a\'s agent (e.g. "docker exec -i c")' })
        .option('via-b', { type: 'string', describe: 'command prefix that carries side b\'s agent' })
        .option('agent-command', { type: 'string', default: 'coprobe agent', describe: 'agent command on remote sides' })
        .option('ssh-config', { type: 'string', describe: 'ssh config file for ssh:// sides (ssh -F FILE; without it ssh reads ~/.ssh/config); ssh always runs with BatchMode=yes' })
        .option('deploy', { type: 'boolean', default: false, describe: 'copy this coprobe to ssh:// sides\' hosts (~/.cache/coprobe/agent-<version>-<hash>, verified, reused by later runs) and run the agents there with the host\'s node (≥ 18.19)' })
        .option('destroy-data-on-device', { type: 'array', string: true, default: [] as string[], describe: 'block device coprobe may overwrite (repeat per device)' })
        .option('window', { type: 'string', default: '0', describe: 'after a stale first read, poll inside b\'s agent up to this long (e.g. 65s) and report the staleness window; 0: off' })
        .option('repeat', { type: 'number', default: 1, describe: 'run every variant this many times (staleness windows: min/median/p95/max over them)' })
        .option('image-size', { type: 'string', default: '4M', describe: 'handoff probe image size (e.g. 4M, 1G); streamed with constant memory' })
        .option('rounds', { type: 'number', default: 4, describe: 'handoff probe: write rounds (guest generations) before the final flush' })
        .option('known-issues', { type: 'string', describe: 'JSON list of known issues (probe + stack pattern + reason): matching FAILs become KNOWN; default: the packaged list' })
        .option('restart-command', { type: 'string', describe: 'shell command DUR1 runs on this host between a\'s fsync and b\'s read (e.g. "bash ci/tgt.sh restart"); without it DUR1 is OMIT' })
        .option('restart-timeout', { type: 'string', default: '60s', describe: 'bound on the restart command, and on each side\'s reconnection after it' })
        // Set by `coprobe lab` inside its guest: the guest's kernel, packages and storage set-up, recorded in the run header.
        .option('lab-facts', { type: 'string', hidden: true })
        // Set by `coprobe lab` inside its guest: a JSON line per variant appended to the events file its host follows.
        .option('progress-file', { type: 'string', hidden: true }),
      async (args) => {
        const { runCommand } = await import('./run.js');
        (await import('../transport/ssh.js')).setSshConfig(args.sshConfig);
        process.exitCode = await runCommand({
          ...(args.a !== undefined ? { a: args.a } : {}), ...(args.b !== undefined ? { b: args.b } : {}),
          report: args.report, probes: args.probes, ...(args.modes !== undefined ? { modes: args.modes } : {}),
          blocks: args.blocks, ...(args.blockSize !== undefined ? { blockSize: args.blockSize } : {}), timeout: args.timeout,
          ...(args.viaA !== undefined ? { viaA: args.viaA } : {}), ...(args.viaB !== undefined ? { viaB: args.viaB } : {}),
          agentCommand: args.agentCommand, destroyDataOnDevice: args.destroyDataOnDevice,
          window: args.window, repeat: args.repeat, imageSize: args.imageSize, rounds: args.rounds,
          ...(args.knownIssues !== undefined ? { knownIssues: args.knownIssues } : {}), format: args.format,
          ...(args.restartCommand !== undefined ? { restartCommand: args.restartCommand } : {}), restartTimeout: args.restartTimeout,
          ...(args.labFacts !== undefined ? { labFacts: args.labFacts } : {}), deploy: args.deploy,
          ...(args.progressFile !== undefined ? { progressFile: args.progressFile } : {}),
        }, argv);
      })
      .command('lab [scenarios..]', 'boot Debian\'s kernel under qemu and run the probes against the kernel NFS server and clients and the kernel iSCSI initiator inside it (default scenarios: see --list)', (y) => y
        .positional('scenarios', { type: 'string', array: true, describe: 'scenario names (default: the default set; --list shows them)' })
        .option('list', { type: 'boolean', default: false, describe: 'list the scenarios with what each sets up' })
        .option('kernel-package', { type: 'string', describe: 'Debian kernel package to boot (default: what linux-image-amd64 depends on); fetched with apt-get download, never installed' })
        .option('keep-guest-log', { type: 'boolean', default: false, describe: 'keep the guest\'s log, console and events beside the reports (always kept when the lab fails)' })
        .option('report', { type: 'string', default: 'coprobe-lab-reports', describe: 'directory for the reports: one subdirectory per scenario, and lab.json' })
        .option('format', { type: 'array', string: true, default: ['json', 'md', 'html'], describe: 'report formats per scenario: json, md, html, junit, tap, text' })
        .option('probes', { type: 'array', string: true, default: [], describe: 'probe codes or flags to run in each scenario; prefix "no" to exclude' })
        .option('accel', { choices: ['tcg', 'kvm'] as const, default: 'tcg' as const, describe: 'qemu accelerator: tcg (software, works everywhere) or kvm (a real KVM host)' })
        .option('memory', { type: 'number', default: 512, describe: 'guest memory in MiB' })
        .option('cache-dir', { type: 'string', describe: 'where the kernel and initramfs are cached (default: $XDG_CACHE_HOME/coprobe/lab or ~/.cache/coprobe/lab)' })
        .option('boot-timeout', { type: 'string', default: '120s', describe: 'bound on booting the guest' })
        .option('step-timeout', { type: 'string', default: '120s', describe: 'bound on each set-up and teardown step in the guest (the host calls a silent guest stuck a minute later)' })
        .option('run-timeout', { type: 'string', default: '20m', describe: 'bound on each scenario\'s run in the guest' })
        .option('agent-timeout', { type: 'number', default: 60_000, describe: 'ms an agent in the guest may take to answer one command before it is HUNG (emulation is slow)' }),
      async (args) => {
        const { labCommand } = await import('../lab/command.js');
        process.exitCode = await labCommand({
          scenarios: (args.scenarios as string[] | undefined) ?? [], list: args.list,
          ...(args.kernelPackage !== undefined ? { kernelPackage: args.kernelPackage } : {}),
          keepGuestLog: args.keepGuestLog, report: args.report, format: args.format, probes: args.probes, accel: args.accel,
          memory: args.memory, ...(args.cacheDir !== undefined ? { cacheDir: args.cacheDir } : {}),
          bootTimeout: args.bootTimeout, stepTimeout: args.stepTimeout, runTimeout: args.runTimeout, agentTimeout: args.agentTimeout,
        });
      })
      .command('probes', 'list the probe catalogue with the claim ids each checks', (y) => y.option('json', { type: 'boolean', default: false }),
        async (args) => {
          const { probesCommand } = await import('./probes.js');
          console.log(probesCommand(args.json));
        })
      .command('detect <paths..>', 'name what each path is (filesystem, mount, NFS options, FUSE subtype, block transport) and the confounders between them', (y) => y
        .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'directories, block devices, ssh://host/path or userspace URIs' })
        .option('json', { type: 'boolean', default: false })
        .option('timeout', { type: 'number', default: 10_000, describe: 'ms an agent may take before the path is reported HUNG' })
        .option('agent-command', { type: 'string', default: 'coprobe agent', describe: 'agent command on remote sides' })
        .option('ssh-config', { type: 'string', describe: 'ssh config file for ssh:// paths (ssh -F FILE; without it ssh reads ~/.ssh/config)' }),
      async (args) => {
        const { detectCommand } = await import('./detect.js');
        (await import('../transport/ssh.js')).setSshConfig(args.sshConfig);
        const { splitWords } = await import('../transport/spec.js');
        const r = await detectCommand(args.paths as string[], { json: args.json, timeoutMs: args.timeout, remoteAgent: splitWords(args.agentCommand, '--agent-command') });
        for (const l of r.lines) console.log(l);
        // An agent stuck in uninterruptible I/O on a dead mount is killed but may never be reaped: do not wait for it.
        process.exit(r.exitCode);
      })
      .command('report', 'render a stored run (coprobe report FILE --format F), or merge runs into a compatibility matrix (coprobe report merge FILES...)', (y) => y
        .command('merge <files..>', 'merge runs into a compatibility matrix (stacks × QEMU cache modes and key claims)', (z) => z
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'run.json or coprobe-<runid>.jsonl files' })
          .option('md', { type: 'string', describe: 'write the matrix as Markdown to this file' })
          .option('html', { type: 'string', describe: 'write the matrix as one self-contained HTML page to this file' }),
        async (args) => {
          const { mergeCommand } = await import('../report/merge/command.js');
          const r = mergeCommand(args.files as string[], { ...(args.md ? { md: args.md } : {}), ...(args.html ? { html: args.html } : {}) });
          for (const l of r.lines) (r.exitCode ? console.error : console.log)(l);
          process.exitCode = r.exitCode;
        })
        .command('$0 <file>', 'print a stored run (run.json or coprobe-<runid>.jsonl) in one format', (z) => z
          .positional('file', { type: 'string', demandOption: true, describe: 'run.json or a run\'s JSON-lines file (an interrupted run\'s too)' })
          .option('format', { type: 'string', default: 'text', describe: 'text, json, md, html, junit or tap' }),
        async (args) => {
          const { reportCommand } = await import('./report.js');
          process.stdout.write(reportCommand(args.file as string, args.format));
        }), () => undefined)
      .command('agent', 'speak the agent protocol on stdin/stdout (started by coprobe itself)')
      .demandCommand(1, 'give a command: run, lab, probes, detect, report')
      .fail((msg, err) => { throw err ?? new UsageError(msg); })
      .help()
      .parseAsync();
  } catch (err) {
    if (err instanceof UsageError || err instanceof SetupError || err instanceof ReportError) return fail(err.message);
    if (err instanceof Error && err.name === 'LabError') {
      const { tail, code } = err as Error & { tail?: string; code?: string };
      fail(`lab: ${err.message}${tail ? `\n--- last lines of the guest's log ---\n${tail}` : ''}`);
      // Interrupted as `coprobe run` is: 130.
      if (code === 'LAB_INTERRUPTED') process.exitCode = 130;
      return;
    }
    // An agent that broke the protocol, hung or went away before any probe ran (preflight): the run cannot start.
    if (err instanceof ProtocolError || err instanceof HungError || err instanceof LostError) return fail(err.message);
    throw err;
  }
}
