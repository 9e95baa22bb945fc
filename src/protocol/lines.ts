// JSON-lines framing with a hard limit on line length.

/** Splits a byte stream into lines; a line longer than maxBytes is reported once and discarded up to its newline. */
export class LineReader {
  private parts: Buffer[] = [];
  private size = 0;
  private discarding = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (line: string) => void,
    private readonly onOversize: (bytesSoFar: number) => void,
  ) {}

  /** Feed a chunk of the stream. */
  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!this.discarding) {
        if (this.size + (end - start) > this.maxBytes) {
          this.onOversize(this.size + (end - start));
          this.discarding = true;
          this.parts = [];
          this.size = 0;
        } else if (end > start) {
          this.parts.push(chunk.subarray(start, end));
          this.size += end - start;
        }
      }
      if (nl === -1) return;
      if (!this.discarding) {
        const line = Buffer.concat(this.parts, this.size).toString('utf8');
        this.parts = [];
        this.size = 0;
        if (line.trim() !== '') this.onLine(line);
      }
      this.discarding = false;
      start = nl + 1;
    }
  }

  /** Bytes buffered without a newline yet. */
  pending(): number { return this.size; }
}
