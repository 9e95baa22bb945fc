// `--deploy`: copy this coprobe to an ssh side's host (a per-version cache directory), verified, and run the agent from there.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { SetupError } from '../errors.js';
import { packageRoot, packageVersion } from '../package-info.js';
import { buildPack, MANIFEST_NAME, type DeployPack } from './deploy-pack.js';
import { probeWords, unpackWords } from './deploy-remote.js';
import { tarArchive } from './deploy-tar.js';
import { sshArgv, sshByHand, type SshTarget } from './ssh.js';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** The oldest Node the agent runs on (package.json's engines). */
export const MIN_NODE: [number, number, number] = [18, 19, 0];

/** What the remote host said in the probe. */
export interface RemoteProbe {
  node: string; execPath: string; platform: string; arch: string; triplet: string; libc: string; cache: string;
  dirs: { name: string; state: 'intact' | 'incomplete' | 'corrupt'; why?: string }[];
}

/** A side's deployed agent: where it is, how to start it, and what deploying it took. */
export interface Deployment {
  /** The deployed directory on the remote host (absolute). */
  dir: string;
  /** argv of the agent there: the remote's node (the one probed) and the copy's bin/coprobe.js. */
  agent: string[];
  /** False when an intact copy of this version was already there (nothing was sent). */
  copied: boolean;
  files: number;
  /** Bytes of the deployed files, and of the gzipped archive sent (0 when nothing was). */
  bytes: number; sentBytes: number;
  node: string; triplet: string;
  /** Milliseconds from the probe's start to a verified copy in place. */
  ms: number;
}

/** Whether a Node version string ("v18.20.4") is at least MIN_NODE. */
export function nodeRecentEnough(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const v = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let i = 0; i < 3; i++) if (v[i] !== MIN_NODE[i]) return v[i]! > MIN_NODE[i]!;
  return true;
}

