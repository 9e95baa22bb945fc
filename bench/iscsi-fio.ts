// The fio reference for bench/iscsi-latency.ts: find (or build) a fio with the libiscsi engine, run 4 KiB randread, read its latencies.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/package-info.js';

/** Latency figures in µs: p50, mean, p99. */
export interface Lat { p50: number; mean: number; p99: number }

/** What fio measured: its own lat (submit→completion) and clat summaries, every I/O's lat in µs (its lat log), I/O count, IOPS. */
export interface FioLat { lat: Lat; clat: Lat; samples: number[]; ios: number; iops: number }

const hasLibiscsi = (bin: string) => {
  const r = spawnSync(bin, ['--enghelp'], { encoding: 'utf8' });
  return !r.error && r.status === 0 && /\blibiscsi\b/.test(r.stdout);
};

/** A fio binary with the libiscsi engine ($COPROBE_FIO, fio on PATH, else bench/build-fio-libiscsi.sh), or why there is none. */
export function findFio(): { bin: string; how: string } | { reason: string } {
  const env = process.env.COPROBE_FIO;
  if (env) return hasLibiscsi(env) ? { bin: env, how: '$COPROBE_FIO' } : { reason: `$COPROBE_FIO=${env} has no libiscsi engine` };
  if (hasLibiscsi('fio')) return { bin: 'fio', how: 'fio on PATH' };
  const script = join(packageRoot(), 'bench', 'build-fio-libiscsi.sh');
  const t0 = Date.now();
  console.log('fio on PATH has no libiscsi engine (Debian builds it without): bench/build-fio-libiscsi.sh builds one (once; reused after) ...');
  const r = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 1_800_000 });
  const bin = r.stdout?.trim().split('\n').pop() ?? '';
  if (r.error || r.status !== 0 || !bin) return { reason: `bench/build-fio-libiscsi.sh failed (${r.error?.message ?? `exit ${r.status}`}); its messages are above` };
  return { bin, how: `bench/build-fio-libiscsi.sh (${((Date.now() - t0) / 1000).toFixed(0)} s; reused when already built)` };
}

/** fio's filename for an iscsi:// URL: every ':' escaped as '\:' (fio splits filenames on ':'; libiscsi gets the URL back). */
export function fioFilename(url: string): string {
  return url.replace(/:/g, '\\:');
}

const pick = (x: { mean: number; percentile?: Record<string, number> }): Lat => ({
  p50: (x.percentile?.['50.000000'] ?? NaN) / 1000, mean: x.mean / 1000, p99: (x.percentile?.['99.000000'] ?? NaN) / 1000,
});

/** Run fio --ioengine=libiscsi 4 KiB randread at iodepth 1 over the first regionMiB of the LUN for runtimeMs, logging every I/O's lat. */
export function runFio(bin: string, url: string, regionMiB: number, runtimeMs: number): FioLat {
  const logDir = mkdtempSync(join(tmpdir(), 'coprobe-fio-'));
  const args = ['--name=lat', '--ioengine=libiscsi', `--filename=${fioFilename(url)}`, '--rw=randread', '--bs=4k', '--iodepth=1',
    '--direct=1', `--size=${regionMiB}M`, `--runtime=${runtimeMs}ms`, '--time_based', '--lat_percentiles=1', '--clat_percentiles=1',
    `--write_lat_log=${join(logDir, 'l')}`, '--log_avg_msec=0', '--output-format=json'];
  try {
    const r = spawnSync(bin, args, { encoding: 'utf8', timeout: runtimeMs + 60_000 });
    if (r.error || r.status !== 0) throw new Error(`fio ${args.join(' ')}: ${r.error?.message ?? r.stderr.trim()}`);
    const job = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))).jobs[0];
    if (job.error) throw new Error(`fio job error ${job.error}`);
    // Lat log lines: "msec, lat ns, ddir, bs, offset"; one per I/O with log_avg_msec=0.
    const samples = readFileSync(join(logDir, 'l_lat.1.log'), 'utf8').split('\n').filter(Boolean).map((l) => Number(l.split(',')[1]) / 1000);
    return { lat: pick(job.read.lat_ns), clat: pick(job.read.clat_ns), samples, ios: job.read.total_ios, iops: job.read.iops };
  } finally { rmSync(logDir, { recursive: true, force: true }); }
}
