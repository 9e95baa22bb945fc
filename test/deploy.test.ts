// --deploy: the package it copies (runtime closure, one koffi binary, manifest, name), the remote script (unpack, verify,
// never replace), and the refusals, against real sshd hosts whose sessions run in Debian's root (ci/node18-root.sh).
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, utimesSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildPack, MANIFEST_NAME, nativeTriplets, runtimeClosure, runtimeIrrelevant, sha256 } from '../src/transport/deploy-pack.js';
import { REMOTE_SCRIPT } from '../src/transport/deploy-remote.js';
import { tarArchive, tarGz } from '../src/transport/deploy-tar.js';
import { deployAgent, describeDeployment, nodeRecentEnough } from '../src/transport/deploy.js';
import { packageRoot, packageVersion } from '../src/package-info.js';
import { SetupError } from '../src/errors.js';
import { netnsHosts, noNetnsReason, type NetnsHosts } from './fixtures/netns-hosts.js';
import { node18Root, noNode18RootReason } from './fixtures/node18-root.js';
import { runCli } from './fixtures/cli.js';
import { runCliReport } from './fixtures/ssh-run.js';

const root = packageRoot();
const version = packageVersion();
const triplet = `linux_${process.arch}`;
const pack = buildPack(root, version, triplet);
const archive = () => tarGz([{ path: MANIFEST_NAME, mode: 0o644, data: Buffer.from(pack.manifestText) }, ...pack.entries]);

t.test('the runtime closure is what npm itself lists as production dependencies', async (t) => {
  const npm = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
  const listed = npm.stdout.trim().split('\n').slice(1).map((p) => relative(root, p)).sort();
  t.ok(listed.length >= 3, `npm ls lists ${listed.length} packages`);
  t.same(runtimeClosure(root), listed);
  t.notOk(runtimeClosure(root).some((p) => /(^|\/)(tap|typescript|playwright-core|@types\/node)$/.test(p)), 'no devDependency');
});

