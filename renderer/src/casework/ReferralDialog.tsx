import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { REFERRAL_STATUSES, type Referral } from '../../../shared/contract';
import { useApiMutation } from '../api';
import { useNotify } from '../feedback/NotifyContext';
import { FormDateField } from '../forms/FormDateField';
import { FormDialog } from '../forms/FormDialog';
import { FormSelect } from '../forms/FormSelect';
import { FormTextField } from '../forms/FormTextField';
import { useServerErrors } from '../forms/useServerErrors';
import { REFERRAL_STATUS_LABELS } from '../registry/labels';
import { useVocabulary } from '../registry/useLists';
import { referralFormSchema, todayLocal, type ReferralFormInput } from './formSchemas';
import { CASEWORK_READS } from './invalidations';
import { vocabularyOptions } from './options';

interface Props {
  open: boolean;
  onClose: () => void;
  householdId: number;
  /** Given: edit this referral; absent: a new one. */
  referral?: Referral;
}

const STATUS_OPTIONS = REFERRAL_STATUSES.map((status) => ({
  value: status,
  label: REFERRAL_STATUS_LABELS[status],
}));

function valuesOf(referral: Referral | undefined): ReferralFormInput {
  return {
    serviceId: referral?.serviceId ?? null,
    referredOn: referral?.referredOn ?? todayLocal(),
    reason: referral?.reason ?? '',
    status: referral?.status ?? 'inviato',
    checkBy: referral?.checkBy ?? null,
  };
}

/** "Invio ai servizi": a new referral of the household, or a change to one (status, date to check). */
export function ReferralDialog({ open, ...rest }: Props) {
  return open ? <ReferralForm {...rest} /> : null;
}

function ReferralForm({ onClose, householdId, referral }: Omit<Props, 'open'>) {
  const form = useForm({ resolver: zodResolver(referralFormSchema), defaultValues: valuesOf(referral) });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const services = useVocabulary('referral_service');
  const create = useApiMutation('referrals.create', CASEWORK_READS);
  const update = useApiMutation('referrals.update', CASEWORK_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = referral
      ? await update.run({ id: referral.id, expectedUpdatedAt: referral.updatedAt, ...values })
      : await create.run({ householdId, ...values });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify(
      values.checkBy && !referral ? 'Invio salvato, con il promemoria per la verifica' : 'Invio salvato',
    );
    onClose();
  });

  return (
    <FormDialog
      open
      title={referral ? 'Modifica invio ai servizi' : 'Invio ai servizi'}
      submitLabel="Salva invio"
      pending={create.isPending || update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormSelect
        control={form.control}
        name="serviceId"
        label="Servizio"
        required
        autoFocus
        options={vocabularyOptions(services, referral ? [referral.serviceId] : [])}
      />
      <Stack direction="row" spacing={2}>
        <FormDateField control={form.control} name="referredOn" label="Data dell’invio" required />
        <FormSelect control={form.control} name="status" label="Stato" required options={STATUS_OPTIONS} />
      </Stack>
      <FormTextField control={form.control} name="reason" label="Motivo" multiline minRows={3} maxRows={8} />
      <FormDateField
        control={form.control}
        name="checkBy"
        label="Verificare l’esito entro"
        helperText="Facoltativo: quel giorno comparirà un promemoria nell’agenda."
      />
    </FormDialog>
  );
}
