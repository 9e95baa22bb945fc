// Small shared pieces of the result schema: timestamps, run ids, counts, and a pair of values for sides a and b.
import { z } from 'zod';
import { RESULT_SCHEMA_VERSION } from '../../result.js';

/** A UTC time as Date.toISOString writes it. */
export const isoTime = z.iso.datetime();
/** The run id: 8 random bytes in hex; the agents stamp it into every block they write. */
export const runIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a run id is 16 lower-case hex digits')
  .describe('The run id (8 random bytes, hex): every record of one run carries the same one.');
/** A stable probe code: upper-case letters then digits ("CTO1"). */
export const probeCodeSchema = z.string().regex(/^[A-Z]+[0-9]+$/, 'a probe code is upper-case letters then digits, like CTO1');
/** A count of things: an integer, zero or more. */
export const count = z.int().nonnegative();
/** A 1-based position (record numbers, repetitions). */
export const position = z.int().positive();

/** One value for each side: a writes, b reads. */
export function bySide<T extends z.ZodType>(value: T, what: string) {
  return z.strictObject({ a: value.describe(`Side a (the writer): ${what}`), b: value.describe(`Side b (the reader): ${what}`) });
}

/** The result schema versions this code reads: 1 (before mixed claim rows) up to the one it writes. */
export const READABLE_SCHEMA_VERSIONS = [1, RESULT_SCHEMA_VERSION] as const;

/** A record's or document's `schema`: a version this code reads (older documents stay readable). */
export function schemaVersionSchema(what: string) {
  return z.literal(READABLE_SCHEMA_VERSIONS, { error: `result schema version: this schema reads versions ${READABLE_SCHEMA_VERSIONS.join(' and ')}` }).describe(what);
}
