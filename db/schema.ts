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
  arrears_profiles: ArrearsProfilesTable;
  arrears_imports: ArrearsImportsTable;
  arrears_statements: ArrearsStatementsTable;
  arrears_statement_changes: ArrearsStatementChangesTable;
  unit_code_aliases: UnitCodeAliasesTable;
  household_arrears: HouseholdArrearsTable;
  arrears_stage_changes: ArrearsStageChangesTable;
  repayment_plans: RepaymentPlansTable;
  plan_installments: PlanInstallmentsTable;
  plan_payments: PlanPaymentsTable;
  incolpevole_causes: IncolpevoleCausesTable;
  household_isee: HouseholdIseeTable;
  risk_scores: RiskScoresTable;
  risk_pending: { household_id: number };
  settings_history: SettingsHistoryTable;
  activity_types: ActivityTypesTable;
  resident_groups: ResidentGroupsTable;
  group_buildings: GroupBuildingsTable;
  group_referents: GroupReferentsTable;
  activity_series: ActivitySeriesTable;
  activities: ActivitiesTable;
  activity_buildings: ActivityBuildingsTable;
  activity_attendance: ActivityAttendanceTable;
  activity_outsiders: ActivityOutsidersTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_cases: MeetingCasesTable;
  meeting_actions: MeetingActionsTable;
  letter_templates: LetterTemplatesTable;
  letter_template_versions: LetterTemplateVersionsTable;
  letter_letterhead: LetterLetterheadTable;
  letter_batches: LetterBatchesTable;
  letters: LettersTable;
  export_register: ExportRegisterTable;
  member_privacy: MemberPrivacyTable;
  privacy_settings: PrivacySettingsTable;
  household_anonymised: HouseholdAnonymisedTable;
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

// ---------- rent arrears (migration 0003) ----------

export type LegalStageValue =
  'nessuna' | 'sollecito' | 'diffida' | 'decreto_ingiuntivo' | 'sfratto_convalidato' | 'esecuzione';

export interface ArrearsProfilesTable {
  id: Generated<number>;
  name: string;
  /** JSON object: statement field -> header name in the sender's file. */
  mapping: string;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

export interface ArrearsImportsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  profile_id: number | null;
  imported_at: string;
  imported_by: number;
  rows_read: number;
  rows_written: number;
  rows_unchanged: number;
  rows_skipped: number;
  rows_error: number;
  period_min: string | null;
  period_max: string | null;
  undone_at: string | null;
  undone_by: number | null;
}

/** One statement per unit and month (`YYYY-MM`); money in cents. */
export interface ArrearsStatementsTable {
  id: Generated<number>;
  unit_id: number;
  household_id: number | null;
  period: string;
  rent_cents: number | null;
  charges_cents: number | null;
  due_cents: number;
  paid_cents: number;
  balance_cents: number;
  months_unpaid: number | null;
  legal_stage: LegalStageValue | null;
  last_payment_date: string | null;
  import_id: number;
}

export interface ArrearsStatementChangesTable {
  import_id: number;
  unit_id: number;
  period: string;
  /** The statement as it was before the import (JSON), null when the import added it. */
  previous: string | null;
}

export interface UnitCodeAliasesTable {
  code: string;
  unit_id: number;
  created_at: string;
  created_by: number | null;
}

