import { appendAudit } from '../../../db/audit';
import type { Db } from '../../../db/connection';
import { AppError } from '../../../db/errors';
import {
  activeHouseholds,
  describeUnits,
  existingUnits,
  getHouseholdArrears,
  insertImport,
  insertStageChange,
  insertStatement,
  insertStatementChange,
  pairKey,
  putHouseholdArrears,
  sameValues,
  saveAlias,
  storedStatements,
  updateStatement,
  type HouseholdArrearsRow,
  type StatementValues,
  type StoredStatement,
} from '../../../db/queries/arrears-import';
import { markScoresPending } from '../../../db/queries/risk';
import { transaction } from '../../../db/sync';
import type { Handler } from '../../core/context';
import { statementValues } from './matching';
import { dropPreview, findPreview, type PreviewRow, type StoredPreview } from './preview-store';
import { saveProfileByName } from './profiles';

export const PREVIEW_EXPIRED = 'L’anteprima è scaduta: ricaricare il file.';

const formatPeriod = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

interface Target {
  entry: PreviewRow;
  unitId: number;
  householdId: number | null;
}

/**
 * The rows to write: the matched ones, plus the unmatched ones the user
 * linked to a unit. Every unmatched row must be linked or skipped; two rows
 * may not end on the same unit for the same month.
 */
function resolveTargets(
  db: Db,
  preview: StoredPreview,
  links: readonly { line: number; unitId: number }[],
  skip: readonly number[],
  skipUnlinked: boolean,
): { targets: Target[]; skipped: number; aliases: Map<string, number> } {
  const unmatched = new Map<number, PreviewRow>();
  const matchedLines = new Set<number>();
  for (const entry of preview.rows) {
    if (entry.unitId === null) unmatched.set(entry.row.line, entry);
    else matchedLines.add(entry.row.line);
  }
  const notUnmatched = (line: number) =>
    matchedLines.has(line)
      ? `La riga ${line} è già abbinata a un alloggio: non va collegata né scartata.`
      : `La riga ${line} non è tra le righe da collegare: ricaricare l’anteprima.`;

  const linkOf = new Map<number, number>();
  for (const link of links) {
    if (!unmatched.has(link.line)) throw new AppError('validation', notUnmatched(link.line));
    const earlier = linkOf.get(link.line);
    if (earlier !== undefined && earlier !== link.unitId) {
      throw new AppError(
        'validation',
        `La riga ${link.line} è collegata a due alloggi diversi: sceglierne uno.`,
      );
    }
    linkOf.set(link.line, link.unitId);
  }
  const skipped = new Set<number>();
  for (const line of skip) {
    if (!unmatched.has(line)) throw new AppError('validation', notUnmatched(line));
    if (linkOf.has(line)) {
      throw new AppError(
        'validation',
        `La riga ${line} è sia collegata sia scartata: scegliere una delle due.`,
      );
    }
    skipped.add(line);
  }
  if (skipUnlinked) for (const line of unmatched.keys()) if (!linkOf.has(line)) skipped.add(line);
  const open = [...unmatched.keys()].filter((line) => !linkOf.has(line) && !skipped.has(line));
  if (open.length > 0) {
    const shown = open.slice(0, 10).join(', ');
    throw new AppError(
      'validation',
      open.length === 1
        ? `La riga ${shown} non è abbinata a nessun alloggio: collegarla a un alloggio o scartarla.`
        : `Restano ${open.length} righe non abbinate a nessun alloggio (righe ${shown}${open.length > 10 ? '…' : ''}): collegarle a un alloggio o scartarle.`,
    );
  }

  const linkedUnits = [...new Set(linkOf.values())];
  const existing = existingUnits(db, linkedUnits);
  const missing = linkedUnits.find((unitId) => !existing.has(unitId));
  if (missing !== undefined) {
    throw new AppError('not_found', 'Uno degli alloggi scelti non esiste più: ricaricare la pagina.');
  }
  const occupants = activeHouseholds(db, linkedUnits);

  const aliases = new Map<string, number>();
  const targets: Target[] = [];
  const lineOfPair = new Map<string, number>();
  for (const entry of preview.rows) {
    const { line } = entry.row;
    let unitId = entry.unitId;
    let householdId = entry.householdId;
    if (unitId === null) {
      const linked = linkOf.get(line);
      if (linked === undefined) continue;
      unitId = linked;
      householdId = occupants.get(linked) ?? null;
      const code = entry.row.unitCode?.trim().toUpperCase();
      if (code) {
        const other = aliases.get(code);
        if (other !== undefined && other !== linked) {
          throw new AppError(
            'validation',
            `Il codice alloggio ${code} è collegato a due alloggi diversi: collegare tutte le sue righe allo stesso alloggio.`,
          );
        }
        aliases.set(code, linked);
      }
    }
    const key = pairKey(unitId, entry.row.period);
    const other = lineOfPair.get(key);
    if (other !== undefined) {
      throw new AppError(
        'validation',
        `Le righe ${other} e ${line} finirebbero sullo stesso alloggio per lo stesso periodo (${formatPeriod(entry.row.period)}): collegare una delle due a un altro alloggio o scartarla.`,
      );
    }
    lineOfPair.set(key, line);
    targets.push({ entry, unitId, householdId });
  }
  return { targets, skipped: skipped.size, aliases };
}

/**
 * The month a stored stage speaks for: the statement's month when an import
 * set it, the month it was set in when a person did (arrears.setLegalStage
 * stores that month as the period too).
 */
