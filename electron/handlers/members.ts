import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import type { OperatorRow } from '../../db/queries/operators';
import { householdVersion, setReferenceMember } from '../../db/queries/households';
import {
  findDuplicateMembers,
  getMember,
  insertMember,
  invalidFragilities,
  memberFragilityIds,
  memberVersion,
  updateMember,
} from '../../db/queries/members';
import { personName } from '../../db/queries/registry-common';
import { refreshHouseholdSearch } from '../../db/queries/search-index';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';
import { recomputeHousehold } from './arrears-household';
import { buildingFilter, CHANGED_BY_OTHERS, checkVersion, nextUpdatedAt, requireHousehold } from './scope';

const NOT_FOUND = 'Componente non trovato: forse è stato eliminato. Ricaricare la pagina.';
const FRAGILITY_INVALID =
  'Fragilità: una delle voci scelte non esiste o è stata disattivata. Sceglierle di nuovo.';

interface Person {
  taxCode: string | null;
  surname: string;
  birthDate: string | null;
}

/**
 * Refuses people already registered (same tax code, or same surname and
 * birth date) unless the user has seen them and chose to save anyway. The
 * message names the households by their pseudonymous code only.
 */
export function rejectDuplicates(
  db: Db,
  operator: OperatorRow,
  people: { person: Person; fieldPrefix: string; exceptMemberId: number | null }[],
): void {
  const scope = buildingFilter(operator, 'u.building_id');
  const fields: Record<string, string> = {};
  const codes = new Set<string>();
  for (const { person, fieldPrefix, exceptMemberId } of people) {
    const matches = findDuplicateMembers(db, scope, person, exceptMemberId);
    if (matches.length === 0) continue;
    const here = [...new Set(matches.map((m) => m.household_code))];
    for (const code of here) codes.add(code);
    const byTaxCode = matches.some((m) => m.matched_by === 'taxCode');
    const message = byTaxCode
      ? `Una persona con questo codice fiscale è già registrata (nucleo ${here.join(', ')}).`
      : `Una persona con lo stesso cognome e la stessa data di nascita è già registrata (nucleo ${here.join(', ')}).`;
    fields[`${fieldPrefix}${byTaxCode ? 'taxCode' : 'surname'}`] = message;
  }
  if (codes.size === 0) return;
  throw new AppError(
    'conflict',
    `Possibile doppione: ${codes.size === 1 ? 'il nucleo' : 'i nuclei'} ${[...codes].join(', ')} ${
      codes.size === 1 ? 'ha' : 'hanno'
    } già una persona con gli stessi dati. Controllare prima di salvare; se è un’altra persona, salvare comunque.`,
    { fields },
  );
}

/** Fragility ids must be active entries of the fragility list (or, on update, already linked). */
export function checkFragilities(db: Db, ids: number[], field: string, alreadyLinked: number[] = []): void {
  if (invalidFragilities(db, ids, alreadyLinked).length > 0) {
    throw new AppError('validation', FRAGILITY_INVALID, { fields: { [field]: FRAGILITY_INVALID } });
  }
}

function reread(ctx: HandlerContext, id: number) {
  const member = getMember(ctx.db, id);
  if (!member) throw new AppError('not_found', NOT_FOUND);
  return { member };
}

export const findDuplicates: Handler<'members.findDuplicates'> = (input, ctx) => {
  const rows = findDuplicateMembers(
    ctx.db,
    buildingFilter(ctx.operator, 'u.building_id'),
    input,
    input.excludeMemberId,
  );
  return {
    duplicates: rows.map((row) => {
      const visible = row.visible === 1;
      return {
        memberId: row.member_id,
        householdId: row.household_id,
        householdCode: row.household_code,
        visible,
        fullName: visible ? personName(row.surname, row.first_name) : null,
        birthDate: visible ? row.birth_date : null,
        buildingAddress: visible ? row.address : null,
        matchedBy: row.matched_by,
      };
    }),
  };
};

export const create: Handler<'members.create'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    requireHousehold(db.raw, ctx.operator, input.householdId);
    const household = householdVersion(db, input.householdId);
    if (!household) throw new AppError('not_found', 'Nucleo non trovato: forse è stato eliminato.');
    if (!input.allowDuplicates) {
      rejectDuplicates(db, ctx.operator, [{ person: input, fieldPrefix: '', exceptMemberId: null }]);
    }
    checkFragilities(db, input.fragilityIds, 'fragilityIds');
    const newId = insertMember(db, input.householdId, input, now, ctx.operator.id);
    if (household.reference_member_id === null && input.relationship === 'intestatario') {
      setReferenceMember(db, household.id, newId);
    }
    refreshHouseholdSearch(db.raw, household.id);
    // Fragility markers are a signal of the arrears score.
    recomputeHousehold(db, household.id, now);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'members.create',
      recordType: 'member',
      recordId: newId,
    });
    return newId;
  });
  return reread(ctx, id);
};

export const update: Handler<'members.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = memberVersion(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    requireHousehold(db.raw, ctx.operator, row.household_id);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('Il componente'));
    if (!input.allowDuplicates) {
      rejectDuplicates(db, ctx.operator, [{ person: input, fieldPrefix: '', exceptMemberId: row.id }]);
    }
    checkFragilities(db, input.fragilityIds, 'fragilityIds', memberFragilityIds(db, row.id));
    updateMember(db, row.id, input, nextUpdatedAt(row.updated_at, now));
    refreshHouseholdSearch(db.raw, row.household_id);
    // Fragility markers are a signal of the arrears score.
    recomputeHousehold(db, row.household_id, now);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'members.update',
      recordType: 'member',
      recordId: row.id,
    });
  });
  return reread(ctx, input.id);
};
