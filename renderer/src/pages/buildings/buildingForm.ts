import { z } from 'zod';
import { buildingsUpdateInput, line, type Building } from '../../../../shared/contract';

const shape = buildingsUpdateInput.shape;

/** A number typed in a text field: empty is null, anything else must be a whole number. */
export const optionalCount = (label: string, schema: z.ZodType<number | null, number | null>) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '') return null;
      if (!/^-?\d+$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: `${label}: inserire un numero intero.` });
        return z.NEVER;
      }
      return Number(value);
    })
    .pipe(schema);

/** The building form: the contract's fields, with the empty choices and the typed numbers checked. */
export const buildingFormSchema = z.object({
  areaId: z
    .number({ message: 'Scegliere l’area.' })
    .nullable()
    .refine((value) => value !== null, 'Scegliere l’area.'),
  address: shape.address,
  city: shape.city,
  // Sent as typed: the server turns an empty code into none.
  agencyCode: line('Codice ente gestore', 40),
  owner: shape.owner,
  declaredUnits: optionalCount('Numero di alloggi', shape.declaredUnits),
  notes: shape.notes,
  operatorIds: shape.operatorIds,
  active: z.boolean(),
});
export type BuildingFormInput = z.input<typeof buildingFormSchema>;
export type BuildingFormOutput = z.output<typeof buildingFormSchema>;

export const NEW_BUILDING: BuildingFormInput = {
  areaId: null,
  address: '',
  city: 'Cremona',
  agencyCode: '',
  owner: 'ALER',
  declaredUnits: '',
  notes: '',
  operatorIds: [],
  active: true,
};

export function buildingFormValues(building: Building): BuildingFormInput {
  return {
    areaId: building.areaId,
    address: building.address,
    city: building.city,
    agencyCode: building.agencyCode ?? '',
    owner: building.owner,
    declaredUnits: building.declaredUnits === null ? '' : String(building.declaredUnits),
    notes: building.notes,
    operatorIds: building.operators.map((operator) => operator.id),
    active: building.active,
  };
}