export interface HouseholdArrearsTable {
  household_id: number;
  legal_stage: LegalStageValue;
  legal_stage_set_at: string;
  /** Null when an import set it. */
  legal_stage_set_by: number | null;
  legal_stage_import_id: number | null;
  legal_stage_period: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface ArrearsStageChangesTable {
  import_id: number;
  household_id: number;
  previous: string | null;
}

// ---------- repayment plans, incolpevole, risk (migration 0004) ----------

export type PlanStatusValue = 'in_regola' | 'in_ritardo' | 'non_rispettato' | 'concluso';
export type PlanCloseReason = 'concluso' | 'annullato' | 'sostituito' | 'decaduto';

export interface RepaymentPlansTable {
  id: Generated<number>;
  household_id: number;
  total_cents: number;
  installment_count: number;
  first_due_on: string;
  every_months: number;
  notes: string;
  /** Cache of planStatus(), refreshed on every payment, change and risk recompute. */
  status: PlanStatusValue;
  closed_on: string | null;
  close_reason: PlanCloseReason | null;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

export interface PlanInstallmentsTable {
  plan_id: number;
  seq: number;
  due_on: string;
  amount_cents: number;
}

export interface PlanPaymentsTable {
  id: Generated<number>;
  plan_id: number;
  paid_on: string;
  amount_cents: number;
  source: 'manuale' | 'estratto';
  statement_period: string | null;
  notes: string;
  created_at: string;
  created_by: number | null;
}

export interface IncolpevoleCausesTable {
  id: Generated<number>;
  household_id: number;
  cause: string;
  event_date: string | null;
  notes: string;
  created_at: string;
  created_by: number | null;
}

export interface HouseholdIseeTable {
  household_id: number;
  value_cents: number;
  isee_date: string;
  updated_at: string;
  updated_by: number | null;
}

export interface RiskScoresTable {
  household_id: number;
  month: string;
  score: number;
  band: 'basso' | 'medio' | 'alto' | 'critico';
  /** 0 basso … 3 critico, for the worklist's order. */
  band_rank: number;
  /** JSON array of { signal, points, label }. */
  contributions: string;
  computed_at: string;
}

export interface SettingsHistoryTable {
  id: Generated<number>;
  key: string;
  /** JSON; null when the defaults were in force. */
  before: string | null;
  after: string;
  changed_at: string;
  changed_by: number | null;
}

// ---------- team meetings (migration 0006) ----------

export interface MeetingsTable extends Tracked {
  id: Generated<number>;
  held_on: string;
  /** JSON array of {name, role}: external participants. */
  guests: string;
  agenda: string;
  minutes: string;
}

export interface MeetingParticipantsTable {
  meeting_id: number;
  operator_id: number;
}

export interface MeetingCasesTable extends Tracked {
  id: Generated<number>;
  meeting_id: number;
  household_id: number;
  position: number;
  notes: string;
  confidential: number;
  notes_by: number | null;
  decisions: string;
  discussed: number;
  keep_flag: number;
}

export interface MeetingActionsTable {
  id: Generated<number>;
  meeting_id: number;
  case_id: number;
  followup_id: number;
  created_at: string;
  created_by: number | null;
}

// ---------- community activities and resident groups (migration 0005) ----------

export interface ActivityTypesTable extends Tracked {
  id: Generated<number>;
  label: string;
  position: number;
  active: number;
}

export type GroupStatusValue = 'attivo' | 'sospeso' | 'concluso';

export interface ResidentGroupsTable extends Tracked {
  id: Generated<number>;
  name: string;
  purpose: string;
  status: GroupStatusValue;
  started_on: string;
}

export interface GroupBuildingsTable {
  group_id: number;
  building_id: number;
}

export interface GroupReferentsTable {
  group_id: number;
  member_id: number;
}

export interface ActivitySeriesTable {
  id: Generated<number>;
  every_weeks: number;
  until_on: string;
  created_at: string;
  created_by: number | null;
}

export type PromoterValue = 'tutor' | 'gruppo' | 'servizi' | 'ente_gestore' | 'associazione';

export interface ActivitiesTable extends Tracked {
  id: Generated<number>;
  series_id: number | null;
  type_id: number;
  title: string;
  held_on: string;
  /** `HH:MM`, local time. */
  starts_at: string;
  ends_at: string;
  place: string;
  promoter: PromoterValue;
  group_id: number | null;
  /** Set for an activity on a whole area (then it has no activity_buildings rows). */
  area_id: number | null;
  description: string;
  outcome: string;
  /** Participants not in the registry (guests, children), counted only. */
  guests: number;
}

export interface ActivityBuildingsTable {
  activity_id: number;
  building_id: number;
}

export interface ActivityAttendanceTable {
  activity_id: number;
  household_id: number;
  created_at: string;
  created_by: number | null;
}

export interface ActivityOutsidersTable {
  activity_id: number;
  seq: number;
  name: string;
}

// ---------- GDPR (migration 0011) ----------

export interface MemberPrivacyTable {
  member_id: number;
  given_on: string | null;
  signed_on: string | null;
  version: string;
  updated_at: string;
  updated_by: number | null;
}

export interface PrivacySettingsTable {
  id: number;
  data: string;
  updated_at: string;
  updated_by: number | null;
}

export interface HouseholdAnonymisedTable {
  household_id: number;
  anonymised_at: string;
  anonymised_by: number | null;
}

// ---------- export register (migration 0009) ----------

export interface ExportRegisterTable {
  id: Generated<number>;
  created_at: string;
  operator_id: number;
  preset: 'interventi' | 'riepilogo_mensile' | 'morosita' | 'attivita';
  format: 'excel' | 'tecnico';
  period_kind: string;
  period_from: string;
  period_to: string;
  period_label: string;
  /** JSON {areaIds, buildingIds}. */
  filters: string;
  scope: string;
  layout_version: number;
  rows: number;
  bytes: number;
  file_name: string;
  sha256: string;
}

// ---------- letters to residents (migration 0008) ----------

export interface LetterTemplatesTable {
  id: Generated<number>;
  builtin_key: string | null;
  name: string;
  active: number;
  current_version: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
}

/** Immutable (triggers refuse UPDATE and DELETE). */
export interface LetterTemplateVersionsTable {
  template_id: number;
  version: number;
  subject: string;
  /** JSON: the restricted editor document (shared/letters/body.ts). */
  body: string;
  created_at: string;
  created_by: number | null;
}

export interface LetterLetterheadTable {
  id: number;
  name: string;
  address: string;
  phone: string;
  email: string;
  footer: string;
  sportello_hours: string;
  logo: Buffer | null;
  logo_mime: 'image/png' | 'image/jpeg' | null;
  updated_at: string;
  updated_by: number | null;
}

export interface LetterBatchesTable {
  id: Generated<number>;
  template_id: number;
  template_version: number;
  issued_at: string;
  operator_id: number;
  source: 'nucleo' | 'selezione' | 'caseggiato';
  building_id: number | null;
  letter_count: number;
  /** JSON object: values given for the whole batch (meeting date, place…). */
  batch_values: string;
}

export interface LettersTable {
  id: Generated<number>;
  /** `2026/000123`. */
  protocol: string;
  year: number;
  number: number;
  household_id: number;
  template_id: number;
  template_version: number;
  issued_at: string;
  operator_id: number;
  sha256: string;
  batch_id: number;
}
