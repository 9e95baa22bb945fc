// npm run bench:handoff: the handoff probe's streaming verify over a 1 GiB image (O_DIRECT, 1 MiB reads, every 4 KiB
// block's header and CRC-32 checked against the workload plan) against fio verifying the same file size with crc32c
// (1 MiB reads, verify_interval 4 KiB) on the same filesystem, in one invocation. Reports the ratio; never fails on it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AgentClient } from '../src/transport/client.js';
import { cliEntry } from '../src/package-info.js';
import type { VerifyResult } from '../src/protocol/results.js';
import type { WorkloadPlan } from '../src/blocks/workload.js';

const dir = process.env.COPROBE_BENCH_DIR ?? '/var/tmp/coprobe-bench-handoff';
const mib = Number(process.env.COPROBE_BENCH_MIB ?? 1024);
const bs = 4096;
const blocks = (mib * 1024 * 1024) / bs;
const runId = 'b1b1b1b1b1b1b1b1';
const file = `.coprobe-${runId}-handoff`;
const fioFile = join(dir, 'fio-verify.img');

function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; }

/** fio: write the file with crc32c verify headers every 4 KiB, then time a verify-only read pass; MiB/s. */
function fioVerify(write: boolean): number {
  const args = ['--name=ref', `--filename=${fioFile}`, '--ioengine=psync', '--direct=1', '--bs=1M', `--size=${mib}M`,
    '--verify=crc32c', '--verify_interval=4096', '--verify_state_save=0', '--output-format=json'];
  const r = spawnSync('fio', write ? [...args, '--rw=write', '--do_verify=0'] : [...args, '--rw=write', '--verify_only'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`fio: ${r.error?.message ?? r.stderr.trim()}`);
  const job = JSON.parse(r.stdout).jobs[0];
  const ms = write ? job.write.runtime : job.job_runtime ?? job.read.runtime;
  return mib / (ms / 1000);
}

async function main(): Promise<void> {
  // Remove the directory afterwards only if this run created it; an existing one keeps everything but our files.
  const created = mkdirSync(dir, { recursive: true }) !== undefined;
  const c = new AgentClient('b', [process.execPath, cliEntry(), 'agent']);
  const must = async <T>(cmd: Parameters<AgentClient['call']>[0], args: object) => {
    const r = await c.call<T>(cmd, args, 1_800_000);
    if (!r.ok) throw new Error(`${cmd}: ${r.error.message}`);
    return r;
  };
  try {
    await must('init', { target: dir, runId, writerId: 1, destroy: false });
    await must('open', { h: 'f', file, mode: 'none', create: true });
    const plan: WorkloadPlan = { seed: 12345, baseGen: 1, rounds: 4, first: 0, count: blocks };
    await must('write', { h: 'f', gen: 1, first: 0, count: blocks });
    await must('workload', { h: 'f', plan, flushEvery: 2 });
    await must('fsync', { h: 'f' });
    fioVerify(true);
    console.log(`image: ${mib} MiB, ${blocks} blocks of ${bs} bytes, O_DIRECT, on ${dir}`);
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await must<VerifyResult>('verify', { h: 'f', plan, first: 0, count: blocks, writerId: 1, boundMs: 0 });
      if (!r.result.fresh) throw new Error(`verify found non-fresh blocks: ${JSON.stringify(r.result.last.counts)}`);
      ours.push(mib / (r.result.elapsedUs / 1e6));
      theirs.push(fioVerify(false));
    }
    const o = median(ours);
    const f = median(theirs);
    console.log(`handoff verify (agent, 1 MiB preads, header+CRC-32 per block vs the plan), median of 3: ${o.toFixed(0)} MiB/s`);
    console.log(`fio --direct=1 --bs=1M --verify=crc32c --verify_interval=4096 --verify_only, median of 3: ${f.toFixed(0)} MiB/s`);
    console.log(`ratio handoff/fio: ${(o / f).toFixed(3)}`);
  } finally {
    await c.call('cleanup', {}, 60_000).catch(() => undefined);
    await c.close();
    rmSync(fioFile, { force: true });
    if (created) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(`bench: ${(err as Error).message}`); process.exitCode = 1; });
