// npm run bench:iscsi: 4 KiB random-read latency of coprobe's iscsi:// side (in-process libiscsi backend, and the agent's
// read command) against fio --ioengine=libiscsi on the same tgt LUN, in one invocation. Reports ratios; never fails on them.
// Default: a LUN of its own exported by ci/tgt.sh. COPROBE_BENCH_ISCSI_URL names another LUN instead: its first 64 MiB are OVERWRITTEN.
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AgentClient } from '../src/transport/client.js';
import { cliEntry, packageRoot } from '../src/package-info.js';
import type { ReadSummary } from '../src/protocol/results.js';
import { libiscsiBackend } from '../native-bindings/libiscsi.js';
import { allocAligned } from '../native-bindings/aligned-buffer.js';
import { Posix } from '../native-bindings/posix.js';
import type { SideBackend } from '../native-bindings/backend.js';
import { findFio, runFio, type FioLat, type Lat } from './iscsi-fio.js';

const BS = 4096;
const N = Number(process.env.COPROBE_BENCH_READS ?? 6000);
const WARM = 200;
const REGION_MIB = Number(process.env.COPROBE_BENCH_MIB ?? 64);
const FIO_SEC = Number(process.env.COPROBE_BENCH_FIO_SEC ?? 12);
/** coprobe and fio alternate this many times (N/ROUNDS reads, FIO_SEC/ROUNDS s each), so drift in a shared tgtd hits both alike. */
const ROUNDS = Number(process.env.COPROBE_BENCH_ROUNDS ?? 3);
const AGENT_BLOCKS = 1024;
const runId = 'b2b2b2b2b2b2b2b2';
const dir = process.env.COPROBE_BENCH_DIR ?? '/var/tmp/coprobe-bench-iscsi';
const EXPORT = 'bench-lat';

const tgt = (...a: string[]) => spawnSync('bash', [join(packageRoot(), 'ci', 'tgt.sh'), ...a], { encoding: 'utf8', timeout: 60_000 });
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
function stats(xs: number[]): Lat {
  const s = sorted(xs);
  return { p50: s[Math.floor(s.length / 2)]!, mean: s.reduce((a, b) => a + b, 0) / s.length, p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]! };
}
const fmt = (l: Lat) => `p50 ${l.p50.toFixed(1)}  mean ${l.mean.toFixed(1)}  p99 ${l.p99.toFixed(1)} µs`;
const ratio = (a: Lat, b: Lat) => `p50 ${(a.p50 / b.p50).toFixed(2)}  mean ${(a.mean / b.mean).toFixed(2)}  p99 ${(a.p99 / b.p99).toFixed(2)}`;

/** Fill the region with non-zero data through the backend (1 MiB writes, then SYNCHRONIZE CACHE), so no read hits a hole. */
function fill(side: SideBackend, fd: number, posix: Posix, bytes: number): void {
  const buf = allocAligned(posix, BS, 1 << 20);
  try {
    randomFillSync(buf.bytes);
    for (let off = 0; off < bytes; off += buf.size) {
      const r = side.pwrite(fd, buf.ptr, Math.min(buf.size, bytes - off), off);
      if (!r.ok) throw new Error(`fill: WRITE(16) at ${off}: ${r.errnoName} ${r.detail ?? ''}`);
    }
    const f = side.fsync(fd);
    if (!f.ok) throw new Error(`fill: ${f.call}: ${f.errnoName} ${f.detail ?? ''}`);
  } finally { buf.free(); }
}

/** `warm` then `n` timed 4 KiB preads at uniformly random aligned offsets in the region; µs each as JS sees the call (the backend's own durUs pushed to inner). */
function randomReads(side: SideBackend, fd: number, posix: Posix, blocks: number, n: number, warm: number, inner: number[]): number[] {
  const buf = allocAligned(posix, BS, BS);
  const out: number[] = [];
  try {
    for (let i = 0; i < warm + n; i++) {
      const off = Math.floor(Math.random() * blocks) * BS;
      const t0 = performance.now();
      const r = side.pread(fd, buf.ptr, BS, off);
      const us = (performance.now() - t0) * 1000;
      if (!r.ok || r.ret !== BS) throw new Error(`READ(16) at ${off}: ${r.errnoName} ${r.detail ?? ''}`);
      if (i >= warm) { out.push(us); inner.push(r.durUs); }
    }
  } finally { buf.free(); }
  return out;
}

