import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { meetingsAddActionInput, type MeetingCase } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { operatorOptions } from '../../casework/options';
import { requiredDate, requiredId } from '../../casework/formSchemas';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormDialog } from '../../forms/FormDialog';
import { FormSelect } from '../../forms/FormSelect';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { useDirectory } from '../../registry/useLists';
import { MEETING_READS } from './reads';

const shape = meetingsAddActionInput.shape;
const formSchema = z.object({
  text: shape.text,
  assigneeId: requiredId('Scegliere chi deve farla.'),
  dueOn: requiredDate(shape.dueOn, 'Scadenza: inserire una data.'),
});

/** An action decided on a case: it becomes a follow-up in the assignee's agenda. */
export function ActionDialog({
  meetingCase,
  onClose,
}: {
  meetingCase: MeetingCase | null;
  onClose: () => void;
}) {
  return meetingCase ? <ActionForm meetingCase={meetingCase} onClose={onClose} /> : null;
}

function ActionForm({ meetingCase, onClose }: { meetingCase: MeetingCase; onClose: () => void }) {
  const form = useForm({
    resolver: zodResolver(formSchema),
    defaultValues: { text: '', assigneeId: null, dueOn: null },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const directory = useDirectory();
  const add = useApiMutation('meetings.addAction', MEETING_READS);
  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await add.run({ caseId: meetingCase.id, ...values });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Azione salvata: è nell’agenda di chi la deve fare');
    onClose();
  });
  return (
    <FormDialog
      open
      title={`Azione per il nucleo ${meetingCase.householdCode}`}
      submitLabel="Salva azione"
      pending={add.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormTextField control={form.control} name="text" label="Azione" required autoFocus />
      <Stack direction="row" spacing={2}>
        <FormSelect
          control={form.control}
          name="assigneeId"
          label="Chi"
          required
          options={operatorOptions(directory)}
        />
        <FormDateField control={form.control} name="dueOn" label="Entro il" required />
      </Stack>
    </FormDialog>
  );
}
