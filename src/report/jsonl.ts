// Append result records to a JSON-lines file as they happen, so an interrupted run keeps what it measured.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultRecord } from '../result.js';

export class JsonlReport {
  readonly path: string;
  private readonly records: ResultRecord[] = [];

  constructor(readonly dir: string, runId: string) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, `coprobe-${runId}.jsonl`);
    writeFileSync(this.path, '');
  }

  /** Append one record (synchronously: it is on disk when this returns). */
  append(r: ResultRecord): void {
    this.records.push(r);
    appendFileSync(this.path, JSON.stringify(r) + '\n');
  }

  /** Everything appended so far. */
  all(): readonly ResultRecord[] { return this.records; }
}