/** The agent (`coprobe agent`, JSON lines): per-block time of `read` over AGENT_BLOCKS blocks, its preads, and a count=1 round trip. */
async function agentSide(url: string): Promise<{ perBlock: number[]; preads: number[]; rtt: number[] }> {
  const c = new AgentClient('a', [process.execPath, cliEntry(), 'agent']);
  const must = async <T>(cmd: Parameters<AgentClient['call']>[0], args: object) => {
    const r = await c.call<T>(cmd, args, 120_000);
    if (!r.ok) throw new Error(`agent ${cmd}: ${r.error.message}`);
    return r;
  };
  const perBlock: number[] = [], preads: number[] = [], rtt: number[] = [];
  try {
    await must('hello', {});
    await must('init', { target: url, runId, writerId: 1, destroy: true });
    await must('setBlockSize', { blockSize: BS });
    await must('open', { h: 'l', mode: 'none', create: false });
    await must('write', { h: 'l', gen: 1, first: 0, count: AGENT_BLOCKS });
    for (let i = 0; i < 6; i++) {
      const r = await must<ReadSummary>('read', { h: 'l', gen: 1, first: 0, count: AGENT_BLOCKS, writerId: 1 });
      if (r.result.counts.fresh !== AGENT_BLOCKS) throw new Error(`agent read: not all fresh: ${JSON.stringify(r.result.counts)}`);
      if (i === 0) continue; // warm-up
      perBlock.push((r.entry.t1 - r.entry.t0) / AGENT_BLOCKS);
      for (const call of r.entry.calls) if (call.call.startsWith('READ')) preads.push(call.dur);
    }
    for (let i = 0; i < 520; i++) {
      const first = Math.floor(Math.random() * AGENT_BLOCKS);
      const t0 = performance.now();
      await must('read', { h: 'l', gen: 1, first, count: 1, writerId: 1 });
      if (i >= 20) rtt.push((performance.now() - t0) * 1000);
    }
  } finally {
    await c.call('cleanup', {}, 60_000).catch(() => undefined);
    await c.close();
  }
  return { perBlock, preads, rtt };
}

