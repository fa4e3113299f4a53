import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import { addToPeriod, daysBetween } from '../../db/queries/arrears-facts';
import {
  activityFigures,
  arrearsByMonth,
  bandsOfMonth,
  buildingActivities,
  buildingArrears,
  buildingBands,
  buildingFigures,
  buildingGroups,
  buildingHeader,
  buildingHighRisk,
  buildingInterventionsBy,
  followupFigures,
  householdsFollowed,
  interventionCounts,
  latestStatementMonth,
  monthRange,
  scopeBuildingIds,
  type BuildingScope,
} from '../../db/queries/dashboard';
import { getOperator } from '../../db/queries/operators';
import { firstRow, runSql } from '../../db/queries/registry-common';
import { transaction } from '../../db/sync';
import {
  dashboardSettingsSchema,
  DEFAULT_DASHBOARD_SETTINGS,
  type AttentionReason,
  type DashboardSettings,
} from '../../shared/contract';
import { RISK_BANDS } from '../../shared/risk/score';
import type { Handler, HandlerContext } from '../core/context';
import { localDate } from './agenda';
import { ensureScoresOfToday } from './risk';
import { nextUpdatedAt, requireBuilding, seesAll } from './scope';

const OTHERS_FIGURES = 'Solo un coordinatore può vedere i dati dei caseggiati di un altro operatore.';
const SETTINGS_KEY = 'dashboard';
const SETTINGS_CHANGED =
  'Le soglie del cruscotto sono state modificate da qualcun altro nel frattempo: ricaricare la pagina e ripetere la modifica.';

interface Filters {
  areaId: number | null;
  buildingId: number | null;
  operatorId: number | null;
  from: string | null;
  to: string | null;
}

/** The period asked for (this month by default) and the one of the same length before it. */
function periodOf(f: Filters, now: string) {
  const today = localDate(now);
  const thisMonth = today.slice(0, 7);
  const to = f.to ?? (f.from !== null && f.from > thisMonth ? f.from : thisMonth);
  const from = f.from ?? to;
  const length = monthRange(from, to).length;
  return {
    from,
    to,
    previousFrom: addToPeriod(from, -length),
    previousTo: addToPeriod(from, -1),
    today,
  };
}

/**
 * The buildings the figures are about: the caller's (an operatore: only those assigned to
 * them), narrowed by the filters. A filter on a building or an operator the caller may not see
 * is refused, not silently emptied.
 */
function scopeOf(ctx: HandlerContext, f: Filters): BuildingScope {
  const { db, operator: me } = ctx;
  if (f.buildingId !== null) requireBuilding(db.raw, me, f.buildingId);
  if (f.operatorId !== null && f.operatorId !== me.id) {
    if (!seesAll(me)) throw new AppError('forbidden', OTHERS_FIGURES);
    if (!getOperator(db, f.operatorId))
      throw new AppError('not_found', 'Operatore non trovato: forse è stato eliminato.');
  }
  const viewerId = seesAll(me) ? null : me.id;
  if (viewerId === null && f.areaId === null && f.buildingId === null && f.operatorId === null) {
    return { all: true, ids: [] };
  }
  return {
    all: false,
    ids: scopeBuildingIds(db, {
      areaId: f.areaId,
      buildingId: f.buildingId,
      operatorId: f.operatorId,
      viewerId,
    }),
  };
}

function buildingCount(db: Db, scope: BuildingScope): number {
  if (!scope.all) return scope.ids.length;
  return firstRow<{ n: number }>(db.raw, 'SELECT count(*) AS n FROM buildings')?.n ?? 0;
}

export const overview: Handler<'dashboard.overview'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  ensureScoresOfToday(db, now);
  const period = periodOf(input, now);
  const scope = scopeOf(ctx, input);
  const trend = arrearsByMonth(db, scope, addToPeriod(period.to, -11), period.to);
  // The latest statement up to the period's end (within the trend's 12 months): early in a month
  // this month's file has not come yet, and the latest known arrears are what one wants to see.
  const inPeriod = trend.filter((p) => p.totalCents !== null);
  const arrearsMonth = inPeriod.at(-1)?.month ?? latestStatementMonth(db, scope, period.from, period.to);
  const arrearsTotal =
    arrearsMonth === null
      ? null
      : (trend.find((p) => p.month === arrearsMonth)?.totalCents ??
        arrearsByMonth(db, scope, arrearsMonth, arrearsMonth)[0]?.totalCents ??
        null);
  const previousMonth = addToPeriod(period.to, -1);
  return {
    period,
    buildings: buildingCount(db, scope),
    householdsFollowed: householdsFollowed(db, scope),
    interventions: interventionCounts(db, scope, period),
    arrears: { month: arrearsMonth, totalCents: arrearsTotal, trend },
    bands: { month: period.to, previousMonth, ...bandsOfMonth(db, scope, period.to, previousMonth) },
    activities: activityFigures(db, scope, period.from, period.to),
    followups: followupFigures(db, scope, period.today),
  };
};

