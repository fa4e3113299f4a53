import crypto from 'node:crypto';
import {
  PREVIEW_LIST_LIMIT,
  PREVIEW_SAMPLE_SIZE,
  type CallOutput,
  type HeaderMapping,
} from '../../../shared/contract';
import {
  guessMapping,
  readStatementRows,
  STATEMENT_FIELD_LABELS,
  StatementFileError,
  validateMapping,
  type RawTable,
  type RowError,
} from '../../../shared/arrears/statement';
import type { Db } from '../../../db/connection';
import { AppError } from '../../../db/errors';
import {
  activeImportOfFile,
  describeUnits,
  householdCodes,
  pairKey,
  sameValues,
  storedStatements,
} from '../../../db/queries/arrears-import';
import { getProfile, parseProfileMapping } from '../../../db/queries/arrears-profiles';
import type { Handler } from '../../core/context';
import { toColumnMapping, toHeaderMapping, uniqueHeaders } from './header-mapping';
import { matchRows, statementValues } from './matching';
import { savePreview, type PreviewRow } from './preview-store';
import { readStatementFile } from './read-statement-file';

type Preview = CallOutput<'arrears.previewImport'>;

const PROFILE_NOT_FOUND =
  'Profilo di abbinamento non trovato: forse è stato eliminato. Ricaricare la pagina.';

/** Reads the file; a file that is not a statement is a validation error with the reader's Italian message. */
async function readTable(fileName: string, bytes: Uint8Array, sheet: string | null): Promise<RawTable> {
  try {
    return await readStatementFile(fileName, bytes, sheet);
  } catch (error) {
    if (error instanceof StatementFileError) throw new AppError('validation', error.message);
    throw error;
  }
}

/** How many of the matched rows are identical to the statements stored for the same unit and month. */
function markUnchanged(db: Db, rows: readonly PreviewRow[]): Set<PreviewRow> {
  const unchanged = new Set<PreviewRow>();
  const matched = rows.filter((entry) => entry.unitId !== null);
  if (matched.length === 0) return unchanged;
  let min = matched[0]?.row.period ?? '';
  let max = min;
  for (const { row } of matched) {
    if (row.period < min) min = row.period;
    if (row.period > max) max = row.period;
  }
  const stored = storedStatements(db, [...new Set(matched.map((entry) => entry.unitId ?? 0))], min, max);
  for (const entry of matched) {
    const current = stored.get(pairKey(entry.unitId ?? 0, entry.row.period));
    if (current && sameValues(current, statementValues(entry.row, entry.householdId))) unchanged.add(entry);
  }
  return unchanged;
}

function periodRange(rows: readonly PreviewRow[]): Preview['periods'] {
  const first = rows[0];
  if (!first) return null;
  let min = first.row.period;
  let max = min;
  for (const { row } of rows) {
    if (row.period < min) min = row.period;
    if (row.period > max) max = row.period;
  }
  return { min, max };
}

function sample(db: Db, rows: readonly PreviewRow[], unchanged: Set<PreviewRow>): Preview['matched'] {
  const first = rows.filter((entry) => entry.unitId !== null).slice(0, PREVIEW_SAMPLE_SIZE);
  const units = describeUnits(db, [...new Set(first.map((entry) => entry.unitId ?? 0))]);
  const codes = householdCodes(db, [
    ...new Set(first.flatMap((entry) => (entry.householdId === null ? [] : [entry.householdId]))),
  ]);
  return first.map((entry) => {
    const unitId = entry.unitId ?? 0;
    const unit = units.get(unitId);
    return {
      line: entry.row.line,
      unitCode: entry.row.unitCode,
      unitId,
      unitLabel: unit?.label ?? '',
      buildingAddress: unit?.address ?? '',
      householdId: entry.householdId,
      householdCode: entry.householdId === null ? null : (codes.get(entry.householdId) ?? null),
      matchedBy: entry.matchedBy ?? 'unitCode',
      period: entry.row.period,
      dueCents: entry.row.dueCents,
      paidCents: entry.row.paidCents,
      balanceCents: entry.row.balanceCents,
      unchanged: unchanged.has(entry),
    };
  });
}

