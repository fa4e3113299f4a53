import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { LEGAL_STAGE_LABELS } from '../../../../../shared/arrears/values';
import { setLegalStageInput, type ArrearsHousehold } from '../../../../../shared/contract';
import { LEGAL_STAGES } from '../../../../../shared/risk/score';
import { useApiMutation } from '../../../api';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormDialog } from '../../../forms/FormDialog';
import { FormSelect } from '../../../forms/FormSelect';
import { useServerErrors } from '../../../forms/useServerErrors';
import { conflictNote } from './conflict';
import { ARREARS_READS } from './invalidations';

const schema = z.object({ stage: setLegalStageInput.shape.stage });
const OPTIONS = LEGAL_STAGES.map((stage) => ({ value: stage, label: LEGAL_STAGE_LABELS[stage] }));

interface Props {
  householdId: number;
  current: ArrearsHousehold['legalStage'];
  onClose: () => void;
}

/** "Fase legale": set by hand (an import with a stage column sets it too). */
export function LegalStageDialog({ householdId, current, onClose }: Props) {
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { stage: current?.stage ?? 'nessuna' },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const save = useApiMutation('arrears.setLegalStage', ARREARS_READS);

  const submit = form.handleSubmit(async ({ stage }) => {
    errors.clear();
    const result = await save.run({
      householdId,
      stage,
      expectedUpdatedAt: current?.updatedAt ?? null,
    });
    if (!result.ok) {
      errors.show(conflictNote(result.error, 'la fase legale'));
      return;
    }
    notify('Fase legale salvata');
    onClose();
  });

  return (
    <FormDialog
      open
      title="Fase legale"
      submitLabel="Salva"
      pending={save.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        L’ultimo passo dell’ente gestore verso il nucleo. Un’importazione successiva con la colonna dello
        stato legale può aggiornarla.
      </Typography>
      <FormSelect
        control={form.control}
        name="stage"
        label="Fase legale"
        options={OPTIONS}
        required
        autoFocus
      />
    </FormDialog>
  );
}
