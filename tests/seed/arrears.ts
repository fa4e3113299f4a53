import type { Db } from '../../db/connection';
import { computeRiskAsOf, recomputeRisk } from '../../db/queries/risk';
import { INCOLPEVOLE_CAUSES, type IncolpevoleCause } from '../../shared/arrears/incolpevole';
import {
  buildInstallments,
  planStatus,
  type Installment,
  type PlanPayment,
  type PlanStatus,
} from '../../shared/arrears/plan';
import { DEFAULT_ARREARS_SETTINGS } from '../../shared/contract';
import { LEGAL_STAGES, type LegalStage } from '../../shared/risk/score';
import { isoDate, timestamp, weekday } from './dates';
import type { Random } from './random';
import type { HouseholdInfo, SeedSize, Stay, World } from './world';

/**
 * Five years of monthly rent statements from the housing office (ALER) for a
 * sample of its units, as if the cooperative had imported one file a month:
 * the import log, the statements, the legal stage per household, repayment
 * plans with their installments and the payments read from the statements,
 * a few morosità incolpevole files (causes, ISEE). Then the risk scores: this
 * month's for every household through the app's own recompute, and the
 * monthly history of the last 24 months.
 *
 * Patterns, per household: most pay (now and then a month late, caught up
 * the month after); some slip for a few months and recover (with a repayment
 * plan, or after a sollecito/diffida); some spiral, the legal stages
 * escalating from sollecito to decreto ingiuntivo, sfratto convalidato and,
 * for a few, esecuzione.
 *
 * The latest statement is last month's: the file of a month arrives in the
 * first days of the next one, so the current month has no statement yet.
 * The household of a statement is the one living in the unit on the 15th of
 * that month (from the stays, so former households keep their statements);
 * months with the unit empty have no statement. Each household's balance
 * starts at zero with the first statement it has in the unit.
 */

/**
 * Statements wanted: units are added until their lived-in months reach this
 * (about 2,400 units for the large set, some empty part of the time; about
 * 55 for the small one). Fewer when the ALER units run out.
 */
export const ARREARS_ROWS: Record<SeedSize, number> = { small: 3_000, large: 120_000 };
export const ARREARS_MONTHS = 60;
/** Months of risk history stored before the current one. */
export const RISK_HISTORY_MONTHS = 24;

export type ArrearsPattern = 'regolare' | 'recupero' | 'spirale';

export interface ArrearsSeed {
  /** The pattern of each household with statements. */
  patterns: Map<number, ArrearsPattern>;
  /** Households with a statement in each period, with the balance it states. */
  billed: Map<string, { householdId: number; balance: number }[]>;
  /** When each plan was open: from the day it was agreed to the day it was closed (day numbers). */
  planWindows: { householdId: number; from: number; to: number }[];
  firstPeriod: string;
  lastPeriod: string;
  statements: number;
  plans: number;
}

type Stage = LegalStage;
const rank = (stage: Stage) => LEGAL_STAGES.indexOf(stage);

const PLAN_NOTES = [
  'Piano concordato con ALER allo sportello, con il tutor presente.',
  'Rateizzazione concordata dopo il sollecito.',
  'Il nucleo si impegna a versare la rata insieme al canone.',
  'Accordo raggiunto con l’aiuto del tutor; copia dell’accordo nel fascicolo.',
  '',
  '',
];
const CAUSE_NOTES = [
  'Copia della lettera in fascicolo.',
  'Documentazione consegnata allo sportello.',
  'Da verificare con il Comune.',
  '',
  '',
];

// ── Months and days ──────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
/** Month number (year × 12 + month − 1) of a day number. */
const monthOfDay = (day: number) => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const periodOf = (k: number) => `${Math.floor(k / 12)}-${pad2((k % 12) + 1)}`;
const daysIn = (k: number) => new Date(Date.UTC(Math.floor(k / 12), (k % 12) + 1, 0)).getUTCDate();
/** Day number of a day of month k (clamped to the month's length). */
const dayOf = (k: number, dayOfMonth: number) =>
  Math.floor(Date.UTC(Math.floor(k / 12), k % 12, Math.min(dayOfMonth, daysIn(k))) / DAY_MS);
/** Monday to Friday: a Saturday or Sunday moves to the next Monday. */
const workday = (day: number) => {
  const wd = weekday(day);
  return wd === 6 ? day + 2 : wd === 0 ? day + 1 : day;
};

// ── What is generated ────────────────────────────────────────────────

interface UnitRow {
  id: number;
  rooms: number | null;
}

interface Segment {
  unit: UnitRow;
  household: HouseholdInfo;
  author: number;
  /** First and last month (inclusive). */
  k0: number;
  k1: number;
}

