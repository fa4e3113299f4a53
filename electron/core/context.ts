import type { CallName, CallOutput, ParsedInput } from '../../shared/contract';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import type { OperatorRow } from '../../db/queries/operators';
import type { Logger } from './logger';
import type { Outbox } from './outbox';
import type { ShellServices } from './shell';
import { LOCKED_MESSAGE, type Vault } from './vault';

/** What a handler gets besides its validated input. */
export class HandlerContext {
  constructor(
    readonly vault: Vault,
    readonly log: Logger,
    private readonly signedIn: OperatorRow | null,
    /** Printing and saving files, done by whichever shell hosts the app. */
    readonly shell: ShellServices,
  ) {}

  /** Files produced for the user, waiting to be saved. */
  get outbox(): Outbox {
    return this.vault.outbox;
  }

  /** The open database (the dispatcher has already checked the session). */
  get db(): Db {
    return this.vault.requireDb();
  }

  /** The signed-in operator, as read at the start of this call. */
  get operator(): OperatorRow {
    if (!this.signedIn) throw new AppError('locked', LOCKED_MESSAGE);
    return this.signedIn;
  }

  now(): string {
    return new Date().toISOString();
  }
}

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: HandlerContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };
