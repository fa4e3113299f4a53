import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import type { Followup } from '../../../shared/contract';
import { useApiMutation } from '../api';
import { useSession } from '../app/SessionContext';
import { useNotify } from '../feedback/NotifyContext';
import { FormDateField } from '../forms/FormDateField';
import { FormDialog } from '../forms/FormDialog';
import { FormSelect } from '../forms/FormSelect';
import { FormTextField } from '../forms/FormTextField';
import { useServerErrors } from '../forms/useServerErrors';
import { useDirectory } from '../registry/useLists';
import { followupFormDefaults, followupFormSchema } from './formSchemas';
import { CASEWORK_READS } from './invalidations';
import { operatorOptions } from './options';

export type FollowupTarget = { householdId: number } | { buildingId: number };

interface Props {
  open: boolean;
  onClose: () => void;
  /** What a new follow-up is about. */
  target: FollowupTarget;
  /** Given: edit this follow-up; absent: a new one. */
  followup?: Followup;
}

/** "Promemoria": something to do by a date, in an operator's agenda. */
export function FollowupDialog({ open, ...rest }: Props) {
  return open ? <FollowupForm {...rest} /> : null;
}

function FollowupForm({ onClose, target, followup }: Omit<Props, 'open'>) {
  const { operator } = useSession();
  const form = useForm({
    resolver: zodResolver(followupFormSchema),
    defaultValues: followupFormDefaults(followup ?? null, operator.id),
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const directory = useDirectory();
  const create = useApiMutation('followups.create', CASEWORK_READS);
  const update = useApiMutation('followups.update', CASEWORK_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = followup
      ? await update.run({ id: followup.id, expectedUpdatedAt: followup.updatedAt, ...values })
      : await create.run({
          ...values,
          householdId: 'householdId' in target ? target.householdId : null,
          buildingId: 'buildingId' in target ? target.buildingId : null,
        });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Promemoria salvato');
    onClose();
  });

  return (
    <FormDialog
      open
      title={followup ? 'Modifica promemoria' : 'Promemoria'}
      submitLabel="Salva promemoria"
      pending={create.isPending || update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormTextField control={form.control} name="text" label="Che cosa fare" required autoFocus />
      <Stack direction="row" spacing={2}>
        <FormDateField control={form.control} name="dueOn" label="Scadenza" required />
        <FormSelect
          control={form.control}
          name="operatorId"
          label="Operatore"
          required
          options={operatorOptions(directory, followup?.operatorId ?? null)}
        />
      </Stack>
    </FormDialog>
  );
}
