import type { HeaderMapping } from '../../../shared/contract';
import { appendAudit } from '../../../db/audit';
import type { Db } from '../../../db/connection';
import { AppError } from '../../../db/errors';
import {
  deleteProfile as removeProfile,
  getProfile,
  insertProfile,
  listProfiles,
  profileByName,
  toProfile,
  updateProfile,
} from '../../../db/queries/arrears-profiles';
import { transaction } from '../../../db/sync';
import type { Handler } from '../../core/context';
import { CHANGED_BY_OTHERS, checkVersion, nextUpdatedAt } from '../scope';

const NOT_FOUND = 'Profilo di abbinamento non trovato: forse è stato eliminato. Ricaricare la pagina.';
const NAME_TAKEN = (name: string) => `Esiste già un profilo di nome «${name}»: scegliere un altro nome.`;

/**
 * Saves the mapping as the profile with this name (ignoring case): updates
 * it when it exists, adds it otherwise. Returns its id. Inside the caller's
 * transaction; audited.
 */
export function saveProfileByName(
  db: Db,
  name: string,
  mapping: HeaderMapping,
  now: string,
  operatorId: number,
): number {
  const existing = profileByName(db, name);
  let id: number;
  if (existing) {
    id = existing.id;
    updateProfile(
      db,
      id,
      { name: existing.name, mapping },
      nextUpdatedAt(existing.updated_at, now),
      operatorId,
    );
  } else id = insertProfile(db, name, mapping, now, operatorId);
  appendAudit(db.raw, {
    operatorId,
    action: 'arrears.saveProfile',
    recordType: 'arrears_profile',
    recordId: id,
  });
  return id;
}

export const profiles: Handler<'arrears.profiles'> = (_input, ctx) => ({
  profiles: listProfiles(ctx.db).map(toProfile),
});

export const saveProfile: Handler<'arrears.saveProfile'> = (input, ctx) => {
  const { db, operator } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    const sameName = profileByName(db, input.name);
    if (input.id === null) {
      if (sameName)
        throw new AppError('conflict', NAME_TAKEN(sameName.name), {
          fields: { name: NAME_TAKEN(sameName.name) },
        });
      const newId = insertProfile(db, input.name, input.mapping, now, operator.id);
      appendAudit(db.raw, {
        operatorId: operator.id,
        action: 'arrears.saveProfile',
        recordType: 'arrears_profile',
        recordId: newId,
      });
      return newId;
    }
    const current = getProfile(db, input.id);
    if (!current) throw new AppError('not_found', NOT_FOUND);
    checkVersion(current.updated_at, input.expectedUpdatedAt ?? '', CHANGED_BY_OTHERS('Il profilo'));
    if (sameName && sameName.id !== current.id) {
      throw new AppError('conflict', NAME_TAKEN(sameName.name), {
        fields: { name: NAME_TAKEN(sameName.name) },
      });
    }
    updateProfile(db, current.id, input, nextUpdatedAt(current.updated_at, now), operator.id);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'arrears.saveProfile',
      recordType: 'arrears_profile',
      recordId: current.id,
    });
    return current.id;
  });
  const row = getProfile(db, id);
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return { profile: toProfile(row) };
};

export const deleteProfile: Handler<'arrears.deleteProfile'> = (input, ctx) => {
  const { db, operator } = ctx;
  transaction(db, () => {
    if (!getProfile(db, input.id)) throw new AppError('not_found', NOT_FOUND);
    removeProfile(db, input.id);
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'arrears.deleteProfile',
      recordType: 'arrears_profile',
      recordId: input.id,
    });
  });
  return { done: true as const };
};
