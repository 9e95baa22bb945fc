// Terminal colour: only on a TTY, never under NO_COLOR or TERM=dumb; every outcome and verdict has its colour.
import type { Outcome } from '../outcome.js';
import type { Verdict } from '../verdict/types.js';

/** How a renderer marks outcomes, verdicts and warnings; PLAIN leaves text as is. */
export interface Paint {
  outcome(o: Outcome, text: string): string;
  verdict(v: Verdict, text: string): string;
  warn(text: string): string;
}

const SGR = { red: '31', green: '32', yellow: '33', magenta: '35', cyan: '36', dim: '2', boldRed: '1;31', boldYellow: '1;33' } as const;
type Colour = keyof typeof SGR;

/** The colour of each outcome (every outcome mapped). */
export const OUTCOME_COLOUR: Record<Outcome, Colour> = {
  PASS: 'green', WARN: 'yellow', UNSUPPORTED: 'cyan', OMIT: 'dim', KNOWN: 'magenta', FAIL: 'boldRed', HUNG: 'boldRed', LOST: 'boldRed',
};
/** The colour of each verdict. */
export const VERDICT_COLOUR: Record<Verdict, Colour> = { SAFE: 'green', UNSAFE: 'boldRed', UNKNOWN: 'yellow' };

const wrap = (c: Colour, s: string) => `\x1b[${SGR[c]}m${s}\x1b[0m`;

export const PLAIN: Paint = { outcome: (_o, s) => s, verdict: (_v, s) => s, warn: (s) => s };
export const COLOUR: Paint = {
  outcome: (o, s) => wrap(OUTCOME_COLOUR[o], s), verdict: (v, s) => wrap(VERDICT_COLOUR[v], s), warn: (s) => wrap('boldYellow', s),
};

/** Whether to colour output to this stream: a TTY, NO_COLOR unset or empty (no-color.org), TERM not dumb. */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
