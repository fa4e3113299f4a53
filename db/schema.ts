import type { Generated } from 'kysely';
import type { Role } from '../shared/contract/common';

/** Kysely's view of the database. Booleans are stored as 0/1 integers. */
export interface Database {
  operators: OperatorsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  areas: AreasTable;
  buildings: BuildingsTable;
  building_operators: BuildingOperatorsTable;
  units: UnitsTable;
  households: HouseholdsTable;
  members: MembersTable;
  household_moves: HouseholdMovesTable;
  vocabulary: VocabularyTable;
  member_fragilities: MemberFragilitiesTable;
  interventions: InterventionsTable;
  intervention_topics: InterventionTopicsTable;
  referrals: ReferralsTable;
  followups: FollowupsTable;
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

/** Columns every row a person can change keeps. */
interface Tracked {
  created_at: string;
  updated_at: string;
  created_by: number | null;
}

export interface AreasTable extends Tracked {
  id: Generated<number>;
  name: string;
  active: number;
}

export type BuildingOwner = 'ALER' | 'Comune' | 'altro';

export interface BuildingsTable extends Tracked {
  id: Generated<number>;
  area_id: number;
  address: string;
  city: string;
  agency_code: string | null;
  owner: BuildingOwner;
  declared_units: number | null;
  notes: string;
  active: number;
}

export interface BuildingOperatorsTable {
  building_id: number;
  operator_id: number;
}

export interface UnitsTable extends Tracked {
  id: Generated<number>;
  building_id: number;
  staircase: string;
  floor: number;
  number: string;
  agency_code: string | null;
  rooms: number | null;
  size_sqm: number | null;
}

export type HouseholdStatus = 'attivo' | 'trasferito' | 'chiuso';

export interface HouseholdsTable extends Tracked {
  id: Generated<number>;
  code: string;
  unit_id: number;
  since: string;
  reference_member_id: number | null;
  status: HouseholdStatus;
  phone: string;
  language: string;
  to_team: number;
  notes: string;
}

export interface MembersTable extends Tracked {
  id: Generated<number>;
  household_id: number;
  first_name: string;
  surname: string;
  surname_norm: string;
  sex: 'F' | 'M';
  birth_date: string | null;
  tax_code: string | null;
  phone: string;
  relationship: string;
  left_on: string | null;
}

export interface HouseholdMovesTable {
  id: Generated<number>;
  household_id: number;
  from_unit_id: number | null;
  to_unit_id: number;
  moved_on: string;
  reason: string;
  created_at: string;
  created_by: number | null;
}

export type VocabularyKind =
  'fragility' | 'intervention_type' | 'channel' | 'origin' | 'topic' | 'referral_service';

export interface VocabularyTable extends Tracked {
  id: Generated<number>;
  kind: VocabularyKind;
  label: string;
  position: number;
  active: number;
}

export interface MemberFragilitiesTable {
  member_id: number;
  fragility_id: number;
}

export interface InterventionsTable extends Tracked {
  id: Generated<number>;
  group_id: number | null;
  occurred_at: string;
  duration_min: number;
  operator_id: number;
  household_id: number | null;
  building_id: number;
  type_id: number;
  channel_id: number;
  origin_id: number;
  notes: string;
  outcome: string;
  confidential: number;
}

export interface InterventionTopicsTable {
  intervention_id: number;
  topic_id: number;
}

export type ReferralStatus = 'inviato' | 'preso_in_carico' | 'concluso' | 'non_accolto';

export interface ReferralsTable extends Tracked {
  id: Generated<number>;
  household_id: number;
  intervention_id: number | null;
  service_id: number;
  referred_on: string;
  reason: string;
  status: ReferralStatus;
  check_by: string | null;
  operator_id: number;
}

export interface FollowupsTable extends Tracked {
  id: Generated<number>;
  due_on: string;
  operator_id: number;
  text: string;
  household_id: number | null;
  building_id: number | null;
  intervention_id: number | null;
  referral_id: number | null;
  done_at: string | null;
  done_by: number | null;
}
