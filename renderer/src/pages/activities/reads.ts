/** What the community pages show, fetched again after a save. */
export const ACTIVITY_READS = [
  'activities.list',
  'activities.get',
  'activities.household',
  'groups.list',
  'groups.get',
] as const;

export const GROUP_READS = ['groups.list', 'groups.get', 'activities.list', 'activities.get'] as const;

const percent = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 1 });

/** "12 nuclei su 40 presenti (30 %)". */
export function rateText(present: number, eligible: number, rate: number | null): string {
  const households = `${present} ${present === 1 ? 'nucleo' : 'nuclei'} su ${eligible} presenti`;
  return rate === null ? households : `${households} (${percent.format(rate)})`;
}
