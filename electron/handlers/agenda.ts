import { AppError } from '../../db/errors';
import { openFollowupsUntil } from '../../db/queries/followups';
import { getOperator } from '../../db/queries/operators';
import type { Followup } from '../../shared/contract';
import type { Handler } from '../core/context';
import { buildingFilter, seesAll } from './scope';

const OTHERS_AGENDA = 'Solo un coordinatore può vedere l’agenda di un altro operatore.';
const AGENDA_DAYS = 7;

const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar date (YYYY-MM-DD) on this computer's clock, `days` after the instant given. */
export function localDate(instant: string, days = 0): string {
  const at = new Date(instant);
  const day = new Date(at.getFullYear(), at.getMonth(), at.getDate() + days);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Overdue, today and the next seven days of one operator's open follow-ups, among those the caller may see. */
export const get: Handler<'agenda.get'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  let owner = me;
  if (input.operatorId !== null && input.operatorId !== me.id) {
    if (!seesAll(me)) throw new AppError('forbidden', OTHERS_AGENDA);
    const other = getOperator(db, input.operatorId);
    if (!other) throw new AppError('not_found', 'Operatore non trovato: forse è stato eliminato.');
    owner = other;
  }
  const now = ctx.now();
  const today = localDate(now);
  const rows = openFollowupsUntil(db, owner.id, localDate(now, AGENDA_DAYS), (column) =>
    buildingFilter(me, column),
  );
  const overdue: Followup[] = [];
  const dueToday: Followup[] = [];
  const nextDays: Followup[] = [];
  for (const row of rows) {
    if (row.dueOn < today) overdue.push(row);
    else if (row.dueOn === today) dueToday.push(row);
    else nextDays.push(row);
  }
  return { operatorId: owner.id, operatorName: owner.full_name, today, overdue, dueToday, nextDays };
};
