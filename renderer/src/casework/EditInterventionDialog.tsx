import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import type { Intervention } from '../../../shared/contract';
import { useApiMutation } from '../api';
import { useNotify } from '../feedback/NotifyContext';
import { FormDialog } from '../forms/FormDialog';
import { useServerErrors } from '../forms/useServerErrors';
import { EMPTY_FOLLOWUP, interventionFormSchema, type InterventionFormInput } from './formSchemas';
import { InterventionFields } from './InterventionFields';
import { CASEWORK_READS } from './invalidations';

function valuesOf(intervention: Intervention): InterventionFormInput {
  return {
    occurredAt: intervention.occurredAt.slice(0, 16),
    durationMin: intervention.durationMin,
    typeId: intervention.typeId,
    channelId: intervention.channelId,
    originId: intervention.originId,
    topicIds: intervention.topicIds,
    notes: intervention.notes ?? '',
    outcome: intervention.outcome,
    confidential: intervention.confidential,
    addFollowup: false,
    followup: EMPTY_FOLLOWUP,
  };
}

/** Where the intervention was recorded, as a line under the title. */
export function interventionSubject(intervention: Intervention): string {
  if (intervention.householdId === null) return `Caseggiato: ${intervention.buildingAddress}`;
  const name = intervention.householdName ? ` · ${intervention.householdName}` : '';
  return `Nucleo ${intervention.householdCode ?? ''}${name} · ${intervention.buildingAddress}`;
}

/** Changes an intervention (its author or a coordinator); a concurrent change is refused with a message. */
export function EditInterventionDialog({
  intervention,
  onClose,
}: {
  intervention: Intervention;
  onClose: () => void;
}) {
  const form = useForm({
    resolver: zodResolver(interventionFormSchema),
    defaultValues: valuesOf(intervention),
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const update = useApiMutation('interventions.update', CASEWORK_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const { addFollowup: _added, followup: _followup, ...fields } = values;
    const result = await update.run({
      id: intervention.id,
      expectedUpdatedAt: intervention.updatedAt,
      ...fields,
    });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Intervento salvato');
    onClose();
  });

  return (
    <FormDialog
      open
      title="Modifica intervento"
      submitLabel="Salva"
      pending={update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography color="text.secondary">
        {interventionSubject(intervention)} · registrato da {intervention.operatorName}
      </Typography>
      <InterventionFields
        control={form.control}
        withFollowup={false}
        current={{
          typeId: intervention.typeId,
          channelId: intervention.channelId,
          originId: intervention.originId,
          topicIds: intervention.topicIds,
        }}
      />
    </FormDialog>
  );
}