/** Run words on the host through ssh with input on stdin; resolves with exit code and output, bounded by timeoutMs. */
function sshRun(t: SshTarget, words: string[], input: Buffer | undefined, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const argv = sshArgv(t, words);
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
    child.stdin.on('error', () => { /* the exit code says it */ });
    const timer = setTimeout(() => { stderr += `\n(no answer within ${timeoutMs} ms)`; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); resolve({ code: null, stdout, stderr: `cannot start ssh: ${err.message}` }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

/** The last JSON line of the output, or undefined. */
function lastJson<T>(stdout: string): T | undefined {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  try { return line ? JSON.parse(line) as T : undefined; } catch { return undefined; }
}

function where(t: SshTarget): string {
  return `${t.user ? `${t.user}@` : ''}${t.host}${t.port ? ` port ${t.port}` : ''}`;
}

/** Ask the host for its node, triplet and cache; SetupError (EDEPLOYSSH, EDEPLOYNODE) when it cannot run the agent. */
export async function probeRemote(side: string, t: SshTarget, version: string, timeoutMs: number): Promise<RemoteProbe> {
  const r = await sshRun(t, probeWords(version), undefined, timeoutMs);
  const missing = /^NODE-MISSING (\S*)/m.exec(r.stdout);
  if (missing) {
    throw new SetupError(`side ${side}: --deploy: ${where(t)} (${missing[1] || 'unknown machine'}) has no node on the PATH of a non-interactive ssh login: install the distribution's Node.js there (Debian, Ubuntu: apt-get install nodejs; coprobe needs ≥ ${MIN_NODE.join('.')}) or put it on that PATH, and run again`, 'EDEPLOYNODE');
  }
  const p = lastJson<RemoteProbe>(r.stdout);
  if (r.code !== 0 || !p || typeof p.node !== 'string') {
    const said = r.stderr.trim().split('\n').slice(-3).join(' | ');
    throw new SetupError(`side ${side}: --deploy: could not probe ${where(t)} through ssh (exit ${r.code}${said ? `: ${said}` : ''}): check that ${sshByHand(t)} logs in without a prompt and runs sh`, 'EDEPLOYSSH');
  }
  if (!nodeRecentEnough(p.node)) {
    throw new SetupError(`side ${side}: --deploy: ${where(t)} has Node ${p.node} (${p.execPath}); coprobe needs ≥ ${MIN_NODE.join('.')}: install a newer Node.js there (Debian 12's and Ubuntu 24.04's nodejs are recent enough) and run again`, 'EDEPLOYNODE');
  }
  if (p.platform !== 'linux') throw new SetupError(`side ${side}: --deploy: ${where(t)} runs ${p.platform}; coprobe's agent runs on Linux only`, 'EDEPLOYARCH');
  return p;
}

/** Packs built in this process, by triplet (both sides of one machine type share one). */
const packs = new Map<string, DeployPack>();
/** Deployments made or found in this process, by connection: a restarted agent reuses its side's without asking again. */
const done = new Map<string, Promise<Deployment>>();

/** Archives made in this process, by package: two sides of one machine type are sent the same bytes, gzipped once. */
const archives = new Map<DeployPack, Promise<Buffer>>();

/** The gzipped tar of a package, the manifest first (gzip runs off the event loop). */
function archiveOf(pack: DeployPack): Promise<Buffer> {
  let a = archives.get(pack);
  if (!a) {
    a = gzipAsync(tarArchive([{ path: MANIFEST_NAME, mode: 0o644, data: Buffer.from(pack.manifestText) }, ...pack.entries]), { level: 6 });
    archives.set(pack, a);
  }
  return a;
}

/** The package for a triplet (built once per process). */
function packFor(side: string, triplet: string, root: string, version: string): DeployPack {
  let p = packs.get(`${root}\0${triplet}`);
  if (!p) {
    try {
      p = buildPack(root, version, triplet);
    } catch (err) {
      if (err instanceof SetupError) throw new SetupError(`side ${side}: ${err.message}`, err.code);
      throw err;
    }
    packs.set(`${root}\0${triplet}`, p);
  }
  return p;
}

/** Probe, then reuse an intact copy of this package or send one (verified there, renamed into place). */
async function deployOnce(side: string, t: SshTarget, timeoutMs: number, root: string, version: string): Promise<Deployment> {
  const t0 = performance.now();
  const probe = await probeRemote(side, t, version, timeoutMs);
  const pack = packFor(side, probe.triplet, root, version);
  const dir = `${probe.cache}/${pack.dirName}`;
  const base = { dir, agent: [probe.execPath, `${dir}/bin/coprobe.js`, 'agent'], files: pack.entries.length, bytes: pack.bytes, node: probe.node, triplet: probe.triplet };
  const there = probe.dirs.find((d) => d.name === pack.dirName);
  if (there?.state === 'intact') return { ...base, copied: false, sentBytes: 0, ms: Math.round(performance.now() - t0) };
  if (there) {
    // Same version and contents, but not what was verified when it was made: coprobe never replaces a directory itself.
    throw new SetupError(`side ${side}: --deploy: ${dir} on ${where(t)} is not an intact copy (${there.why ?? there.state}): remove it (${sshByHand(t)} rm -rf ${dir}) and run again`, 'EDEPLOYCORRUPT');
  }
  const archive = await archiveOf(pack);
  // The archive is sent and unpacked within a bound that grows with its size (1 s per MB, at least timeoutMs).
  const r = await sshRun(t, unpackWords(probe.execPath, pack.dirName, pack.hash), archive, Math.max(timeoutMs, archive.length / 1000));
  const said = lastJson<{ result?: string; error?: string }>(r.stdout);
  if (r.code !== 0 || !said?.result) {
    const why = said?.error ?? (r.stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${r.code}`);
    throw new SetupError(`side ${side}: --deploy: copying coprobe ${version} to ${dir} on ${where(t)} failed: ${why}`, 'EDEPLOYVERIFY');
  }
  return { ...base, copied: said.result === 'copied', sentBytes: said.result === 'copied' ? archive.length : 0, ms: Math.round(performance.now() - t0) };
}

/**
 * The agent deployed on an ssh side's host: made at most once per host per process (concurrent sides share it).
 * SetupError with a stable code (EDEPLOYNODE, EDEPLOYARCH, EDEPLOYSSH, EDEPLOYCORRUPT, EDEPLOYVERIFY, EDEPLOYPACK).
 */
export function deployAgent(side: string, t: SshTarget, timeoutMs: number, root = packageRoot(), version = packageVersion()): Promise<{ deployment: Deployment; first: boolean }> {
  const key = JSON.stringify([t.host, t.user, t.port, t.sshConfig, root]);
  const known = done.get(key);
  if (known) return known.then((deployment) => ({ deployment, first: false }));
  const made = deployOnce(side, t, timeoutMs, root, version);
  done.set(key, made);
  made.catch(() => done.delete(key));
  return made.then((deployment) => ({ deployment, first: true }));
}

/** One line saying what --deploy did for a side. */
export function describeDeployment(side: string, t: SshTarget, d: Deployment): string {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const what = d.copied ? `copied (${d.files} files, ${mb(d.bytes)}; ${mb(d.sentBytes)} sent gzipped) and verified` : `reused (an intact copy: ${d.files} files, ${mb(d.bytes)}; nothing sent)`;
  return `side ${side}: --deploy: coprobe on ${where(t)} at ${d.dir}: ${what} in ${(d.ms / 1000).toFixed(1)} s; the agent runs with ${d.agent[0]} ${d.node} (${d.triplet})`;
}
