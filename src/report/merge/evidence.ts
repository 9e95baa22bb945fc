// Where a cell's link goes: the run.html beside a run's JSON when it is that run's report, else the JSON; relative hrefs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The file holding a run's evidence for a reader: `run.html` in the run file's directory (the report layout
 * out/run.json, out/run.html...) when it names this run's id — a reports directory keeps run.html of its latest run only,
 * next to older runs' .jsonl files — else the run file itself.
 */
export function evidenceFile(path: string, runId: string): string {
  const html = join(dirname(path), 'run.html');
  if (!existsSync(html)) return path;
  try {
    return readFileSync(html, 'utf8').includes(runId) ? html : path;
  } catch {
    return path;
  }
}

/** A link to `target` from a file written at `outPath`: relative to outPath's directory, '/'-separated, each segment URL-encoded (parentheses too, for Markdown). */
export function hrefFrom(outPath: string, target: string): string {
  const rel = relative(dirname(resolve(outPath)), resolve(target)) || '.';
  const enc = (s: string) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return rel.split(sep).map((s) => (s === '..' || s === '.' ? s : enc(s))).join('/');
}
