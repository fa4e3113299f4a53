import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useWatch, type Control } from 'react-hook-form';
import { FormDateField } from '../forms/FormDateField';
import { FormDateTimeField } from '../forms/FormDateTimeField';
import { FormMultiSelect, FormSelect } from '../forms/FormSelect';
import { FormTextField } from '../forms/FormTextField';
import { useDirectory, useVocabulary } from '../registry/useLists';
import { CheckboxField } from './CheckboxField';
import type { InterventionFormInput, InterventionFormOutput } from './formSchemas';
import { operatorOptions, vocabularyOptions } from './options';

export const CONFIDENTIAL_HELP =
  'Le note saranno visibili solo a chi scrive l’intervento e ai coordinatori; gli altri vedranno «Note riservate».';

interface Props {
  control: Control<InterventionFormInput, unknown, InterventionFormOutput>;
  /** Values the record holds already (an old intervention may use a deactivated value). */
  current?: { typeId: number; channelId: number; originId: number; topicIds: number[] };
  /** New interventions can add a follow-up in the same form. */
  withFollowup: boolean;
}

/** The fields of an intervention, shared by the new and the edit dialog. */
export function InterventionFields({ control, current, withFollowup }: Props) {
  const types = useVocabulary('intervention_type');
  const channels = useVocabulary('channel');
  const origins = useVocabulary('origin');
  const topics = useVocabulary('topic');
  const directory = useDirectory();
  const addFollowup = useWatch({ control, name: 'addFollowup' });

  return (
    <>
      <Stack direction="row" spacing={2}>
        <FormDateTimeField control={control} name="occurredAt" label="Data e ora" required autoFocus />
        <FormTextField
          control={control}
          name="durationMin"
          label="Durata (min)"
          numeric
          inputMode="numeric"
          required
          sx={{ maxWidth: 150 }}
        />
      </Stack>
      <FormSelect
        control={control}
        name="typeId"
        label="Tipo"
        required
        options={vocabularyOptions(types, current ? [current.typeId] : [])}
      />
      <Stack direction="row" spacing={2}>
        <FormSelect
          control={control}
          name="channelId"
          label="Canale"
          required
          options={vocabularyOptions(channels, current ? [current.channelId] : [])}
        />
        <FormSelect
          control={control}
          name="originId"
          label="Provenienza"
          required
          options={vocabularyOptions(origins, current ? [current.originId] : [])}
        />
      </Stack>
      <FormMultiSelect
        control={control}
        name="topicIds"
        label="Temi"
        required
        helperText="Uno o più temi trattati."
        options={vocabularyOptions(topics, current?.topicIds ?? [])}
      />
      <FormTextField control={control} name="notes" label="Note" multiline minRows={3} maxRows={8} />
      <CheckboxField control={control} name="confidential" label="Riservato" helperText={CONFIDENTIAL_HELP} />
      <FormTextField control={control} name="outcome" label="Esito" multiline minRows={2} maxRows={6} />
      {withFollowup && (
        <>
          <Divider />
          <CheckboxField
            control={control}
            name="addFollowup"
            label="Aggiungi un promemoria"
            helperText="Comparirà nell’agenda dell’operatore scelto alla scadenza."
          />
          {addFollowup && (
            <>
              <Stack direction="row" spacing={2}>
                <FormDateField control={control} name="followup.dueOn" label="Scadenza" required />
                <FormSelect
                  control={control}
                  name="followup.operatorId"
                  label="Operatore"
                  options={operatorOptions(directory)}
                />
              </Stack>
              <FormTextField control={control} name="followup.text" label="Testo del promemoria" required />
            </>
          )}
        </>
      )}
    </>
  );
}
