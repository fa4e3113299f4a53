import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToPeriod } from '../../db/queries/arrears-facts';
import { afterStatementsChanged } from '../../electron/handlers/risk';
import { NOT_VISIBLE_HOUSEHOLD } from '../../electron/handlers/scope';
import { addDays, addMonths } from '../../shared/arrears/plan';
import { buildTemplate, localDay, session, type Session, type WorldTemplate } from './casework-fixtures';
import { arrearsRun, errorOf, insertStatements, thisMonth } from './risk-fixtures';
import { auditRows } from './support';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

const RENT = 30_000;

/** a1 owes four months (so it has a score), as an import would leave it. */
function withArrears(s: Session): void {
  const { a1 } = s.world.households;
  s.withDb((db) => {
    insertStatements(db, a1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 8, unpaidMonths: 4 }));
    afterStatementsChanged(db, [a1], new Date().toISOString());
  });
}

describe('plans.create', () => {
  it('builds equal installments, the remainder on the last one, and starts "in regola"', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    const first = addDays(localDay(), 15);
    const { plan, closedPlanId } = await olga.ok('plans.create', {
      householdId: s.world.households.a1,
      totalCents: 100_000,
      installmentCount: 3,
      firstDueOn: first,
      notes: 'Concordato con l’ufficio casa',
    });
    expect(closedPlanId).toBeNull();
    expect(plan).toMatchObject({
      totalCents: 100_000,
      installmentCount: 3,
      everyMonths: 1,
      status: 'in_regola',
      missedInstallments: 0,
      paidCents: 0,
      closedOn: null,
      createdBy: 'Olga Rossi',
      nextDue: { dueDate: first, amountCents: 33_333 },
    });
    expect(plan.installments.map((i) => [i.seq, i.dueOn, i.amountCents])).toEqual([
      [1, first, 33_333],
      [2, addMonths(first, 1), 33_333],
      [3, addMonths(first, 2), 33_334],
    ]);
    const audit = s.withDb((db) => auditRows(db)).filter((r) => r.action === 'plans.create');
    expect(audit).toEqual([
      expect.objectContaining({ record_type: 'repayment_plan', record_id: String(plan.id) }),
    ]);
  });

  it('allows one open plan per household: a new one replaces the old only when confirmed', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    const householdId = s.world.households.a1;
    const input = {
      householdId,
      totalCents: 60_000,
      installmentCount: 6,
      firstDueOn: addDays(localDay(), 5),
    };
    const { plan: old } = await olga.ok('plans.create', input);
    const refused = errorOf(await olga.call('plans.create', input));
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toContain('Il nucleo ha già un piano di rientro aperto');
    expect(refused.message).toContain('in regola');

    const { plan, closedPlanId } = await olga.ok('plans.create', { ...input, replaceActive: true });
    expect(closedPlanId).toBe(old.id);
    const panel = await olga.ok('arrears.household', { householdId });
    expect(panel.plans.map((p) => [p.id, p.closedOn, p.closeReason])).toEqual([
      [plan.id, null, null],
      [old.id, localDay(), 'sostituito'],
    ]);
  });

  it('refuses a total too small for the installments, in Italian', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    const error = errorOf(
      await olga.call('plans.create', {
        householdId: s.world.households.a1,
        totalCents: 5,
        installmentCount: 10,
        firstDueOn: localDay(),
      }),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      message: 'L’importo concordato è troppo basso per questo numero di rate.',
    });
    const invalid = errorOf(
      await olga.call('plans.create', {
        householdId: s.world.households.a1,
        totalCents: 10_000,
        installmentCount: 0,
        firstDueOn: localDay(),
      }),
    );
    expect(invalid).toMatchObject({ kind: 'validation', message: 'Numero di rate: almeno 1.' });
  });
});

