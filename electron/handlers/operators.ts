import { appendAudit } from '../../db/audit';
import { AppError } from '../../db/errors';
import { operatorSlotId, prepareSecret } from '../../db/keyring';
import {
  findOperatorByUsername,
  getOperator,
  insertOperator,
  listOperators,
  toOperator,
  updateOperator,
  type OperatorRow,
} from '../../db/queries/operators';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';

const USERNAME_TAKEN = 'Questo nome utente è già in uso: sceglierne un altro.';

function mustFind(ctx: HandlerContext, id: number): OperatorRow {
  const row = getOperator(ctx.db, id);
  if (!row)
    throw new AppError('not_found', 'Operatore non trovato: forse è stato eliminato. Ricaricare l’elenco.');
  return row;
}

function reread(ctx: HandlerContext, id: number) {
  return { operator: toOperator(mustFind(ctx, id)) };
}

export const list: Handler<'operators.list'> = (_input, ctx) => ({
  operators: listOperators(ctx.db).map(toOperator),
});

export const create: Handler<'operators.create'> = async (input, ctx) => {
  if (findOperatorByUsername(ctx.db, input.username)) {
    throw new AppError('conflict', USERNAME_TAKEN, { fields: { username: USERNAME_TAKEN } });
  }
  const prepared = await prepareSecret(input.temporaryPassword);
  // Read after the slow derivation: the session may have been locked meanwhile.
  const { db } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    if (findOperatorByUsername(db, input.username)) {
      throw new AppError('conflict', USERNAME_TAKEN, { fields: { username: USERNAME_TAKEN } });
    }
    const newId = insertOperator(
      db,
      {
        fullName: input.fullName,
        username: input.username,
        role: input.role,
        mustChangePassword: true,
        createdBy: ctx.operator.id,
      },
      now,
    );
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'operators.create',
      recordType: 'operator',
      recordId: newId,
    });
    // The key ring is written last inside the transaction: if it fails, the operator is not created.
    ctx.vault.saveSlot(operatorSlotId(newId), input.username, prepared);
    return newId;
  });
  return reread(ctx, id);
};

export const update: Handler<'operators.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = mustFind(ctx, input.id);
    if (row.updated_at !== input.expectedUpdatedAt) {
      throw new AppError(
        'conflict',
        'L’operatore è stato modificato da qualcun altro nel frattempo: ricaricare l’elenco e ripetere la modifica.',
      );
    }
    const self = row.id === ctx.operator.id;
    if (self && ((input.role !== undefined && input.role !== row.role) || input.active === false)) {
      throw new AppError(
        'forbidden',
        'Non è possibile cambiare il proprio ruolo né disattivare il proprio account: chiedere a un altro amministratore.',
      );
    }
    if (input.active === true && row.active === 0) {
      throw new AppError(
        'conflict',
        'Per riattivare l’operatore usare «Reimposta password»: riceverà una password temporanea.',
      );
    }
    updateOperator(
      db,
      row.id,
      {
        ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active === false ? { active: 0 } : {}),
      },
      now,
    );
    const action = input.active === false && row.active === 1 ? 'operators.deactivate' : 'operators.update';
    appendAudit(db.raw, { operatorId: ctx.operator.id, action, recordType: 'operator', recordId: row.id });
    if (input.active === false) {
      // A deactivated operator keeps no key slot: nothing of theirs can open the database.
      ctx.vault.removeSlot(operatorSlotId(row.id));
    }
  });
  return reread(ctx, input.id);
};

export const resetPassword: Handler<'operators.resetPassword'> = async (input, ctx) => {
  const target = mustFind(ctx, input.id);
  if (target.id === ctx.operator.id) {
    throw new AppError('forbidden', 'Per cambiare la propria password usare «Il mio profilo».');
  }
  const prepared = await prepareSecret(input.temporaryPassword);
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = mustFind(ctx, input.id);
    updateOperator(db, row.id, { must_change_password: 1, active: 1 }, now);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: row.active === 1 ? 'operators.resetPassword' : 'operators.reactivate',
      recordType: 'operator',
      recordId: row.id,
    });
    ctx.vault.saveSlot(operatorSlotId(row.id), row.username, prepared);
  });
  return reread(ctx, input.id);
};

/** Names and roles of every operator, for choosing tutors and follow-up owners (no usernames). */
export const directory: Handler<'operators.directory'> = (_input, ctx) => ({
  operators: listOperators(ctx.db)
    .map((row) => ({ id: row.id, fullName: row.full_name, role: row.role, active: row.active === 1 }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'it') || a.id - b.id),
});
