// What `--deploy` copies: coprobe's built package and its runtime dependency closure, koffi with one prebuilt binary.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../errors.js';
import type { TarEntry } from './deploy-tar.js';

/** The manifest's name inside a deployed directory (written last: a directory without it was never completed). */
export const MANIFEST_NAME = '.coprobe-deploy.json';
/** The package that carries prebuilt native binaries, one directory per platform triplet. */
const NATIVE_PACKAGE = 'koffi';
const NATIVE_BUILDS = 'build/koffi';
/** Directories of the native package used only to build it from source (its install script, which is never run). */
const NATIVE_BUILD_ONLY = new Set(['src', 'vendor', 'doc']);

/** One deployed file as the manifest lists it: path, size, mode bits, sha256 (hex). */
export type ManifestFile = [path: string, size: number, mode: number, sha256: string];

/** The manifest: what the deployed directory must hold, exactly. Its sha256 names the directory. */
export interface DeployManifest { coprobe: string; triplet: string; files: ManifestFile[] }

/** A package ready to send: its files, manifest (and its text), hash and directory name, total bytes. */
export interface DeployPack {
  version: string; triplet: string; hash: string; dirName: string;
  manifest: DeployManifest; manifestText: string; entries: TarEntry[]; bytes: number;
}

interface LockPackage { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; dev?: boolean; link?: boolean }

/** The lock's packages: package-lock.json, else npm's hidden lockfile in node_modules; SetupError when neither is there. */
function lockPackages(root: string): Record<string, LockPackage> {
  for (const f of [join(root, 'package-lock.json'), join(root, 'node_modules', '.package-lock.json')]) {
    if (!existsSync(f)) continue;
    const lock = JSON.parse(readFileSync(f, 'utf8')) as { packages?: Record<string, LockPackage> };
    if (lock.packages) return lock.packages;
  }
  throw new SetupError(`--deploy: no package-lock.json (lockfile v2 or v3) in ${root}: run npm install there`, 'EDEPLOYPACK');
}

/**
 * The runtime dependency closure: lock paths ("node_modules/yargs", nested "node_modules/a/node_modules/b") reached from
 * the root's dependencies by Node's resolution (nearest node_modules upwards), optional and peer dependencies when
 * installed; devDependencies are not followed. Sorted.
 */
export function runtimeClosure(root: string): string[] {
  const pk = lockPackages(root);
  const out = new Set<string>();
  const visit = (from: string, name: string, required: boolean): void => {
    for (let base = from; ;) {
      const cand = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (pk[cand]) {
        if (out.has(cand)) return;
        out.add(cand);
        follow(cand, pk[cand]!);
        return;
      }
      if (!base) {
        if (required) throw new SetupError(`--deploy: ${name} (needed by ${from || 'coprobe'}) is not in the lockfile: run npm install in ${root}`, 'EDEPLOYPACK');
        return;
      }
      const i = base.lastIndexOf('/node_modules/');
      base = i < 0 ? '' : base.slice(0, i);
    }
  };
  const follow = (at: string, p: LockPackage): void => {
    for (const d of Object.keys(p.dependencies ?? {})) visit(at, d, true);
    for (const d of Object.keys(p.optionalDependencies ?? {})) visit(at, d, false);
    for (const d of Object.keys(p.peerDependencies ?? {})) visit(at, d, false);
  };
  follow('', { dependencies: pk['']?.dependencies ?? {} });
  return [...out].sort();
}

/** The platform triplets the native package has prebuilt binaries for (linux_x64, musl_arm64, ...). */
export function nativeTriplets(root: string): string[] {
  const dir = join(root, 'node_modules', NATIVE_PACKAGE, NATIVE_BUILDS);
  try {
    return readdirSync(dir).filter((d) => existsSync(join(dir, d, `${NATIVE_PACKAGE}.node`))).sort();
  } catch {
    return [];
  }
}