/**
 * Reads the file and shows what an import would do, writing nothing. The
 * mapping used is the one given, else the profile's, else the one guessed
 * from the headers. The rows read are kept in memory (preview-store.ts) for
 * commitImport; with mapping problems nothing is kept and previewId is null.
 */
export const previewImport: Handler<'arrears.previewImport'> = async (input, ctx) => {
  const operatorId = ctx.operator.id;
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const table = await readTable(input.fileName, bytes, input.sheet);
  // The database is taken after the file is read: the session may have been locked meanwhile.
  const db = ctx.db;

  const profile = input.profileId === null ? undefined : getProfile(db, input.profileId);
  if (input.profileId !== null && !profile) throw new AppError('not_found', PROFILE_NOT_FOUND);
  const headers = uniqueHeaders(table.headers);
  let mapping: HeaderMapping;
  let mappingSource: Preview['mappingSource'];
  if (input.mapping !== null) {
    mapping = input.mapping;
    mappingSource = 'input';
  } else if (profile) {
    mapping = parseProfileMapping(profile.mapping);
    mappingSource = 'profile';
  } else {
    mapping = toHeaderMapping(guessMapping(table.headers), headers);
    mappingSource = 'guess';
  }
  const { columns, problems } = toColumnMapping(mapping, headers);
  if (problems.length === 0) problems.push(...validateMapping(columns, headers));

  const already = activeImportOfFile(db, sha256);
  const base = {
    fileName: input.fileName,
    sha256,
    sheetNames: table.sheetNames,
    sheet: table.sheet,
    headers,
    mapping,
    mappingSource,
    profileId: profile?.id ?? null,
    mappingProblems: problems,
    alreadyImported: already
      ? { importId: already.id, importedAt: already.imported_at, by: already.imported_by_name }
      : null,
  };
  if (problems.length > 0) {
    return {
      ...base,
      previewId: null,
      expiresAt: null,
      counts: { read: 0, matched: 0, unmatched: 0, errors: 0, skippedLines: 0, unchanged: 0 },
      matched: [],
      unmatched: [],
      errors: [],
      periods: null,
    };
  }

  let read;
  try {
    read = readStatementRows(table, columns);
  } catch (error) {
    if (error instanceof StatementFileError) throw new AppError('validation', error.message);
    throw error;
  }
  const unitColumn = columns.unitCode ?? columns.taxCode;
  const unitColumnLabel =
    (unitColumn === undefined ? undefined : headers[unitColumn]) ?? STATEMENT_FIELD_LABELS.unitCode;
  const { rows, conflicts } = matchRows(db, read.rows, unitColumnLabel);
  const errors: RowError[] = [...read.errors, ...conflicts].sort((a, b) => a.line - b.line);
  const errorLines = new Set(errors.map((error) => error.line)).size;
  const unchanged = markUnchanged(db, rows);
  const unmatchedRows = rows.filter((entry) => entry.unitId === null);

  const stored = savePreview(db, {
    operatorId,
    fileName: input.fileName,
    sha256,
    profileId: profile?.id ?? null,
    mapping,
    rows,
    errorLines,
    read: rows.length + errorLines,
  });
  return {
    ...base,
    previewId: stored.id,
    expiresAt: new Date(stored.expiresAt).toISOString(),
    counts: {
      read: rows.length + errorLines,
      matched: rows.length - unmatchedRows.length,
      unmatched: unmatchedRows.length,
      errors: errorLines,
      skippedLines: read.skippedLines,
      unchanged: unchanged.size,
    },
    matched: sample(db, rows, unchanged),
    unmatched: unmatchedRows.slice(0, PREVIEW_LIST_LIMIT).map(({ row }) => ({
      line: row.line,
      unitCode: row.unitCode,
      taxCode: row.taxCode,
      tenantName: row.tenantName,
      period: row.period,
      balanceCents: row.balanceCents,
    })),
    errors: errors.slice(0, PREVIEW_LIST_LIMIT),
    periods: periodRange(rows),
  };
};
