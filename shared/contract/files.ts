import { z } from 'zod';
import { call } from './common';

/** A file produced for the user (an export, a PDF) that waits to be saved. */
export const outboxFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type OutboxFileView = z.infer<typeof outboxFileSchema>;

export const filesDeliverInput = z
  .object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'Identificativo del file non valido.') })
  .strict();

export const deliveryOutput = z.discriminatedUnion('result', [
  z.object({ result: z.literal('saved'), path: z.string() }),
  z.object({ result: z.literal('download'), url: z.string() }),
  z.object({ result: z.literal('cancelled') }),
]);
export type DeliveryView = z.infer<typeof deliveryOutput>;

/** The files.* calls, spread into the contract in index.ts. */
export const filesCalls = {
  'files.deliver': call({
    input: filesDeliverInput,
    output: deliveryOutput,
    access: 'operatore',
    writes: false,
    description:
      'Consegna un file preparato (esportazione, PDF): nell’app desktop con la finestra «Salva con nome», nel browser come download.',
  }),
};
