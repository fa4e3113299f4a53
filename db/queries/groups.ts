import type { Group, MemberOption } from '../../shared/contract';
import type { Db } from '../connection';
import type { GroupStatusValue } from '../schema';
import type { Viewer } from './activities';
import { allRows, firstRow, runSql, unitLabel } from './registry-common';

/** SQL (named parameter `@op`) true when group `g` has a building assigned to the operator. */
const GROUP_VISIBLE_SQL = `EXISTS (SELECT 1 FROM group_buildings gb
                 JOIN building_operators bo ON bo.building_id = gb.building_id
                WHERE gb.group_id = g.id AND bo.operator_id = @op)`;

export interface GroupDbRow {
  id: number;
  name: string;
  purpose: string;
  status: GroupStatusValue;
  started_on: string;
  updated_at: string;
}

export function getGroupRow(db: Db, id: number): GroupDbRow | undefined {
  return firstRow(
    db.raw,
    'SELECT id, name, purpose, status, started_on, updated_at FROM resident_groups WHERE id = ?',
    [id],
  );
}

export function groupVisible(db: Db, viewer: Viewer, id: number): boolean {
  if (viewer === null) return true;
  return (
    firstRow(db.raw, `SELECT 1 FROM resident_groups g WHERE g.id = @id AND ${GROUP_VISIBLE_SQL}`, [
      { id, op: viewer.operatorId },
    ]) !== undefined
  );
}

export function groupBuildingIds(db: Db, id: number): number[] {
  return allRows<{ building_id: number }>(
    db.raw,
    'SELECT building_id FROM group_buildings WHERE group_id = ?',
    [id],
  ).map((row) => row.building_id);
}

export function groupReferentIds(db: Db, id: number): number[] {
  return allRows<{ member_id: number }>(db.raw, 'SELECT member_id FROM group_referents WHERE group_id = ?', [
    id,
  ]).map((row) => row.member_id);
}

/** Groups in the contract's shape, in the order of `rows`. */
function toGroups(db: Db, viewer: Viewer, rows: GroupDbRow[]): Group[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row.id));
  const buildings = allRows<{ group_id: number; id: number; address: string }>(
    db.raw,
    `SELECT gb.group_id, b.id, b.address FROM group_buildings gb JOIN buildings b ON b.id = gb.building_id
      WHERE gb.group_id IN (SELECT value FROM json_each(?)) ORDER BY b.address COLLATE NOCASE, b.id`,
    [ids],
  );
  const referents = allRows<{
    group_id: number;
    member_id: number;
    household_id: number;
    code: string;
    name: string;
    visible: number;
  }>(
    db.raw,
    `SELECT gr.group_id, m.id AS member_id, h.id AS household_id, h.code, m.surname || ' ' || m.first_name AS name,
            (@all = 1 OR EXISTS (SELECT 1 FROM building_operators bo
                                  WHERE bo.building_id = u.building_id AND bo.operator_id = @op)) AS visible
       FROM group_referents gr
       JOIN members m ON m.id = gr.member_id
       JOIN households h ON h.id = m.household_id
       JOIN units u ON u.id = h.unit_id
      WHERE gr.group_id IN (SELECT value FROM json_each(@ids))
      ORDER BY m.surname_norm, m.first_name, m.id`,
    [{ ids, all: viewer === null ? 1 : 0, op: viewer?.operatorId ?? 0 }],
  );
  const stats = allRows<{ group_id: number; n: number; last: string | null }>(
    db.raw,
    `SELECT group_id, count(*) AS n, max(held_on) AS last FROM activities
      WHERE group_id IN (SELECT value FROM json_each(?)) GROUP BY group_id`,
    [ids],
  );
  return rows.map((row) => {
    const stat = stats.find((s) => s.group_id === row.id);
    return {
      id: row.id,
      name: row.name,
      purpose: row.purpose,
      status: row.status,
      startedOn: row.started_on,
      buildings: buildings
        .filter((b) => b.group_id === row.id)
        .map((b) => ({ id: b.id, address: b.address })),
      referents: referents
        .filter((r) => r.group_id === row.id)
        .map((r) => ({
          memberId: r.member_id,
          householdId: r.household_id,
          householdCode: r.code,
          name: r.visible === 1 ? r.name : null,
        })),
      activityCount: stat?.n ?? 0,
      lastActivityOn: stat?.last ?? null,
      updatedAt: row.updated_at,
    };
  });
}

