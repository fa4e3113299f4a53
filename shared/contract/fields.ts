import { z } from 'zod';
import { checkTaxCode } from '../codice-fiscale';
import { idSchema, timestampSchema } from './common';

/** Free text on one line: trimmed, no control characters. */
export const line = (label: string, max: number) =>
  z
    .string({ message: `${label}: valore non valido.` })
    .trim()
    .max(max, `${label}: al massimo ${max} caratteri.`)
    .regex(/^[^\p{Cc}]*$/u, `${label}: contiene caratteri non ammessi.`);

/** A required line of text. */
export const requiredLine = (label: string, max: number, message: string) => line(label, max).min(1, message);

/** Free text over several lines (notes): tabs and new lines allowed. */
export const notes = (label: string, max = 4000) =>
  z
    .string({ message: `${label}: valore non valido.` })
    .trim()
    .max(max, `${label}: al massimo ${max} caratteri.`)
    .refine((value) => !/[^\P{Cc}\t\n\r]/u.test(value), `${label}: contiene caratteri non ammessi.`);

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** A calendar date as `YYYY-MM-DD` (the renderer shows and reads `dd/mm/yyyy`). */
export const dateSchema = (label: string) =>
  z
    .string({ message: `${label}: inserire una data.` })
    .refine(isCalendarDate, `${label}: inserire una data valida (gg/mm/aaaa).`);

/** A local date and time as `YYYY-MM-DDTHH:MM`. */
export const dateTimeSchema = (label: string) =>
  z
    .string({ message: `${label}: inserire data e ora.` })
    .refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(value) && isCalendarDate(value.slice(0, 10)),
      `${label}: inserire data e ora valide (gg/mm/aaaa hh:mm).`,
    );

/** Optional codice fiscale: empty becomes null; otherwise checked and upper-cased. */
export const taxCodeSchema = z
  .string({ message: 'Codice fiscale: valore non valido.' })
  .nullable()
  .transform((value, ctx) => {
    const trimmed = (value ?? '').trim();
    if (trimmed === '') return null;
    const check = checkTaxCode(trimmed);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.code;
  });

/** A phone number: digits, spaces and + / . - ( ). */
export const phoneSchema = z
  .string({ message: 'Telefono: valore non valido.' })
  .trim()
  .max(40, 'Telefono: al massimo 40 caratteri.')
  .regex(/^[0-9+ ./()-]*$/, 'Telefono: usare solo cifre, spazi e i segni + . / - ( ).');

export const expectedUpdatedAtSchema = z.string({
  message: 'Manca la versione del record: ricaricare la pagina.',
});

export const idListSchema = (label: string, max = 50) =>
  z.array(idSchema, { message: `${label}: valore non valido.` }).max(max, `${label}: troppi valori.`);

/** Server-side paging shared by every list. */
export const pageFields = {
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(5).max(100).default(25),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
};

export const pagedOutput = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int().min(0) });

export const updatedAtSchema = timestampSchema;