t.test('the package: built dist, bin, package.json and the closure; one koffi binary; no maps, types or build sources', async (t) => {
  const paths = pack.entries.map((e) => e.path);
  for (const p of ['package.json', 'bin/coprobe.js', 'dist/src/cli/main.js', 'dist/src/agent/main.js', 'known-issues.json', `node_modules/koffi/build/koffi/${triplet}/koffi.node`, 'node_modules/koffi/index.js', 'node_modules/yargs/package.json', 'node_modules/zod/package.json']) {
    t.ok(paths.includes(p), p);
  }
  const builds = paths.filter((p) => p.startsWith('node_modules/koffi/build/'));
  t.same(builds, [`node_modules/koffi/build/koffi/${triplet}/koffi.node`], 'only this triplet\'s prebuilt binary');
  t.ok(nativeTriplets(root).length > 5 && nativeTriplets(root).includes('linux_arm64'), `koffi has ${nativeTriplets(root).length} prebuilt triplets`);
  t.notOk(paths.some((p) => runtimeIrrelevant(p)), 'no .map, .ts, .d.ts');
  t.notOk(paths.some((p) => /^node_modules\/koffi\/(src|vendor|doc)\//.test(p)), 'koffi\'s build-only sources are left out');
  t.notOk(paths.some((p) => /^(src|test|native-bindings|probes)\//.test(p)), 'no TypeScript sources or tests of coprobe');
  t.equal(pack.bytes, pack.entries.reduce((n, e) => n + e.data.length, 0));
  t.comment(`package for ${triplet}: ${pack.entries.length} files, ${pack.bytes} bytes; gzipped archive ${archive().length} bytes`);
});

t.test('the manifest lists every file with size, mode and sha256; its hash names the directory', async (t) => {
  t.equal(pack.manifest.coprobe, version);
  t.equal(pack.manifest.triplet, triplet);
  t.equal(pack.manifest.files.length, pack.entries.length);
  for (const [i, [path, size, mode, sum]] of pack.manifest.files.entries()) {
    const e = pack.entries[i]!;
    if (path !== e.path || size !== e.data.length || mode !== e.mode || sum !== sha256(e.data)) { t.fail(`manifest entry ${path}`); return; }
  }
  t.equal(pack.manifest.files.find((f) => f[0] === 'bin/coprobe.js')![2], 0o755, 'the entry point keeps its execute bit');
  t.equal(pack.manifest.files.find((f) => f[0] === 'package.json')![2], 0o644);
  t.equal(pack.hash, sha256(pack.manifestText).slice(0, 16));
  t.equal(pack.dirName, `agent-${version}-${pack.hash}`);
  t.equal(buildPack(root, version, triplet).dirName, pack.dirName, 'deterministic: the same package, the same name');
  const other = nativeTriplets(root).find((x) => x !== triplet)!;
  t.not(buildPack(root, version, other).hash, pack.hash, `another triplet (${other}) is another directory`);
  t.match(buildPack(root, '9.9.9', triplet).dirName, /^agent-9\.9\.9-[0-9a-f]{16}$/, 'another version is another directory');
});

t.test('refusals: a triplet without a prebuilt binary, and a Node older than 18.19', async (t) => {
  t.throws(() => buildPack(root, version, 'linux_sparc64'), { name: 'SetupError', code: 'EDEPLOYARCH', message: /koffi has no prebuilt binary for linux_sparc64 \(it has: .*linux_x64.*\): install coprobe on that host by hand/ });
  for (const v of ['v18.19.0', 'v18.20.4', 'v20.15.0', 'v22.1.0', '18.19.1']) t.ok(nodeRecentEnough(v), v);
  for (const v of ['v18.18.2', 'v16.20.2', 'v12.22.12', 'v18', 'garbage']) t.notOk(nodeRecentEnough(v), v);
});

t.test('the archive is a ustar the system\'s tar reads: the same paths, modes and bytes; long paths split', async (t) => {
  const long = `${'d'.repeat(90)}/${'e'.repeat(60)}/${'f'.repeat(90)}.js`;
  const entries = [...pack.entries.slice(0, 40), { path: long, mode: 0o644, data: Buffer.from('long path\n') }];
  const dir = mkdtempSync(join(tmpdir(), 'coprobe-deploy-tar-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = spawnSync('tar', ['-x', '-C', dir], { input: tarArchive(entries) });
  t.equal(r.status, 0, String(r.stderr));
  for (const e of entries) {
    if (!readFileSync(join(dir, e.path)).equals(e.data) || (statSync(join(dir, e.path)).mode & 0o777) !== e.mode) { t.fail(e.path); return; }
  }
  t.pass(`${entries.length} files identical after GNU tar -x`);
  t.throws(() => tarArchive([{ path: `${'x'.repeat(200)}/y`, mode: 0o644, data: Buffer.alloc(0) }]), /path too long for ustar/);
});

/** Run the remote script here (this Node) with a cache of its own. */
function remote(cache: string, args: string[], input?: Buffer): { status: number | null; out: Record<string, unknown> } {
  const r = spawnSync(process.execPath, ['-e', REMOTE_SCRIPT, '--', ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent', XDG_CACHE_HOME: cache } });
  return { status: r.status, out: JSON.parse(r.stdout.trim().split('\n').pop() || '{}') as Record<string, unknown> };
}

t.test('the remote script: probe, unpack and verify, never replace a directory, find a changed copy', async (t) => {
  const cache = mkdtempSync(join(tmpdir(), 'coprobe-deploy-cache-'));
  t.teardown(() => rmSync(cache, { recursive: true, force: true }));
  const p0 = remote(cache, ['probe', version]);
  t.match(p0.out, { node: process.version, execPath: process.execPath, platform: 'linux', triplet, libc: 'glibc', cache: join(cache, 'coprobe'), dirs: [] });
  // Another version's directory, which nothing may touch.
  const otherDir = join(cache, 'coprobe', 'agent-0.0.1-0123456789abcdef');
  mkdirSync(otherDir, { recursive: true });
  writeFileSync(join(otherDir, 'mine'), 'another version\n');
  const u1 = remote(cache, ['unpack', pack.dirName, pack.hash], archive());
  t.match(u1, { status: 0, out: { result: 'copied', files: pack.entries.length, bytes: pack.bytes, dir: join(cache, 'coprobe', pack.dirName) } });
  const dir = join(cache, 'coprobe', pack.dirName);
  t.equal(readFileSync(join(dir, MANIFEST_NAME), 'utf8'), pack.manifestText, 'the manifest is kept beside the files');
  t.same(readdirSync(join(cache, 'coprobe')).sort(), ['agent-0.0.1-0123456789abcdef', pack.dirName].sort(), 'no temporary directory left');
  const ino = statSync(join(dir, 'package.json')).ino;
  const u2 = remote(cache, ['unpack', pack.dirName, pack.hash], archive());
  t.match(u2, { status: 0, out: { result: 'present' } }, 'a second copy of the same version finds the first in place (a concurrent run)');
  t.equal(statSync(join(dir, 'package.json')).ino, ino, 'and leaves it as it was');
  t.equal(readFileSync(join(otherDir, 'mine'), 'utf8'), 'another version\n', 'another version\'s directory is untouched');
  t.match(remote(cache, ['probe', version]).out, { dirs: [{ name: pack.dirName, state: 'intact' }] });
  const bad = remote(cache, ['unpack', 'agent-x-0000000000000000', '0000000000000000'], archive());
  t.match(bad, { status: 1, out: { error: /the manifest received does not match the hash 0000000000000000/ } }, 'a manifest that does not match its name is refused');
  const cut = archive().subarray(0, 4000);
  t.match(remote(cache, ['unpack', 'agent-y-1', 'h'], cut), { status: 1, out: { error: /./ } }, 'a truncated archive is refused');
  t.notOk(readdirSync(join(cache, 'coprobe')).some((n) => n.startsWith('.tmp-')), 'refused copies leave no temporary directory');
  writeFileSync(join(dir, 'dist', 'src', 'cli', 'main.js'), '// changed\n');
  t.match(remote(cache, ['probe', version]).out, { dirs: [{ name: pack.dirName, state: 'corrupt', why: /dist\/src\/cli\/main\.js has \d+ bytes, not \d+/ }] });
  rmSync(join(dir, MANIFEST_NAME));
  t.match(remote(cache, ['probe', version]).out, { dirs: [{ name: pack.dirName, state: 'incomplete', why: 'it has no manifest' }] });
  // What a killed unpacking leaves: removed by a later probe once it is an hour old, not before (it may be another run's).
  const killed = join(cache, 'coprobe', `.tmp-${pack.dirName}-AbCdEf`);
  const young = join(cache, 'coprobe', `.tmp-${pack.dirName}-GhIjKl`);
  mkdirSync(join(killed, 'dist'), { recursive: true });
  mkdirSync(young);
  utimesSync(killed, new Date(Date.now() - 7200e3), new Date(Date.now() - 7200e3));
  t.match(remote(cache, ['probe', version]).out, { removed: [`.tmp-${pack.dirName}-AbCdEf`] });
  t.notOk(existsSync(killed), 'a killed unpacking\'s directory two hours old is removed');
  t.ok(existsSync(young), 'a fresh one is left alone');
});

const noHosts = noNode18RootReason() ?? noNetnsReason();
let hosts: NetnsHosts | undefined;
t.teardown(() => hosts?.teardown());

t.test('over ssh into Debian\'s root: no node (refused), a changed copy (refused, kept), another version kept, then reuse', { skip: noHosts, timeout: 900_000 }, async (t) => {
  // Host a's root has no node (hidden by /dev/null); host b's has Debian's Node 18.
  hosts = await netnsHosts({ root: node18Root(), hideOnA: ['/usr/bin/node'] });
  const h = hosts;
  const target = (n: 'a' | 'b') => ({ host: h.hosts[n].alias, sshConfig: h.sshConfig });
  t.match(h.ssh('a', 'node --version; echo "exit $?"').stdout, /^exit 12[67]\n$/, 'host a: no node runs there');
  await t.rejects(deployAgent('a', target('a'), 20_000), { code: 'EDEPLOYNODE', message: /side a: --deploy: ns-a \(\S+\) has no node on the PATH of a non-interactive ssh login: install the distribution's Node\.js there \(Debian, Ubuntu: apt-get install nodejs; coprobe needs ≥ 18\.19\.0\)/ });
  t.same(readdirSync(h.hosts.a.home!), [], 'nothing was written on host a');

  const cache = join(h.hosts.b.home!, '.cache', 'coprobe');
  const other = join(cache, 'agent-0.0.1-0123456789abcdef');
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'mine'), 'another version\n');
  // The same version's directory, changed: refused with what to do, and left as it is.
  const same = join(cache, pack.dirName);
  mkdirSync(same);
  writeFileSync(join(same, MANIFEST_NAME), pack.manifestText);
  const err = await deployAgent('b', target('b'), 20_000).then(() => undefined, (e: SetupError) => e);
  t.match(err, { code: 'EDEPLOYCORRUPT', message: new RegExp(`side b: --deploy: /root/\\.cache/coprobe/${pack.dirName} on ns-b is not an intact copy \\(package\\.json is missing\\): remove it \\(ssh -F \\S+ ns-b rm -rf /root/\\.cache/coprobe/${pack.dirName}\\) and run again`) });
  t.same(readdirSync(same), [MANIFEST_NAME], 'the changed copy is left as it was');
  rmSync(same, { recursive: true });

  const first = await deployAgent('b', target('b'), 20_000);
  t.equal(first.deployment.copied, true);
  t.same(first.deployment.agent, ['/usr/bin/node', `/root/.cache/coprobe/${pack.dirName}/bin/coprobe.js`, 'agent']);
  t.equal(first.deployment.node, 'v18.20.4');
  t.match(describeDeployment('b', target('b'), first.deployment), /^side b: --deploy: coprobe on ns-b at \/root\/\.cache\/coprobe\/agent-\S+: copied \(\d+ files, [\d.]+ MB; [\d.]+ MB sent gzipped\) and verified in [\d.]+ s; the agent runs with \/usr\/bin\/node v18\.20\.4 \(linux_x64\)$/);
  t.equal(readFileSync(join(other, 'mine'), 'utf8'), 'another version\n', 'another version\'s directory is untouched');
  t.same(readdirSync(cache).sort(), ['agent-0.0.1-0123456789abcdef', pack.dirName].sort());
  const again = await deployAgent('b', target('b'), 20_000);
  t.equal(again.first, false, 'within one run, a side restarted reuses what was found (no new probe)');
  // The deployed agent answers on Debian's Node 18 (through ssh, as the coordinator starts it).
  const hello = h.ssh('b', `printf '%s\\n' '{"id":1,"cmd":"hello"}' | ${first.deployment.agent.join(' ')}`);
  t.match(hello.stdout, /"node":"v18\.20\.4"/, 'the copy\'s agent says hello on Node 18');
  t.ok(existsSync(join(cache, pack.dirName, MANIFEST_NAME)));
});

t.test('the CLI refuses a --deploy run whose host has no node: exit 2, the message, nothing run', { skip: noHosts, timeout: 300_000 }, async (t) => {
  const h = hosts!;
  const r = await runCliReport([`ssh://${h.hosts.a.alias}/dev/null`, `ssh://${h.hosts.b.alias}/dev/null`, '--ssh-config', h.sshConfig, '--deploy', '--probes', 'CTO1']);
  t.equal(r.code, 2);
  t.match(r.stderr, /^coprobe: side a: --deploy: ns-a \(\S+\) has no node on the PATH of a non-interactive ssh login: install the distribution's Node\.js there/m);
  t.equal(r.run, undefined, 'no run record: nothing ran');
});

t.test('--deploy with a --via side is refused: the prefix carries its own agent command', async (t) => {
  const r = await runCli(['run', '/tmp', '/tmp', '--via-a', 'ssh somewhere', '--deploy', '--probes', 'CTO1']);
  t.equal(r.code, 2);
  t.match(r.stderr, /--deploy copies coprobe over ssh:\/\/ sides only; side a is carried by --via-a: give it as ssh:\/\/host\/path, or install coprobe there and use --agent-command/);
});
