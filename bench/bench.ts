// npm run bench: the agent's in-process 4 KiB O_DIRECT read+classify rate and the coordinator↔agent round trip,
// against fio (psync, direct, 4k) on the same file in the same invocation. Reports ratios; never fails on them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AgentClient } from '../src/transport/client.js';
import { cliEntry } from '../src/package-info.js';
import type { ReadSummary } from '../src/protocol/results.js';

const dir = process.env.COPROBE_BENCH_DIR ?? '/var/tmp/coprobe-bench';
const mib = Number(process.env.COPROBE_BENCH_MIB ?? 64);
const bs = 4096;
const blocks = (mib * 1024 * 1024) / bs;
const runId = 'b0b0b0b0b0b0b0b0';
const file = `.coprobe-${runId}-bench`;

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; }
function pct(xs: number[], p: number): number { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]!; }

async function main(): Promise<void> {
  // Remove the directory afterwards only if this run created it; an existing one keeps everything but our files.
  const created = mkdirSync(dir, { recursive: true }) !== undefined;
  const c = new AgentClient('a', [process.execPath, cliEntry(), 'agent']);
  const must = async <T>(cmd: Parameters<AgentClient['call']>[0], args: object, ms = 600_000) => {
    const r = await c.call<T>(cmd, args, ms);
    if (!r.ok) throw new Error(`${cmd}: ${r.error.message}`);
    return r;
  };
  try {
    await must('init', { target: dir, runId, writerId: 1, destroy: false });
    await must('open', { h: 'f', file, mode: 'none', create: true });
    await must('write', { h: 'f', gen: 1, first: 0, count: blocks });
    await must('fsync', { h: 'f' });
    console.log(`file: ${join(dir, file)} (${mib} MiB, ${blocks} blocks of ${bs} bytes), O_DIRECT`);

    // Agent and fio alternate, three rounds each, so that drift in the device (host caches, other load) hits both alike.
    const rates: number[] = [];
    const fioRates: number[] = [];
    let fioError = '';
    for (let i = 0; i < 3; i++) {
      const r = await must<ReadSummary>('read', { h: 'f', gen: 1, first: 0, count: blocks, writerId: 1 });
      if (r.result.counts.fresh !== blocks) throw new Error(`verify failed: ${JSON.stringify(r.result.counts)}`);
      rates.push(blocks / ((r.entry.t1 - r.entry.t0) / 1e6));
      const fio = spawnSync('fio', ['--name=ref', `--filename=${join(dir, file)}`, '--ioengine=psync', '--direct=1', `--bs=${bs}`, '--rw=read',
        `--size=${mib}M`, '--numjobs=1', '--output-format=json'], { encoding: 'utf8' });
      if (fio.error || fio.status !== 0) fioError = fio.error?.message ?? fio.stderr.trim();
      else fioRates.push(JSON.parse(fio.stdout).jobs[0].read.iops as number);
    }
    const agentRate = median(rates);
    console.log(`agent read+classify, in-process loop (median of 3): ${agentRate.toFixed(0)} blocks/s (${(agentRate * bs / 2 ** 20).toFixed(1)} MiB/s)`);
    if (fioRates.length) {
      const fioIops = median(fioRates);
      console.log(`fio --ioengine=psync --direct=1 --bs=4k --rw=read (median of 3):  ${fioIops.toFixed(0)} IOPS`);
      console.log(`ratio agent/fio: ${(agentRate / fioIops).toFixed(3)} (target ≥ 0.9)`);
    } else {
      console.log(`fio: not run (${fioError}); install it with apt-get install fio`);
    }

    const rtts: number[] = [];
    for (let i = 0; i < 2000; i++) { const t0 = performance.now(); await must('ping', {}); rtts.push((performance.now() - t0) * 1000); }
    const floor = await pipeFloor();
    console.log(`round trip coordinator↔agent (ping, 2000×): median ${median(rtts).toFixed(1)} µs, p99 ${pct(rtts, 0.99).toFixed(1)} µs (target < 100 µs)`);
    console.log(`reference: bare node child echoing lines over the same kind of pipes: median ${floor.toFixed(1)} µs; ratio ${(median(rtts) / floor).toFixed(2)}`);
  } finally {
    await c.call('cleanup', {}, 60_000).catch(() => undefined);
    await c.close();
    if (created) rmSync(dir, { recursive: true, force: true });
  }
}

/** Median round trip of a line through a node child that echoes stdin to stdout: the floor any agent protocol pays here. */
async function pipeFloor(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['-e', 'process.stdin.on("data", (c) => process.stdout.write(c))'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rtts: number[] = [];
  await new Promise<void>((resolve) => {
    let t0 = 0;
    const go = () => { t0 = performance.now(); child.stdin.write('{"id":1,"cmd":"ping"}\n'); };
    child.stdout.on('data', () => { rtts.push((performance.now() - t0) * 1000); if (rtts.length < 2000) go(); else resolve(); });
    go();
  });
  child.kill();
  return median(rtts);
}

await main();
