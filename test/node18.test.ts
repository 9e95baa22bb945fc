// coprobe on Debian 12's own Node 18 (a root made by ci/node18-root.sh): a loop-pair run and `coprobe report` under chroot,
// and an ssh run with --deploy whose remote hosts are that root (sshd's ChrootDirectory) with no coprobe and no other Node.
import t, { type Test } from 'tap';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chrootRun, node18Root, noNode18RootReason, unpackedPackage } from './fixtures/node18-root.js';
import { netnsHosts, noNetnsReason, type NetnsHosts } from './fixtures/netns-hosts.js';
import { noLoopReason } from './fixtures/root.js';
import { startCli, type CliRun } from './fixtures/ssh-run.js';
import { attachLoopPair } from '../src/loop-pair.js';
import { readRunFile } from '../src/report/document.js';
import { cliEntry, packageVersion } from '../src/package-info.js';

const noRoot = noNode18RootReason() ?? noLoopReason();

t.test('Debian\'s Node 18 runs a loop-pair `coprobe run` to its end, from the package --deploy ships', { skip: noRoot, timeout: 900_000 }, async (t) => {
  const root = node18Root();
  const pkg = unpackedPackage();
  const scratch = mkdtempSync(join(tmpdir(), 'coprobe-node18-run-'));
  t.teardown(() => { pkg.remove(); rmSync(scratch, { recursive: true, force: true }); });
  const r = chrootRun(root, [[pkg.dir, '/mnt'], [scratch, '/tmp']], ['node', '/mnt/bin/coprobe.js', 'run', '--probes', 'SHARE1,HAND1', '--report', '/tmp/reports', '--format', 'json,text']);
  t.comment(`loop pair under Node 18: exit ${r.status} after ${r.ms} ms`);
  t.equal(r.status, 0, r.stderr.slice(-2000));
  t.match(r.stdout, /no sides given: using the embedded default stack/);
  const doc = readRunFile(join(scratch, 'reports', 'run.json'));
  t.match(doc.run.sides.a.host.node, /^v18\./, 'side a\'s agent ran on Node 18');
  t.match(doc.run.sides.b.host.node, /^v18\./, 'side b\'s agent ran on Node 18');
  t.equal(doc.end?.interrupted ?? false, false);
  const find = (probe: string, mode: string, param?: string) => doc.probes.find((p) => p.probe === probe && p.variant.a === mode && p.variant.b === mode && (param === undefined || p.variant.param === param))!;
  t.equal(find('SHARE1', 'writeback').checks[0]!.values!.sharedCache, false, 'two loop devices: two caches');
  t.equal(find('HAND1', 'writeback', 'fadvise').checks[0]!.read!.counts.fresh, 1024, 'handoff with QEMU\'s drop-cache: every block fresh (CRC-32 computed in JS on Node 18)');
  t.ok(find('HAND1', 'writeback', 'none').checks[0]!.read!.counts.stale > 0, 'handoff without a remedy: stale blocks seen');
  t.match(readFileSync(join(scratch, 'reports', 'run.txt'), 'utf8'), /SHARE1/, 'the text report was rendered under Node 18');
});

