// Debian's kernel package for the lab: fetched with apt-get download, unpacked with dpkg -x (never installed), its
// vmlinux extracted and its modules indexed with depmod, all cached per package so the next run starts in seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LabError } from './errors.js';
import { extractVmlinux } from './vmlinux.js';

/** Debian's generic amd64 kernel metapackage: it depends on the current linux-image-<abi>-amd64 (which has 9p; cloud does not). */
export const KERNEL_METAPACKAGE = 'linux-image-amd64';

/** A kernel ready to boot: its ELF image and the module tree the guest mounts as /lib/modules. */
export interface LabKernel {
  package: string;
  version: string;
  /** uname -r of the kernel (the directory under lib/modules). */
  release: string;
  dir: string;
  vmlinux: string;
  /** The directory holding lib/modules/<release> (modprobe -d takes it). */
  root: string;
  /** The directory shared to the guest as /lib/modules. */
  modules: string;
}

/** The cache directory: $XDG_CACHE_HOME/coprobe/lab, else ~/.cache/coprobe/lab. */
export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'coprobe', 'lab');
}

function run(cmd: string, args: string[], cwd?: string, timeoutMs = 600_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...(cwd ? { cwd } : {}), maxBuffer: 64 << 20, timeout: timeoutMs, killSignal: 'SIGKILL' });
  if (r.error) throw new LabError('LAB_KERNEL', `cannot run ${cmd} ${args.join(' ')} (${r.error.message}${(r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `: no answer within ${timeoutMs / 1000} s` : ''})`);
  if (r.status !== 0) throw new LabError('LAB_KERNEL', `${cmd} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  return r.stdout;
}

/** The concrete kernel package to boot: the one given, or what linux-image-amd64 depends on in the apt lists. */
export function resolveKernelPackage(given?: string): string {
  if (given) {
    if (!/^linux-image-[\w.+-]+$/.test(given)) throw new LabError('LAB_KERNEL', `--kernel-package "${given}": give a Debian kernel package name such as linux-image-6.1.0-NN-amd64`);
    return given;
  }
  let out: string;
  try {
    out = run('apt-cache', ['depends', KERNEL_METAPACKAGE]);
  } catch (err) {
    throw new LabError('LAB_KERNEL', `cannot resolve ${KERNEL_METAPACKAGE} (${(err as Error).message}): run apt-get update, or name the package with --kernel-package`);
  }
  const dep = /Depends:\s*(linux-image-\S+)/.exec(out)?.[1];
  if (!dep) throw new LabError('LAB_KERNEL', `${KERNEL_METAPACKAGE} names no kernel in the apt lists: run apt-get update, or use --kernel-package`);
  return dep;
}

/** The cached kernel for a package, if a complete one is there. */
export function cachedKernel(cacheDir: string, pkg: string): LabKernel | undefined {
  const dir = join(cacheDir, pkg);
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'kernel.json'), 'utf8')) as { package: string; version: string; release: string };
    const k = kernelAt(dir, meta);
    return existsSync(k.vmlinux) && existsSync(join(k.modules, meta.release, 'modules.dep')) ? k : undefined;
  } catch {
    return undefined;
  }
}

function kernelAt(dir: string, meta: { package: string; version: string; release: string }): LabKernel {
  return { ...meta, dir, vmlinux: join(dir, 'vmlinux'), root: join(dir, 'root'), modules: join(dir, 'root', 'lib', 'modules') };
}

/** Remove build directories left by fetches whose process is gone (killed outright: its own cleanup never ran). */
export function removeAbandonedBuilds(cacheDir: string): void {
  for (const d of readdirSync(cacheDir)) {
    const pid = /^\.build-.+-(\d+)$/.exec(d)?.[1];
    if (!pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(cacheDir, d), { recursive: true, force: true });
    }
  }
}

/** Fetch, unpack and index a kernel package into the cache (built aside, then renamed into place). */
export function fetchKernel(cacheDir: string, pkg: string, log: (l: string) => void): LabKernel {
  mkdirSync(cacheDir, { recursive: true });
  removeAbandonedBuilds(cacheDir);
  const dir = join(cacheDir, pkg);
  const tmp = join(cacheDir, `.build-${pkg}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    log(`lab: fetching ${pkg} (apt-get download; not installed)`);
    try {
      run('apt-get', ['download', '-q', '-o', 'APT::Sandbox::User=root', pkg], tmp);
    } catch (err) {
      throw new LabError('LAB_KERNEL', `${(err as Error).message}; check the package name and run apt-get update`);
    }
    const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
    if (!deb) throw new LabError('LAB_KERNEL', `apt-get download ${pkg} left no .deb`);
    const version = run('dpkg-deb', ['-f', join(tmp, deb), 'Version']).trim();
    const x = join(tmp, 'x');
    run('dpkg', ['-x', join(tmp, deb), x]);
    const releases = existsSync(join(x, 'lib', 'modules')) ? readdirSync(join(x, 'lib', 'modules')) : [];
    if (releases.length !== 1) throw new LabError('LAB_KERNEL', `${pkg}: expected one module tree under lib/modules, found ${releases.length}: is it a kernel image package?`);
    const release = releases[0]!;
    const vmlinuz = join(x, 'boot', `vmlinuz-${release}`);
    if (!existsSync(vmlinuz)) throw new LabError('LAB_KERNEL', `${pkg}: no boot/vmlinuz-${release}`);
    writeFileSync(join(tmp, 'vmlinux'), extractVmlinux(readFileSync(vmlinuz), `${pkg}'s vmlinuz`));
    mkdirSync(join(tmp, 'root', 'lib'), { recursive: true });
    renameSync(join(x, 'lib', 'modules'), join(tmp, 'root', 'lib', 'modules'));
    // The package's postinst would run depmod; the lab never installs it, so index the modules here.
    run('depmod', ['-b', join(tmp, 'root'), release]);
    rmSync(x, { recursive: true, force: true });
    rmSync(join(tmp, deb), { force: true });
    writeFileSync(join(tmp, 'kernel.json'), JSON.stringify({ package: pkg, version, release }, null, 2));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return kernelAt(dir, { package: pkg, version, release });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
