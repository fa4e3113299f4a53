import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  line,
  notes,
  promoterSchema,
  requiredLine,
  timeSchema,
  type Activity,
  type CallInput,
} from '../../../../shared/contract';

const chooseType = z.number({ message: 'Scegliere il tipo di attività.' }).int();

/** The activity form: the contract's rules, with the target and the repetition as plain fields. */
export const activityFormSchema = z
  .object({
    typeId: chooseType.nullable().refine((v) => v !== null, 'Scegliere il tipo di attività.'),
    title: requiredLine('Titolo', 200, 'Inserire il titolo dell’attività.'),
    heldOn: dateSchema('Data')
      .nullable()
      .refine((v) => v !== null, 'Data: inserire una data.'),
    startsAt: timeSchema('Ora di inizio'),
    endsAt: timeSchema('Ora di fine'),
    place: line('Luogo', 200),
    promoter: promoterSchema,
    groupId: idSchema.nullable(),
    targetKind: z.enum(['buildings', 'area']),
    buildingIds: z.array(idSchema),
    areaId: idSchema.nullable(),
    description: notes('Descrizione'),
    outcome: notes('Esito'),
    repeat: z.boolean(),
    everyWeeks: z.number({ message: 'Ripetizione: inserire ogni quante settimane.' }).int().min(1).max(4),
    until: dateSchema('Ripetere fino al').nullable(),
  })
  .superRefine((value, ctx) => {
    if (value.endsAt <= value.startsAt) {
      ctx.addIssue({
        code: 'custom',
        message: 'L’ora di fine deve venire dopo l’ora di inizio.',
        path: ['endsAt'],
      });
    }
    if (value.targetKind === 'buildings' && value.buildingIds.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'Scegliere almeno un caseggiato.', path: ['buildingIds'] });
    }
    if (value.targetKind === 'area' && value.areaId === null) {
      ctx.addIssue({ code: 'custom', message: 'Scegliere l’area.', path: ['areaId'] });
    }
    if (value.promoter === 'gruppo' && value.groupId === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'Scegliere il gruppo di residenti che ha promosso l’attività.',
        path: ['groupId'],
      });
    }
    if (value.repeat && value.until === null) {
      ctx.addIssue({ code: 'custom', message: 'Ripetere fino al: inserire una data.', path: ['until'] });
    }
  });

export type ActivityFormInput = z.input<typeof activityFormSchema>;
export type ActivityFormOutput = z.output<typeof activityFormSchema>;

export function newActivityValues(preset: Partial<ActivityFormInput> = {}): ActivityFormInput {
  return {
    typeId: null,
    title: '',
    heldOn: null,
    startsAt: '18:00',
    endsAt: '19:30',
    place: '',
    promoter: 'tutor',
    groupId: null,
    targetKind: 'buildings',
    buildingIds: [],
    areaId: null,
    description: '',
    outcome: '',
    repeat: false,
    everyWeeks: 1,
    until: null,
    ...preset,
  };
}

export function activityValues(activity: Activity): ActivityFormInput {
  return newActivityValues({
    typeId: activity.typeId,
    title: activity.title,
    heldOn: activity.heldOn,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    place: activity.place,
    promoter: activity.promoter,
    groupId: activity.groupId,
    targetKind: activity.areaId === null ? 'buildings' : 'area',
    buildingIds: activity.areaId === null ? activity.buildings.map((b) => b.id) : [],
    areaId: activity.areaId,
    description: activity.description,
    outcome: activity.outcome,
  });
}

/** The form's values as the fields shared by activities.create and activities.update. */
export function activityFields(values: ActivityFormOutput): Omit<CallInput<'activities.create'>, 'repeat'> {
  return {
    typeId: values.typeId,
    title: values.title,
    heldOn: values.heldOn,
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    place: values.place,
    promoter: values.promoter,
    groupId: values.groupId,
    target:
      values.targetKind === 'area'
        ? { kind: 'area', areaId: values.areaId ?? 0 }
        : { kind: 'buildings', buildingIds: values.buildingIds },
    description: values.description,
    outcome: values.outcome,
  };
}
