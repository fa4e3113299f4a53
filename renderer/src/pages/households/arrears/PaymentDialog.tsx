import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { plansRecordPaymentInput, type Plan } from '../../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { requiredDate, todayLocal } from '../../../casework/formSchemas';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormDateField } from '../../../forms/FormDateField';
import { FormDialog } from '../../../forms/FormDialog';
import { FormTextField } from '../../../forms/FormTextField';
import { useServerErrors } from '../../../forms/useServerErrors';
import { conflictNote } from './conflict';
import { moneyInputText } from './format';
import { ARREARS_READS } from './invalidations';
import { moneyText } from './money';

const shape = plansRecordPaymentInput.shape;
const paymentFormSchema = z.object({
  paidOn: requiredDate(shape.paidOn, 'Data del pagamento: inserire una data.').refine(
    (value) => value <= todayLocal(),
    'La data del pagamento non può essere nel futuro.',
  ),
  amountCents: moneyText('Importo pagato', shape.amountCents),
  notes: shape.notes,
});

/** "Registra pagamento": a payment of the plan made at the office or reported by the household. */
export function PaymentDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const form = useForm({
    resolver: zodResolver(paymentFormSchema),
    defaultValues: {
      paidOn: todayLocal(),
      amountCents: plan.nextDue ? moneyInputText(plan.nextDue.amountCents) : '',
      notes: '',
    },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const record = useApiMutation('plans.recordPayment', ARREARS_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await record.run({ planId: plan.id, expectedUpdatedAt: plan.updatedAt, ...values });
    if (!result.ok) {
      errors.show(conflictNote(result.error, 'il piano di rientro'));
      return;
    }
    notify('Pagamento registrato');
    onClose();
  });

  return (
    <FormDialog
      open
      title="Registra pagamento"
      submitLabel="Salva pagamento"
      pending={record.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        {plan.nextDue
          ? `Prossima rata: ${formatMoney(plan.nextDue.amountCents)} con scadenza il ${formatDate(plan.nextDue.dueDate)}. `
          : ''}
        I pagamenti oltre il dovuto del mese che compaiono negli estratti importati vengono abbinati al piano
        da soli: qui si registrano quelli che l’estratto non mostra ancora.
      </Typography>
      <Stack direction="row" spacing={2}>
        <FormDateField control={form.control} name="paidOn" label="Data del pagamento" required autoFocus />
        <FormTextField
          control={form.control}
          name="amountCents"
          label="Importo pagato (€)"
          placeholder="1.234,56"
          inputMode="decimal"
          required
        />
      </Stack>
      <FormTextField control={form.control} name="notes" label="Note" multiline minRows={1} maxRows={4} />
    </FormDialog>
  );
}