export function getGroup(db: Db, viewer: Viewer, id: number): Group | undefined {
  const row = getGroupRow(db, id);
  return row ? toGroups(db, viewer, [row])[0] : undefined;
}

/** Groups the viewer may see, active first, then by name. */
export function listGroups(
  db: Db,
  viewer: Viewer,
  filter: { buildingId: number | null; status: GroupStatusValue | null },
): Group[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (viewer !== null) {
    where.push(GROUP_VISIBLE_SQL);
    params.op = viewer.operatorId;
  }
  if (filter.buildingId !== null) {
    where.push('g.id IN (SELECT group_id FROM group_buildings WHERE building_id = @building)');
    params.building = filter.buildingId;
  }
  if (filter.status !== null) {
    where.push('g.status = @status');
    params.status = filter.status;
  }
  const rows = allRows<GroupDbRow>(
    db.raw,
    `SELECT g.id, g.name, g.purpose, g.status, g.started_on, g.updated_at FROM resident_groups g
      WHERE ${where.length === 0 ? '1' : where.join(' AND ')}
      ORDER BY g.status <> 'attivo', g.name COLLATE NOCASE, g.id`,
    [params],
  );
  return toGroups(db, viewer, rows);
}

export interface GroupValues {
  name: string;
  purpose: string;
  status: GroupStatusValue;
  startedOn: string;
}

export function insertGroup(db: Db, values: GroupValues, now: string, createdBy: number): number {
  return runSql(
    db.raw,
    `INSERT INTO resident_groups (name, purpose, status, started_on, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [values.name, values.purpose, values.status, values.startedOn, now, now, createdBy],
  );
}

export function updateGroup(db: Db, id: number, values: GroupValues, updatedAt: string): void {
  runSql(
    db.raw,
    'UPDATE resident_groups SET name = ?, purpose = ?, status = ?, started_on = ?, updated_at = ? WHERE id = ?',
    [values.name, values.purpose, values.status, values.startedOn, updatedAt, id],
  );
}

export function setGroupBuildings(db: Db, id: number, buildingIds: readonly number[]): void {
  runSql(db.raw, 'DELETE FROM group_buildings WHERE group_id = ?', [id]);
  for (const buildingId of buildingIds) {
    runSql(db.raw, 'INSERT INTO group_buildings (group_id, building_id) VALUES (?, ?)', [id, buildingId]);
  }
}

export function setGroupReferents(db: Db, id: number, memberIds: readonly number[]): void {
  runSql(db.raw, 'DELETE FROM group_referents WHERE group_id = ?', [id]);
  for (const memberId of memberIds) {
    runSql(db.raw, 'INSERT INTO group_referents (group_id, member_id) VALUES (?, ?)', [id, memberId]);
  }
}

/** The member's present building, if the member exists and has not left the household. */
export function memberHome(db: Db, memberId: number): { building_id: number } | undefined {
  return firstRow(
    db.raw,
    `SELECT u.building_id FROM members m JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id
      WHERE m.id = ? AND m.left_on IS NULL AND h.status = 'attivo'`,
    [memberId],
  );
}

/** Members of the active households living now in the given buildings. */
export function memberOptions(db: Db, buildingIds: readonly number[]): MemberOption[] {
  if (buildingIds.length === 0) return [];
  return allRows<{
    member_id: number;
    name: string;
    household_id: number;
    code: string;
    address: string;
    staircase: string;
    floor: number;
    number: string;
  }>(
    db.raw,
    `SELECT m.id AS member_id, m.surname || ' ' || m.first_name AS name, h.id AS household_id, h.code,
            b.address, u.staircase, u.floor, u.number
       FROM json_each(?) bs
       JOIN units u ON u.building_id = bs.value
       JOIN buildings b ON b.id = u.building_id
       JOIN households h ON h.unit_id = u.id AND h.status = 'attivo'
       JOIN members m ON m.household_id = h.id AND m.left_on IS NULL
      ORDER BY m.surname_norm, m.first_name, m.id`,
    [JSON.stringify(buildingIds)],
  ).map((row) => ({
    memberId: row.member_id,
    name: row.name,
    householdId: row.household_id,
    householdCode: row.code,
    buildingAddress: row.address,
    unitLabel: unitLabel(row.staircase, row.floor, row.number),
  }));
}
