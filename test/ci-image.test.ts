// The CI image (ci/Containerfile, ci/build-image.sh, ci/packages/*.txt): checked statically here, and against a built image
// when COPROBE_IMAGE names one (.ci/run sets it after `bash ci/build-image.sh`): the lab's listing and its requirements
// inside, Debian's Node 18, and a loop-pair run whose reports are read back.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/package-info.js';

const root = packageRoot();
const read = (p: string) => readFileSync(join(root, p), 'utf8');
/** A ci/packages list's packages (one a line, '#' comments dropped). */
const list = (name: string) => read(`ci/packages/${name}.txt`).split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);

t.test('the package lists: one Debian package name a line, none twice within a list', async (t) => {
  for (const name of ['runtime', 'lab']) {
    const pkgs = list(name);
    t.ok(pkgs.length > 5, `${name}.txt lists packages`);
    for (const p of pkgs) t.match(p, /^[a-z0-9][a-z0-9.+-]+$/, `${name}.txt: "${p}" is a package name alone on its line`);
    t.same(pkgs.length, new Set(pkgs).size, `${name}.txt names each package once`);
  }
  t.ok(list('runtime').includes('nodejs'), 'runtime.txt has Debian\'s nodejs (the image runs coprobe on Node 18)');
});

t.test('lab.txt has every package src/lab/requirements.ts names, and ci/ceph.sh\'s commands', async (t) => {
  const named = [...read('src/lab/requirements.ts').matchAll(/pkg: '([^']+)'/g)].map((m) => m[1]!);
  t.ok(named.length > 15, 'requirements.ts names its packages');
  const lab = new Set(list('lab'));
  t.same([...new Set(named)].filter((p) => !lab.has(p)), [], 'no package of requirements.ts missing from lab.txt');
  // ci/ceph.sh (the Ceph scenarios' cluster) runs uuidgen and fusermount: packages no command check above names.
  t.ok(lab.has('uuid-runtime') && lab.has('fuse3'), 'uuid-runtime (uuidgen) and fuse3 (fusermount) for ci/ceph.sh');
});

