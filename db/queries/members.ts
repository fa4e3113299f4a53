import type { Member } from '../../shared/contract';
import { foldText } from '../../shared/normalize';
import type { Db } from '../connection';
import { allRows, firstRow, placeholders, runSql } from './registry-common';

type Relationship = Member['relationship'];

interface MemberDbRow {
  id: number;
  household_id: number;
  first_name: string;
  surname: string;
  sex: 'F' | 'M';
  birth_date: string | null;
  tax_code: string | null;
  phone: string;
  relationship: string;
  left_on: string | null;
  updated_at: string;
}

const MEMBER_COLUMNS =
  'id, household_id, first_name, surname, sex, birth_date, tax_code, phone, relationship, left_on, updated_at';

function toMember(row: MemberDbRow, fragilityIds: number[]): Member {
  return {
    id: row.id,
    householdId: row.household_id,
    firstName: row.first_name,
    surname: row.surname,
    sex: row.sex,
    birthDate: row.birth_date,
    taxCode: row.tax_code,
    phone: row.phone,
    relationship: row.relationship as Relationship,
    fragilityIds,
    leftOn: row.left_on,
    updatedAt: row.updated_at,
  };
}

/** A household's members: present ones first, reference person first, then by birth date. */
export function listMembers(db: Db, householdId: number, referenceMemberId: number | null): Member[] {
  const rows = allRows<MemberDbRow>(
    db.raw,
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE household_id = ?
      ORDER BY left_on IS NOT NULL, id <> ?, birth_date IS NULL, birth_date, id`,
    [householdId, referenceMemberId ?? 0],
  );
  const fragilities = new Map<number, number[]>();
  for (const link of allRows<{ member_id: number; fragility_id: number }>(
    db.raw,
    `SELECT f.member_id, f.fragility_id FROM members m JOIN member_fragilities f ON f.member_id = m.id
      WHERE m.household_id = ? ORDER BY f.member_id, f.fragility_id`,
    [householdId],
  )) {
    const list = fragilities.get(link.member_id) ?? [];
    list.push(link.fragility_id);
    fragilities.set(link.member_id, list);
  }
  return rows.map((row) => toMember(row, fragilities.get(row.id) ?? []));
}

export function getMember(db: Db, id: number): Member | undefined {
  const row = firstRow<MemberDbRow>(db.raw, `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`, [id]);
  return row && toMember(row, memberFragilityIds(db, id));
}

export function memberFragilityIds(db: Db, memberId: number): number[] {
  return allRows<{ fragility_id: number }>(
    db.raw,
    'SELECT fragility_id FROM member_fragilities WHERE member_id = ? ORDER BY fragility_id',
    [memberId],
  ).map((r) => r.fragility_id);
}

export function memberVersion(
  db: Db,
  id: number,
): { id: number; household_id: number; updated_at: string } | undefined {
  return firstRow(db.raw, 'SELECT id, household_id, updated_at FROM members WHERE id = ?', [id]);
}

/** Ids among `ids` that are not active fragility entries (nor in `allowed`, entries already linked). */
export function invalidFragilities(db: Db, ids: number[], allowed: number[] = []): number[] {
  const wanted = [...new Set(ids)].filter((id) => !allowed.includes(id));
  if (wanted.length === 0) return [];
  const valid = new Set(
    allRows<{ id: number }>(
      db.raw,
      `SELECT id FROM vocabulary WHERE kind = 'fragility' AND active = 1 AND id IN (${placeholders(wanted.length)})`,
      wanted,
    ).map((r) => r.id),
  );
  return wanted.filter((id) => !valid.has(id));
}

export interface MemberValues {
  firstName: string;
  surname: string;
  sex: 'F' | 'M';
  birthDate: string | null;
  taxCode: string | null;
  phone: string;
  relationship: Relationship;
  fragilityIds: number[];
}

export function insertMember(
  db: Db,
  householdId: number,
  values: MemberValues,
  now: string,
  createdBy: number,
): number {
  const id = runSql(
    db.raw,
    `INSERT INTO members (household_id, first_name, surname, surname_norm, sex, birth_date, tax_code, phone,
                          relationship, left_on, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    [
      householdId,
      values.firstName,
      values.surname,
      foldText(values.surname),
      values.sex,
      values.birthDate,
      values.taxCode,
      values.phone,
      values.relationship,
      now,
      now,
      createdBy,
    ],
  );
  setFragilities(db, id, values.fragilityIds);
  return id;
}

export function updateMember(
  db: Db,
  id: number,
  values: MemberValues & { leftOn: string | null },
  updatedAt: string,
): void {
  runSql(
    db.raw,
    `UPDATE members SET first_name = ?, surname = ?, surname_norm = ?, sex = ?, birth_date = ?, tax_code = ?,
                        phone = ?, relationship = ?, left_on = ?, updated_at = ?
      WHERE id = ?`,
    [
      values.firstName,
      values.surname,
      foldText(values.surname),
      values.sex,
      values.birthDate,
      values.taxCode,
      values.phone,
      values.relationship,
      values.leftOn,
      updatedAt,
      id,
    ],
  );
  setFragilities(db, id, values.fragilityIds);
}

function setFragilities(db: Db, memberId: number, fragilityIds: number[]): void {
  runSql(db.raw, 'DELETE FROM member_fragilities WHERE member_id = ?', [memberId]);
  for (const fragilityId of new Set(fragilityIds)) {
    runSql(db.raw, 'INSERT INTO member_fragilities (member_id, fragility_id) VALUES (?, ?)', [
      memberId,
      fragilityId,
    ]);
  }
}

export interface DuplicateDbRow {
  member_id: number;
  household_id: number;
  household_code: string;
  first_name: string;
  surname: string;
  birth_date: string | null;
  address: string;
  building_id: number;
  visible: number;
  matched_by: 'taxCode' | 'surnameBirthDate';
}

/**
 * People already registered with the same tax code, or the same folded
 * surname and birth date (other than `exceptMemberId`). `scope` is a
 * condition on `u.building_id`: `visible` says whether the caller may see
 * the household they live in.
 */
export function findDuplicateMembers(
  db: Db,
  scope: { sql: string; params: number[] },
  person: { taxCode: string | null; surname: string; birthDate: string | null },
  exceptMemberId: number | null,
): DuplicateDbRow[] {
  const surnameNorm = foldText(person.surname);
  const byTaxCode = person.taxCode !== null;
  const bySurname = surnameNorm !== '' && person.birthDate !== null;
  if (!byTaxCode && !bySurname) return [];
  const rows = allRows<DuplicateDbRow>(
    db.raw,
    `SELECT x.id AS member_id, x.household_id, h.code AS household_code, x.first_name, x.surname, x.birth_date,
            b.address, b.id AS building_id, (${scope.sql}) AS visible,
            CASE WHEN x.tax_code = ? THEN 'taxCode' ELSE 'surnameBirthDate' END AS matched_by
       FROM (SELECT id FROM members WHERE tax_code = ?
             UNION
             SELECT id FROM members WHERE surname_norm = ? AND birth_date = ?) d
       JOIN members x ON x.id = d.id
       JOIN households h ON h.id = x.household_id
       JOIN units u ON u.id = h.unit_id
       JOIN buildings b ON b.id = u.building_id
      WHERE x.id IS NOT ?
      ORDER BY matched_by DESC, h.code, x.id
      LIMIT 20`,
    [
      ...scope.params,
      person.taxCode,
      person.taxCode,
      bySurname ? surnameNorm : null,
      bySurname ? person.birthDate : null,
      exceptMemberId,
    ],
  );
  return rows;
}

/** Members of the given households (for telling which member a search matched). */
export function membersOf(
  db: Db,
  householdIds: number[],
): {
  id: number;
  household_id: number;
  first_name: string;
  surname: string;
  tax_code: string | null;
  phone: string;
}[] {
  if (householdIds.length === 0) return [];
  return allRows(
    db.raw,
    `SELECT id, household_id, first_name, surname, tax_code, phone FROM members
      WHERE household_id IN (${placeholders(householdIds.length)})`,
    householdIds,
  );
}
