import { appendAudit } from '../../db/audit';
import { AppError } from '../../db/errors';
import {
  getVocabularyItem,
  insertVocabularyItem,
  listVocabulary,
  updateVocabularyItem,
  vocabularyLabelTaken,
  vocabularyVersion,
} from '../../db/queries/vocabulary';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';
import { CHANGED_BY_OTHERS, checkVersion, nextUpdatedAt } from './scope';

const NOT_FOUND = 'Voce non trovata: ricaricare l’elenco.';
const LABEL_TAKEN =
  'Questa voce è già nell’elenco (anche se disattivata): riattivarla invece di aggiungerla.';

function reread(ctx: HandlerContext, id: number) {
  const item = getVocabularyItem(ctx.db, id);
  if (!item) throw new AppError('not_found', NOT_FOUND);
  return { item };
}

export const list: Handler<'vocabulary.list'> = (_input, ctx) => ({ items: listVocabulary(ctx.db) });

export const create: Handler<'vocabulary.create'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    if (vocabularyLabelTaken(db, input.kind, input.label, null)) {
      throw new AppError('conflict', LABEL_TAKEN, { fields: { label: LABEL_TAKEN } });
    }
    const newId = insertVocabularyItem(db, input.kind, input.label, now, ctx.operator.id);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'vocabulary.create',
      recordType: 'vocabulary',
      recordId: newId,
    });
    return newId;
  });
  return reread(ctx, id);
};

export const update: Handler<'vocabulary.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = vocabularyVersion(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('La voce'));
    if (vocabularyLabelTaken(db, row.kind, input.label, row.id)) {
      const message = 'Un’altra voce dello stesso elenco ha già questo testo.';
      throw new AppError('conflict', message, { fields: { label: message } });
    }
    updateVocabularyItem(db, row.id, input, nextUpdatedAt(row.updated_at, now));
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'vocabulary.update',
      recordType: 'vocabulary',
      recordId: row.id,
    });
  });
  return reread(ctx, input.id);
};
