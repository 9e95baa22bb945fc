// `coprobe report FILE --format F`: re-render a stored run (run.json or a run's JSON-lines file) to stdout.
import { readRunFile } from '../report/document.js';
import { FORMATS, parseFormats } from '../report/formats.js';
import { renderTerminal } from '../report/terminal.js';
import { COLOUR, PLAIN, colourWanted } from '../report/colour.js';
import { UsageError } from '../errors.js';

/** The stored run rendered in one format ("text" on a TTY gets colour); ReportError when the file is not a run. */
export function reportCommand(file: string, format: string): string {
  const [f, ...more] = parseFormats(format);
  if (!f || more.length) throw new UsageError(`give one format to print (${FORMATS.map((x) => x.name).join(', ')}); to write several, use coprobe run --format`);
  const doc = readRunFile(file);
  return f.name === 'text' ? renderTerminal(doc, file, colourWanted(process.stdout) ? COLOUR : PLAIN) : f.render(doc);
}
