// Write the lab's index beside lab.json: lab.html, lab.md and lab.junit.xml, from lab.json and the scenarios' report directories.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from './errors.js';
import { loadLabIndex, type LabIndex } from './index-model.js';
import { renderLabIndexHtml } from './index-html.js';
import { renderLabIndexMarkdown } from './index-md.js';
import { renderLabJunit } from './index-junit.js';

/** The index's files, each with its renderer (links relative to the file, which sits beside lab.json). */
const FILES: readonly [string, (ix: LabIndex, outPath: string) => string][] = [
  ['lab.html', (ix, outPath) => renderLabIndexHtml(ix, { outPath })],
  ['lab.md', (ix, outPath) => renderLabIndexMarkdown(ix, { outPath })],
  ['lab.junit.xml', (ix) => renderLabJunit(ix)],
];

/**
 * Read the lab in `dir` (lab.json, <dir>/<scenario>/) and write its index files there; returns their paths. LabError
 * LAB_INDEX when lab.json cannot be read or a file cannot be written.
 */
export function writeLabIndex(dir: string): string[] {
  const ix = loadLabIndex(dir);
  return FILES.map(([name, render]) => {
    const path = join(dir, name);
    try {
      writeFileSync(path, render(ix, path));
    } catch (err) {
      throw new LabError('LAB_INDEX', `cannot write ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): check that the report directory is writable`);
    }
    return path;
  });
}
