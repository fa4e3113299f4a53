/** A tiny benchmark harness: median wall time per operation, against a target. */
export interface BenchResult {
  operation: string;
  median_ms: number;
  target_ms: number;
  runs: number;
  note?: string;
}

export async function measure(
  operation: string,
  options: { target_ms: number; runs: number; warmup?: number; note?: string },
  fn: () => unknown,
): Promise<BenchResult> {
  for (let i = 0; i < (options.warmup ?? 1); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return {
    operation,
    median_ms: Number(median.toFixed(median < 1 ? 4 : 2)),
    target_ms: options.target_ms,
    runs: options.runs,
    ...(options.note ? { note: options.note } : {}),
  };
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.operation,
    `${r.median_ms} ms`,
    `≤ ${r.target_ms} ms`,
    r.median_ms <= r.target_ms ? 'ok' : 'OVER',
    String(r.runs),
    r.note ?? '',
  ]);
  const header = ['operation', 'median', 'target', '', 'runs', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
