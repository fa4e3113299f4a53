import type { CallInput } from '../../shared/contract';
import type { TestApp } from './helpers';

/** Activity type ids by label (the list seeded by migration 0005). */
export async function activityTypeIds(app: TestApp): Promise<Record<string, number>> {
  const { types } = await app.ok('activities.types', {});
  return Object.fromEntries(types.map((t) => [t.label, t.id]));
}

export const MEETING = 'incontro di caseggiato / assemblea';

/** A valid activities.create input on the given buildings; override what the test cares about. */
export function activityInput(
  typeId: number,
  buildingIds: number[],
  overrides: Partial<CallInput<'activities.create'>> = {},
): CallInput<'activities.create'> {
  return {
    typeId,
    title: 'Assemblea di caseggiato',
    heldOn: '2024-06-15',
    startsAt: '18:00',
    endsAt: '19:30',
    place: 'Sala comune',
    promoter: 'tutor',
    groupId: null,
    target: { kind: 'buildings', buildingIds },
    description: 'Pulizie delle scale e orari del cortile.',
    outcome: '',
    repeat: null,
    ...overrides,
  };
}
