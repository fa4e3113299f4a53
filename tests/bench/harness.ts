/** A tiny benchmark harness: median wall time per operation, against a target. */
export interface BenchResult {
  operation: string;
  median_ms: number;
  p95_ms: number;
  target_ms: number;
  runs: number;
  note?: string;
}

const round = (ms: number) => Number(ms.toFixed(ms < 1 ? 4 : 2));

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times measured. `fn`
 * gets the run number, so an operation can vary its input (different
 * households, surnames, buildings) instead of hitting one cached row.
 */
export async function measure(
  operation: string,
  options: { target_ms: number; runs: number; warmup?: number; note?: string },
  fn: (run: number) => unknown,
): Promise<BenchResult> {
  const warmup = options.warmup ?? 1;
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = process.hrtime.bigint();
    await fn(warmup + i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarize(operation, options, times);
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Median and p95 of measured times, for operations timed by hand inside a longer run. */
export function summarize(
  operation: string,
  options: { target_ms: number; runs: number; note?: string },
  measured: readonly number[],
): BenchResult {
  const times = [...measured];
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return {
    operation,
    median_ms: round(median),
    p95_ms: round(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!),
    target_ms: options.target_ms,
    runs: options.runs,
    ...(options.note ? { note: options.note } : {}),
  };
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.operation,
    `${r.median_ms} ms`,
    `${r.p95_ms} ms`,
    `≤ ${r.target_ms} ms`,
    r.median_ms <= r.target_ms ? 'ok' : 'OVER',
    String(r.runs),
    r.note ?? '',
  ]);
  const header = ['operation', 'median', 'p95', 'target', '', 'runs', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
