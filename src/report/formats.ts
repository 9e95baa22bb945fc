// Report formats, registered by name (fio-ioengine style): each renders a run document to one file's text.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunDocument } from './document.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';
import { renderJunit } from './junit.js';
import { renderTap } from './tap.js';
import { renderHtml } from './html/render.js';
import { UsageError } from '../errors.js';

export interface ReportFormat {
  /** What `--format` names it. */
  name: string;
  /** File name it is written to under --report. */
  file: string;
  describe: string;
  render(doc: RunDocument): string;
}

/** Every format, in the order they are listed. */
export const FORMATS: readonly ReportFormat[] = [
  { name: 'json', file: 'run.json', describe: 'the run document (result schema), read by every renderer and by `coprobe report`', render: (d) => JSON.stringify(d, null, 1) + '\n' },
  { name: 'md', file: 'run.md', describe: 'Markdown tables for an issue or a wiki', render: renderMarkdown },
  { name: 'html', file: 'run.html', describe: 'one self-contained page: stack, confounders, verdicts, claims, evidence with transcripts, stale-block maps, staleness-window charts', render: renderHtml },
  { name: 'junit', file: 'run.junit.xml', describe: 'JUnit XML for CI: one testcase per probe run; FAIL a failure, HUNG/LOST errors, OMIT/UNSUPPORTED/KNOWN skipped', render: renderJunit },
  { name: 'tap', file: 'run.tap', describe: 'TAP 14 for the tap ecosystem, the same mapping (KNOWN as TODO)', render: renderTap },
  { name: 'text', file: 'run.txt', describe: 'the terminal report, without colour', render: (d) => renderTerminal(d) },
];

/** Check a registry: unique names and files, each with a renderer (validated at load, naming the format). */
export function validateFormats(list: readonly ReportFormat[]): readonly ReportFormat[] {
  const seen = new Set<string>();
  for (const f of list) {
    if (!/^[a-z]+$/.test(f.name)) throw new Error(`report format "${f.name}": name must be lower-case letters`);
    if (seen.has(f.name) || seen.has(`file:${f.file}`)) throw new Error(`report format "${f.name}": name or file ${f.file} registered twice`);
    if (typeof f.render !== 'function') throw new Error(`report format "${f.name}": no render function`);
    seen.add(f.name).add(`file:${f.file}`);
  }
  return list;
}
validateFormats(FORMATS);

/** Formats from a comma-separated list ("json,md,html"); UsageError naming an unknown one and the known ones. */
export function parseFormats(spec: string | string[]): ReportFormat[] {
  const names = (Array.isArray(spec) ? spec : [spec]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const out: ReportFormat[] = [];
  for (const n of names) {
    const f = FORMATS.find((x) => x.name === n);
    if (!f) throw new UsageError(`unknown report format "${n}": choose from ${FORMATS.map((x) => x.name).join(', ')}`);
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

/** Write each format's file under dir; returns the paths written. */
export function writeReports(dir: string, doc: RunDocument, formats: readonly ReportFormat[]): string[] {
  mkdirSync(dir, { recursive: true });
  return formats.map((f) => {
    const path = join(dir, f.file);
    writeFileSync(path, f.render(doc));
    return path;
  });
}