function stageMonth(row: HouseholdArrearsRow): string {
  return row.legal_stage_period ?? row.legal_stage_set_at.slice(0, 7);
}

/**
 * The legal stage in the file updates the household's current stage: from
 * the household's written row of the latest month, unless the stage stored
 * speaks for a later month (an older statement imported late, or a stage
 * set by hand after that month).
 */
function applyLegalStages(
  db: Db,
  importId: number,
  written: readonly { target: Target; values: StatementValues }[],
  now: string,
): void {
  const latest = new Map<number, { period: string; stage: NonNullable<StatementValues['legal_stage']> }>();
  for (const { target, values } of written) {
    if (target.householdId === null || values.legal_stage === null) continue;
    const current = latest.get(target.householdId);
    if (!current || target.entry.row.period > current.period) {
      latest.set(target.householdId, { period: target.entry.row.period, stage: values.legal_stage });
    }
  }
  for (const [householdId, { period, stage }] of latest) {
    const previous = getHouseholdArrears(db, householdId) ?? null;
    const storedMonth = previous ? stageMonth(previous) : null;
    if (storedMonth !== null && storedMonth > period) continue;
    if (previous?.legal_stage === stage && previous.legal_stage_set_by === null && storedMonth === period)
      continue;
    insertStageChange(db, importId, householdId, previous);
    putHouseholdArrears(db, {
      household_id: householdId,
      legal_stage: stage,
      legal_stage_set_at: now,
      legal_stage_set_by: null,
      legal_stage_import_id: importId,
      legal_stage_period: period,
      created_at: previous?.created_at ?? now,
      created_by: previous?.created_by ?? null,
      updated_at: now,
    });
  }
}

/**
 * Writes the previewed file in one transaction: statements upserted by
 * (unit, period), identical ones left alone, what was replaced recorded for
 * undo, the import logged and audited (no personal data in the audit).
 * Refused while the file has rows with errors or unmatched rows are neither
 * linked nor skipped.
 */
export const commitImport: Handler<'arrears.commitImport'> = (input, ctx) => {
  const { db, operator } = ctx;
  const preview = findPreview(db, input.previewId, operator.id);
  if (!preview) throw new AppError('conflict', PREVIEW_EXPIRED);
  if (preview.errorLines > 0) {
    throw new AppError(
      'validation',
      preview.errorLines === 1
        ? 'Il file ha 1 riga con errori: correggerla e ricaricarlo.'
        : `Il file ha ${preview.errorLines} righe con errori: correggerle e ricaricarlo.`,
    );
  }
  const now = ctx.now();

  const result = transaction(db, () => {
    const { targets, skipped, aliases } = resolveTargets(
      db,
      preview,
      input.links,
      input.skip,
      input.skipUnlinked,
    );
    const profileId =
      input.saveProfile === null
        ? preview.profileId
        : saveProfileByName(db, input.saveProfile.name, preview.mapping, now, operator.id);

    let periodMin: string | null = null;
    let periodMax: string | null = null;
    for (const { entry } of targets) {
      if (periodMin === null || entry.row.period < periodMin) periodMin = entry.row.period;
      if (periodMax === null || entry.row.period > periodMax) periodMax = entry.row.period;
    }
    // Compare with what is stored now (it may have changed since the preview).
    const stored =
      periodMin === null || periodMax === null
        ? new Map<string, StoredStatement>()
        : storedStatements(db, [...new Set(targets.map((t) => t.unitId))], periodMin, periodMax);
    const plan = targets.map((target) => {
      const values = statementValues(target.entry.row, target.householdId);
      const current = stored.get(pairKey(target.unitId, target.entry.row.period)) ?? null;
      return { target, values, current, unchanged: current !== null && sameValues(current, values) };
    });
    const toWrite = plan.filter((step) => !step.unchanged);

    const importId = insertImport(db, {
      file_name: preview.fileName,
      sha256: preview.sha256,
      profile_id: profileId,
      imported_at: now,
      imported_by: operator.id,
      rows_read: preview.read,
      rows_written: toWrite.length,
      rows_unchanged: plan.length - toWrite.length,
      rows_skipped: skipped,
      rows_error: preview.errorLines,
      period_min: periodMin,
      period_max: periodMax,
    });
    for (const { target, values, current } of toWrite) {
      const { period } = target.entry.row;
      insertStatementChange(db, importId, target.unitId, period, current);
      if (current === null) insertStatement(db, target.unitId, period, values, importId);
      else updateStatement(db, target.unitId, period, values, importId);
    }
    if (aliases.size > 0) {
      const own = describeUnits(db, [...new Set(aliases.values())]);
      for (const [code, unitId] of aliases) {
        // A unit's own agency code needs no alias.
        if (own.get(unitId)?.agencyCode?.trim().toUpperCase() !== code) {
          saveAlias(db, code, unitId, now, operator.id);
        }
      }
    }
    applyLegalStages(db, importId, toWrite, now);
    // Plan payments and scores follow the statements: marked here, brought up to date at the
    // next read of the household or the worklist (see settlePendingScores).
    const touched = new Set<number>();
    for (const { values, current } of toWrite) {
      if (values.household_id !== null) touched.add(values.household_id);
      if (current?.household_id != null) touched.add(current.household_id);
    }
    markScoresPending(db, touched);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'arrears.commitImport',
      recordType: 'arrears_import',
      recordId: importId,
    });
    return { importId, written: toWrite.length, unchanged: plan.length - toWrite.length, skipped };
  });
  dropPreview(db, preview.id);
  return result;
};
