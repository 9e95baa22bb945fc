// A linear axis for the charts: rounded ends and evenly spaced tick values (1, 2 or 5 times a power of ten).

/** The tick step for a span: 1, 2 or 5 times a power of ten, about span/target. */
function stepFor(span: number, target: number): number {
  const rough = span / target;
  const pow = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((k) => k * pow).find((s) => s >= rough) ?? 10 * pow;
}

/** Tick values covering [lo, hi], about `target` of them, from a rounded-down lo to a rounded-up hi; [0, 1] when hi is not positive. */
export function niceTicks(hi: number, lo = 0, target = 5): number[] {
  if (!(hi > 0) || !Number.isFinite(hi)) return [0, 1];
  if (!(lo >= 0) || lo >= hi) lo = 0;
  const step = stepFor(hi - lo, target);
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; ticks.length <= target * 3; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= hi) break;
  }
  return ticks;
}

/** The axis domain for values: from 0, unless they all sit in the top half of [0, max] (then zoomed, with a margin). */
export function domainOf(values: readonly number[]): { lo: number; hi: number; zoomed: boolean } {
  if (!values.length) return { lo: 0, hi: 1, zoomed: false };
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max <= 0 || min < max / 2) return { lo: 0, hi: max, zoomed: false };
  const pad = Math.max((max - min) * 0.15, max * 0.002);
  return { lo: Math.max(0, min - pad), hi: max + pad, zoomed: true };
}

/** A tick label: integers plain, otherwise up to three significant decimals. */
export function tickLabel(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}
