import type {
  Followup,
  HouseholdActivity,
  Intervention,
  LetterRow,
  Referral,
} from '../../../../shared/contract';

export type TimelineEntry =
  | { kind: 'intervention'; key: string; at: string; item: Intervention }
  | { kind: 'referral'; key: string; at: string; item: Referral }
  | { kind: 'followup'; key: string; at: string; item: Followup }
  | { kind: 'activity'; key: string; at: string; item: HouseholdActivity }
  | { kind: 'letter'; key: string; at: string; item: LetterRow };

/**
 * Interventions, referrals and follow-ups in one list, newest first. Dates
 * compare as text (`YYYY-MM-DD` sorts before the same day's `YYYY-MM-DDTHH:MM`).
 */
export function buildTimeline(
  interventions: readonly Intervention[],
  referrals: readonly Referral[],
  followups: readonly Followup[],
  activities: readonly HouseholdActivity[] = [],
  letters: readonly LetterRow[] = [],
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
    ...letters.map((item) => ({ kind: 'letter' as const, key: `l${item.id}`, at: item.issuedAt, item })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.key.localeCompare(a.key)));
}
