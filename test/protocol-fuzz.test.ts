// Fuzz the protocol parsers with generated input (seeded, bounded): each returns a valid value or a protocol error, never anything else.
import t from 'tap';
import { performance } from 'node:perf_hooks';
import { parseResponse, unsafeShape } from '../src/protocol/response.js';
import { parseRequest, COMMAND_NAMES, type CommandName } from '../src/protocol/commands.js';
import { LineReader } from '../src/protocol/lines.js';
import { ProtocolError } from '../src/errors.js';
import { transcriptEntrySchema } from '../src/report/schema/transcript.js';

const SEED = Number(process.env.COPROBE_FUZZ_SEED ?? 0x5eed7);
const CASES = Number(process.env.COPROBE_FUZZ_CASES ?? 3000);

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from the seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const NASTY_NUMBERS = ['1e400', '-1e400', '9007199254740993', '-0', '1.5', '-1', '1e-400', '123456789012345678901234567890', '0x10', 'NaN', 'Infinity'];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];
const JSON_CHARS = '{}[]":,0123456789-+.eEtruefalsn\\ \t\n\u0000\u00ff\ud800';

/** A random JSON value, as text, at most `depth` levels deep. */
function randomJson(r: Rng, depth: number): string {
  const k = depth <= 0 ? r.int(4) : r.int(6);
  switch (k) {
    case 0: return r.pick(['null', 'true', 'false']);
    case 1: return r.chance(0.3) ? r.pick(NASTY_NUMBERS) : String(r.int(1e6));
    case 2: return JSON.stringify(r.pick(['', 'x', 'ünïcødé', '\u0000', 'a"b', '\ud83d\ude00']));
    case 3: return JSON.stringify(r.int(100).toString(36));
    case 4: return `[${Array.from({ length: r.int(4) }, () => randomJson(r, depth - 1)).join(',')}]`;
    default: return `{${Array.from({ length: r.int(4) }, () => `${JSON.stringify(r.chance(0.2) ? r.pick(NASTY_KEYS) : `k${r.int(10)}`)}:${randomJson(r, depth - 1)}`).join(',')}}`;
  }
}

/** A valid transcript entry. */
function entry(r: Rng, cmd: string): object {
  const calls = Array.from({ length: r.int(4) }, () => ({ call: r.pick(['pread', 'pwrite', 'fsync']), at: r.int(100), dur: r.int(100), ret: r.int(4097) - 1, ...(r.chance(0.3) ? { errno: 'EIO' } : {}) }));
  return { seq: 1 + r.int(1000), cmd, args: { h: 'f' }, t0: 1_700_000_000_000_000 + r.int(1e6), t1: 1_700_000_000_100_000 + r.int(1e6), ok: r.chance(0.8), calls };
}

/** A valid response line to request `id` of `cmd`. */
function validResponse(r: Rng, id: number, cmd: string): string {
  if (r.chance(0.7)) return JSON.stringify({ id, ok: true, result: JSON.parse(randomJson(r, 3).replace(/1e400|-1e400|9007199254740993|-0|1e-400|123456789012345678901234567890|0x10|NaN|Infinity/g, '1').replace(/"(__proto__)"/g, '"p"')), entry: entry(r, cmd) });
  return JSON.stringify({ id, ok: false, error: { code: 'EIO', message: 'read failed', ...(r.chance(0.5) ? { errno: 5, errnoName: 'EIO' } : {}) }, ...(r.chance(0.7) ? { entry: entry(r, cmd) } : {}) });
}

