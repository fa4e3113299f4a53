import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToPeriod } from '../../db/queries/arrears-facts';
import { computeRiskAsOf } from '../../db/queries/risk';
import { afterStatementsChanged } from '../../electron/handlers/risk';
import { NOT_VISIBLE_HOUSEHOLD } from '../../electron/handlers/scope';
import { formatMoney } from '../../shared/format';
import { addDays, addMonths } from '../../shared/arrears/plan';
import { buildTemplate, interventionInput, localDay, session, type WorldTemplate } from './casework-fixtures';
import { arrearsRun, errorOf, insertStatements, thisMonth } from './risk-fixtures';
import { auditRows } from './support';

let template: WorldTemplate;

beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);

afterAll(() => template.cleanUp());

const RENT = 30_000;

describe('arrears.household', () => {
  it('has no score and no series before any statement', async () => {
    const s = session(template);
    const olga = await s.as('olga');
    const panel = await olga.ok('arrears.household', { householdId: s.world.households.a1 });
    expect(panel).toMatchObject({
      series: [],
      latestPeriod: null,
      balanceCents: 0,
      monthsUnpaid: 0,
      lastPaymentDate: null,
      legalStage: null,
      plans: [],
      risk: null,
    });
    expect(panel.incolpevole.assessment.eligible).toBe(false);
  });

  it('turns a household "alto" with its reasons after statements with 4 unpaid months', async () => {
    const s = session(template);
    const { a1 } = s.world.households;
    const end = thisMonth();
    s.withDb((db) => {
      insertStatements(db, a1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 8, unpaidMonths: 4 }));
      // What the import calls after its commit.
      afterStatementsChanged(db, [a1], new Date().toISOString());
    });
    const olga = await s.as('olga');
    const panel = await olga.ok('arrears.household', { householdId: a1 });
    expect(panel.series).toHaveLength(12);
    expect(panel.series.at(-1)).toEqual({
      period: end,
      dueCents: RENT,
      paidCents: 0,
      balanceCents: 4 * RENT,
    });
    expect(panel).toMatchObject({
      latestPeriod: end,
      balanceCents: 120_000,
      monthsUnpaid: 4,
      monthlyDueCents: RENT,
      balanceInMonths: 4,
      // No date column in the statement: the 15th of the last month with a payment.
      lastPaymentDate: `${addToPeriod(end, -4)}-15`,
      lastPaymentSource: 'stimata',
      arrearsStartDate: `${addToPeriod(end, -3)}-01`,
    });
    expect(panel.risk?.band).toBe('alto');
    expect(panel.risk?.month).toBe(end);
    const labels = panel.risk?.contributions.map((c) => c.label) ?? [];
    expect(labels).toEqual(
      expect.arrayContaining([
        '4 mensilità non pagate: +30',
        `Saldo pari a 4 mensilità di canone (${formatMoney(120_000)}): +15`,
        `Debito cresciuto di ${formatMoney(90_000)} negli ultimi 3 mesi: +10`,
        'Mai contattato dal tutor: +5',
      ]),
    );
    expect(labels.some((l) => l.startsWith('Nessun pagamento da '))).toBe(true);
    // The contributions add up to the score, largest first.
    const points = panel.risk?.contributions.map((c) => c.points) ?? [];
    expect(points.reduce((a, b) => a + b, 0)).toBe(panel.risk?.score);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
    expect(panel.trend).toEqual([{ month: end, score: panel.risk?.score, band: 'alto' }]);
  });

  it('uses the months-unpaid and last-payment columns of the file when given', async () => {
    const s = session(template);
    const { a2 } = s.world.households;
    const end = thisMonth();
    const rows = arrearsRun({ due: RENT, paidMonths: 3, unpaidMonths: 2 });
    const last = rows.at(-1)!;
    last.monthsUnpaid = 5;
    last.lastPaymentDate = addDays(localDay(), -10);
    s.withDb((db) => {
      insertStatements(db, a2, s.world.ops.carla, rows);
      afterStatementsChanged(db, [a2], new Date().toISOString());
    });
    const olga = await s.as('olga');
    const panel = await olga.ok('arrears.household', { householdId: a2 });
    expect(panel).toMatchObject({
      latestPeriod: end,
      monthsUnpaid: 5,
      lastPaymentDate: addDays(localDay(), -10),
      lastPaymentSource: 'estratto',
    });
    expect(panel.risk?.contributions.map((c) => c.label)).toContain('5 mensilità non pagate: +40');
  });

  it('keeps a score per month: the history helper writes earlier months from the statements of then', async () => {
    const s = session(template);
    const { a1 } = s.world.households;
    const end = thisMonth();
    const previous = addToPeriod(end, -1);
    s.withDb((db) => {
      insertStatements(db, a1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 10, unpaidMonths: 2 }));
      computeRiskAsOf(db, [a1], previous);
      afterStatementsChanged(db, [a1], new Date().toISOString());
    });
    const olga = await s.as('olga');
    const { trend } = await olga.ok('arrears.household', { householdId: a1 });
    expect(trend.map((t) => t.month)).toEqual([previous, end]);
    // A month earlier only one month was unpaid: a lower score.
    expect(trend[0]!.score).toBeLessThan(trend[1]!.score);
  });

  it('sets the legal stage by hand, audited without contents, with the optimistic check', async () => {
    const s = session(template);
    const { a1 } = s.world.households;
    s.withDb((db) => {
      insertStatements(db, a1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 8, unpaidMonths: 4 }));
      afterStatementsChanged(db, [a1], new Date().toISOString());
    });
    const olga = await s.as('olga');
    const before = await olga.ok('arrears.household', { householdId: a1 });
    const { legalStage } = await olga.ok('arrears.setLegalStage', {
      householdId: a1,
      stage: 'diffida',
      expectedUpdatedAt: null,
    });
    expect(legalStage).toMatchObject({ stage: 'diffida', setBy: 'Olga Rossi', source: 'manuale' });
    const after = await olga.ok('arrears.household', { householdId: a1 });
    expect(after.legalStage?.stage).toBe('diffida');
    expect(after.risk?.contributions.map((c) => c.label)).toContain('Fase legale: diffida: +15');
    expect(after.risk!.score).toBe(before.risk!.score + 15);

    // A second form still holding "no stage" is refused.
    const stale = errorOf(
      await olga.call('arrears.setLegalStage', {
        householdId: a1,
        stage: 'sollecito',
        expectedUpdatedAt: null,
      }),
    );
    expect(stale.kind).toBe('conflict');
    expect(stale.message).toMatch(/modificata da qualcun altro/);
    await olga.ok('arrears.setLegalStage', {
      householdId: a1,
      stage: 'decreto_ingiuntivo',
      expectedUpdatedAt: legalStage.updatedAt,
    });

    const audit = s.withDb((db) => auditRows(db)).filter((r) => r.action === 'arrears.setLegalStage');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      operator_id: s.world.ops.olga,
      record_type: 'household',
      record_id: String(a1),
    });
  });

  it('flags "potenzialmente eleggibile" with a cause before the arrears and an ISEE under the threshold', async () => {
    const s = session(template);
    const { a1 } = s.world.households;
    const end = thisMonth();
    s.withDb((db) => {
      insertStatements(db, a1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 8, unpaidMonths: 4 }));
      afterStatementsChanged(db, [a1], new Date().toISOString());
    });
    const olga = await s.as('olga');
    const arrearsStart = `${addToPeriod(end, -3)}-01`;
    const dismissal = addDays(arrearsStart, -20);

    const missing = await olga.ok('arrears.household', { householdId: a1 });
    expect(missing.incolpevole.assessment).toMatchObject({ eligible: false });
    expect(missing.incolpevole.assessment.missing).toContain("Manca l'ISEE.");

    const { cause } = await olga.ok('arrears.addCause', {
      householdId: a1,
      cause: 'licenziamento',
      eventDate: dismissal,
      notes: 'Lettera di licenziamento vista allo sportello',
    });
    expect(cause).toMatchObject({ cause: 'licenziamento', label: 'Perdita del lavoro per licenziamento' });
    const { isee } = await olga.ok('arrears.setIsee', {
      householdId: a1,
      isee: { valueCents: 1_200_000, iseeDate: addMonths(localDay(), -1) },
      expectedUpdatedAt: null,
    });
    expect(isee).toMatchObject({ valueCents: 1_200_000, updatedBy: 'Olga Rossi' });

    const panel = await olga.ok('arrears.household', { householdId: a1 });
    expect(panel.incolpevole.thresholdCents).toBe(2_600_000);
    expect(panel.incolpevole.assessment.eligible).toBe(true);
    expect(panel.incolpevole.assessment.reasons).toHaveLength(2);
    expect(panel.incolpevole.assessment.reasons[0]).toContain('Perdita del lavoro per licenziamento');
    expect(panel.incolpevole.assessment.reasons[1]).toContain(`entro la soglia di ${formatMoney(2_600_000)}`);
    // The recent life event is a signal of the score too.
    expect(panel.risk?.contributions.map((c) => c.signal)).toContain('lifeEvent');

    // Above the threshold: an obstacle, not eligible.
    await olga.ok('arrears.setIsee', {
      householdId: a1,
      isee: { valueCents: 3_000_000, iseeDate: addMonths(localDay(), -1) },
      expectedUpdatedAt: isee!.updatedAt,
    });
    const above = await olga.ok('arrears.household', { householdId: a1 });
    expect(above.incolpevole.assessment.eligible).toBe(false);
    expect(above.incolpevole.assessment.obstacles[0]).toContain('superiore alla soglia');

    // A date in the future is refused in Italian; removing the cause drops the life event.
    const future = errorOf(
      await olga.call('arrears.addCause', {
        householdId: a1,
        cause: 'cassa_integrazione',
        eventDate: addDays(localDay(), 3),
        notes: '',
      }),
    );
    expect(future).toMatchObject({
      kind: 'validation',
      message: 'La data dell’evento non può essere nel futuro.',
    });
    await olga.ok('arrears.removeCause', { id: cause.id });
    const removed = await olga.ok('arrears.household', { householdId: a1 });
    expect(removed.incolpevole.causes).toEqual([]);
    expect(removed.risk?.contributions.map((c) => c.signal)).not.toContain('lifeEvent');
    const actions = s
      .withDb((db) => auditRows(db))
      .map((r) => r.action)
      .filter((a) => a.startsWith('arrears.'));
    expect(actions).toEqual([
      'arrears.addCause',
      'arrears.setIsee',
      'arrears.setIsee',
      'arrears.removeCause',
    ]);
  });

  it('recomputes the score after an intervention on the household (no more "mai contattato")', async () => {
    const s = session(template);
    const { a1 } = s.world.households;
    s.withDb((db) => {
      insertStatements(db, a1, s.world.ops.carla, arrearsRun({ due: RENT, paidMonths: 8, unpaidMonths: 4 }));
      afterStatementsChanged(db, [a1], new Date().toISOString());
    });
    const olga = await s.as('olga');
    const before = await olga.ok('arrears.household', { householdId: a1 });
    await olga.ok('interventions.create', interventionInput(s.world, [a1]));
    const after = await olga.ok('arrears.household', { householdId: a1 });
    expect(after.risk!.score).toBe(before.risk!.score - 5);
    expect(after.risk?.contributions.map((c) => c.signal)).not.toContain('noContact');
  });

  it('refuses another building’s household like the registry does', async () => {
    const s = session(template);
    const { a1 } = s.world.households;
    const bruno = await s.as('bruno');
    for (const result of [
      await bruno.call('arrears.household', { householdId: a1 }),
      await bruno.call('arrears.setLegalStage', {
        householdId: a1,
        stage: 'sollecito',
        expectedUpdatedAt: null,
      }),
      await bruno.call('arrears.addCause', {
        householdId: a1,
        cause: 'licenziamento',
        eventDate: null,
        notes: '',
      }),
      await bruno.call('arrears.setIsee', { householdId: a1, isee: null, expectedUpdatedAt: null }),
    ]) {
      expect(errorOf(result)).toEqual({ kind: 'forbidden', message: NOT_VISIBLE_HOUSEHOLD });
    }
    const olga = await s.as('olga');
    const { cause } = await olga.ok('arrears.addCause', {
      householdId: a1,
      cause: 'licenziamento',
      eventDate: null,
      notes: '',
    });
    expect(errorOf(await bruno.call('arrears.removeCause', { id: cause.id })).kind).toBe('forbidden');
    expect(errorOf(await bruno.call('arrears.household', { householdId: 999_999 })).kind).toBe('not_found');
    // Nothing written by the refused calls.
    const written = s.withDb((db) => auditRows(db)).filter((r) => r.operator_id === s.world.ops.bruno);
    expect(written.filter((r) => r.action.startsWith('arrears.'))).toEqual([]);
  });
});
