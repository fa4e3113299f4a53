import { appendAudit } from '../../db/audit';
import { AppError } from '../../db/errors';
import { areaNameTaken, areaRow, getArea, insertArea, listAreas, updateArea } from '../../db/queries/areas';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';
import { buildingFilter, CHANGED_BY_OTHERS, checkVersion, nextUpdatedAt } from './scope';

const NAME_TAKEN = 'Esiste già un’area con questo nome: sceglierne un altro.';
const NOT_FOUND = 'Area non trovata: forse è stata eliminata. Ricaricare l’elenco.';

function reread(ctx: HandlerContext, id: number) {
  const area = getArea(ctx.db, id, buildingFilter(ctx.operator, 'b.id'));
  if (!area) throw new AppError('not_found', NOT_FOUND);
  return { area };
}

export const list: Handler<'areas.list'> = (_input, ctx) => ({
  areas: listAreas(ctx.db, buildingFilter(ctx.operator, 'b.id')),
});

export const create: Handler<'areas.create'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    if (areaNameTaken(db, input.name, null)) {
      throw new AppError('conflict', NAME_TAKEN, { fields: { name: NAME_TAKEN } });
    }
    const newId = insertArea(db, input.name, now, ctx.operator.id);
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'areas.create',
      recordType: 'area',
      recordId: newId,
    });
    return newId;
  });
  return reread(ctx, id);
};

export const update: Handler<'areas.update'> = (input, ctx) => {
  const { db } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = areaRow(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('L’area'));
    if (areaNameTaken(db, input.name, row.id)) {
      throw new AppError('conflict', NAME_TAKEN, { fields: { name: NAME_TAKEN } });
    }
    updateArea(db, row.id, input, nextUpdatedAt(row.updated_at, now));
    appendAudit(db.raw, {
      operatorId: ctx.operator.id,
      action: 'areas.update',
      recordType: 'area',
      recordId: row.id,
    });
  });
  return reread(ctx, input.id);
};