t.test('the Containerfile and the build script install from the shared lists, not from copies', async (t) => {
  const cf = read('ci/Containerfile');
  t.match(cf, /^COPY ci\/packages\/ \/usr\/share\/coprobe\/packages\/$/m, 'the lists are copied into the image');
  t.match(cf, /sed 's\/#\.\*\/\/' \/usr\/share\/coprobe\/packages\/runtime\.txt \/usr\/share\/coprobe\/packages\/lab\.txt\s*\\?\s*\|\s*xargs apt-get install -y -qq --no-install-recommends/, 'apt-get installs exactly the lists');
  t.notMatch(cf, /apt-get install[^\n\\]* [a-z][a-z0-9-]+\s*(&&|$)/m, 'no package named inline on an apt-get install line');
  t.match(cf, /^ARG BASE=localhost\/coprobe-base:bookworm$/m, 'the base defaults to the mmdebstrap-made one');
  t.match(cf, /policy-rc\.d/, 'service start-up refused (the lab\'s guest starts its own)');
  const sh = read('ci/build-image.sh');
  t.match(sh, /packages ci\/packages\/runtime\.txt/, 'mmdebstrap includes runtime.txt');
  t.match(sh, /mmdebstrap --quiet --variant=minbase/, 'the base is mmdebstrap\'s minbase');
  // One dpkg path filter for both layers (no docs, manual pages or translations).
  t.match(sh, /--dpkgopt=ci\/packages\/dpkg-excludes\.cfg/, 'mmdebstrap applies ci/packages/dpkg-excludes.cfg');
  t.match(cf, /cp \/usr\/share\/coprobe\/packages\/dpkg-excludes\.cfg \/etc\/dpkg\/dpkg\.cfg\.d\//, 'so does the Containerfile, before its apt-get install');
  const n = spawnSync('bash', ['-n', join(root, 'ci/build-image.sh')], { encoding: 'utf8' });
  t.equal(n.status, 0, `bash -n ci/build-image.sh is clean ${n.stderr}`);
});

t.test('ci/install-deps.sh installs the shared lists', { todo: /ci\/packages\//.test(read('ci/install-deps.sh')) ? false : 'ci/install-deps.sh does not read ci/packages/*.txt yet' }, async (t) => {
  t.match(read('ci/install-deps.sh'), /ci\/packages\/lab\.txt/, 'install-deps.sh reads lab.txt');
  t.match(read('ci/install-deps.sh'), /ci\/packages\/runtime\.txt/, 'install-deps.sh reads runtime.txt');
});

t.test('the GitHub Actions workflow has a job that builds the image and runs the lab in it', async (t) => {
  const yml = read('ci/github-actions-lab.yml');
  const job = /\n  lab-image:\n([\s\S]*?)(?=\n  [a-z][\w-]*:\n|$)/.exec(yml)?.[1] ?? '';
  t.ok(job, 'a lab-image job');
  t.match(job, /bash ci\/build-image\.sh stage /, 'it stages the context with the script');
  t.match(job, /file: .*\/Containerfile$/m, 'it builds ci/Containerfile');
  t.match(job, /--privileged/, 'it runs the image privileged');
  t.match(job, /coprobe lab /, 'it runs the lab in the image');
});

// Against a built image: .ci/run sets COPROBE_IMAGE after building it.
const image = process.env.COPROBE_IMAGE;
const noImage = image ? false : 'set COPROBE_IMAGE to a built image (bash ci/build-image.sh; .ci/run does both)';
/** `podman run` in the image through the build script (which knows this host's podman options). */
const inImage = (args: string[], opts: string[] = []) =>
  spawnSync('bash', [join(root, 'ci/build-image.sh'), 'run', '--tag', image!, ...opts, '--', ...args], { encoding: 'utf8', timeout: 300_000 });

t.test('in the image: Debian\'s Node 18, `coprobe lab --list`, and nothing the lab needs missing', { skip: noImage }, async (t) => {
  const node = inImage(['node', '--version']);
  t.equal(node.status, 0, node.stderr);
  t.match(node.stdout, /^v18\.(19|[2-9]\d)\./, 'node is Debian 12\'s (18.19 or later)');
  const listing = inImage(['coprobe', 'lab', '--list']);
  t.equal(listing.status, 0, `coprobe lab --list exits 0 ${listing.stderr}`);
  for (const s of ['nfs3-sync', 'nfs42-sync', 'iscsi']) t.match(listing.stdout, new RegExp(`^\\* ${s} `, 'm'), `default scenario ${s} listed`);
  for (const s of ['cephfs-kernel', 'krbd', 'ceph-fuse']) t.match(listing.stdout, new RegExp(`^  ${s} `, 'm'), `scenario ${s} listed`);
  // requirements.ts's own check, every service at once, as the lab makes it before booting.
  const services = ['nfs-server', 'client-b-namespaces', 'iscsi-target', 'iscsi-initiator', 'ceph', 'ceph-fuse'];
  const req = inImage(['node', '-e', `import('/opt/coprobe/dist/src/lab/requirements.js').then((m) => { m.checkRequirements(${JSON.stringify(services)}); console.log('missing:' + JSON.stringify(m.missingPackages(${JSON.stringify(services)}))); })`]);
  t.equal(req.status, 0, `checkRequirements passes for every service ${req.stderr}`);
  t.match(req.stdout, /^missing:\[\]$/m, 'no package missing');
});

t.test('in the image: a loop-pair run (SHARE1, HAND1) on Node 18, its reports read back', { skip: noImage }, async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'coprobe-ci-image-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  const r = inImage(['coprobe', 'run', '--probes', 'SHARE1,HAND1', '--report', '/out', '--format', 'json,junit'], ['-v', `${out}:/out`]);
  t.equal(r.status, 0, `exit 0: the loop pair's stale reads are WARNs (block storage), nothing FAILed ${r.stderr.slice(-2000)}`);
  t.ok(existsSync(join(out, 'run.json')) && existsSync(join(out, 'run.junit.xml')), 'run.json and run.junit.xml written');
  const report = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  for (const side of ['a', 'b'] as const) {
    const s = report.run.sides[side];
    t.match(s.host.node, /^v18\./, `side ${side}'s agent ran on Node 18`);
    t.equal(s.target.details.block.transport, 'loop', `side ${side} is a loop device`);
    t.equal(s.target.details.block.loopDirectIo, true, `side ${side}'s loop device uses direct I/O`);
  }
  t.equal(report.end.exitCode, 0, 'the report\'s exit code');
  t.same(report.end.counts.FAIL ?? 0, 0, 'no FAIL');
  t.ok(report.probes.some((p: { probe: string }) => p.probe === 'SHARE1') && report.probes.some((p: { probe: string }) => p.probe === 'HAND1'), 'SHARE1 and HAND1 ran');
  // The handoff on two page caches over one store (README, "What the loop pair shows"): writeback is UNSAFE without
  // QEMU's drop-cache and SAFE with it; none is SAFE.
  const verdict = (mode: string, behaviour: string) => report.verdicts.verdicts.find((v: { mode: string; behaviour: string }) => v.mode === mode && v.behaviour === behaviour)?.verdict;
  t.equal(verdict('writeback', 'no-drop-cache'), 'UNSAFE', 'writeback without drop-cache: UNSAFE');
  t.equal(verdict('writeback', 'drop-cache'), 'SAFE', 'writeback with drop-cache: SAFE');
  t.equal(verdict('none', 'no-drop-cache'), 'SAFE', 'none: SAFE');
  t.match(readFileSync(join(out, 'run.junit.xml'), 'utf8'), /<testsuites name="coprobe" tests="\d+" failures="0"/, 'JUnit: no failure');
});