describe('plan status', () => {
  it('goes "in ritardo" with a missed installment, back "in regola" once paid, "non rispettato" after 3', async () => {
    const s = session(template);
    withArrears(s);
    const olga = await s.as('olga');
    const householdId = s.world.households.a1;
    // Three installments already due beyond the 10 days of tolerance.
    const first = addDays(addMonths(localDay(), -2), -15);
    let { plan } = await olga.ok('plans.create', {
      householdId,
      totalCents: 90_000,
      installmentCount: 6,
      firstDueOn: first,
    });
    expect(plan).toMatchObject({ status: 'non_rispettato', missedInstallments: 3, expectedCents: 45_000 });

    ({ plan } = await olga.ok('plans.recordPayment', {
      planId: plan.id,
      expectedUpdatedAt: plan.updatedAt,
      paidOn: addDays(localDay(), -1),
      amountCents: 30_000,
      notes: 'Bollettino',
    }));
    expect(plan).toMatchObject({
      status: 'in_ritardo',
      missedInstallments: 1,
      paidCents: 30_000,
      shortfallCents: 15_000,
    });
    expect(plan.payments).toEqual([
      expect.objectContaining({
        amountCents: 30_000,
        source: 'manuale',
        notes: 'Bollettino',
        createdBy: 'Olga Rossi',
      }),
    ]);
    expect(plan.installments.map((i) => i.coveredCents)).toEqual([15_000, 15_000, 0, 0, 0, 0]);
    const late = await olga.ok('arrears.household', { householdId });
    expect(late.risk?.contributions.map((c) => c.label)).toContain('1 rata del piano non pagata: +10');
    // The plan payment recorded by hand is the latest payment.
    expect(late).toMatchObject({ lastPaymentDate: addDays(localDay(), -1), lastPaymentSource: 'piano' });

    ({ plan } = await olga.ok('plans.recordPayment', {
      planId: plan.id,
      expectedUpdatedAt: plan.updatedAt,
      paidOn: localDay(),
      amountCents: 15_000,
    }));
    expect(plan).toMatchObject({ status: 'in_regola', missedInstallments: 0, shortfallCents: 0 });

    // Removing both payments: three installments missed again.
    for (const payment of plan.payments) {
      ({ plan } = await olga.ok('plans.removePayment', {
        paymentId: payment.id,
        expectedUpdatedAt: plan.updatedAt,
      }));
    }
    expect(plan).toMatchObject({ status: 'non_rispettato', missedInstallments: 3, payments: [] });
    const broken = await olga.ok('arrears.household', { householdId });
    expect(broken.risk?.contributions.map((c) => c.label)).toContain('3 rate del piano non pagate: +30');
    const stored = s.withDb(
      (db) =>
        db.raw.prepare('SELECT status FROM repayment_plans WHERE id = ?').pluck().get(plan.id) as string,
    );
    expect(stored).toBe('non_rispettato');
  });

  it('refuses a stale form and changes to a closed plan', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    const { plan } = await olga.ok('plans.create', {
      householdId: s.world.households.a1,
      totalCents: 30_000,
      installmentCount: 3,
      firstDueOn: localDay(),
    });
    const { plan: paid } = await olga.ok('plans.recordPayment', {
      planId: plan.id,
      expectedUpdatedAt: plan.updatedAt,
      paidOn: localDay(),
      amountCents: 10_000,
    });
    const stale = errorOf(
      await olga.call('plans.recordPayment', {
        planId: plan.id,
        expectedUpdatedAt: plan.updatedAt,
        paidOn: localDay(),
        amountCents: 10_000,
      }),
    );
    expect(stale.kind).toBe('conflict');
    expect(stale.message).toContain('Il piano di rientro è stato modificato da qualcun altro');
    const future = errorOf(
      await olga.call('plans.recordPayment', {
        planId: plan.id,
        expectedUpdatedAt: paid.updatedAt,
        paidOn: addDays(localDay(), 2),
        amountCents: 10_000,
      }),
    );
    expect(future).toMatchObject({
      kind: 'validation',
      message: 'La data del pagamento non può essere nel futuro.',
    });

    const { plan: closed } = await olga.ok('plans.close', {
      planId: plan.id,
      expectedUpdatedAt: paid.updatedAt,
      closedOn: localDay(),
      reason: 'annullato',
    });
    expect(closed).toMatchObject({ closedOn: localDay(), closeReason: 'annullato' });
    const afterClose = errorOf(
      await olga.call('plans.recordPayment', {
        planId: plan.id,
        expectedUpdatedAt: closed.updatedAt,
        paidOn: localDay(),
        amountCents: 10_000,
      }),
    );
    expect(afterClose).toMatchObject({
      kind: 'conflict',
      message: 'Il piano di rientro è chiuso: non si può più modificare.',
    });
    // Closed: a new plan opens without asking.
    const next = await olga.ok('plans.create', {
      householdId: s.world.households.a1,
      totalCents: 30_000,
      installmentCount: 3,
      firstDueOn: localDay(),
    });
    expect(next.closedPlanId).toBeNull();
  });
});

