import { appendAudit } from '../../../db/audit';
import type { Db } from '../../../db/connection';
import { AppError } from '../../../db/errors';
import {
  deleteChanges,
  deleteHouseholdArrears,
  deleteStatement,
  getHouseholdArrears,
  getImport,
  householdsOfImportedStatements,
  laterImportOnSamePairs,
  listImports,
  markImportUndone,
  putHouseholdArrears,
  stageChanges,
  statementChanges,
  updateStatement,
  type ImportLogRow,
} from '../../../db/queries/arrears-import';
import { markScoresPending } from '../../../db/queries/risk';
import { transaction } from '../../../db/sync';
import type { Handler } from '../../core/context';

const NOT_FOUND = 'Importazione non trovata: ricaricare la pagina.';

/** `dd/mm/yyyy hh:mm`, local time, as the messages show a moment. */
function formatMoment(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Undoes an import as a whole: each statement it changed goes back to what it
 * was, those it added are removed, and the legal stages it set go back where
 * nobody changed them since. Refused while a later import that is not undone
 * changed any of the same (unit, period) pairs: that one must be undone first.
 */
export const undoImport: Handler<'arrears.undoImport'> = (input, ctx) => {
  const { db, operator } = ctx;
  const now = ctx.now();
  return transaction(db, () => {
    const row = getImport(db, input.importId);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    if (row.undone_at !== null) {
      throw new AppError(
        'conflict',
        `Questa importazione è già stata annullata il ${formatMoment(row.undone_at)}${row.undone_by_name ? ` da ${row.undone_by_name}` : ''}.`,
      );
    }
    const later = laterImportOnSamePairs(db, row.id);
    if (later) {
      throw new AppError(
        'conflict',
        `Non si può annullare: l’importazione del ${formatMoment(later.imported_at)} (di ${later.imported_by_name}) ha aggiornato alcuni degli stessi mesi degli stessi alloggi. Annullare prima quella.`,
      );
    }
    let restored = 0;
    let removed = 0;
    // Plan payments and scores follow the statements (see settlePendingScores): the households
    // of the statements as the import left them, and of those it puts back.
    const touched = new Set(householdsOfImportedStatements(db, row.id));
    for (const change of statementChanges(db, row.id)) {
      if (change.previous?.household_id != null) touched.add(change.previous.household_id);
      if (change.previous === null) {
        deleteStatement(db, change.unit_id, change.period);
        removed += 1;
      } else {
        const { import_id: previousImport, ...values } = change.previous;
        updateStatement(db, change.unit_id, change.period, values, previousImport);
        restored += 1;
      }
    }
    for (const change of stageChanges(db, row.id)) {
      // Only where the stage is still the one this import set: a later change by hand or import stays.
      const current = getHouseholdArrears(db, change.household_id);
      if (current?.legal_stage_import_id !== row.id || current.legal_stage_set_by !== null) continue;
      if (change.previous === null) deleteHouseholdArrears(db, change.household_id);
      else putHouseholdArrears(db, { ...change.previous, updated_at: now });
    }
    markScoresPending(db, touched);
    // Put back: what it replaced is no longer needed (an undone import cannot be undone again).
    deleteChanges(db, row.id);
    markImportUndone(db, row.id, now, operator.id);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'arrears.undoImport',
      recordType: 'arrears_import',
      recordId: row.id,
    });
    return { restored, removed };
  });
};

function toImportRow(db: Db, row: ImportLogRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    profileId: row.profile_id,
    profileName: row.profile_name,
    importedAt: row.imported_at,
    importedBy: row.imported_by_name,
    rowsRead: row.rows_read,
    rowsWritten: row.rows_written,
    rowsUnchanged: row.rows_unchanged,
    rowsSkipped: row.rows_skipped,
    rowsError: row.rows_error,
    periodMin: row.period_min,
    periodMax: row.period_max,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by_name,
    undoable: row.undone_at === null && laterImportOnSamePairs(db, row.id) === undefined,
  };
}

export const imports: Handler<'arrears.imports'> = (input, ctx) => {
  const { db } = ctx;
  const { rows, total } = listImports(db, input);
  return { rows: rows.map((row) => toImportRow(db, row)), total };
};
