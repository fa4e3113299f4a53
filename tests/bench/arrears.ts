import crypto from 'node:crypto';
import type { AppCore } from '../../electron/core/app-core';
import type { Db } from '../../db/connection';
import type { CallInput, CallName } from '../../shared/contract';
import { elapsedMs, summarize, type BenchResult } from './harness';

/**
 * The arrears import at the size of a real statement: a 10,000-row CSV on
 * units of the large data set, previewed and committed through the
 * dispatcher. Every run writes: each file carries new amounts (a random
 * nonce per bench run), so each commit replaces the 10,000 statements of the
 * previous one and records what it replaced. The imports are undone at the
 * end, newest first, leaving the data set as it was.
 */
export const ARREARS_ROWS = 10_000;
const RUNS = 5;
const WARMUP = 1;
const HEADER = [
  'Codice alloggio',
  'Intestatario',
  'Periodo',
  'Canone',
  'Spese',
  'Totale dovuto',
  'Versato',
  'Saldo morosità',
  'Mensilità insolute',
  'Stato legale',
];
const STAGES = ['', '', '', '', 'sollecito', 'diffida', 'decreto ingiuntivo'];

/** Agency codes of the data set's units, in id order. */
export function benchUnitCodes(db: Db): string[] {
  return db.raw
    .prepare('SELECT agency_code FROM units WHERE agency_code IS NOT NULL ORDER BY id')
    .pluck()
    .all() as string[];
}

const euro = (cents: number) => {
  const [units, decimals] = (cents / 100).toFixed(2).split('.') as [string, string];
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${decimals}`;
};

/** A statement of ARREARS_ROWS rows (a unit per row; a second month when there are fewer units). */
function statementFile(codes: readonly string[], nonce: number): string {
  const lines = [HEADER.join(';')];
  for (let i = 0; i < ARREARS_ROWS; i += 1) {
    const code = codes[i % codes.length]!;
    const month = 1 + Math.floor(i / codes.length);
    const rent = 5_000 + ((i * 37 + nonce) % 20_000);
    const charges = 2_000 + ((i * 11) % 4_000);
    const due = rent + charges;
    const paid = (i + nonce) % 3 === 0 ? 0 : due;
    const months = paid === 0 ? 1 + ((i + nonce) % 12) : 0;
    lines.push(
      [
        code,
        `COGNOME${i} NOME`,
        `${String(month).padStart(2, '0')}/2031`,
        euro(rent),
        euro(charges),
        euro(due),
        euro(paid),
        euro(months * due),
        String(months),
        paid === 0 ? STAGES[i % STAGES.length]! : '',
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Preview + commit of the 10,000-row file (target 500 ms together), and the worklist read right
 * after it, which brings the plans and scores of the 10,000 households the import touched up to
 * date (see settlePendingScores; target 1 s, as for a full recompute).
 */
export async function arrearsImportBench(core: AppCore, codes: readonly string[]): Promise<BenchResult[]> {
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value as { [key: string]: unknown };
  };
  if (codes.length === 0) throw new Error('the data set has no unit codes');
  const nonce = crypto.randomInt(1, 1_000_000);
  const files = Array.from({ length: WARMUP + RUNS }, (_, run) =>
    Buffer.from(statementFile(codes, nonce + run * 7919), 'utf8').toString('base64'),
  );
  const importIds: number[] = [];
  const written: number[] = [];
  const importTimes: number[] = [];
  const settleTimes: number[] = [];
  try {
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      let start = process.hrtime.bigint();
      const preview = await call('arrears.previewImport', {
        fileName: `bench-${run}.csv`,
        contentBase64: files[run]!,
      });
      const committed = await call('arrears.commitImport', { previewId: preview.previewId as string });
      const importMs = elapsedMs(start);
      importIds.push(committed.importId as number);
      written.push(committed.written as number);
      start = process.hrtime.bigint();
      await call('risk.worklist', {});
      const settleMs = elapsedMs(start);
      if (run >= WARMUP) {
        importTimes.push(importMs);
        settleTimes.push(settleMs);
      }
    }
    if (written.some((n) => n !== ARREARS_ROWS)) {
      throw new Error(`an arrears run did not write every row: ${written.join(', ')}`);
    }
    const rows = ARREARS_ROWS.toLocaleString('en');
    return [
      summarize(
        'arrears.preview_commit_10k',
        {
          target_ms: 500,
          runs: RUNS,
          note: `as coordinatore; ${rows} rows, ${Math.round(files[0]!.length / 1024)} KB base64; each run replaces all`,
        },
        importTimes,
      ),
      summarize(
        'risk.worklist.after_import_10k',
        {
          target_ms: 1000,
          runs: RUNS,
          note: `first worklist after that import: plans and scores of the ${rows} households it touched`,
        },
        settleTimes,
      ),
    ];
  } finally {
    for (const importId of importIds.reverse()) await call('arrears.undoImport', { importId });
    // Bring the data set back to its scores before the next operations are measured.
    await call('risk.worklist', {});
  }
}
