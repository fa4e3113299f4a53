import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFieldArray, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { guestSchema, meetingsUpdateInput, notes, type Meeting } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useSession } from '../../app/SessionContext';
import { operatorOptions } from '../../casework/options';
import { requiredDate, todayLocal } from '../../casework/formSchemas';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormDialog } from '../../forms/FormDialog';
import { FormMultiSelect } from '../../forms/FormSelect';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { useDirectory } from '../../registry/useLists';
import { MEETING_READS } from './reads';

const shape = meetingsUpdateInput.shape;
const formSchema = z.object({
  heldOn: requiredDate(shape.heldOn, 'Data della riunione: inserire una data.'),
  participantIds: z.array(z.number()).min(1, 'Scegliere almeno un partecipante.'),
  guests: z.array(guestSchema),
  agenda: notes('Ordine del giorno', 4000),
  minutes: notes('Verbale', 20000),
});
type FormInput = z.input<typeof formSchema>;

interface Props {
  open: boolean;
  onClose: () => void;
  /** Given: change this meeting; absent: a new one. */
  meeting?: Meeting;
}

/** "Riunione d'équipe": date, participants (operators and guests), agenda; the minutes once held. */
export function MeetingDialog({ open, ...rest }: Props) {
  return open ? <MeetingForm {...rest} /> : null;
}

function MeetingForm({ onClose, meeting }: Omit<Props, 'open'>) {
  const { operator } = useSession();
  const directory = useDirectory();
  const navigate = useNavigate();
  const notify = useNotify();
  const defaults: FormInput = meeting
    ? {
        heldOn: meeting.heldOn,
        participantIds: meeting.participants.map((p) => p.id),
        guests: meeting.guests,
        agenda: meeting.agenda,
        minutes: meeting.minutes,
      }
    : { heldOn: todayLocal(), participantIds: [operator.id], guests: [], agenda: '', minutes: '' };
  const form = useForm({ resolver: zodResolver(formSchema), defaultValues: defaults });
  const guests = useFieldArray({ control: form.control, name: 'guests' });
  const errors = useServerErrors(form);
  const create = useApiMutation('meetings.create', MEETING_READS);
  const update = useApiMutation('meetings.update', MEETING_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = meeting
      ? await update.run({ id: meeting.id, expectedUpdatedAt: meeting.updatedAt, ...values })
      : await create.run({
          heldOn: values.heldOn,
          participantIds: values.participantIds,
          guests: values.guests,
          agenda: values.agenda,
        });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify(meeting ? 'Riunione salvata' : 'Riunione creata');
    onClose();
    if (!meeting) void navigate(`/equipe/${result.value.meeting.id}`);
  });

  const current = meeting?.participants.map((p) => p.id) ?? [];
  const options = directory.all
    .filter((entry) => entry.active || current.includes(entry.id))
    .map((entry) => ({ value: entry.id, label: entry.fullName, disabled: !entry.active }));

  return (
    <FormDialog
      open
      title={meeting ? 'Modifica riunione d’équipe' : 'Nuova riunione d’équipe'}
      submitLabel={meeting ? 'Salva riunione' : 'Crea riunione'}
      pending={create.isPending || update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormDateField control={form.control} name="heldOn" label="Data della riunione" required />
      <FormMultiSelect
        control={form.control}
        name="participantIds"
        label="Operatori presenti"
        options={options.length > 0 ? options : operatorOptions(directory)}
        required
      />
      <Stack spacing={1}>
        <Typography variant="subtitle2">Partecipanti esterni</Typography>
        {guests.fields.map((field, index) => (
          <Stack key={field.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <FormTextField
              control={form.control}
              name={`guests.${index}.name`}
              label="Nome e cognome"
              required
            />
            <FormTextField control={form.control} name={`guests.${index}.role`} label="Ruolo" />
            <IconButton
              aria-label={`Togli il partecipante esterno ${index + 1}`}
              onClick={() => guests.remove(index)}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
        <Button
          startIcon={<AddIcon />}
          onClick={() => guests.append({ name: '', role: '' })}
          sx={{ alignSelf: 'flex-start' }}
        >
          Aggiungi partecipante esterno
        </Button>
      </Stack>
      <FormTextField control={form.control} name="agenda" label="Ordine del giorno" multiline minRows={2} />
      {meeting && (
        <FormTextField
          control={form.control}
          name="minutes"
          label="Verbale (note generali)"
          multiline
          minRows={3}
        />
      )}
    </FormDialog>
  );
}