/** One way of breaking a valid line. */
function mutate(r: Rng, line: string): string {
  switch (r.int(8)) {
    case 0: { // random bytes, decoded as the client decodes them
      const b = Buffer.alloc(r.int(300));
      for (let i = 0; i < b.length; i++) b[i] = r.int(256);
      return b.toString('utf8');
    }
    case 1: return line.slice(0, r.int(line.length)); // truncated
    case 2: { // character edits
      let s = line;
      for (let n = 1 + r.int(4); n > 0; n--) {
        const at = r.int(s.length + 1);
        const op = r.int(3);
        const ch = JSON_CHARS[r.int(JSON_CHARS.length)]!;
        s = op === 0 ? s.slice(0, at) + ch + s.slice(at) : op === 1 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + ch + s.slice(at + 1);
      }
      return s;
    }
    case 3: return line.replace(/"(id|seq|t0|t1|at|dur|ret)":-?\d+/, (_m, k: string) => `"${k}":${r.pick(NASTY_NUMBERS)}`); // huge numbers
    case 4: { // deep nesting somewhere
      const d = r.pick([40, 63, 64, 65, 1000, 100_000]);
      const nest = r.chance(0.5) ? `${'['.repeat(d)}1${']'.repeat(d)}` : `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`;
      return line.replace(/"(result|args)":/, `"$1":${nest},"was":`);
    }
    case 5: // prototype-pollution keys at the top, in the result, in args, in the error
      return line.replace(r.pick([/^\{/, /"result":\{/, /"args":\{/, /"error":\{/]), (m) => `${m}${JSON.stringify(r.pick(NASTY_KEYS))}:${r.pick(['{"polluted":true}', '"x"', 'null', '[1]'])},`);
    case 6: { // a field replaced, removed or added at the top level
      const obj = JSON.parse(line) as Record<string, unknown>;
      const key = r.pick(['id', 'ok', 'result', 'error', 'entry', 'extra']);
      if (r.chance(0.4)) delete obj[key]; else obj[key] = JSON.parse(randomJson(r, 2).replace(/1e400|-1e400|1e-400|NaN|Infinity|0x10|-0/g, '2'));
      return JSON.stringify(obj);
    }
    default: return randomJson(r, 4); // any JSON at all
  }
}

t.test(`parseResponse on ${CASES} generated lines (seed ${SEED}): a valid response or a ProtocolError, nothing else`, async (t) => {
  const r = prng(SEED);
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const tally = { accepted: 0, rejected: 0, validAccepted: 0 };
  const t0 = performance.now();
  const cmds: CommandName[] = ['ping', 'read', 'write', 'fsync', 'verify'];
  for (let i = 0; i < CASES; i++) {
    const id = 1 + r.int(1000);
    const cmd = r.pick(cmds);
    const valid = validResponse(r, id, cmd);
    const line = i % 10 === 0 ? valid : mutate(r, valid);
    let res;
    try {
      res = parseResponse('b', line, { id, cmd });
    } catch (err) {
      if (!(err instanceof ProtocolError) || !err.message.startsWith('side b: protocol error: ')) {
        t.fail(`case ${i}: threw ${(err as Error)?.name}: ${(err as Error)?.message} for ${JSON.stringify(line.slice(0, 200))}`);
        return;
      }
      if (i % 10 === 0) t.fail(`case ${i}: a valid response was refused: ${err.message}`);
      tally.rejected++;
      continue;
    }
    // What was accepted must be a response to this request, shaped as the client expects.
    const ok = res.id === id && typeof res.ok === 'boolean' && unsafeShape(res) === null
      && (res.ok ? transcriptEntrySchema.safeParse(res.entry).success : typeof res.error?.code === 'string' && typeof res.error.message === 'string');
    if (!ok) { t.fail(`case ${i}: accepted a malformed response ${JSON.stringify(line.slice(0, 200))}`); return; }
    tally.accepted++;
    if (i % 10 === 0) tally.validAccepted++;
  }
  const ms = performance.now() - t0;
  t.equal(tally.validAccepted, Math.ceil(CASES / 10), 'every unmutated response accepted');
  t.ok(tally.rejected > CASES / 2, `most mutations refused (${tally.rejected} refused, ${tally.accepted} accepted)`);
  t.same(Object.getOwnPropertyNames(Object.prototype).sort(), before, 'Object.prototype untouched');
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'no polluted property on plain objects');
  t.comment(`${CASES} lines in ${ms.toFixed(0)} ms: ${tally.accepted} accepted, ${tally.rejected} refused`);
  t.ok(ms < 20_000, `bounded: ${ms.toFixed(0)} ms`);
});

t.test(`parseRequest (the agent's side) on ${CASES} generated lines: a validated request or an error value, never a throw`, async (t) => {
  const r = prng(SEED + 1);
  const tally = { ok: 0, errors: {} as Record<string, number> };
  for (let i = 0; i < CASES; i++) {
    const cmd = r.chance(0.9) ? r.pick(COMMAND_NAMES) : r.pick(['format', '__proto__', 'constructor', '']);
    const valid = JSON.stringify({ id: r.int(100), cmd, h: 'f', gen: 1, first: 0, count: 1 });
    const line = r.chance(0.1) ? valid : mutate(r, valid);
    let res;
    try {
      res = parseRequest(line);
    } catch (err) {
      t.fail(`case ${i}: parseRequest threw ${(err as Error).message} for ${JSON.stringify(line.slice(0, 200))}`);
      return;
    }
    if (res.ok) {
      if (!COMMAND_NAMES.includes(res.req.cmd) || !Number.isInteger(res.req.id) || unsafeShape(res.req) !== null) {
        t.fail(`case ${i}: accepted ${JSON.stringify(line.slice(0, 200))}`);
        return;
      }
      tally.ok++;
    } else {
      tally.errors[res.error.code] = (tally.errors[res.error.code] ?? 0) + 1;
      if (!(res.error.id === null || Number.isInteger(res.error.id))) t.fail(`case ${i}: error id ${res.error.id}`);
    }
  }
  t.ok(tally.ok > 0 && Object.keys(tally.errors).length === 3, `accepted ${tally.ok}, errors ${JSON.stringify(tally.errors)}`);
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'no polluted property on plain objects');
});

t.test(`LineReader on ${CASES / 10} generated streams: the same lines and oversize reports as a plain split, in any chunking`, async (t) => {
  const r = prng(SEED + 2);
  const max = 64;
  for (let i = 0; i < CASES / 10; i++) {
    // A stream of short, exact-limit, long and blank lines, some multi-byte, with or without a final newline.
    const parts = Array.from({ length: r.int(12) }, () => {
      const len = r.pick([0, 1, 10, max - 1, max, max + 1, 200, 5000]);
      const ch = r.pick(['a', 'é', '\u{1F600}', ' ', '\r']);
      let s = '';
      while (Buffer.byteLength(s + ch) <= len) s += ch;
      return s;
    });
    const stream = Buffer.from(parts.join('\n') + (r.chance(0.5) ? '\n' : ''));
    const segments = stream.toString('latin1').split('\n');
    const tail = segments.pop()!;
    const want: string[] = [];
    for (const seg of segments) {
      const bytes = Buffer.from(seg, 'latin1');
      if (bytes.length > max) want.push('OVERSIZE');
      else if (bytes.toString('utf8').trim() !== '') want.push(bytes.toString('utf8'));
    }
    if (tail.length > max) want.push('OVERSIZE');
    const got: string[] = [];
    const reader = new LineReader(max, (l) => got.push(l), () => got.push('OVERSIZE'));
    for (let at = 0; at < stream.length;) {
      const n = 1 + r.int(r.chance(0.5) ? 8 : 300);
      reader.push(stream.subarray(at, at + n));
      at += n;
    }
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      t.same(got, want, `stream ${i}: ${JSON.stringify(stream.toString().slice(0, 200))}`);
      return;
    }
  }
  t.pass(`${CASES / 10} streams split as a plain split would`);
});
