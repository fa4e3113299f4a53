import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import { insertFollowup, openReferralFollowup, updateFollowup } from '../../db/queries/followups';
import { getInterventionRow, requireVocabulary } from '../../db/queries/interventions';
import { getOperator } from '../../db/queries/operators';
import { getReferral, getReferralRow, insertReferral, updateReferral } from '../../db/queries/referrals';
import { transaction } from '../../db/sync';
import type { ReferralStatus } from '../../db/schema';
import type { Handler } from '../core/context';
import { CHANGED_BY_OTHERS, checkVersion, nextUpdatedAt, requireHousehold } from './scope';

const NOT_FOUND = 'Invio ai servizi non trovato: forse è stato eliminato. Ricaricare la pagina.';
const SERVICE = 'Servizio: scegliere una voce attiva dell’elenco.';
const INTERVENTION = 'Intervento: scegliere un intervento di questo nucleo.';

/** The text of the follow-up that reminds the tutor to check a referral's outcome. */
export const checkText = (serviceLabel: string) => `Verificare l’esito dell’invio: ${serviceLabel}`;

/** Concluded or not accepted: nothing left to check. */
function isClosed(status: ReferralStatus): boolean {
  return status === 'concluso' || status === 'non_accolto';
}

function reread(db: Db, id: number) {
  const referral = getReferral(db, id);
  if (!referral) throw new AppError('not_found', NOT_FOUND);
  return { referral };
}

export const create: Handler<'referrals.create'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  const id = transaction(db, () => {
    requireHousehold(db.raw, me, input.householdId);
    const serviceLabel = requireVocabulary(db, input.serviceId, 'referral_service', 'serviceId', SERVICE);
    if (input.interventionId !== null) {
      const intervention = getInterventionRow(db, input.interventionId);
      if (intervention?.household_id !== input.householdId) {
        throw new AppError('validation', INTERVENTION, { fields: { interventionId: INTERVENTION } });
      }
    }
    const referralId = insertReferral(
      db,
      {
        householdId: input.householdId,
        interventionId: input.interventionId,
        serviceId: input.serviceId,
        referredOn: input.referredOn,
        reason: input.reason,
        status: input.status,
        checkBy: input.checkBy,
        operatorId: me.id,
        createdBy: me.id,
      },
      now,
    );
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'referrals.create',
      recordType: 'referral',
      recordId: referralId,
    });
    if (input.checkBy !== null && !isClosed(input.status)) {
      const followupId = insertFollowup(
        db,
        {
          dueOn: input.checkBy,
          operatorId: me.id,
          text: checkText(serviceLabel),
          householdId: input.householdId,
          buildingId: null,
          interventionId: null,
          referralId,
          createdBy: me.id,
        },
        now,
      );
      appendAudit(db.raw, {
        operatorId: me.id,
        action: 'referrals.create',
        recordType: 'followup',
        recordId: followupId,
      });
    }
    return referralId;
  });
  return reread(db, id);
};

/**
 * Besides the referral itself: closing it marks its open follow-up done;
 * a new check-by date moves the open follow-up, or adds one.
 */
export const update: Handler<'referrals.update'> = (input, ctx) => {
  const { db, operator: me } = ctx;
  const now = ctx.now();
  transaction(db, () => {
    const row = getReferralRow(db, input.id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    requireHousehold(db.raw, me, row.household_id);
    checkVersion(row.updated_at, input.expectedUpdatedAt, CHANGED_BY_OTHERS('L’invio ai servizi'));
    const serviceLabel = requireVocabulary(db, input.serviceId, 'referral_service', 'serviceId', SERVICE, [
      row.service_id,
    ]);
    updateReferral(db, row.id, {
      service_id: input.serviceId,
      referred_on: input.referredOn,
      reason: input.reason,
      status: input.status,
      check_by: input.checkBy,
      updated_at: nextUpdatedAt(row.updated_at, now),
    });
    appendAudit(db.raw, {
      operatorId: me.id,
      action: 'referrals.update',
      recordType: 'referral',
      recordId: row.id,
    });

    const audit = (followupId: number) => {
      appendAudit(db.raw, {
        operatorId: me.id,
        action: 'referrals.update',
        recordType: 'followup',
        recordId: followupId,
      });
    };
    const open = openReferralFollowup(db, row);
    if (isClosed(input.status)) {
      if (open && !isClosed(row.status)) {
        updateFollowup(db, open.id, {
          done_at: now,
          done_by: me.id,
          updated_at: nextUpdatedAt(open.updated_at, now),
        });
        audit(open.id);
      }
      return;
    }
    const oldText = checkText(
      requireVocabulary(db, row.service_id, 'referral_service', 'serviceId', SERVICE, [row.service_id]),
    );
    if (open) {
      const changes = {
        ...(input.checkBy !== null && input.checkBy !== row.check_by ? { due_on: input.checkBy } : {}),
        // The generated text names the service: follow a change of service, unless someone rewrote it.
        ...(open.text === oldText && input.serviceId !== row.service_id
          ? { text: checkText(serviceLabel) }
          : {}),
      };
      if (Object.keys(changes).length > 0) {
        updateFollowup(db, open.id, { ...changes, updated_at: nextUpdatedAt(open.updated_at, now) });
        audit(open.id);
      }
    } else if (input.checkBy !== null && input.checkBy !== row.check_by) {
      // The referral's operator checks the outcome, unless they are no longer active.
      const owner = getOperator(db, row.operator_id);
      audit(
        insertFollowup(
          db,
          {
            dueOn: input.checkBy,
            operatorId: owner?.active === 1 ? owner.id : me.id,
            text: checkText(serviceLabel),
            householdId: row.household_id,
            buildingId: null,
            interventionId: null,
            referralId: row.id,
            createdBy: me.id,
          },
          now,
        ),
      );
    }
  });
  return reread(db, input.id);
};
