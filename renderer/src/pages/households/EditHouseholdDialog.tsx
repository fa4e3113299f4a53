import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  HOUSEHOLD_STATUSES,
  householdsUpdateInput,
  type Household,
  type Member,
} from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { CheckboxField } from '../../casework/CheckboxField';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormDialog } from '../../forms/FormDialog';
import { FormSelect } from '../../forms/FormSelect';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { HOUSEHOLD_STATUS_LABELS } from '../../registry/labels';
import { personLabel } from './memberForm';

const shape = householdsUpdateInput.shape;
const editSchema = z.object({
  status: shape.status,
  referenceMemberId: shape.referenceMemberId,
  since: shape.since,
  phone: shape.phone,
  language: shape.language,
  toTeam: shape.toTeam,
  notes: shape.notes,
});

const STATUS_OPTIONS = HOUSEHOLD_STATUSES.map((status) => ({
  value: status,
  label: HOUSEHOLD_STATUS_LABELS[status],
}));

interface Props {
  household: Household;
  members: Member[];
  onClose: () => void;
}

/** "Modifica nucleo": status, contacts, intestatario, notes. */
export function EditHouseholdDialog({ household, members, onClose }: Props) {
  const form = useForm({
    resolver: zodResolver(editSchema),
    defaultValues: {
      status: household.status,
      referenceMemberId: household.referenceMemberId,
      since: household.since,
      phone: household.phone,
      language: household.language,
      toTeam: household.toTeam,
      notes: household.notes,
    },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const update = useApiMutation('households.update', ['households.get', 'households.list', 'buildings.get']);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await update.run({ id: household.id, expectedUpdatedAt: household.updatedAt, ...values });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Nucleo salvato');
    onClose();
  });

  const present = members.filter(
    (member) => member.leftOn === null || member.id === household.referenceMemberId,
  );
  return (
    <FormDialog
      open
      title={`Modifica nucleo ${household.code}`}
      submitLabel="Salva"
      pending={update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Stack direction="row" spacing={2}>
        <FormSelect
          control={form.control}
          name="status"
          label="Stato"
          required
          options={STATUS_OPTIONS}
          autoFocus
        />
        <FormDateField control={form.control} name="since" label="Nell’alloggio dal" required />
      </Stack>
      <FormSelect
        control={form.control}
        name="referenceMemberId"
        label="Intestatario"
        emptyLabel="Nessuno"
        helperText="Cambiando intestatario, la relazione degli altri componenti resta com’era: controllarla."
        options={present.map((member) => ({ value: member.id, label: personLabel(member, 'Componente') }))}
      />
      <Stack direction="row" spacing={2}>
        <FormTextField control={form.control} name="phone" label="Telefono" inputMode="tel" />
        <FormTextField control={form.control} name="language" label="Lingua preferita" />
      </Stack>
      <CheckboxField
        control={form.control}
        name="toTeam"
        label="Porta in équipe"
        helperText="Da discutere alla prossima riunione d’équipe."
      />
      <FormTextField control={form.control} name="notes" label="Note" multiline minRows={2} maxRows={6} />
    </FormDialog>
  );
}
