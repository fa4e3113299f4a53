import type { AppCore } from '../../electron/core/app-core';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { measure, type BenchResult } from './harness';

/**
 * Community activities at the size of the large data set, through the dispatcher, as a
 * coordinator: opening an activity of the largest building (about 120 units) with its
 * attendance sheet (who lived there that day, from the moves), and saving the sheet with
 * one household ticked or unticked in turn (a write transaction with its audit row).
 */
export async function communityBench(
  core: AppCore,
  signInAsCoordinator: () => Promise<void>,
): Promise<BenchResult[]> {
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  await signInAsCoordinator();
  const largest = (await call('buildings.list', { sortField: 'unitCount', sortDir: 'desc', pageSize: 5 }))
    .rows[0];
  if (!largest) throw new Error('no building in the data set');
  let list = await call('activities.list', { buildingId: largest.id, pageSize: 20 });
  if (list.rows.length === 0) {
    const { types } = await call('activities.types', {});
    await call('activities.create', {
      typeId: types[0]!.id,
      title: 'Assemblea di caseggiato (benchmark)',
      heldOn: '2025-03-12',
      startsAt: '18:00',
      endsAt: '19:30',
      promoter: 'tutor',
      target: { kind: 'buildings', buildingIds: [largest.id] },
    });
    list = await call('activities.list', { buildingId: largest.id, pageSize: 20 });
  }
  const ids = list.rows.map((r) => r.id);
  const first = await call('activities.get', { id: ids[0]! });
  const note = `as coordinatore; building of ${largest.unitCount} units, ${first.attendance.eligible} households on the day`;
  const results: BenchResult[] = [];
  results.push(
    await measure(
      'activities.get',
      { target_ms: 20, runs: 200, warmup: 20, note: `${note}; ${ids.length} activities` },
      (i) => call('activities.get', { id: ids[i % ids.length]! }),
    ),
  );
  let sheet = first;
  const households = sheet.attendance.households.map((h) => h.householdId);
  results.push(
    await measure(
      'activities.saveAttendance',
      { target_ms: 20, runs: 100, warmup: 10, note: `${note}; one tick changed per save` },
      async (i) => {
        const present = new Set(
          sheet.attendance.households.filter((h) => h.present).map((h) => h.householdId),
        );
        const toggled = households[i % households.length]!;
        if (present.has(toggled)) present.delete(toggled);
        else present.add(toggled);
        sheet = await call('activities.saveAttendance', {
          id: sheet.activity.id,
          expectedUpdatedAt: sheet.activity.updatedAt,
          householdIds: [...present],
          guests: sheet.activity.guests,
          outsiders: sheet.activity.outsiders,
        });
      },
    ),
  );
  return results;
}
