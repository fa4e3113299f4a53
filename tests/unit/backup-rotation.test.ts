import { describe, expect, it } from 'vitest';
import { DEFAULT_ROTATION, isoWeek, planRotation, type RotationItem } from '../../shared/backup-rotation';

/** One backup a day at 20:00 UTC for `days` days ending on `last` (YYYY-MM-DD), newest first in ids. */
function daily(last: string, days: number): RotationItem[] {
  const end = Date.parse(`${last}T20:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(end - i * 86_400_000).toISOString();
    return { id: at, at, day: at.slice(0, 10) };
  });
}

const item = (at: string): RotationItem => ({ id: at, at, day: at.slice(0, 10) });

describe('isoWeek', () => {
  it.each([
    ['2026-12-02', '2026-W49'],
    ['2021-01-03', '2020-W53'], // a Sunday belonging to the last week of the year before
    ['2024-12-30', '2025-W01'], // a Monday belonging to the first week of the next year
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeek(day)).toBe(week);
  });
});

describe('planRotation', () => {
  it.each([
    { name: 'nothing to rotate', items: [] as RotationItem[], keep: 0 },
    {
      name: 'the only backup stays even with nothing to keep',
      items: [item('2026-01-01T10:00:00.000Z')],
      keep: 1,
    },
    // 7 daily (26/11–02/12) + the newest of weeks W47, W46 (W48, W49 already kept) + months 10, 09… of 120 days
    { name: 'four months of daily backups', items: daily('2026-12-02', 120), keep: 7 + 2 + 3 },
    { name: 'three days only', items: daily('2026-12-02', 3), keep: 3 },
  ])('$name: keeps $keep', ({ items, keep }) => {
    const plan = planRotation(items, DEFAULT_ROTATION);
    expect(plan.keep).toHaveLength(keep);
    expect(plan.keep.length + plan.remove.length).toBe(items.length);
  });

  it('keeps the newest backup of each of the last 7 days, even with several a day', () => {
    const items = [
      ...daily('2026-12-02', 10),
      ...daily('2026-12-02', 10).map((i) => item(i.at.replace('T20', 'T08'))),
    ];
    const plan = planRotation(items, { keepDaily: 7, keepWeekly: 0, keepMonthly: 0 });
    expect(plan.keep).toEqual(daily('2026-12-02', 7).map((i) => i.id));
  });

  it('keeps one per ISO week and one per month, the newest of each', () => {
    const items = daily('2026-12-02', 120);
    const plan = planRotation(items, { keepDaily: 1, keepWeekly: 4, keepMonthly: 3 });
    const kept = plan.keep.map((id) => id.slice(0, 10));
    // newest of today; weeks W49 (today), W48 (Sun 29/11), W47 (22/11), W46 (15/11); months 12 (today), 11 (30/11), 10 (31/10)
    expect(kept).toEqual([
      '2026-12-02',
      '2026-11-30',
      '2026-11-29',
      '2026-11-22',
      '2026-11-15',
      '2026-10-31',
    ]);
  });

  it('never removes the newest backup, whatever the policy', () => {
    const items = daily('2026-12-02', 5);
    const plan = planRotation(items, { keepDaily: 0, keepWeekly: 0, keepMonthly: 0 });
    expect(plan.keep).toEqual([items[0]!.id]);
    expect(plan.remove).toHaveLength(4);
  });

  it('orders by time, not by the order given', () => {
    const items = daily('2026-12-02', 3).reverse();
    const plan = planRotation(items, { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 });
    expect(plan.keep).toEqual([daily('2026-12-02', 1)[0]!.id]);
  });
});
