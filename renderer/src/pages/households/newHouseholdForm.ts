import { z } from 'zod';
import { householdsCreateInput } from '../../../../shared/contract';
import { requiredId, todayLocal } from '../../casework/formSchemas';
import { emptyMember, memberFormSchema, type MemberFormInput } from './memberForm';

const shape = householdsCreateInput.shape;

export const newHouseholdSchema = z.object({
  buildingId: requiredId('Scegliere il caseggiato.'),
  unitId: requiredId('Scegliere l’alloggio.'),
  since: shape.since,
  phone: shape.phone,
  language: shape.language,
  toTeam: z.boolean(),
  notes: shape.notes,
  members: z
    .array(memberFormSchema)
    .min(1, 'Inserire almeno l’intestatario.')
    .max(20, 'Al massimo 20 componenti.'),
});
export type NewHouseholdInput = z.input<typeof newHouseholdSchema>;
export type NewHouseholdOutput = z.output<typeof newHouseholdSchema>;

export function newHouseholdDefaults(buildingId: number | null): NewHouseholdInput {
  return {
    buildingId,
    unitId: null,
    since: todayLocal(),
    phone: '',
    language: 'italiano',
    toTeam: false,
    notes: '',
    members: [emptyMember('intestatario')],
  };
}

export const anotherMember = (): MemberFormInput => emptyMember();
