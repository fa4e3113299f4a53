import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { PROMOTER_LABELS, PROMOTERS, type Activity } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { CheckboxField } from '../../casework/CheckboxField';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormDialog } from '../../forms/FormDialog';
import { FormMultiSelect, FormSelect } from '../../forms/FormSelect';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { conflictNote } from '../buildings/conflictNote';
import { useAreas, useBuildingOptions } from '../../registry/useLists';
import {
  activityFields,
  activityFormSchema,
  activityValues,
  newActivityValues,
  type ActivityFormInput,
  type ActivityFormOutput,
} from './activityForm';
import { ACTIVITY_READS } from './reads';

const PROMOTER_OPTIONS = PROMOTERS.map((value) => ({ value, label: PROMOTER_LABELS[value] }));
const TARGET_OPTIONS = [
  { value: 'buildings', label: 'Uno o più caseggiati' },
  { value: 'area', label: 'Tutta l’area (quartiere)' },
];
const EVERY_OPTIONS = [1, 2, 3, 4].map((n) => ({
  value: n,
  label: n === 1 ? 'Ogni settimana' : `Ogni ${n} settimane`,
}));

interface Props {
  /** The activity to change; none to add a new one. */
  activity?: Activity;
  /** Starting values for a new activity (a building, a group). */
  preset?: Partial<ActivityFormInput>;
  onClose: () => void;
}

function activityCount(value: object): number {
  return 'occurrenceIds' in value && Array.isArray(value.occurrenceIds) ? value.occurrenceIds.length : 1;
}

/** Adds an activity (or a weekly series) or changes one date of it. */
export function ActivityDialog({ activity, preset, onClose }: Props) {
  const types = useApiQuery('activities.types', {});
  const groups = useApiQuery('groups.list', {});
  const buildings = useBuildingOptions();
  const areas = useAreas();
  const form = useForm<ActivityFormInput, unknown, ActivityFormOutput>({
    resolver: zodResolver(activityFormSchema),
    defaultValues: activity ? activityValues(activity) : newActivityValues(preset),
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const navigate = useNavigate();
  const create = useApiMutation('activities.create', ACTIVITY_READS);
  const update = useApiMutation('activities.update', ACTIVITY_READS);
  const [targetKind, repeat] = useWatch({ control: form.control, name: ['targetKind', 'repeat'] });

  const typeOptions = (types.value?.types ?? [])
    .filter((t) => t.active || t.id === activity?.typeId)
    .map((t) => ({ value: t.id, label: t.label, disabled: !t.active }));
  const groupOptions = (groups.value?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const buildingOptions = buildings.buildings.map((b) => ({ value: b.id, label: b.address }));
  for (const b of activity?.areaId === null ? activity.buildings : []) {
    if (!buildingOptions.some((o) => o.value === b.id))
      buildingOptions.push({ value: b.id, label: b.address });
  }
  const areaOptions = areas.all.map((a) => ({ value: a.id, label: a.name }));

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const fields = activityFields(values);
    const result = activity
      ? await update.run({ id: activity.id, expectedUpdatedAt: activity.updatedAt, ...fields })
      : await create.run({
          ...fields,
          repeat: values.repeat ? { everyWeeks: values.everyWeeks, until: values.until ?? '' } : null,
        });
    if (!result.ok) {
      const error = conflictNote(result.error, 'l’attività');
      const target = error.fields?.target ?? error.fields?.['target.buildingIds'];
      errors.show(
        target
          ? {
              ...error,
              fields: { ...error.fields, [values.targetKind === 'area' ? 'areaId' : 'buildingIds']: target },
            }
          : error,
      );
      return;
    }
    if (activity) {
      notify('Attività salvata');
      onClose();
      return;
    }
    const count = activityCount(result.value);
    notify(count > 1 ? `Serie salvata: ${count} date` : 'Attività salvata');
    onClose();
    void navigate(`/attivita/${result.value.activity.id}`);
  });

  return (
    <FormDialog
      open
      title={activity ? 'Modifica attività' : 'Nuova attività comunitaria'}
      submitLabel={activity ? 'Salva' : 'Aggiungi'}
      pending={create.isPending || update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormSelect
        control={form.control}
        name="typeId"
        label="Tipo di attività"
        options={typeOptions}
        autoFocus
        required
      />
      <FormTextField control={form.control} name="title" label="Titolo" autoComplete="off" required />
      <Stack direction="row" spacing={2}>
        <FormDateField control={form.control} name="heldOn" label="Data" required />
        <FormTextField
          control={form.control}
          name="startsAt"
          label="Dalle"
          placeholder="hh:mm"
          autoComplete="off"
          required
        />
        <FormTextField
          control={form.control}
          name="endsAt"
          label="Alle"
          placeholder="hh:mm"
          autoComplete="off"
          required
        />
      </Stack>
      <FormTextField control={form.control} name="place" label="Luogo" autoComplete="off" />
      <Stack direction="row" spacing={2}>
        <FormSelect
          control={form.control}
          name="promoter"
          label="Promossa da"
          options={PROMOTER_OPTIONS}
          required
        />
        <FormSelect
          control={form.control}
          name="groupId"
          label="Gruppo di residenti"
          options={groupOptions}
          emptyLabel="Nessuno"
        />
      </Stack>
      <FormSelect control={form.control} name="targetKind" label="Dove" options={TARGET_OPTIONS} required />
      {targetKind === 'area' ? (
        <FormSelect
          control={form.control}
          name="areaId"
          label="Area (quartiere)"
          options={areaOptions}
          required
        />
      ) : (
        <FormMultiSelect
          control={form.control}
          name="buildingIds"
          label="Caseggiati"
          options={buildingOptions}
          required
        />
      )}
      <FormTextField control={form.control} name="description" label="Descrizione" multiline minRows={2} />
      <FormTextField control={form.control} name="outcome" label="Esito" multiline minRows={2} />
      {!activity && (
        <>
          <CheckboxField
            control={form.control}
            name="repeat"
            label="Si ripete (serie)"
            helperText="Crea una data per ogni ripetizione; le presenze si segnano data per data."
          />
          {repeat && (
            <Stack direction="row" spacing={2}>
              <FormSelect
                control={form.control}
                name="everyWeeks"
                label="Ripetizione"
                options={EVERY_OPTIONS}
                required
              />
              <FormDateField control={form.control} name="until" label="Fino al" required />
            </Stack>
          )}
        </>
      )}
    </FormDialog>
  );
}
