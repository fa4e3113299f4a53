import { z } from 'zod';
import { memberFields, relationshipSchema, type Member } from '../../../../shared/contract';
import { requiredChoice, todayLocal } from '../../casework/formSchemas';

/** One person in a form: the contract's fields, with sex and relationship starting empty. */
export const memberFormSchema = z.object({
  firstName: memberFields.firstName,
  surname: memberFields.surname,
  sex: requiredChoice(z.enum(['F', 'M']), 'Scegliere il sesso.'),
  birthDate: memberFields.birthDate.refine(
    (value) => value === null || value <= todayLocal(),
    'La data di nascita non può essere nel futuro.',
  ),
  taxCode: memberFields.taxCode,
  phone: memberFields.phone,
  relationship: requiredChoice(relationshipSchema, 'Scegliere la relazione con l’intestatario.'),
  fragilityIds: memberFields.fragilityIds,
});
export type MemberFormInput = z.input<typeof memberFormSchema>;
export type MemberFormOutput = z.output<typeof memberFormSchema>;

export function emptyMember(relationship: MemberFormInput['relationship'] = null): MemberFormInput {
  return {
    firstName: '',
    surname: '',
    sex: null,
    birthDate: null,
    taxCode: '',
    phone: '',
    relationship,
    fragilityIds: [],
  };
}

export function memberValues(member: Member): MemberFormInput {
  return {
    firstName: member.firstName,
    surname: member.surname,
    sex: member.sex,
    birthDate: member.birthDate,
    taxCode: member.taxCode ?? '',
    phone: member.phone,
    relationship: member.relationship,
    fragilityIds: member.fragilityIds,
  };
}

/** "Rossi Mario" (surname first, as lists and headers show people), or what there is of it. */
export function personLabel(person: { firstName: string; surname: string }, fallback: string): string {
  const name = `${person.surname.trim()} ${person.firstName.trim()}`.trim();
  return name === '' ? fallback : name;
}