async function main(): Promise<void> {
  let url = process.env.COPROBE_BENCH_ISCSI_URL ?? '';
  const wasRunning = tgt('status').status === 0;
  const img = join(dir, 'iscsi-latency.img');
  let exported = false, created = false;
  const posix = new Posix();
  let side: SideBackend | undefined;
  try {
    if (!url) {
      const s = tgt('start');
      if (s.status !== 0) throw new Error(`ci/tgt.sh start: ${s.stderr.trim()}`);
      // A LUN of our own (96 MiB, O_DIRECT backing like the default one): tests may be using the default LUN right now.
      created = mkdirSync(dir, { recursive: true }) !== undefined;
      closeSync(openSync(img, 'w'));
      truncateSync(img, 96 * 2 ** 20);
      const e = tgt('export', EXPORT, img);
      if (e.status !== 0) throw new Error(`ci/tgt.sh export: ${e.stderr.trim()}`);
      url = e.stdout.trim().replace(':3260/', '/');
      exported = true;
    }
    const conn = libiscsiBackend.connect(url, { timeoutSec: 10, env: process.env });
    side = conn.backend;
    const region = Math.min(REGION_MIB * 2 ** 20, conn.target.deviceSize ?? 0);
    const blocks = Math.floor(region / BS);
    const fd = side.open({ path: url, direct: false, dsync: false, create: false }).ret;
    console.log(`LUN: ${conn.target.description}; tgt ${wasRunning ? 'already running' : 'started here'}`);
    console.log(`region: first ${(region / 2 ** 20).toFixed(0)} MiB, filled once with random data (no sparse holes); 4 KiB reads at random 4 KiB-aligned offsets, queue depth 1`);
    fill(side, fd, posix, region);

    const agent = await agentSide(url);
    const found = findFio();
    const ours: number[] = [], inner: number[] = [], theirs: number[] = [], fios: FioLat[] = [], rounds: string[] = [];
    let fioWhy = 'reason' in found ? found.reason : '';
    for (let i = 0; i < ROUNDS; i++) {
      const o = randomReads(side, fd, posix, blocks, Math.ceil(N / ROUNDS), i === 0 ? WARM : 0, inner);
      ours.push(...o);
      let line = `  round ${i + 1}: coprobe ${fmt(stats(o))}`;
      if ('bin' in found && !fioWhy) {
        try {
          const f = runFio(found.bin, url, region / 2 ** 20, Math.round((FIO_SEC * 1000) / ROUNDS));
          fios.push(f); theirs.push(...f.samples);
          line += ` | fio ${fmt(stats(f.samples))}`;
        } catch (err) { fioWhy = (err as Error).message; }
      }
      rounds.push(line);
    }

    const us = stats(ours);
    console.log('');
    console.log(`coprobe in-process  (libiscsiBackend.pread, ${ours.length} reads after ${WARM} warm-up; wall time of the synchronous call as JS sees it):`);
    console.log(`  ${fmt(us)}   (inside the backend's READ(16) call, its own CallResult.durUs: p50 ${stats(inner).p50.toFixed(0)} µs)`);
    const pb = stats(agent.perBlock), pr = stats(agent.preads), rt = stats(agent.rtt);
    console.log(`coprobe agent (\`coprobe agent\` over JSON lines), read command over ${AGENT_BLOCKS} contiguous blocks, 5 runs; agent-side t1-t0 / ${AGENT_BLOCKS}:`);
    console.log(`  per block (one READ(16) + classify): median ${pb.p50.toFixed(1)} µs (runs ${sorted(agent.perBlock).map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`  its READ(16) calls as the agent's transcript times them (first 64 per command): ${fmt(pr)}`);
    console.log(`  for contrast, read count=1 at a random block, coordinator round trip (pipe + JSON + read): ${fmt(rt)}`);
    if (fios.length === ROUNDS) {
      const f = stats(theirs);
      const ios = fios.reduce((a, x) => a + x.ios, 0);
      console.log(`fio --ioengine=libiscsi --rw=randread --bs=4k --iodepth=1, ${ROUNDS}×${(FIO_SEC / ROUNDS).toFixed(1)} s, ${ios} reads, binary: ${'how' in found ? found.how : ''}:`);
      console.log(`  lat (submit→complete, every I/O from its lat log): ${fmt(f)}`);
      console.log(`  fio's own summary, last round: lat ${fmt(fios.at(-1)!.lat)}; clat ${fmt(fios.at(-1)!.clat)}`);
      console.log(`ratio coprobe in-process / fio lat:   ${ratio(us, f)}   (1.00 = as fast as fio)`);
      console.log(`ratio agent per-block / fio lat mean: ${(pb.p50 / f.mean).toFixed(2)}   (contiguous blocks vs random ones; includes classifying each block)`);
    } else {
      console.log(`fio reference: MISSING — ${fioWhy}. No ratio is printed.`);
    }
    console.log('per round (coprobe and fio alternate on the same LUN):');
    for (const l of rounds) console.log(l);
    console.log('note: tgtd may be shared with other users (tests); the per-round spread shows the drift during this run.');
  } finally {
    side?.disconnect();
    if (exported) tgt('unexport', EXPORT);
    if (!process.env.COPROBE_BENCH_ISCSI_URL) rmSync(img, { force: true });
    if (created) rmSync(dir, { recursive: true, force: true });
    if (!wasRunning && !process.env.COPROBE_BENCH_ISCSI_URL) tgt('stop');
  }
}

main().catch((err) => { console.error(`bench: ${(err as Error).message}`); process.exitCode = 1; });
