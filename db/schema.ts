import type { Generated } from 'kysely';
import type { Role } from '../shared/contract/common';

/** Kysely's view of the database. Booleans are stored as 0/1 integers. */
export interface Database {
  operators: OperatorsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}

export interface OperatorsTable {
  id: Generated<number>;
  full_name: string;
  username: string;
  role: Role;
  active: number;
  must_change_password: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  created_by: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator_id: number | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  prev_hash: string;
  hash: string;
}
