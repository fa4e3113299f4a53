import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { INCOLPEVOLE_CAUSES } from '../../../../../shared/arrears/incolpevole';
import { addCauseInput } from '../../../../../shared/contract';
import { formatDate } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { requiredChoice, todayLocal } from '../../../casework/formSchemas';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormDateField } from '../../../forms/FormDateField';
import { FormDialog } from '../../../forms/FormDialog';
import { FormSelect } from '../../../forms/FormSelect';
import { FormTextField } from '../../../forms/FormTextField';
import { useServerErrors } from '../../../forms/useServerErrors';
import { ARREARS_READS } from './invalidations';

const shape = addCauseInput.shape;
const causeFormSchema = z.object({
  cause: requiredChoice(shape.cause, 'Scegliere la causa dall’elenco.'),
  eventDate: shape.eventDate.refine(
    (value) => value === null || value <= todayLocal(),
    'La data dell’evento non può essere nel futuro.',
  ),
  notes: shape.notes,
});
const OPTIONS = INCOLPEVOLE_CAUSES.map((cause) => ({ value: cause.code, label: cause.label }));

interface Props {
  householdId: number;
  arrearsStartDate: string | null;
  onClose: () => void;
}

/** "Aggiungi causa": a cause of morosità incolpevole with the date of the event. */
export function CauseDialog({ householdId, arrearsStartDate, onClose }: Props) {
  const form = useForm({
    resolver: zodResolver(causeFormSchema),
    defaultValues: { cause: null, eventDate: null, notes: '' },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const add = useApiMutation('arrears.addCause', ARREARS_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await add.run({ householdId, ...values });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Causa registrata');
    onClose();
  });

  return (
    <FormDialog
      open
      title="Causa di morosità incolpevole"
      submitLabel="Salva causa"
      pending={add.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        Le cause riconosciute dai decreti ministeriali (D.M. 14/05/2014 e 30/03/2016). Conta la data
        dell’evento: deve venire prima dell’inizio della morosità
        {arrearsStartDate ? ` (${formatDate(arrearsStartDate)})` : ''} o coincidere con esso.
      </Typography>
      <FormSelect control={form.control} name="cause" label="Causa" options={OPTIONS} required autoFocus />
      <FormDateField
        control={form.control}
        name="eventDate"
        label="Data dell’evento"
        helperText="Se non è ancora nota si può aggiungere dopo; senza la data l’eleggibilità non si valuta."
      />
      <FormTextField
        control={form.control}
        name="notes"
        label="Note"
        placeholder="Documenti raccolti, chi ha riferito…"
        multiline
        minRows={2}
        maxRows={5}
      />
    </FormDialog>
  );
}
