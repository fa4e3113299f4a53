import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { PLAN_CLOSE_REASON_LABELS, plansCloseInput, type Plan } from '../../../../../shared/contract';
import { useApiMutation } from '../../../api';
import { requiredChoice, requiredDate, todayLocal } from '../../../casework/formSchemas';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormDateField } from '../../../forms/FormDateField';
import { FormDialog } from '../../../forms/FormDialog';
import { FormSelect } from '../../../forms/FormSelect';
import { useServerErrors } from '../../../forms/useServerErrors';
import { conflictNote } from './conflict';
import { ARREARS_READS } from './invalidations';

const shape = plansCloseInput.shape;
const REASONS = ['concluso', 'annullato', 'decaduto'] as const;
const OPTIONS = REASONS.map((reason) => ({ value: reason, label: PLAN_CLOSE_REASON_LABELS[reason] }));

const closeFormSchema = z.object({
  closedOn: requiredDate(shape.closedOn, 'Data di chiusura: inserire una data.').refine(
    (value) => value <= todayLocal(),
    'La data di chiusura non può essere nel futuro.',
  ),
  reason: requiredChoice(shape.reason, 'Scegliere il motivo della chiusura.'),
});

/** "Chiudi piano": paid off, cancelled, or revoked by the housing office. */
export function ClosePlanDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const form = useForm({
    resolver: zodResolver(closeFormSchema),
    defaultValues: { closedOn: todayLocal(), reason: plan.status === 'concluso' ? 'concluso' : null },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const close = useApiMutation('plans.close', ARREARS_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await close.run({ planId: plan.id, expectedUpdatedAt: plan.updatedAt, ...values });
    if (!result.ok) {
      errors.show(conflictNote(result.error, 'il piano di rientro'));
      return;
    }
    notify('Piano di rientro chiuso');
    onClose();
  });

  return (
    <FormDialog
      open
      title="Chiudi il piano di rientro"
      submitLabel="Chiudi piano"
      pending={close.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        Il piano chiuso resta nello storico del nucleo con il suo stato alla data di chiusura; da quel giorno
        le sue rate non contano più nel punteggio.
      </Typography>
      <FormSelect control={form.control} name="reason" label="Motivo" options={OPTIONS} required autoFocus />
      <FormDateField control={form.control} name="closedOn" label="Data di chiusura" required />
    </FormDialog>
  );
}
