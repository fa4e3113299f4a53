import type { Selectable } from 'kysely';
import type { Operator, Role } from '../../shared/contract';
import type { Db } from '../connection';
import type { OperatorsTable } from '../schema';
import { all, first, run } from '../sync';

export type OperatorRow = Selectable<OperatorsTable>;

export function toOperator(row: OperatorRow): Operator {
  return {
    id: row.id,
    fullName: row.full_name,
    username: row.username,
    role: row.role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listOperators(db: Db): OperatorRow[] {
  return all(
    db,
    db.kysely.selectFrom('operators').selectAll().orderBy('active', 'desc').orderBy('full_name'),
  );
}

export function getOperator(db: Db, id: number): OperatorRow | undefined {
  return first(db, db.kysely.selectFrom('operators').selectAll().where('id', '=', id));
}

export function findOperatorByUsername(db: Db, username: string): OperatorRow | undefined {
  return first(db, db.kysely.selectFrom('operators').selectAll().where('username', '=', username));
}

export function insertOperator(
  db: Db,
  values: {
    fullName: string;
    username: string;
    role: Role;
    mustChangePassword: boolean;
    createdBy: number | null;
  },
  now: string,
): number {
  return run(
    db,
    db.kysely.insertInto('operators').values({
      full_name: values.fullName,
      username: values.username,
      role: values.role,
      active: 1,
      must_change_password: values.mustChangePassword ? 1 : 0,
      created_at: now,
      updated_at: now,
      created_by: values.createdBy,
    }),
  ).lastInsertRowid;
}

export function updateOperator(
  db: Db,
  id: number,
  changes: Partial<
    Pick<OperatorRow, 'full_name' | 'role' | 'active' | 'must_change_password' | 'last_login_at'>
  >,
  now: string,
): void {
  run(
    db,
    db.kysely
      .updateTable('operators')
      .set({ ...changes, updated_at: now })
      .where('id', '=', id),
  );
}
