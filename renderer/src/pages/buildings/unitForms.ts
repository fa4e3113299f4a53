import { z } from 'zod';
import { line, unitsCreateManyInput, unitsUpdateInput, type Unit } from '../../../../shared/contract';
import { unitLabel } from '../../registry/labels';
import { optionalCount } from './buildingForm';

/** A whole number typed in a text field (negative allowed: floors below ground). */
const wholeNumber = (label: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (!/^-?\d+$/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: value === '' ? `${label}: inserire un numero.` : `${label}: inserire un numero intero.`,
        });
        return z.NEVER;
      }
      return Number(value);
    });

const shape = unitsUpdateInput.shape;

/** One unit, as typed. */
export const unitFormSchema = z.object({
  staircase: shape.staircase,
  floor: wholeNumber('Piano').pipe(shape.floor),
  number: shape.number,
  // Sent as typed: the server turns an empty code into none.
  agencyCode: line('Codice alloggio', 40),
  rooms: optionalCount('Vani', shape.rooms),
  sizeSqm: optionalCount('Superficie', shape.sizeSqm),
});
export type UnitFormInput = z.input<typeof unitFormSchema>;

export function unitFormValues(unit: Unit | null): UnitFormInput {
  return {
    staircase: unit?.staircase ?? '',
    floor: unit ? String(unit.floor) : '',
    number: unit?.number ?? '',
    agencyCode: unit?.agencyCode ?? '',
    rooms: unit?.rooms === null || unit === null ? '' : String(unit.rooms),
    sizeSqm: unit?.sizeSqm === null || unit === null ? '' : String(unit.sizeSqm),
  };
}

/** "Scala A, piani 0–4, 3 interni per piano", as typed; checked with the contract's own rules. */
export const manyUnitsFormSchema = z
  .object({
    buildingId: z.number(),
    staircase: z.string(),
    floorFrom: wholeNumber('Dal piano'),
    floorTo: wholeNumber('Al piano'),
    perFloor: wholeNumber('Interni per piano'),
    firstNumber: wholeNumber('Primo interno'),
    codePrefix: z.string(),
  })
  .transform((value, ctx) => {
    const parsed = unitsCreateManyInput.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  });
export type ManyUnitsFormInput = z.input<typeof manyUnitsFormSchema>;
export type ManyUnitsFormOutput = z.output<typeof manyUnitsFormSchema>;

export interface PlannedUnit {
  label: string;
  agencyCode: string | null;
}

/** The units "Aggiungi alloggi" will create, numbered as the server numbers them. */
export function planUnits(input: ManyUnitsFormOutput): PlannedUnit[] {
  const planned: PlannedUnit[] = [];
  let number = input.firstNumber;
  for (let floor = input.floorFrom; floor <= input.floorTo; floor += 1) {
    for (let i = 0; i < input.perFloor; i += 1) {
      const staircase = input.staircase.trim();
      planned.push({
        label: unitLabel({ staircase, floor, number: String(number) }),
        agencyCode: input.codePrefix.trim() === '' ? null : `${input.codePrefix.trim()}${number}`,
      });
      number += 1;
    }
  }
  return planned;
}
