// errno numbers to names (ESTALE, EINVAL, ...) using Node's own table.
import { constants } from 'node:os';

const names = new Map<number, string>();
for (const [name, num] of Object.entries(constants.errno)) if (!names.has(num)) names.set(num, name);

/** Symbolic name of an errno value ("E123" when unknown, "" for 0). */
export function errnoName(errno: number): string {
  if (errno === 0) return '';
  return names.get(errno) ?? `E${errno}`;
}
