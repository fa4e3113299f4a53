/**
 * Which backups to keep: the newest backup of each of the last `keepDaily`
 * days that have one, of the last `keepWeekly` ISO weeks and of the last
 * `keepMonthly` months (the grandfather-father-son scheme of restic's
 * `forget --keep-daily/--keep-weekly/--keep-monthly`). The newest backup is
 * always kept, so the only backup is never deleted.
 */
export interface RotationPolicy {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };

export interface RotationItem {
  id: string;
  /** When it was made (ISO 8601); orders the backups. */
  at: string;
  /** The local calendar day it was made (`YYYY-MM-DD`), which buckets it. */
  day: string;
}

export interface RotationPlan {
  keep: string[];
  remove: string[];
}

/** ISO 8601 week of a `YYYY-MM-DD` day, as `YYYY-Www` (the week's year may differ from the day's). */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function planRotation(items: readonly RotationItem[], policy: RotationPolicy): RotationPlan {
  const newestFirst = [...items].sort((a, b) =>
    a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1,
  );
  const keep = new Set<string>();
  const newest = newestFirst[0];
  if (newest) keep.add(newest.id);
  const rules: [number, (item: RotationItem) => string][] = [
    [policy.keepDaily, (i) => i.day],
    [policy.keepWeekly, (i) => isoWeek(i.day)],
    [policy.keepMonthly, (i) => i.day.slice(0, 7)],
  ];
  for (const [count, bucketOf] of rules) {
    const seen = new Set<string>();
    for (const item of newestFirst) {
      if (seen.size >= count) break;
      const bucket = bucketOf(item);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(item.id);
    }
  }
  return {
    keep: newestFirst.filter((i) => keep.has(i.id)).map((i) => i.id),
    remove: newestFirst.filter((i) => !keep.has(i.id)).map((i) => i.id),
  };
}