export function readSettings(db: Db): { settings: DashboardSettings; updatedAt: string | null } {
  const row = firstRow<{ value: string; updated_at: string }>(
    db.raw,
    'SELECT value, updated_at FROM settings WHERE key = ?',
    [SETTINGS_KEY],
  );
  if (!row) return { settings: DEFAULT_DASHBOARD_SETTINGS, updatedAt: null };
  const parsed = dashboardSettingsSchema.safeParse(JSON.parse(row.value));
  return { settings: parsed.success ? parsed.data : DEFAULT_DASHBOARD_SETTINGS, updatedAt: row.updated_at };
}

export const buildings: Handler<'dashboard.buildings'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  ensureScoresOfToday(db, now);
  const period = periodOf(input, now);
  const scope = scopeOf(ctx, input);
  const { settings } = readSettings(db);
  const month = period.to;
  const previousMonth = addToPeriod(month, -1);
  const yearBack = addToPeriod(period.to, -11);
  const arrearsMonth = latestStatementMonth(
    db,
    scope,
    yearBack < period.from ? yearBack : period.from,
    period.to,
  );
  // Days are counted to today, or to the period's end when the period is over.
  const lastDay = `${month}-31` < period.today ? lastDayOf(month) : period.today;
  const rows = buildingFigures(db, scope, {
    from: period.from,
    to: period.to,
    arrearsMonth,
    month,
    previousMonth,
  });
  return {
    period,
    month,
    settings,
    rows: rows.map((r) => {
      const lastVisitOn = r.last_visit_at === null ? null : r.last_visit_at.slice(0, 10);
      const daysSinceVisit = lastVisitOn === null ? null : daysBetween(lastVisitOn, lastDay);
      const daysSinceMeeting = r.last_meeting_on === null ? null : daysBetween(r.last_meeting_on, lastDay);
      const attention: AttentionReason[] = [];
      if (r.high - r.high_previous >= settings.riskGrowth) attention.push('rischio_in_crescita');
      if (daysSinceMeeting === null || daysSinceMeeting > settings.meetingDays)
        attention.push('nessuna_assemblea');
      if (daysSinceVisit === null || daysSinceVisit > settings.visitDays) attention.push('nessuna_visita');
      return {
        buildingId: r.id,
        address: r.address,
        city: r.city,
        areaName: r.area_name,
        households: r.households,
        units: r.units,
        arrearsCents: r.arrears,
        arrearsPerUnitCents: r.arrears === null || r.units === 0 ? null : Math.round(r.arrears / r.units),
        highRisk: r.high,
        highRiskPrevious: r.high_previous,
        interventions: r.interventions,
        activities: r.activities,
        participationRate: r.households === 0 ? null : Math.min(1, r.participants / r.households),
        lastMeetingOn: r.last_meeting_on,
        lastVisitOn,
        daysSinceVisit,
        attention,
      };
    }),
  };
};

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

export const building: Handler<'dashboard.building'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  requireBuilding(db.raw, me, input.buildingId);
  ensureScoresOfToday(db, now);
  const to = input.to ?? localDate(now).slice(0, 7);
  const from = addToPeriod(to, -(input.months - 1));
  const months = monthRange(from, to);
  const header = buildingHeader(db, input.buildingId);
  if (!header) throw new AppError('not_found', 'Caseggiato non trovato: forse è stato eliminato.');
  const bandRows = buildingBands(db, input.buildingId, from, to);
  const bands = months.map((month) => {
    const counts = { month, basso: 0, medio: 0, alto: 0, critico: 0 };
    for (const r of bandRows) if (r.month === month) counts[RISK_BANDS[r.band_rank] ?? 'basso'] = r.n;
    return counts;
  });
  return {
    building: header,
    months,
    bands,
    arrears: buildingArrears(db, input.buildingId, from, to),
    interventionsByType: buildingInterventionsBy(db, input.buildingId, from, to, 'type'),
    interventionsByTopic: buildingInterventionsBy(db, input.buildingId, from, to, 'topic'),
    activities: buildingActivities(db, input.buildingId, from, to),
    highRisk: buildingHighRisk(db, input.buildingId, to),
    groups: buildingGroups(db, input.buildingId, from, to),
  };
};

function settingsOutput(db: Db) {
  const { settings, updatedAt } = readSettings(db);
  return { settings, defaults: DEFAULT_DASHBOARD_SETTINGS, updatedAt };
}

export const settings: Handler<'dashboard.settings'> = (_input, ctx) => settingsOutput(ctx.db);

export const updateSettings: Handler<'dashboard.updateSettings'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const current = readSettings(db);
    if (current.updatedAt !== input.expectedUpdatedAt) throw new AppError('conflict', SETTINGS_CHANGED);
    const value = JSON.stringify(input.settings);
    const at = current.updatedAt === null ? now : nextUpdatedAt(current.updatedAt, now);
    runSql(
      db.raw,
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                       updated_by = excluded.updated_by`,
      [SETTINGS_KEY, value, at, me.id],
    );
    const historyId = runSql(
      db.raw,
      'INSERT INTO settings_history (key, before, after, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)',
      [SETTINGS_KEY, current.updatedAt === null ? null : JSON.stringify(current.settings), value, at, me.id],
    );
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'dashboard.updateSettings',
      recordType: 'settings_history',
      recordId: historyId,
    });
  });
  return settingsOutput(db);
};