interface Row {
  unitId: number;
  householdId: number;
  k: number;
  rent: number;
  charges: number;
  due: number;
  paid: number;
  balance: number;
  monthsUnpaid: number;
  stage: Stage | null;
  lastPayment: string | null;
}

interface PlanDraft {
  householdId: number;
  author: number;
  agreedOn: number;
  total: number;
  installments: Installment[];
  /** Month of the first installment. */
  firstK: number;
  notes: string;
  /** Month of the last statement whose payments belong to the plan when it is closed. */
  lastK: number | null;
  closedOn: number | null;
  closeReason: 'concluso' | 'decaduto' | null;
}

interface CauseDraft {
  householdId: number;
  author: number;
  cause: IncolpevoleCause;
  eventDate: number | null;
  recordedOn: number;
  notes: string;
}

interface IseeDraft {
  householdId: number;
  author: number;
  valueCents: number;
  date: number;
  updatedOn: number;
}

interface Output {
  rows: Row[];
  plans: PlanDraft[];
  /** Households with a plan: one each (a household moved between two sampled units gets one). */
  planned: Set<number>;
  causes: CauseDraft[];
  isee: IseeDraft[];
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const between = (r: Random, lo: number, hi: number) => lo + r.next() * (hi - lo);

/** Canone sociale: by size and (mostly) income, 40–350 € a month. */
function initialRent(r: Random, rooms: number | null): number {
  const base = 5_500 + 3_000 * (rooms ?? 2.5);
  return Math.round(clamp(base * Math.exp(0.4 * r.normal()), 4_000, 35_000));
}

/** Spese (heating, cleaning, lift…): 20–90 € a month. */
function initialCharges(r: Random, rooms: number | null): number {
  return clamp(2_000 + 900 * (rooms ?? 2.5) + r.int(0, 2_500), 2_000, 9_000);
}

/**
 * One household's months in one unit. The rules that decide what is paid
 * depend on the pattern; the statement columns are always derived the same
 * way: balance = previous balance + due − paid; months unpaid = consecutive
 * months ending here with nothing paid while something is owed; last payment
 * date carried forward; legal stage written while a procedure is open (and
 * `nessuna` once, in the month the debt is cleared).
 */
class Simulation {
  private rent: number;
  private charges: number;
  private readonly habit: number;
  private balance = 0;
  private monthsUnpaid = 0;
  private lastPayment: string | null = null;
  private stage: Stage = 'nessuna';
  private stageSince: number;
  private mode: 'ok' | 'episode' | 'repay' | 'plan' | 'decline';
  private readonly maxStage: Stage;
  // Slipping and recovering.
  private episodeStart = Infinity;
  private episodeEnd = Infinity;
  private recovery: 'plan' | 'repay' = 'repay';
  private episodes = 0;
  // Spiralling.
  private spiralStart = Infinity;
  /** 0 = a slow slide (most of the rent still paid), 1 = nothing paid within months. */
  private severity = 0;
  private wantsPlan = false;
  // The open plan.
  private plan: PlanDraft | null = null;
  private planPaid = 0;
  private planVariant: 'regolare' | 'singhiozzo' | 'ritardo' | 'interrotto' = 'regolare';
  private planSkip = new Set<number>();
  private planBreakAfter = Infinity;
  private readonly until: number;

  constructor(
    private readonly r: Random,
    private readonly seg: Segment,
    private readonly pattern: ArrearsPattern,
    private readonly lastK: number,
    private readonly today: number,
    private readonly out: Output,
  ) {
    this.rent = initialRent(r, seg.unit.rooms);
    this.charges = initialCharges(r, seg.unit.rooms);
    this.habit = r.int(1, 18);
    this.stageSince = seg.k0;
    this.mode = 'ok';
    this.maxStage = pattern === 'spirale' ? 'esecuzione' : 'diffida';
    const len = seg.k1 - seg.k0 + 1;
    // The household's last day in the unit (or today): what the tutor records comes before it.
    this.until = Math.min(today - 1, dayOf(seg.k1 + 1, 1));
    if (pattern === 'recupero') {
      this.planEpisode(seg.k0 + r.int(0, Math.max(0, len - 3)), r.chance(0.6));
      this.addCauses(this.episodeStart, 0.12, 0.05);
    }
    if (pattern === 'spirale') {
      this.spiralStart = len < 8 ? seg.k0 : seg.k0 + Math.floor(len * between(r, 0.2, 0.92));
      this.severity = r.next();
      this.wantsPlan = r.chance(0.6);
      this.addCauses(this.spiralStart, 0.45, 0.3);
    }
  }

  private planEpisode(start: number, plan: boolean): void {
    this.episodeStart = start;
    this.episodeEnd = start + this.r.int(2, 8);
    this.recovery = plan && this.episodes === 0 ? 'plan' : 'repay';
    this.episodes += 1;
  }

