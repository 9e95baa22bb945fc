// Where coprobe is installed and which version it is (works from src/ under tap and from dist/ when built).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory holding coprobe's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).name === 'coprobe') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`coprobe: cannot find its package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** coprobe's version from package.json. */
export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
}

/** The built CLI entry point that `coprobe agent` runs from. */
export function cliEntry(): string {
  return join(packageRoot(), 'bin', 'coprobe.js');
}