t.test('`coprobe report` renders stored runs under Node 18 exactly as under this Node', { skip: noNode18RootReason(), timeout: 900_000 }, async (t) => {
  const root = node18Root();
  const pkg = unpackedPackage();
  const runs = mkdtempSync(join(tmpdir(), 'coprobe-node18-runs-'));
  cpSync(join('test', 'fixtures', 'runs'), runs, { recursive: true });
  t.teardown(() => { pkg.remove(); rmSync(runs, { recursive: true, force: true }); });
  for (const file of ['loop-pair.jsonl', 'nfs-user-v4.jsonl']) {
    for (const format of ['text', 'md', 'junit', 'tap', 'json']) {
      // Both read the file by the same relative name (the text report names it).
      const old = chrootRun(root, [[pkg.dir, '/mnt'], [runs, '/srv']], ['sh', '-c', 'cd /srv && exec node /mnt/bin/coprobe.js report "$@"', 'sh', file, '--format', format]);
      const now = spawnSync(process.execPath, [cliEntry(), 'report', file, '--format', format], { cwd: runs, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
      t.equal(old.status, 0, `${file} ${format}: exit 0 under Node 18 ${old.stderr.slice(-500)}`);
      t.ok(old.stdout.length > 200, `${file} ${format}: ${old.stdout.length} characters`);
      t.equal(old.stdout, now.stdout, `${file} ${format}: the same bytes as under ${process.version}`);
    }
  }
});

let hosts: NetnsHosts | undefined;
const noSsh = noRoot ?? noNetnsReason();
t.teardown(() => hosts?.teardown());

/** The agent processes seen in a host's namespace while a run lasts: pid → argv (read from /proc/PID/cmdline). */
function watchAgents(h: NetnsHosts, until: Promise<unknown>): Promise<Map<number, string[]>> {
  const seen = new Map<number, string[]>();
  let over = false;
  void until.finally(() => { over = true; });
  return (async () => {
    while (!over) {
      for (const n of ['a', 'b'] as const) {
        for (const pid of h.pids(n)) {
          try {
            const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
            if (argv.at(-1) === 'agent') seen.set(pid, argv);
          } catch { /* gone */ }
        }
      }
      await sleep(50);
    }
    return seen;
  })();
}

/** The --deploy line a run printed for a side. */
function deployLine(r: CliRun, side: string): string {
  return r.stdout.split('\n').find((l) => l.startsWith(`side ${side}: --deploy:`)) ?? '';
}

t.test('an ssh run with --deploy into hosts that have only Debian\'s Node 18: copied once, reused, and the agents ran from the copy', { skip: noSsh, timeout: 900_000 }, async (t: Test) => {
  hosts = await netnsHosts({ root: node18Root() });
  const h = hosts;
  for (const n of ['a', 'b'] as const) {
    const r = h.ssh(n, 'command -v node; node --version; command -v coprobe || echo no-coprobe; ls /usr/local/bin | wc -l');
    t.equal(r.stdout, '/usr/bin/node\nv18.20.4\nno-coprobe\n0\n', `host ${n}: Debian's Node 18 is the only node, no coprobe`);
  }
  const pair = attachLoopPair(16);
  t.teardown(() => pair.detach());
  const args = [`ssh://${h.hosts.a.alias}${pair.a}`, `ssh://${h.hosts.b.alias}${pair.b}`, '--ssh-config', h.sshConfig, '--deploy',
    '--destroy-data-on-device', pair.a, '--destroy-data-on-device', pair.b, '--probes', 'CTO1,BOTH1', '--modes', 'none,writeback'];
  const version = packageVersion();

  const first = startCli(args, 300_000);
  const agents1 = watchAgents(h, first.done);
  const r1 = await first.done;
  t.equal(r1.code, 0, r1.stderr + r1.stdout.slice(-1500));
  for (const n of ['a', 'b'] as const) {
    t.match(deployLine(r1, n), new RegExp(`coprobe on ${h.hosts[n].alias} at /root/\\.cache/coprobe/agent-${version.replace(/\./g, '\\.')}-[0-9a-f]{16}: copied \\(\\d+ files`), `side ${n}: copied the first time`);
    const hello = r1.run!.sides[n].host;
    t.equal(hello.node, 'v18.20.4', `side ${n}: the agent answered hello from Debian's Node 18`);
  }
  const dirName = /agent-\S+-[0-9a-f]{16}/.exec(deployLine(r1, 'a'))![0];
  const seen = await agents1;
  for (const n of ['a', 'b'] as const) {
    const argv = seen.get(r1.run!.sides[n].host.pid);
    t.same(argv, ['/usr/bin/node', `/root/.cache/coprobe/${dirName}/bin/coprobe.js`, 'agent'], `side ${n}: the process that said hello (pid ${r1.run!.sides[n].host.pid}) ran the deployed copy with the root's node`);
  }
  const both = (m: string) => r1.probes.find((p) => p.probe === 'BOTH1' && p.variant.a === m)!;
  t.equal(both('none').outcome, 'PASS', 'O_DIRECT reader sees a\'s data');
  t.equal(both('writeback').outcome, 'WARN', 'the buffered reader\'s page cache is stale');
  for (const n of ['a', 'b'] as const) {
    const cache = join(h.hosts[n].home!, '.cache', 'coprobe');
    t.same(readdirSync(cache), [dirName], `host ${n}: one directory in the cache, no temporary left`);
  }
  const dir = join(h.hosts.a.home!, '.cache', 'coprobe', dirName);
  const before = statSync(join(dir, 'package.json'));
  const files = (function count(d: string): { files: number; bytes: number } {
    let files = 0, bytes = 0;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) { const c = count(join(d, e.name)); files += c.files; bytes += c.bytes; } else { files++; bytes += statSync(join(d, e.name)).size; }
    }
    return { files, bytes };
  })(dir);
  t.comment(`deployed copy on host a: ${files.files} files, ${files.bytes} bytes (manifest included); ${deployLine(r1, 'a')}`);

  const second = startCli(args, 300_000);
  const agents2 = watchAgents(h, second.done);
  const r2 = await second.done;
  t.equal(r2.code, 0, r2.stderr);
  for (const n of ['a', 'b'] as const) t.match(deployLine(r2, n), new RegExp(`at /root/\\.cache/coprobe/${dirName}: reused \\(an intact copy: \\d+ files, [\\d.]+ MB; nothing sent\\)`), `side ${n}: reused the second time`);
  const after = statSync(join(dir, 'package.json'));
  t.equal(after.ino, before.ino, 'the same file (inode) as after the first run: nothing was copied again');
  t.equal(after.mtimeMs, before.mtimeMs);
  const seen2 = await agents2;
  t.same(seen2.get(r2.run!.sides.b.host.pid), ['/usr/bin/node', `/root/.cache/coprobe/${dirName}/bin/coprobe.js`, 'agent'], 'the second run\'s agents ran from the same copy');
  t.comment(`first deploy: ${/in ([\d.]+) s/.exec(deployLine(r1, 'a'))?.[1]} s; reuse: ${/in ([\d.]+) s/.exec(deployLine(r2, 'a'))?.[1]} s; whole runs ${r1.ms} ms and ${r2.ms} ms`);
});
