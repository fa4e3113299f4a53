import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  buildInstallments,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  planStatus,
} from '../../shared/arrears/plan';
import type { Installment, PlanPayment, PlanStatusResult } from '../../shared/arrears/plan';

const dates = (installments: Installment[]) => installments.map((i) => i.dueDate);
const amounts = (installments: Installment[]) => installments.map((i) => i.amountCents);

describe('calendar arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-06-10', 0, '2025-06-10'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-30', 1, '2025-03-31'], // daylight saving starts in Italy that night
    ['2025-10-26', 1, '2025-10-27'], // and ends on this one
    ['2025-01-20', -10, '2025-01-10'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '25-01-01', '2025-1-1', '']) {
      expect(() => addMonths(bad, 1), bad).toThrow(RangeError);
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
    }
  });
});

describe('buildInstallments', () => {
  it('splits evenly and puts the remainder cents on the last installment', () => {
    const plan = buildInstallments({ totalCents: 100_000, count: 3, firstDueDate: '2025-03-10' });
    expect(plan).toEqual([
      { dueDate: '2025-03-10', amountCents: 33_333 },
      { dueDate: '2025-04-10', amountCents: 33_333 },
      { dueDate: '2025-05-10', amountCents: 33_334 },
    ]);
  });

  it.each([
    [120_000, 12, 10_000, 10_000],
    [100_001, 4, 25_000, 25_001],
    [99_999, 10, 9_999, 10_008],
    [50_000, 1, 50_000, 50_000],
    [2, 3, 0, 2],
    [0, 2, 0, 0],
  ])('%i cents in %i installments: %i each, the last %i', (totalCents, count, each, last) => {
    const plan = buildInstallments({ totalCents, count, firstDueDate: '2025-01-01' });
    expect(plan).toHaveLength(count);
    expect(amounts(plan.slice(0, -1)).every((a) => a === each)).toBe(true);
    expect(plan[count - 1]!.amountCents).toBe(last);
    expect(amounts(plan).reduce((sum, a) => sum + a, 0)).toBe(totalCents);
  });

  it('keeps a plan due on the 31st on the last day of each month (not a leap year)', () => {
    const plan = buildInstallments({ totalCents: 40_000, count: 4, firstDueDate: '2025-01-31' });
    expect(dates(plan)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
  });

  it('uses 29 February in a leap year and goes back to the 31st after it', () => {
    const plan = buildInstallments({ totalCents: 40_000, count: 4, firstDueDate: '2024-01-31' });
    expect(dates(plan)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('keeps the 30th after February and across the new year', () => {
    const plan = buildInstallments({ totalCents: 50_000, count: 5, firstDueDate: '2025-11-30' });
    expect(dates(plan)).toEqual(['2025-11-30', '2025-12-30', '2026-01-30', '2026-02-28', '2026-03-30']);
  });

  it('counts every few months from the first date', () => {
    const quarterly = buildInstallments({
      totalCents: 40_000,
      count: 4,
      firstDueDate: '2025-08-31',
      everyMonths: 3,
    });
    expect(dates(quarterly)).toEqual(['2025-08-31', '2025-11-30', '2026-02-28', '2026-05-31']);
    const yearly = buildInstallments({
      totalCents: 50_000,
      count: 5,
      firstDueDate: '2024-02-29',
      everyMonths: 12,
    });
    expect(dates(yearly)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it.each([
    [{ totalCents: 100, count: 0, firstDueDate: '2025-01-01' }, /almeno una rata/],
    [{ totalCents: 100, count: 1.5, firstDueDate: '2025-01-01' }, /almeno una rata/],
    [{ totalCents: -1, count: 2, firstDueDate: '2025-01-01' }, /non negativo/],
    [{ totalCents: 10.5, count: 2, firstDueDate: '2025-01-01' }, /centesimi/],
    [{ totalCents: 100, count: 2, firstDueDate: '2025-01-01', everyMonths: 0 }, /almeno un mese/],
    [{ totalCents: 100, count: 2, firstDueDate: '2025-02-30' }, /Data non valida: 2025-02-30/],
  ])('refuses %j', (args, message) => {
    expect(() => buildInstallments(args)).toThrow(message);
  });
});

describe('planStatus', () => {
  /** Six installments of 100,00 € on the 10th, January to June 2025. */
  const SIX = buildInstallments({ totalCents: 60_000, count: 6, firstDueDate: '2025-01-10' });
  const TOLERANCE = { days: 10, amountCents: 500 };

  function status(asOf: string, payments: PlanPayment[], extra: { breachAfterMissed?: number } = {}) {
    return planStatus({ installments: SIX, payments, asOf, tolerance: TOLERANCE, ...extra });
  }

  interface Row {
    name: string;
    asOf: string;
    payments: PlanPayment[];
    breachAfterMissed?: number;
    expected: PlanStatusResult;
  }

  const ROWS: Row[] = [
    {
      name: 'nothing due yet within the tolerance days (due 10/01, checked 19/01)',
      asOf: '2025-01-19',
      payments: [],
      expected: {
        status: 'in_regola',
        expectedCents: 0,
        paidCents: 0,
        shortfallCents: 0,
        missedInstallments: 0,
        nextDue: { dueDate: '2025-01-10', amountCents: 10_000 },
      },
    },
    {
      name: 'the first installment counts once the tolerance days are over (20/01)',
      asOf: '2025-01-20',
      payments: [],
      expected: {
        status: 'in_ritardo',
        expectedCents: 10_000,
        paidCents: 0,
        shortfallCents: 10_000,
        missedInstallments: 1,
        nextDue: { dueDate: '2025-01-10', amountCents: 10_000 },
      },
    },
    {
      name: 'short by exactly the tolerance amount: in regola, not missed',
      asOf: '2025-01-20',
      payments: [{ date: '2025-01-15', amountCents: 9_500 }],
      expected: {
        status: 'in_regola',
        expectedCents: 10_000,
        paidCents: 9_500,
        shortfallCents: 500,
        missedInstallments: 0,
        nextDue: { dueDate: '2025-01-10', amountCents: 500 },
      },
    },
    {
      name: 'short by one cent more than the tolerance: in ritardo',
      asOf: '2025-01-20',
      payments: [{ date: '2025-01-15', amountCents: 9_499 }],
      expected: {
        status: 'in_ritardo',
        expectedCents: 10_000,
        paidCents: 9_499,
        shortfallCents: 501,
        missedInstallments: 1,
        nextDue: { dueDate: '2025-01-10', amountCents: 501 },
      },
    },
    {
      name: 'paid exactly what is due: the next installment is the following one, in full',
      asOf: '2025-02-25',
      payments: [
        { date: '2025-01-12', amountCents: 10_000 },
        { date: '2025-02-11', amountCents: 10_000 },
      ],
      expected: {
        status: 'in_regola',
        expectedCents: 20_000,
        paidCents: 20_000,
        shortfallCents: 0,
        missedInstallments: 0,
        nextDue: { dueDate: '2025-03-10', amountCents: 10_000 },
      },
    },
    {
      name: 'two installments missed: in ritardo',
      asOf: '2025-03-19',
      payments: [],
      expected: {
        status: 'in_ritardo',
        expectedCents: 20_000,
        paidCents: 0,
        shortfallCents: 20_000,
        missedInstallments: 2,
        nextDue: { dueDate: '2025-01-10', amountCents: 10_000 },
      },
    },
    {
      name: 'three installments missed: non rispettato',
      asOf: '2025-03-20',
      payments: [],
      expected: {
        status: 'non_rispettato',
        expectedCents: 30_000,
        paidCents: 0,
        shortfallCents: 30_000,
        missedInstallments: 3,
        nextDue: { dueDate: '2025-01-10', amountCents: 10_000 },
      },
    },
    {
      name: 'two missed with the breach set at two: non rispettato',
      asOf: '2025-03-19',
      payments: [],
      breachAfterMissed: 2,
      expected: {
        status: 'non_rispettato',
        expectedCents: 20_000,
        paidCents: 0,
        shortfallCents: 20_000,
        missedInstallments: 2,
        nextDue: { dueDate: '2025-01-10', amountCents: 10_000 },
      },
    },
    {
      name: 'a late payment covers the oldest installment first, whatever its date',
      asOf: '2025-03-20',
      payments: [{ date: '2025-03-15', amountCents: 10_000 }],
      expected: {
        status: 'in_ritardo',
        expectedCents: 30_000,
        paidCents: 10_000,
        shortfallCents: 20_000,
        missedInstallments: 2,
        nextDue: { dueDate: '2025-02-10', amountCents: 10_000 },
      },
    },
    {
      name: 'a payment in advance covers the first installments; the third is partly covered',
      asOf: '2025-03-20',
      payments: [{ date: '2025-01-05', amountCents: 25_000 }],
      expected: {
        status: 'in_ritardo',
        expectedCents: 30_000,
        paidCents: 25_000,
        shortfallCents: 5_000,
        missedInstallments: 1,
        nextDue: { dueDate: '2025-03-10', amountCents: 5_000 },
      },
    },
    {
      name: 'payments dated after the day checked do not count',
      asOf: '2025-03-20',
      payments: [
        { date: '2025-03-20', amountCents: 10_000 },
        { date: '2025-03-21', amountCents: 20_000 },
      ],
      expected: {
        status: 'in_ritardo',
        expectedCents: 30_000,
        paidCents: 10_000,
        shortfallCents: 20_000,
        missedInstallments: 2,
        nextDue: { dueDate: '2025-02-10', amountCents: 10_000 },
      },
    },
    {
      name: 'paid ahead of the dates: in regola, shortfall never negative',
      asOf: '2025-02-01',
      payments: [{ date: '2025-01-10', amountCents: 30_000 }],
      expected: {
        status: 'in_regola',
        expectedCents: 10_000,
        paidCents: 30_000,
        shortfallCents: 0,
        missedInstallments: 0,
        nextDue: { dueDate: '2025-04-10', amountCents: 10_000 },
      },
    },
    {
      name: 'everything paid before the last due date: concluso',
      asOf: '2025-04-01',
      payments: [
        { date: '2025-01-10', amountCents: 30_000 },
        { date: '2025-03-31', amountCents: 30_000 },
      ],
      expected: {
        status: 'concluso',
        expectedCents: 30_000,
        paidCents: 60_000,
        shortfallCents: 0,
        missedInstallments: 0,
        nextDue: null,
      },
    },
    {
      name: 'overpaid after the end: concluso',
      asOf: '2025-12-31',
      payments: [{ date: '2025-07-01', amountCents: 60_001 }],
      expected: {
        status: 'concluso',
        expectedCents: 60_000,
        paidCents: 60_001,
        shortfallCents: 0,
        missedInstallments: 0,
        nextDue: null,
      },
    },
    {
      name: 'whole plan due and nothing paid: non rispettato with six missed',
      asOf: '2025-12-31',
      payments: [],
      expected: {
        status: 'non_rispettato',
        expectedCents: 60_000,
        paidCents: 0,
        shortfallCents: 60_000,
        missedInstallments: 6,
        nextDue: { dueDate: '2025-01-10', amountCents: 10_000 },
      },
    },
  ];

  it.each(ROWS)('$name', ({ asOf, payments, breachAfterMissed, expected }) => {
    expect(status(asOf, payments, breachAfterMissed === undefined ? {} : { breachAfterMissed })).toEqual(
      expected,
    );
  });

  it('counts an installment due on the day itself when the tolerance is 0 days', () => {
    const result = planStatus({
      installments: SIX,
      payments: [],
      asOf: '2025-01-10',
      tolerance: { days: 0, amountCents: 0 },
    });
    expect(result).toMatchObject({ status: 'in_ritardo', expectedCents: 10_000, missedInstallments: 1 });
    const dayBefore = planStatus({
      installments: SIX,
      payments: [],
      asOf: '2025-01-09',
      tolerance: { days: 0, amountCents: 0 },
    });
    expect(dayBefore).toMatchObject({ status: 'in_regola', expectedCents: 0, missedInstallments: 0 });
  });

  it('gives the same answer whatever order the installments arrive in', () => {
    const shuffled = [SIX[3]!, SIX[0]!, SIX[5]!, SIX[2]!, SIX[1]!, SIX[4]!];
    const payments = [{ date: '2025-02-01', amountCents: 15_000 }];
    expect(
      planStatus({ installments: shuffled, payments, asOf: '2025-04-30', tolerance: TOLERANCE }),
    ).toEqual(status('2025-04-30', payments));
    expect(status('2025-04-30', payments)).toMatchObject({
      status: 'non_rispettato',
      expectedCents: 40_000,
      missedInstallments: 3,
      nextDue: { dueDate: '2025-02-10', amountCents: 5_000 },
    });
  });

  it('works with the remainder cents of the last installment', () => {
    const plan = buildInstallments({ totalCents: 100_000, count: 3, firstDueDate: '2025-01-31' });
    const almost = planStatus({
      installments: plan,
      payments: [{ date: '2025-03-31', amountCents: 99_999 }],
      asOf: '2025-04-30',
      tolerance: { days: 5, amountCents: 0 },
    });
    expect(almost).toEqual({
      status: 'in_ritardo',
      expectedCents: 100_000,
      paidCents: 99_999,
      shortfallCents: 1,
      missedInstallments: 1,
      nextDue: { dueDate: '2025-03-31', amountCents: 1 },
    });
  });

  it('labels every status in Italian', () => {
    expect(PLAN_STATUSES.map((s) => PLAN_STATUS_LABELS[s])).toEqual([
      'In regola',
      'In ritardo',
      'Non rispettato',
      'Concluso',
    ]);
  });
});
