import type { RowError, StatementRow } from '../../../shared/arrears/statement';
import type { Db } from '../../../db/connection';
import {
  activeHouseholds,
  householdsByTaxCode,
  pairKey,
  unitsByAgencyCode,
  unitsByAlias,
  type StatementValues,
} from '../../../db/queries/arrears-import';
import type { PreviewRow } from './preview-store';

const formatPeriod = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** What a statement row writes, for the unit and household it was matched to. */
export function statementValues(row: StatementRow, householdId: number | null): StatementValues {
  return {
    household_id: householdId,
    rent_cents: row.rentCents,
    charges_cents: row.chargesCents,
    due_cents: row.dueCents,
    paid_cents: row.paidCents,
    balance_cents: row.balanceCents,
    months_unpaid: row.monthsUnpaid,
    legal_stage: row.legalStage,
    last_payment_date: row.lastPaymentDate,
  };
}

/**
 * Matches each row to a unit: by the agency's unit code (units.agency_code,
 * ignoring case and spaces), or a code linked by hand earlier
 * (unit_code_aliases); failing that, by the tenant's codice fiscale, through a
 * member who has not left an active household, to that household's unit. A tax
 * code found in two households matches nothing. The household of a unit matched
 * by code is the one living there now. Two rows landing on the same unit for the
 * same month are an error on the second one (`conflicts`).
 */
export function matchRows(
  db: Db,
  rows: readonly StatementRow[],
  unitColumnLabel: string,
): { rows: PreviewRow[]; conflicts: RowError[] } {
  const codes = [...new Set(rows.flatMap((row) => (row.unitCode === null ? [] : [row.unitCode.trim()])))];
  const byCode = unitsByAgencyCode(db, codes);
  const byAlias = unitsByAlias(
    db,
    codes.filter((code) => !byCode.has(code)),
  );
  const unitOfCode = (code: string | null) => {
    if (code === null) return null;
    const key = code.trim();
    const direct = byCode.get(key);
    if (direct !== undefined) return { unitId: direct, matchedBy: 'unitCode' as const };
    const alias = byAlias.get(key);
    return alias === undefined ? null : { unitId: alias, matchedBy: 'alias' as const };
  };

  const taxCodes = [
    ...new Set(
      rows.flatMap((row) => (row.taxCode !== null && unitOfCode(row.unitCode) === null ? [row.taxCode] : [])),
    ),
  ];
  const byTaxCode = householdsByTaxCode(db, taxCodes);

  const matched: PreviewRow[] = rows.map((row) => {
    const unit = unitOfCode(row.unitCode);
    if (unit) return { row, unitId: unit.unitId, householdId: null, matchedBy: unit.matchedBy };
    const households = row.taxCode === null ? undefined : byTaxCode.get(row.taxCode);
    const only = households?.length === 1 ? households[0] : undefined;
    if (only) return { row, unitId: only.unitId, householdId: only.householdId, matchedBy: 'taxCode' };
    return { row, unitId: null, householdId: null, matchedBy: null };
  });

  const byUnit = activeHouseholds(db, [
    ...new Set(matched.flatMap((m) => (m.unitId !== null && m.matchedBy !== 'taxCode' ? [m.unitId] : []))),
  ]);
  const firstLine = new Map<string, number>();
  const kept: PreviewRow[] = [];
  const conflicts: RowError[] = [];
  for (const entry of matched) {
    if (entry.unitId === null) {
      kept.push(entry);
      continue;
    }
    if (entry.matchedBy !== 'taxCode') entry.householdId = byUnit.get(entry.unitId) ?? null;
    const key = pairKey(entry.unitId, entry.row.period);
    const other = firstLine.get(key);
    if (other === undefined) {
      firstLine.set(key, entry.row.line);
      kept.push(entry);
    } else {
      conflicts.push({
        line: entry.row.line,
        column: unitColumnLabel,
        message: `Questa riga e la riga ${other} riguardano lo stesso alloggio per lo stesso periodo (${formatPeriod(entry.row.period)}): togliere una delle due.`,
      });
    }
  }
  return { rows: kept, conflicts };
}