  /** Morosità incolpevole: a cause shortly before the arrears began (sometimes after), an ISEE. */
  private addCauses(startK: number, causeChance: number, iseeOnly: number): void {
    const r = this.r;
    const start = Math.min(dayOf(startK, 1), this.until);
    const until = this.until;
    const hasCause = r.chance(causeChance);
    if (hasCause) {
      const cause = r.weighted<IncolpevoleCause>([
        ['licenziamento', 5],
        ['mancato_rinnovo', 4],
        ['riduzione_orario', 3],
        ['cassa_integrazione', 2],
        ['cessazione_attivita', 1],
        ['malattia_infortunio_decesso', 3],
        ['rottura_nucleo', 3],
      ]);
      const before = r.chance(0.85);
      let event = before ? start - r.int(0, 150) : start + r.int(30, 200);
      event = Math.min(event, until);
      const undated = r.chance(0.06);
      this.out.causes.push({
        householdId: this.seg.household.id,
        author: this.seg.author,
        cause,
        eventDate: undated ? null : event,
        recordedOn: clamp(Math.max(event, start) + r.int(20, 150), event, until),
        notes: r.pick(CAUSE_NOTES),
      });
      if (r.chance(0.15)) {
        const second = r.pick(INCOLPEVOLE_CAUSES.map((c) => c.code).filter((c) => c !== cause));
        const at = Math.min(event + r.int(-200, 60), until);
        this.out.causes.push({
          householdId: this.seg.household.id,
          author: this.seg.author,
          cause: second,
          eventDate: at,
          recordedOn: clamp(at + r.int(10, 120), at, until),
          notes: '',
        });
      }
    }
    if (r.chance(hasCause ? 0.85 : iseeOnly)) {
      const date = r.chance(0.8) ? until - r.int(10, 330) : until - r.int(400, 720);
      const value = r.chance(0.15) ? r.int(2_600_001, 3_800_000) : r.int(150_000, 2_400_000);
      this.out.isee.push({
        householdId: this.seg.household.id,
        author: this.seg.author,
        valueCents: value,
        date,
        updatedOn: clamp(date + r.int(1, 40), date, until),
      });
    }
  }

  run(): void {
    const { seg } = this;
    for (let k = seg.k0; k <= seg.k1; k += 1) {
      if (k > seg.k0 && k % 12 === 0) this.newYear();
      const due = this.rent + this.charges;
      this.transition(k, due);
      const paid = this.pay(k, due);
      this.balance += due - paid;
      if (paid > 0) {
        const day = clamp(this.habit + this.r.int(-3, 6), 1, 28);
        this.lastPayment = isoDate(dayOf(k, day));
      }
      this.monthsUnpaid = this.balance > 0 && paid === 0 ? this.monthsUnpaid + 1 : 0;
      if (this.plan && this.mode !== 'ok' && k >= this.plan.firstK) this.planPaid += Math.max(0, paid - due);
      const stage = this.updateStage(k, due);
      this.out.rows.push({
        unitId: seg.unit.id,
        householdId: seg.household.id,
        k,
        rent: this.rent,
        charges: this.charges,
        due,
        paid,
        balance: this.balance,
        monthsUnpaid: this.monthsUnpaid,
        stage,
        lastPayment: this.lastPayment,
      });
      this.afterMonth(k);
    }
  }

  /** January: the rent follows the new ISEE, the charges the new estimate. */
  private newYear(): void {
    this.rent = Math.round(clamp(this.rent * (1 + 0.06 * this.r.normal()), 4_000, 35_000));
    this.charges = clamp(this.charges + this.r.int(-300, 600), 2_000, 9_000);
  }

  private transition(k: number, due: number): void {
    const r = this.r;
    if (this.pattern === 'recupero') {
      if (this.mode === 'ok' && k === this.episodeStart) this.mode = 'episode';
      else if (this.mode === 'episode' && k >= this.episodeEnd) {
        if (this.recovery === 'plan' && this.balance > due && !this.out.planned.has(this.seg.household.id))
          this.agreePlan(k, due);
        else this.mode = 'repay';
      }
    } else if (this.pattern === 'spirale') {
      if (this.mode === 'ok' && k >= this.spiralStart) this.mode = 'decline';
      else if (
        this.mode === 'decline' &&
        this.wantsPlan &&
        this.plan === null &&
        !this.out.planned.has(this.seg.household.id) &&
        rank(this.stage) >= rank('diffida') &&
        this.balance > 3 * due &&
        r.chance(0.3)
      ) {
        this.agreePlan(k, due);
      }
    }
  }

