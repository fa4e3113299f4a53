import { z } from 'zod';
import { parseAmountCents } from '../../../../../shared/arrears/values';

/**
 * A money field as typed (`1.234,56`, `1234,5`, `1.000`), read as integer cents and then
 * checked by the contract's own schema, so the limits and messages are the server's. Empty
 * or unreadable text gets a message naming the field.
 */
export function moneyText<T extends z.ZodType<number, number>>(label: string, schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      if (text.trim() === '') {
        ctx.addIssue({ code: 'custom', message: `${label}: inserire un importo.` });
        return z.NEVER;
      }
      const parsed = parseAmountCents(text.trim(), ',');
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${label}: scrivere un importo come 1.234,56.` });
        return z.NEVER;
      }
      return parsed.value;
    })
    .pipe(schema);
}

/** The cents of a typed amount, or null while it is not one (for live previews). */
export function centsOf(text: unknown): number | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const parsed = parseAmountCents(text.trim(), ',');
  return parsed.ok ? parsed.value : null;
}
