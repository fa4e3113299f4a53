import AddIcon from '@mui/icons-material/Add';
import LockIcon from '@mui/icons-material/LockOutlined';
import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';
import { meetingsSaveCaseInput, type MeetingCase } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { CheckboxField } from '../../casework/CheckboxField';
import { useNotify } from '../../feedback/NotifyContext';
import { FormMessage } from '../../forms/FormMessage';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { PageSection } from '../households/PageSection';
import { ActionsTable } from './ActionsTable';
import { MEETING_READS } from './reads';

const shape = meetingsSaveCaseInput.shape;
const formSchema = z.object({
  notes: z.string().pipe(shape.notes),
  confidential: z.boolean(),
  decisions: z.string().pipe(shape.decisions),
  discussed: z.boolean(),
  keepFlag: z.boolean(),
});

export const CONFIDENTIAL_WITHHELD = 'Note riservate: le leggono solo chi le ha scritte e i coordinatori.';

/** One case of the meeting: discussion notes, decisions and actions. */
export function CaseCard({
  meetingCase,
  index,
  onAddAction,
  onDirty,
}: {
  meetingCase: MeetingCase;
  index: number;
  onAddAction: (meetingCase: MeetingCase) => void;
  onDirty: (key: string, dirty: boolean) => void;
}) {
  const title = `${index + 1}. Nucleo ${meetingCase.householdCode}${meetingCase.householdName ? ` · ${meetingCase.householdName}` : ''}`;
  return (
    <PageSection
      title={title}
      subtitle={meetingCase.buildingAddress}
      action={
        <Stack direction="row" spacing={1}>
          {meetingCase.discussed && <Chip size="small" color="success" variant="outlined" label="Discusso" />}
          {meetingCase.toTeam && <Chip size="small" variant="outlined" label="Porta in équipe" />}
          <Button component={RouterLink} to={`/nuclei/${meetingCase.householdId}`} size="small">
            Apri il nucleo
          </Button>
        </Stack>
      }
    >
      {meetingCase.editable ? (
        <CaseForm meetingCase={meetingCase} key={meetingCase.updatedAt} onDirty={onDirty} />
      ) : (
        <CaseReadOnly meetingCase={meetingCase} />
      )}
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 2, mb: 1 }}>
        <Typography variant="subtitle2" component="h3">
          Azioni
        </Typography>
        {meetingCase.editable && (
          <Button size="small" startIcon={<AddIcon />} onClick={() => onAddAction(meetingCase)}>
            Aggiungi azione
          </Button>
        )}
      </Stack>
      {meetingCase.actions.length === 0 ? (
        <Typography color="text.secondary">Nessuna azione decisa per questo caso.</Typography>
      ) : (
        <ActionsTable
          actions={meetingCase.actions}
          label={`Azioni per il nucleo ${meetingCase.householdCode}`}
        />
      )}
    </PageSection>
  );
}

function CaseReadOnly({ meetingCase }: { meetingCase: MeetingCase }) {
  return (
    <Stack spacing={1.5}>
      <Box>
        <Typography variant="subtitle2" component="h3">
          Note della discussione
        </Typography>
        {meetingCase.notes === null ? (
          <Typography color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <LockIcon fontSize="small" /> {CONFIDENTIAL_WITHHELD}
          </Typography>
        ) : (
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{meetingCase.notes || '—'}</Typography>
        )}
      </Box>
      <Box>
        <Typography variant="subtitle2" component="h3">
          Decisioni
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{meetingCase.decisions || '—'}</Typography>
      </Box>
    </Stack>
  );
}

function CaseForm({
  meetingCase,
  onDirty,
}: {
  meetingCase: MeetingCase;
  onDirty: (key: string, dirty: boolean) => void;
}) {
  const form = useForm({
    resolver: zodResolver(formSchema),
    defaultValues: {
      notes: meetingCase.notes ?? '',
      confidential: meetingCase.confidential,
      decisions: meetingCase.decisions,
      discussed: meetingCase.discussed,
      keepFlag: meetingCase.keepFlag,
    },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const save = useApiMutation('meetings.saveCase', MEETING_READS);
  const discussed = useWatch({ control: form.control, name: 'discussed' });
  const { isDirty } = form.formState;
  useEffect(() => {
    const key = `case-${meetingCase.id}`;
    onDirty(key, isDirty);
    return () => onDirty(key, false);
  }, [isDirty, meetingCase.id, onDirty]);
  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await save.run({
      caseId: meetingCase.id,
      expectedUpdatedAt: meetingCase.updatedAt,
      ...values,
    });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Caso salvato');
  });
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={`Discussione del nucleo ${meetingCase.householdCode}`}
    >
      <FormMessage message={errors.message} />
      <Stack spacing={2}>
        <FormTextField
          control={form.control}
          name="notes"
          label="Note della discussione"
          multiline
          minRows={2}
        />
        <CheckboxField
          control={form.control}
          name="confidential"
          label="Note riservate"
          helperText="Le leggono solo chi le ha scritte e i coordinatori; le decisioni e le azioni restano visibili ai tutor del caseggiato."
        />
        <FormTextField control={form.control} name="decisions" label="Decisioni" multiline minRows={2} />
        <Stack direction="row" spacing={3}>
          <CheckboxField control={form.control} name="discussed" label="Caso discusso" />
          <CheckboxField
            control={form.control}
            name="keepFlag"
            label="Mantieni «porta in équipe»"
            helperText={discussed ? 'Altrimenti la segnalazione si toglie al salvataggio.' : undefined}
          />
        </Stack>
        <Box>
          <Button type="submit" variant="outlined" disabled={save.isPending}>
            Salva caso
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
