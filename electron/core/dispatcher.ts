import { z } from 'zod';
import {
  contract,
  isCallName,
  roleAtLeast,
  type ApiError,
  type ApiResult,
  type CallName,
} from '../../shared/contract';
import { AppError } from '../../db/errors';
import { HandlerContext, type Handlers } from './context';
import type { Logger } from './logger';
import type { ShellServices } from './shell';
import { LOCKED_MESSAGE, type Vault } from './vault';

z.config(z.locales.it());

const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error });

function validationError(error: z.ZodError): ApiResult<never> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? 'Dati non validi.';
  return fail({ kind: 'validation', message: first, fields });
}

/**
 * The one entry point of every call, whichever shell carries it: validate the
 * input with the contract, check the session and the role, run the handler,
 * check its output, and turn every failure into an Italian message.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly vault: Vault,
    private readonly log: Logger,
    private readonly shell: ShellServices,
  ) {}

  async dispatch(name: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!isCallName(name)) return fail({ kind: 'not_found', message: 'Operazione sconosciuta.' });
    const def = contract[name];
    let operator = null;
    if (def.access !== 'public') {
      operator = this.vault.currentOperator();
      if (!operator || operator.active !== 1) {
        return fail({ kind: 'locked', message: LOCKED_MESSAGE });
      }
      if (def.access !== 'session') {
        if (operator.must_change_password === 1) {
          return fail({ kind: 'forbidden', message: 'Cambiare la password temporanea prima di continuare.' });
        }
        if (!roleAtLeast(operator.role, def.access)) {
          // Refused calls write nothing to the database; the technical log keeps the call name only.
          this.log.warn('call refused by role', { call: name, role: operator.role });
          return fail({ kind: 'forbidden', message: 'Il proprio ruolo non consente questa operazione.' });
        }
      }
    }
    // Access is checked before the input, so a caller without the role learns nothing of the schema.
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return validationError(parsed.error);
    if (operator) this.vault.touch();

    try {
      const handler = this.handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
      const value = await handler(
        parsed.data,
        new HandlerContext(this.vault, this.log, operator, this.shell),
      );
      const checked = def.output.safeParse(value);
      if (!checked.success) {
        this.log.error('handler output does not match the contract', { call: name });
        return fail({
          kind: 'internal',
          message: 'Si è verificato un errore interno. Riprovare; se succede ancora, riavviare Cortile.',
        });
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      return this.toFailure(name, err);
    }
  }

  private toFailure(name: CallName, err: unknown): ApiResult<never> {
    if (err instanceof AppError) {
      return fail({ kind: err.kind, message: err.message, ...err.extra });
    }
    // Log the kind of failure, never the input or the error text (it may quote data).
    const code = (err as { code?: unknown }).code;
    this.log.error('call failed', {
      call: name,
      error: err instanceof Error ? err.name : typeof err,
      ...(typeof code === 'string' ? { code } : {}),
    });
    return fail({
      kind: 'internal',
      message:
        'Si è verificato un errore imprevisto: l’operazione non è stata salvata. Riprovare; se succede ancora, riavviare Cortile.',
    });
  }
}