  /** The plan is agreed in month k (the month is paid as usual); installments from next month. */
  private agreePlan(k: number, due: number): void {
    const r = this.r;
    const spiral = this.pattern === 'spirale';
    const total = this.balance;
    const share = spiral ? between(r, 0.2, 0.5) : between(r, 0.3, 0.9);
    const count = clamp(Math.ceil(total / (due * share)), spiral ? 6 : 3, spiral ? 36 : 24);
    const firstK = k + 1;
    const installments = buildInstallments({
      totalCents: total,
      count,
      firstDueDate: isoDate(dayOf(firstK, 31)),
    });
    this.plan = {
      householdId: this.seg.household.id,
      author: this.seg.author,
      agreedOn: Math.min(dayOf(k, r.int(5, 25)), this.today - 1),
      total,
      installments,
      firstK,
      notes: r.pick(PLAN_NOTES),
      lastK: null,
      closedOn: null,
      closeReason: null,
    };
    this.out.plans.push(this.plan);
    this.out.planned.add(this.seg.household.id);
    this.planPaid = 0;
    this.planSkip = new Set();
    this.planBreakAfter = Infinity;
    if (spiral) {
      this.planVariant = 'interrotto';
      this.planBreakAfter = r.int(1, Math.min(5, count - 1));
    } else {
      this.planVariant = r.weighted([
        ['regolare', 58],
        ['singhiozzo', 12],
        ['ritardo', 30],
      ] as const);
      if (this.planVariant === 'singhiozzo') this.planSkip.add(firstK + r.int(0, Math.max(0, count - 2)));
      if (this.planVariant === 'ritardo') {
        this.planSkip.add(this.lastK - 1);
        if (r.chance(0.4)) this.planSkip.add(this.lastK - 2);
      }
    }
    this.mode = 'plan';
  }

  /** What the household pays in month k. */
  private pay(k: number, due: number): number {
    const r = this.r;
    switch (this.mode) {
      case 'ok': {
        if (this.balance > 0) return due + this.balance; // catching up a late month
        if (r.chance(0.025)) return 0; // a month late
        if (k % 12 === 11 && r.chance(0.02)) return 2 * due + this.balance; // December and January together
        return Math.max(0, due + this.balance);
      }
      case 'episode':
        return r.chance(0.55) ? 0 : Math.round(due * between(r, 0.2, 0.7));
      case 'repay': {
        const extra = r.chance(0.2) ? this.balance : Math.round(due * between(r, 0.3, 1));
        return Math.max(0, due + Math.min(this.balance, extra));
      }
      case 'plan': {
        const plan = this.plan!;
        if (k < plan.firstK) return due;
        const j = k - plan.firstK;
        if (this.planVariant === 'interrotto' && j >= this.planBreakAfter) {
          this.mode = 'decline';
          return this.pay(k, due);
        }
        if (this.planSkip.has(k)) return r.chance(0.7) ? due : 0;
        let owed = 0;
        for (let i = 0; i <= j && i < plan.installments.length; i += 1)
          owed += plan.installments[i]!.amountCents;
        // A late plan pays this month's installment only; the others catch up what was missed.
        const extra =
          this.planVariant === 'ritardo' && k >= this.lastK - 2
            ? (plan.installments[j]?.amountCents ?? 0)
            : owed - this.planPaid;
        return due + Math.max(0, Math.min(extra, plan.total - this.planPaid));
      }
      case 'decline': {
        const months = k - this.spiralStart;
        // Now and then a lump sum, to stop a procedure (not while a plan is open: it would count as a rata).
        if (this.plan === null || this.plan.closedOn !== null) {
          if (rank(this.stage) >= rank('diffida') && r.chance(0.05))
            return due + Math.round(this.balance * between(r, 0.2, 0.6));
        }
        const s = this.severity;
        if (r.chance(Math.min(0.9, 0.1 + 0.4 * s + 0.03 * s * months))) return 0;
        return Math.round(due * between(r, 0.15 + 0.5 * (1 - s), 0.6 + 0.35 * (1 - s)));
      }
    }
  }

  private updateStage(k: number, due: number): Stage | null {
    if (this.pattern === 'regolare') return null;
    if (this.balance <= 0) {
      if (this.stage === 'nessuna') return null;
      this.stage = 'nessuna';
      this.stageSince = k;
      return 'nessuna';
    }
    const planOn = this.mode === 'plan';
    const months = this.balance / due;
    const inStage = k - this.stageSince;
    let next: Stage | null = null;
    if (!planOn) {
      switch (this.stage) {
        case 'nessuna':
          if (months >= 2) next = 'sollecito';
          break;
        case 'sollecito':
          if (months >= 3.5 && inStage >= 2) next = 'diffida';
          break;
        case 'diffida':
          if (months >= 6 && inStage >= 3) next = 'decreto_ingiuntivo';
          break;
        case 'decreto_ingiuntivo':
          if (months >= 10 && inStage >= 8 && this.r.chance(0.2)) next = 'sfratto_convalidato';
          break;
        case 'sfratto_convalidato':
          // Few reach the bailiff: most settle or are helped before.
          if (inStage >= 8 && this.r.chance(0.04)) next = 'esecuzione';
          break;
        case 'esecuzione':
          break;
      }
    }
    if (next !== null && rank(next) <= rank(this.maxStage)) {
      this.stage = next;
      this.stageSince = k;
    }
    return this.stage === 'nessuna' ? null : this.stage;
  }

