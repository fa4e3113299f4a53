import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { useApiMutation } from '../api';
import { useSession } from '../app/SessionContext';
import { useNotify } from '../feedback/NotifyContext';
import { FormDialog } from '../forms/FormDialog';
import { nowLocal } from '../forms/FormDateTimeField';
import { useServerErrors } from '../forms/useServerErrors';
import { EMPTY_FOLLOWUP, interventionFormSchema, type InterventionFormInput } from './formSchemas';
import { InterventionFields } from './InterventionFields';
import { CASEWORK_READS } from './invalidations';

export type InterventionTarget =
  { kind: 'households'; householdIds: number[] } | { kind: 'building'; buildingId: number };

interface Props {
  open: boolean;
  onClose: () => void;
  target: InterventionTarget;
}

function defaults(selfId: number): InterventionFormInput {
  return {
    occurredAt: nowLocal(),
    durationMin: 30,
    typeId: null,
    channelId: null,
    originId: null,
    topicIds: [],
    notes: '',
    outcome: '',
    confidential: false,
    addFollowup: false,
    followup: { ...EMPTY_FOLLOWUP, operatorId: selfId },
  };
}

function targetLine(target: InterventionTarget): string | null {
  if (target.kind === 'building') return 'Intervento sul caseggiato, non su un nucleo in particolare.';
  const count = target.householdIds.length;
  return count > 1 ? `Intervento di gruppo: verrà registrato per ciascuno dei ${count} nuclei.` : null;
}

/** "Registra intervento": on one household, several (a group), or a whole building. */
export function InterventionDialog({ open, onClose, target }: Props) {
  if (!open) return null;
  return <NewInterventionForm onClose={onClose} target={target} />;
}

function NewInterventionForm({ onClose, target }: Omit<Props, 'open'>) {
  const { operator } = useSession();
  const form = useForm({
    resolver: zodResolver(interventionFormSchema),
    defaultValues: defaults(operator.id),
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const create = useApiMutation('interventions.create', CASEWORK_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const { addFollowup: _added, followup, ...fields } = values;
    const result = await create.run({ ...fields, target, followup });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    const count = result.value.interventions.length;
    const saved = count > 1 ? `${count} interventi salvati` : 'Intervento salvato';
    notify(result.value.followups.length > 0 ? `${saved}, con il promemoria` : saved);
    onClose();
  });

  const line = targetLine(target);
  return (
    <FormDialog
      open
      title="Registra intervento"
      submitLabel="Salva intervento"
      pending={create.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      {line && <Typography color="text.secondary">{line}</Typography>}
      <InterventionFields control={form.control} withFollowup />
    </FormDialog>
  );
}
