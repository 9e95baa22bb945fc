// The embedded default stack: two loop devices with direct I/O over one backing file (two page caches, one store).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SetupError } from './errors.js';

export interface LoopPair { a: string; b: string; backing: string; detach(): void }

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw new SetupError(`${cmd}: ${r.error.message}`, 'ELOOP');
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(' ')}: ${r.stderr.trim() || `exit ${r.status}`}`, 'ELOOP');
  return r.stdout.trim();
}

/** Create a sparse backing file and attach it twice with losetup --direct-io=on (needs root). */
export function attachLoopPair(sizeMiB = 64, dir = tmpdir()): LoopPair {
  if (process.getuid?.() !== 0) throw new SetupError('the embedded default stack (two loop devices over one file) needs root: run as root, or give two sides', 'EPERM');
  const work = mkdtempSync(join(dir, 'coprobe-loop-'));
  const backing = join(work, 'backing.img');
  const attached: string[] = [];
  const detach = () => {
    for (const dev of attached.splice(0)) spawnSync('losetup', ['-d', dev], { timeout: 30_000 });
    rmSync(work, { recursive: true, force: true });
  };
  try {
    sh('truncate', ['-s', `${sizeMiB}M`, backing]);
    attached.push(sh('losetup', ['--direct-io=on', '--find', '--show', backing]));
    attached.push(sh('losetup', ['--direct-io=on', '--find', '--show', backing]));
  } catch (err) {
    detach();
    throw err;
  }
  return { a: attached[0]!, b: attached[1]!, backing, detach };
}