  private afterMonth(k: number): void {
    const r = this.r;
    if (this.mode === 'repay' && this.balance <= 0) {
      this.mode = 'ok';
      if (r.chance(0.25)) this.planEpisode(k + r.int(6, 18), false);
    }
    const plan = this.plan;
    if (!plan || plan.closedOn !== null || plan.lastK !== null) return;
    if (this.planPaid >= plan.total) {
      // Paid in full: the tutor closes it within a few weeks (still open when it just ended).
      plan.lastK = k;
      this.mode = 'ok';
      const closing = workday(dayOf(k + 1, r.int(3, 20)));
      if (closing < this.today) {
        plan.closedOn = closing;
        plan.closeReason = 'concluso';
      }
      if (this.pattern === 'recupero' && r.chance(0.2)) this.planEpisode(k + r.int(6, 18), false);
    } else if (
      this.planVariant === 'interrotto' &&
      this.mode === 'decline' &&
      k - plan.firstK >= this.planBreakAfter + 3 &&
      r.chance(0.15)
    ) {
      // Broken for months: ALER declares the plan lapsed.
      const closing = workday(dayOf(k + 1, r.int(3, 20)));
      if (closing < this.today) {
        plan.lastK = k;
        plan.closedOn = closing;
        plan.closeReason = 'decaduto';
      }
    }
  }
}

// ── The step ─────────────────────────────────────────────────────────

/**
 * Writes the statements and what goes with them, inside the seed's
 * transaction (foreign keys are checked at its end). Prepared statements
 * only.
 */
export function seedArrears(w: World, rowTarget: number): ArrearsSeed {
  const r = w.random;
  const raw = w.raw;
  const lastK = monthOfDay(w.today) - 1;
  const firstK = lastK - ARREARS_MONTHS + 1;

  // The sample: units of ALER buildings with a code, lived in today.
  const staysOf = new Map<number, Stay[]>();
  for (const building of w.buildings) {
    for (const stay of building.stays) {
      const list = staysOf.get(stay.unit.id);
      if (list) list.push(stay);
      else staysOf.set(stay.unit.id, [stay]);
    }
  }
  const occupied = new Set(w.units.filter((u) => u.current !== null).map((u) => u.id));
  const tutorOf = new Map(w.units.map((u) => [u.id, u.building.tutors[0]!.id]));
  const candidates = (
    raw
      .prepare(
        `SELECT u.id, u.rooms FROM units u JOIN buildings b ON b.id = u.building_id
          WHERE b.owner = 'ALER' AND u.agency_code IS NOT NULL ORDER BY u.id`,
      )
      .all() as UnitRow[]
  ).filter((u) => occupied.has(u.id));
  const stayOn = (unit: UnitRow, day: number) =>
    (staysOf.get(unit.id) ?? []).find((s) => s.from <= day && day < s.to);
  // Units in random order until their lived-in months reach the target.
  const units: UnitRow[] = [];
  let months = 0;
  for (const unit of r.shuffle(candidates)) {
    if (months >= rowTarget) break;
    units.push(unit);
    for (let k = firstK; k <= lastK; k += 1) if (stayOn(unit, dayOf(k, 15))) months += 1;
  }
  units.sort((a, b) => a.id - b.id);

  // Who lived there each month (on the 15th).
  const segments: Segment[] = [];
  for (const unit of units) {
    let current: Segment | null = null;
    for (let k = firstK; k <= lastK; k += 1) {
      const stay = stayOn(unit, dayOf(k, 15));
      if (stay && current && current.household === stay.household && current.k1 === k - 1) {
        current.k1 = k;
      } else if (stay) {
        current = { unit, household: stay.household, author: tutorOf.get(unit.id)!, k0: k, k1: k };
        segments.push(current);
      } else current = null;
    }
  }

  // Patterns: a household that already talks with the tutor about arrears is more likely to slip.
  const households = [...new Set(segments.map((s) => s.household))];
  const keyed = households.map((h) => ({
    h,
    key: r.next() * (h.topics.includes('morosità') ? 0.45 : 1),
  }));
  keyed.sort((a, b) => a.key - b.key || a.h.id - b.h.id);
  const patterns = new Map<number, ArrearsPattern>();
  const spirals = Math.round(keyed.length * 0.1);
  const recovering = Math.round(keyed.length * 0.15);
  keyed.forEach(({ h }, i) =>
    patterns.set(h.id, i < spirals ? 'spirale' : i < spirals + recovering ? 'recupero' : 'regolare'),
  );

  const out: Output = { rows: [], plans: [], planned: new Set(), causes: [], isee: [] };
  for (const seg of segments) {
    new Simulation(r, seg, patterns.get(seg.household.id)!, lastK, w.today, out).run();
  }
  // A household that moved between two sampled units has one ISEE: the latest.
  const isee = new Map<number, IseeDraft>();
  for (const i of out.isee) isee.set(i.householdId, i);
  out.isee = [...isee.values()];

  writeAll(w, out, firstK, lastK);

  const billed = new Map<string, { householdId: number; balance: number }[]>();
  for (const row of out.rows) {
    const period = periodOf(row.k);
    const entry = { householdId: row.householdId, balance: row.balance };
    const list = billed.get(period);
    if (list) list.push(entry);
    else billed.set(period, [entry]);
  }
  return {
    patterns,
    billed,
    planWindows: out.plans.map((p) => ({
      householdId: p.householdId,
      from: p.agreedOn,
      to: p.closedOn ?? Infinity,
    })),
    firstPeriod: periodOf(firstK),
    lastPeriod: periodOf(lastK),
    statements: out.rows.length,
    plans: out.plans.length,
  };
}

const PROFILE_MAPPING = {
  unitCode: 'Codice alloggio',
  tenantName: 'Intestatario',
  period: 'Periodo',
  rent: 'Canone',
  charges: 'Spese',
  due: 'Totale dovuto',
  paid: 'Versato',
  balance: 'Saldo morosità',
  monthsUnpaid: 'Mensilità insolute',
  legalStage: 'Stato legale',
  lastPaymentDate: 'Data ultimo pagamento',
};

interface StageRow {
  household_id: number;
  legal_stage: Stage;
  legal_stage_set_at: string;
  legal_stage_set_by: number | null;
  legal_stage_import_id: number | null;
  legal_stage_period: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

function writeAll(w: World, out: Output, firstK: number, lastK: number): void {
  const r = w.random;
  const raw = w.raw;
  const coordinator = w.coordinators[0]!.id;
  const at = (day: number, from = 9 * 60, to = 17 * 60) => timestamp(day, r.int(from, to), r.int(0, 59));

  // The sender's column profile, saved with the first import.
  const firstImportDay = workday(dayOf(firstK + 1, r.int(4, 10)));
  const profileAt = at(firstImportDay, 9 * 60, 10 * 60);
  const profileId = Number(
    raw
      .prepare(
        `INSERT INTO arrears_profiles (name, mapping, created_at, updated_at, created_by, updated_by)
         VALUES ('ALER Cremona', ?, ?, ?, ?, ?)`,
      )
      .run(JSON.stringify(PROFILE_MAPPING), profileAt, profileAt, coordinator, coordinator).lastInsertRowid,
  );

  const insertImport = raw.prepare(
    `INSERT INTO arrears_imports (file_name, sha256, profile_id, imported_at, imported_by, rows_read, rows_written,
       rows_unchanged, rows_skipped, rows_error, period_min, period_max)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?)`,
  );
  const insertStatement = raw.prepare(
    `INSERT INTO arrears_statements (unit_id, household_id, period, rent_cents, charges_cents, due_cents, paid_cents,
       balance_cents, months_unpaid, legal_stage, last_payment_date, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertChange = raw.prepare(
    'INSERT INTO arrears_statement_changes (import_id, unit_id, period, previous) VALUES (?, ?, ?, NULL)',
  );
  const insertStageChange = raw.prepare(
    'INSERT INTO arrears_stage_changes (import_id, household_id, previous) VALUES (?, ?, ?)',
  );

  const byMonth = new Map<number, Row[]>();
  for (const row of out.rows) {
    const list = byMonth.get(row.k);
    if (list) list.push(row);
    else byMonth.set(row.k, [row]);
  }
  const stages = new Map<number, StageRow>();
  for (let k = firstK; k <= lastK; k += 1) {
    const rows = byMonth.get(k) ?? [];
    const period = periodOf(k);
    const day = Math.max(dayOf(k, 28), Math.min(workday(dayOf(k + 1, r.int(4, 12))), w.today - 1));
    const importedAt = k === firstK ? profileAt : at(day, 9 * 60, 12 * 60 + 30);
    let sha = '';
    for (let i = 0; i < 8; i += 1) sha += r.int(0, 0xffffffff).toString(16).padStart(8, '0');
    // A few lines of the office's file are units the cooperative does not follow: skipped.
    const skipped = r.int(0, 4);
    const importId = Number(
      insertImport.run(
        `estratto_ALER_${period}.csv`,
        sha,
        profileId,
        importedAt,
        r.chance(0.85) ? coordinator : w.adminId,
        rows.length + skipped,
        rows.length,
        skipped,
        period,
        period,
      ).lastInsertRowid,
    );
    for (const row of rows) {
      insertStatement.run(
        row.unitId,
        row.householdId,
        period,
        row.rent,
        row.charges,
        row.due,
        row.paid,
        row.balance,
        row.monthsUnpaid,
        row.stage,
        row.lastPayment,
        importId,
      );
      insertChange.run(importId, row.unitId, period);
      if (row.stage === null) continue;
      // As the import does: the household's stage follows the latest statement that states one.
      const previous = stages.get(row.householdId) ?? null;
      insertStageChange.run(importId, row.householdId, previous === null ? null : JSON.stringify(previous));
      stages.set(row.householdId, {
        household_id: row.householdId,
        legal_stage: row.stage,
        legal_stage_set_at: importedAt,
        legal_stage_set_by: null,
        legal_stage_import_id: importId,
        legal_stage_period: period,
        created_at: previous?.created_at ?? importedAt,
        created_by: previous?.created_by ?? null,
        updated_at: importedAt,
      });
    }
  }
  const insertStage = raw.prepare(
    `INSERT INTO household_arrears (household_id, legal_stage, legal_stage_set_at, legal_stage_set_by,
       legal_stage_import_id, legal_stage_period, created_at, created_by, updated_at)
     VALUES (@household_id, @legal_stage, @legal_stage_set_at, @legal_stage_set_by, @legal_stage_import_id,
       @legal_stage_period, @created_at, @created_by, @updated_at)`,
  );
  for (const row of [...stages.values()].sort((a, b) => a.household_id - b.household_id))
    insertStage.run(row);

  writePlans(w, out, byMonth);

  const insertCause = raw.prepare(
    `INSERT INTO incolpevole_causes (household_id, cause, event_date, notes, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const c of out.causes) {
    insertCause.run(
      c.householdId,
      c.cause,
      c.eventDate === null ? null : isoDate(c.eventDate),
      c.notes,
      at(c.recordedOn),
      c.author,
    );
  }
  const insertIsee = raw.prepare(
    'INSERT INTO household_isee (household_id, value_cents, isee_date, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)',
  );
  for (const i of out.isee) {
    insertIsee.run(i.householdId, i.valueCents, isoDate(i.date), at(i.updatedOn), i.author);
  }
}

/**
 * Plans, installments (buildInstallments) and the payments read from the
 * statements, by the rule the app applies after each import: in each month
 * from the first installment's, what was paid beyond the month's due is a
 * payment of the plan, dated with the statement's payment date. The status
 * is planStatus() as of today (as of the closing day for a closed plan).
 */
function writePlans(w: World, out: Output, byMonth: Map<number, Row[]>): void {
  const r = w.random;
  const raw = w.raw;
  const tolerance = DEFAULT_ARREARS_SETTINGS.planTolerance;
  const breachAfterMissed = DEFAULT_ARREARS_SETTINGS.breachAfterMissed;
  const today = isoDate(w.today);
  const importedAt = new Map<string, string>(
    (
      raw.prepare('SELECT period_min AS period, imported_at FROM arrears_imports').all() as {
        period: string;
        imported_at: string;
      }[]
    ).map((row) => [row.period, row.imported_at]),
  );
  const rowsOf = new Map<number, Row[]>();
  for (const rows of byMonth.values()) {
    for (const row of rows) {
      const list = rowsOf.get(row.householdId);
      if (list) list.push(row);
      else rowsOf.set(row.householdId, [row]);
    }
  }
  const insertPlan = raw.prepare(
    `INSERT INTO repayment_plans (household_id, total_cents, installment_count, first_due_on, every_months, notes,
       status, closed_on, close_reason, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInstallment = raw.prepare(
    'INSERT INTO plan_installments (plan_id, seq, due_on, amount_cents) VALUES (?, ?, ?, ?)',
  );
  const insertPayment = raw.prepare(
    `INSERT INTO plan_payments (plan_id, paid_on, amount_cents, source, statement_period, notes, created_at, created_by)
     VALUES (?, ?, ?, 'estratto', ?, '', ?, NULL)`,
  );
  const plans = [...out.plans].sort((a, b) => a.agreedOn - b.agreedOn || a.householdId - b.householdId);
  for (const plan of plans) {
    const payments: (PlanPayment & { period: string })[] = [];
    for (const row of (rowsOf.get(plan.householdId) ?? []).sort((a, b) => a.k - b.k)) {
      if (row.k < plan.firstK || (plan.closedOn !== null && row.k > plan.lastK!)) continue;
      if (row.paid <= row.due) continue;
      const period = periodOf(row.k);
      const date = row.lastPayment?.startsWith(period) ? row.lastPayment : `${period}-15`;
      payments.push({ date, amountCents: row.paid - row.due, period });
    }
    const asOf = plan.closedOn === null ? today : isoDate(plan.closedOn);
    const status: PlanStatus = planStatus({
      installments: plan.installments,
      payments,
      asOf,
      tolerance,
      breachAfterMissed,
    }).status;
    const createdAt = timestamp(plan.agreedOn, r.int(9 * 60, 17 * 60), r.int(0, 59));
    const updatedAt =
      plan.closedOn === null ? createdAt : timestamp(plan.closedOn, r.int(9 * 60, 17 * 60), r.int(0, 59));
    const planId = Number(
      insertPlan.run(
        plan.householdId,
        plan.total,
        plan.installments.length,
        plan.installments[0]!.dueDate,
        plan.notes,
        status,
        plan.closedOn === null ? null : isoDate(plan.closedOn),
        plan.closeReason,
        createdAt,
        updatedAt,
        plan.author,
        plan.author,
      ).lastInsertRowid,
    );
    plan.installments.forEach((installment, i) =>
      insertInstallment.run(planId, i + 1, installment.dueDate, installment.amountCents),
    );
    for (const payment of payments) {
      insertPayment.run(
        planId,
        payment.date,
        payment.amountCents,
        payment.period,
        importedAt.get(payment.period) ?? createdAt,
      );
    }
  }
}

// ── Risk scores ──────────────────────────────────────────────────────

/**
 * This month's score of every household through the app's recompute (which
 * also refreshes the plans' cached status and marks today's full recompute
 * done, so the first worklist of the day does not redo it), and the history
 * of the last RISK_HISTORY_MONTHS months for the households billed in each
 * month, as it stood at the end of that month (computeRiskAsOf).
 *
 * History rows of households that owed nothing that month and had no open
 * plan are written here directly: score 0, band basso, no contributions, as
 * shared/risk/score.ts rules for "nothing owed and no missed installment"
 * (the unit test checks them against computeRiskAsOf). Recomputing them
 * would read 24 months of statements for each of ~2,000 households × 24
 * months, seconds for rows that are all zero. One transaction.
 */
export function seedRiskScores(db: Db, w: World, arrears: ArrearsSeed): number {
  const today = isoDate(w.today);
  const now = timestamp(w.today, 7 * 60);
  const thisMonth = monthOfDay(w.today);
  const insertZero = db.raw.prepare(
    `INSERT INTO risk_scores (household_id, month, score, band, band_rank, contributions, computed_at)
     VALUES (?, ?, 0, 'basso', 0, '[]', ?)`,
  );
  const plans = new Map<number, { from: number; to: number }[]>();
  for (const p of arrears.planWindows) {
    const list = plans.get(p.householdId);
    if (list) list.push(p);
    else plans.set(p.householdId, [p]);
  }
  let rows = 0;
  db.raw.transaction(() => {
    for (let k = thisMonth - RISK_HISTORY_MONTHS; k < thisMonth; k += 1) {
      const period = periodOf(k);
      // As computeRiskAsOf: the end of the month, or today when earlier.
      const asOf = Math.min(w.today, dayOf(k, 31));
      const toScore = new Set<number>();
      const zero = new Set<number>();
      for (const { householdId, balance } of arrears.billed.get(period) ?? []) {
        const planOpen = (plans.get(householdId) ?? []).some((p) => p.from <= asOf && asOf < p.to);
        (balance > 0 || planOpen ? toScore : zero).add(householdId);
      }
      for (const id of zero) insertZero.run(id, period, now);
      rows += zero.size;
      if (toScore.size > 0) rows += computeRiskAsOf(db, [...toScore], period, { today, now });
    }
    rows += recomputeRisk(db, { householdIds: 'all', asOf: today, now });
  })();
  return rows;
}

/** One line for the seed's progress: how many households follow each pattern. */
export function describeArrears(arrears: ArrearsSeed): string {
  const count = (p: ArrearsPattern) => [...arrears.patterns.values()].filter((x) => x === p).length;
  return (
    `Morosità ${arrears.firstPeriod} – ${arrears.lastPeriod}: ${arrears.patterns.size} nuclei con estratti ` +
    `(pagano regolarmente ${count('regolare')}, in difficoltà e poi in recupero ${count('recupero')}, ` +
    `in aggravamento ${count('spirale')}), ${arrears.plans} piani di rientro.`
  );
}
