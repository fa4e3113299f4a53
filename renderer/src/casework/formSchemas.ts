import { z } from 'zod';
import {
  followupDraftSchema,
  interventionsUpdateInput,
  referralsUpdateInput,
  type Followup,
} from '../../../shared/contract';

/** A choice whose field starts empty: null is refused with the given message. */
export const requiredChoice = <T extends z.ZodType>(schema: T, message: string) =>
  schema.nullable().transform((value, ctx): NonNullable<z.output<T>> => {
    if (value === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value as NonNullable<z.output<T>>;
  });

/** A choice of an id from a list that starts empty. */
export const requiredId = (message: string) => requiredChoice(z.number({ message }), message);

/** A required date whose field starts empty (null). */
export const requiredDate = (schema: z.ZodType<string, string>, message: string) =>
  z
    .string()
    .nullable()
    .transform((value, ctx) => {
      if (value === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema);

/** The "Aggiungi un promemoria" part of a form, checked only when ticked. */
export const followupPartSchema = z.object({
  dueOn: z.string().nullable(),
  text: z.string(),
  operatorId: z.number().nullable(),
});
export type FollowupPart = z.input<typeof followupPartSchema>;

export const EMPTY_FOLLOWUP: FollowupPart = { dueOn: null, text: '', operatorId: null };

/** Adds the follow-up's own messages under `followup.*` when the box is ticked. */
function checkFollowup(value: { addFollowup: boolean; followup: FollowupPart }, ctx: z.RefinementCtx) {
  if (!value.addFollowup) return;
  const parsed = followupDraftSchema.safeParse(value.followup);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: ['followup', ...issue.path] });
  }
}

const followupOut = (value: { addFollowup: boolean; followup: FollowupPart }) =>
  value.addFollowup ? followupDraftSchema.parse(value.followup) : null;

const interventionShape = interventionsUpdateInput.shape;

/** The intervention form: the contract's fields, with messages for the empty choices. */
export const interventionFormSchema = z
  .object({
    occurredAt: interventionShape.occurredAt,
    durationMin: interventionShape.durationMin,
    typeId: requiredId('Scegliere il tipo di intervento.'),
    channelId: requiredId('Scegliere il canale.'),
    originId: requiredId('Scegliere la provenienza.'),
    topicIds: interventionShape.topicIds,
    notes: interventionShape.notes,
    outcome: interventionShape.outcome,
    confidential: z.boolean(),
    addFollowup: z.boolean(),
    followup: followupPartSchema,
  })
  .superRefine(checkFollowup)
  .transform((value) => ({ ...value, followup: followupOut(value) }));
export type InterventionFormInput = z.input<typeof interventionFormSchema>;
export type InterventionFormOutput = z.output<typeof interventionFormSchema>;

const referralShape = referralsUpdateInput.shape;

/** The referral form ("Invio ai servizi"). */
export const referralFormSchema = z.object({
  serviceId: requiredId('Scegliere il servizio.'),
  referredOn: referralShape.referredOn,
  reason: referralShape.reason,
  status: referralShape.status,
  checkBy: referralShape.checkBy,
});
export type ReferralFormInput = z.input<typeof referralFormSchema>;
export type ReferralFormOutput = z.output<typeof referralFormSchema>;

/** A follow-up on its own ("Promemoria"). */
export const followupFormSchema = z.object({
  dueOn: requiredDate(followupDraftSchema.shape.dueOn, 'Scadenza: inserire una data.'),
  text: followupDraftSchema.shape.text,
  operatorId: requiredId('Scegliere l’operatore.'),
});
export type FollowupFormInput = z.input<typeof followupFormSchema>;
export type FollowupFormOutput = z.output<typeof followupFormSchema>;

export const followupFormDefaults = (followup: Followup | null, selfId: number): FollowupFormInput => ({
  dueOn: followup?.dueOn ?? null,
  text: followup?.text ?? '',
  operatorId: followup?.operatorId ?? selfId,
});

/** Today as `YYYY-MM-DD` in local time. */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