/**
 * Files a runtime never loads: TypeScript sources and declarations (.ts, .d.ts, .cts, .mts; Node does not strip types
 * under node_modules) and source maps.
 */
export function runtimeIrrelevant(name: string): boolean {
  return /\.[cm]?ts$/.test(name) || name.endsWith('.map');
}

/** Every regular file under dir (relative "/" paths), skipping nested node_modules and what `skip` rejects. */
function walk(root: string, rel: string, skip: (rel: string, isDir: boolean) => boolean, out: string[]): void {
  const abs = join(root, rel);
  const st = statSync(abs);
  if (st.isFile()) { if (!skip(rel, false)) out.push(rel); return; }
  if (!st.isDirectory() || skip(rel, true)) return;
  for (const e of readdirSync(abs).sort()) {
    if (e === 'node_modules') continue; // nested packages are lock entries of their own
    walk(root, `${rel}/${e}`, skip, out);
  }
}

/** The package's own files: package.json and what its "files" field names (bin, dist, ...), without maps and types. */
function ownFiles(root: string): string[] {
  const pj = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files?: string[]; bin?: Record<string, string> };
  const out = ['package.json'];
  for (const f of pj.files ?? ['bin', 'dist']) {
    if (!existsSync(join(root, f))) {
      if (f === 'dist') throw new SetupError(`--deploy: ${root} is not built (no dist/): run npm run build there`, 'EDEPLOYPACK');
      continue;
    }
    walk(root, f, (rel) => runtimeIrrelevant(rel), out);
  }
  return out;
}

/** The files of the runtime dependencies, the native package reduced to the one triplet's binary. */
function dependencyFiles(root: string, triplet: string): string[] {
  const out: string[] = [];
  for (const dir of runtimeClosure(root)) {
    if (!existsSync(join(root, dir, 'package.json'))) throw new SetupError(`--deploy: ${dir} is in the lockfile but not installed: run npm install in ${root}`, 'EDEPLOYPACK');
    const native = dir === `node_modules/${NATIVE_PACKAGE}`;
    walk(root, dir, (rel, isDir) => {
      if (runtimeIrrelevant(rel)) return true;
      if (!native || !isDir) return false;
      const inner = rel.slice(dir.length + 1);
      if (NATIVE_BUILD_ONLY.has(inner)) return true;
      return inner.startsWith(`${NATIVE_BUILDS}/`) && inner !== `${NATIVE_BUILDS}/${triplet}`;
    }, out);
  }
  return out;
}

/** sha256 (hex) of some bytes. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Build the package for a remote whose native triplet is `triplet`; SetupError (EDEPLOYARCH) when there is no binary for it. */
export function buildPack(root: string, version: string, triplet: string): DeployPack {
  const triplets = nativeTriplets(root);
  if (!triplets.includes(triplet)) {
    throw new SetupError(`--deploy: ${NATIVE_PACKAGE} has no prebuilt binary for ${triplet} (it has: ${triplets.join(', ') || 'none'}): install coprobe on that host by hand (npm install builds it there) and use --agent-command`, 'EDEPLOYARCH');
  }
  const paths = [...ownFiles(root), ...dependencyFiles(root, triplet)];
  const entries: TarEntry[] = [];
  const files: ManifestFile[] = [];
  let bytes = 0;
  for (const p of paths) {
    const data = readFileSync(join(root, p));
    // Modes as the package has them, reduced to rw-r--r-- or rwxr-xr-x: the copy is never writable by others.
    const mode = statSync(join(root, p)).mode & 0o100 ? 0o755 : 0o644;
    entries.push({ path: p, mode, data });
    files.push([p, data.length, mode, sha256(data)]);
    bytes += data.length;
  }
  const manifest: DeployManifest = { coprobe: version, triplet, files };
  const manifestText = JSON.stringify(manifest);
  const hash = sha256(manifestText).slice(0, 16);
  return { version, triplet, hash, dirName: `agent-${version}-${hash}`, manifest, manifestText, entries, bytes };
}
