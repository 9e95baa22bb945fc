import t from 'tap';
import { encodeBlock, blockCrc } from '../src/blocks/encode.js';
import { classifyBlock, BLOCK_CLASSES, type Expectation } from '../src/blocks/classify.js';
import { addFinding, allFresh, describeCounts, emptySummary, MAX_FINDINGS, MAX_RANGES, mergeSummaries } from '../src/blocks/tally.js';
import { OFF, SECTOR } from '../src/blocks/layout.js';

const runId = '0123456789abcdef';
const bs = 4096;
const block = (generation: number, index = 3, writerId = 1, rid = runId) => {
  const b = Buffer.alloc(bs);
  encodeBlock(b, { runId: rid, generation, index, writerId, blockSize: bs }, 1_700_000_000_000_000);
  return b;
};
const expect = (generation: number, index = 3, writerId?: number): Expectation =>
  ({ runId, generation, index, blockSize: bs, ...(writerId ? { writerId } : {}) });

t.test('a block written is fresh, with its write timestamp', async (t) => {
  const f = classifyBlock(block(5), bs, expect(5, 3, 1));
  t.equal(f.cls, 'fresh');
  t.equal(f.writtenUs, 1_700_000_000_000_000);
  t.equal(blockCrc(block(5), bs), block(5).readUInt32LE(OFF.crc));
});

t.test('older generation of this run is stale, with expected and found', async (t) => {
  t.match(classifyBlock(block(4), bs, expect(5)), { cls: 'stale', field: 'generation', expected: 5, found: 4 });
});

t.test('another run, another version, a newer generation or another writer are foreign', async (t) => {
  t.match(classifyBlock(block(5, 3, 1, 'fedcba9876543210'), bs, expect(5)), { cls: 'foreign', field: 'runId', found: 'fedcba9876543210' });
  const v = block(5); v.writeUInt16LE(9, OFF.version);
  t.match(classifyBlock(v, bs, expect(5)), { cls: 'foreign', field: 'version', found: 9 });
  t.match(classifyBlock(block(6), bs, expect(5)), { cls: 'foreign', field: 'generation', found: 6 });
  t.match(classifyBlock(block(5, 3, 2), bs, expect(5, 3, 1)), { cls: 'foreign', field: 'writer', expected: 1, found: 2 });
  t.match(classifyBlock(Buffer.alloc(bs, 0x5a), bs, expect(5)), { cls: 'foreign', field: 'magic' });
});

t.test('a valid block at the wrong index is misplaced', async (t) => {
  t.match(classifyBlock(block(5, 7), bs, expect(5, 3)), { cls: 'misplaced', field: 'index', expected: 3, found: 7 });
});

t.test('sectors from two generations are torn; one flipped bit is torn by checksum', async (t) => {
  const mixed = block(5);
  block(4).copy(mixed, 2 * SECTOR, 2 * SECTOR, 3 * SECTOR);
  t.match(classifyBlock(mixed, bs, expect(5)), { cls: 'torn', field: 'generation', found: '4+5' });
  const flipped = block(5);
  flipped[1000] = flipped[1000]! ^ 1;
  t.match(classifyBlock(flipped, bs, expect(5)), { cls: 'torn', field: 'crc' });
  const headless = block(5);
  headless.fill(0, 0, SECTOR);
  t.match(classifyBlock(headless, bs, expect(5)), { cls: 'torn', field: 'magic' });
});

t.test('all zeros is zero; fewer bytes than a block is short', async (t) => {
  t.equal(classifyBlock(Buffer.alloc(bs), bs, expect(5)).cls, 'zero');
  t.match(classifyBlock(block(5), 100, expect(5)), { cls: 'short', expected: bs, found: 100 });
});

t.test('tally counts every class and keeps a bounded list of non-fresh findings', async (t) => {
  const s = emptySummary();
  t.same(Object.keys(s.counts), BLOCK_CLASSES);
  for (let i = 0; i < 20; i++) addFinding(s, { index: i, cls: 'stale' });
  addFinding(s, { index: 20, cls: 'fresh' });
  t.equal(s.blocks, 21);
  t.equal(s.findings.length, MAX_FINDINGS);
  t.equal(s.findingsOmitted, 20 - MAX_FINDINGS);
  t.equal(describeCounts(s), '21 blocks: 1 fresh, 20 stale');
  t.notOk(allFresh(s));
  const f = emptySummary();
  addFinding(f, { index: 0, cls: 'fresh' });
  t.ok(allFresh(f));
  t.notOk(allFresh(emptySummary()), 'no block read is not all fresh');
});

t.test('tally keeps the non-fresh blocks as runs of one class (the stale-block map), bounded', async (t) => {
  const s = emptySummary();
  for (let i = 0; i < 10; i++) addFinding(s, { index: i, cls: i < 4 ? 'stale' : i < 6 ? 'fresh' : i < 8 ? 'stale' : 'torn' });
  t.same(s.ranges, [{ start: 0, count: 4, cls: 'stale' }, { start: 6, count: 2, cls: 'stale' }, { start: 8, count: 2, cls: 'torn' }]);
  const rest = emptySummary();
  addFinding(rest, { index: 10, cls: 'torn' });
  addFinding(rest, { index: 11, cls: 'zero' });
  const m = mergeSummaries(s, rest);
  t.same(m.ranges, [{ start: 0, count: 4, cls: 'stale' }, { start: 6, count: 2, cls: 'stale' }, { start: 8, count: 3, cls: 'torn' }, { start: 11, count: 1, cls: 'zero' }], 'adjacent runs of disjoint reads join');
  const many = emptySummary();
  for (let i = 0; i < 2 * MAX_RANGES + 10; i++) addFinding(many, { index: i, cls: i % 2 ? 'fresh' : 'stale' });
  t.equal(many.ranges!.length, MAX_RANGES);
  t.equal(many.rangesOmitted, 5, 'blocks past the last kept run are counted');
});
