import type { Followup, HouseholdActivity, Intervention, Referral } from '../../../../shared/contract';

export type TimelineEntry =
  | { kind: 'intervention'; key: string; at: string; item: Intervention }
  | { kind: 'referral'; key: string; at: string; item: Referral }
  | { kind: 'followup'; key: string; at: string; item: Followup }
  | { kind: 'activity'; key: string; at: string; item: HouseholdActivity };

/**
 * Interventions, referrals and follow-ups in one list, newest first. Dates
 * compare as text (`YYYY-MM-DD` sorts before the same day's `YYYY-MM-DDTHH:MM`).
 */
export function buildTimeline(
  interventions: readonly Intervention[],
  referrals: readonly Referral[],
  followups: readonly Followup[],
  activities: readonly HouseholdActivity[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...interventions.map((item) => ({
      kind: 'intervention' as const,
      key: `i${item.id}`,
      at: item.occurredAt,
      item,
    })),
    ...referrals.map((item) => ({
      kind: 'referral' as const,
      key: `r${item.id}`,
      at: item.referredOn,
      item,
    })),
    ...followups.map((item) => ({ kind: 'followup' as const, key: `f${item.id}`, at: item.dueOn, item })),
    ...activities.map((item) => ({
      kind: 'activity' as const,
      key: `a${item.activityId}`,
      at: `${item.heldOn}T${item.startsAt}`,
      item,
    })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.key.localeCompare(a.key)));
}