describe('payments from the statements', () => {
  it('takes what was paid beyond the month’s due as plan payments, and leaves them out of manual removal', async () => {
    const s = session(template);
    const { b1 } = s.world.households;
    const end = thisMonth();
    const bruno = await s.as('bruno');
    const { plan } = await bruno.ok('plans.create', {
      householdId: b1,
      totalCents: 60_000,
      installmentCount: 4,
      firstDueOn: `${addToPeriod(end, -2)}-01`,
    });
    // Two months of rent plus 15.000 cents each, then the current month not yet in the statement.
    s.withDb((db) => {
      insertStatements(
        db,
        b1,
        s.world.ops.carla,
        arrearsRun({
          due: RENT,
          paidMonths: 2,
          unpaidMonths: 0,
          endPeriod: addToPeriod(end, -1),
          extraPaid: 15_000,
        }),
      );
      afterStatementsChanged(db, [b1], new Date().toISOString());
    });
    const panel = await bruno.ok('arrears.household', { householdId: b1 });
    const matched = panel.plans[0]!;
    expect(matched.paidCents).toBe(30_000);
    expect(matched.payments.map((p) => [p.source, p.statementPeriod, p.amountCents, p.paidOn])).toEqual([
      ['estratto', addToPeriod(end, -2), 15_000, `${addToPeriod(end, -2)}-15`],
      ['estratto', addToPeriod(end, -1), 15_000, `${addToPeriod(end, -1)}-15`],
    ]);
    // Running the match again changes nothing.
    s.withDb((db) => afterStatementsChanged(db, [b1], new Date().toISOString()));
    const again = await bruno.ok('arrears.household', { householdId: b1 });
    expect(again.plans[0]!.payments.map((p) => p.id)).toEqual(matched.payments.map((p) => p.id));

    const refused = errorOf(
      await bruno.call('plans.removePayment', {
        paymentId: matched.payments[0]!.id,
        expectedUpdatedAt: plan.updatedAt,
      }),
    );
    expect(refused.kind).toBe('validation');
    expect(refused.message).toContain('viene dall’estratto');
  });
});

describe('visibility', () => {
  it('refuses plans of another building’s household', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    const { plan } = await olga.ok('plans.create', {
      householdId: s.world.households.a1,
      totalCents: 30_000,
      installmentCount: 3,
      firstDueOn: localDay(),
    });
    const bruno = await s.as('bruno');
    const forbidden = { kind: 'forbidden', message: NOT_VISIBLE_HOUSEHOLD };
    expect(
      errorOf(
        await bruno.call('plans.create', {
          householdId: s.world.households.a1,
          totalCents: 30_000,
          installmentCount: 3,
          firstDueOn: localDay(),
        }),
      ),
    ).toEqual(forbidden);
    expect(
      errorOf(
        await bruno.call('plans.recordPayment', {
          planId: plan.id,
          expectedUpdatedAt: plan.updatedAt,
          paidOn: localDay(),
          amountCents: 1_000,
        }),
      ),
    ).toEqual(forbidden);
    expect(
      errorOf(
        await bruno.call('plans.close', {
          planId: plan.id,
          expectedUpdatedAt: plan.updatedAt,
          closedOn: localDay(),
          reason: 'annullato',
        }),
      ),
    ).toEqual(forbidden);
    expect(
      errorOf(
        await bruno.call('plans.close', {
          planId: 999_999,
          expectedUpdatedAt: plan.updatedAt,
          closedOn: localDay(),
          reason: 'annullato',
        }),
      ).kind,
    ).toBe('not_found');
    // A coordinator sees every building.
    const carla = await s.as('carla');
    await carla.ok('plans.recordPayment', {
      planId: plan.id,
      expectedUpdatedAt: plan.updatedAt,
      paidOn: localDay(),
      amountCents: 1_000,
    });
  });
});
