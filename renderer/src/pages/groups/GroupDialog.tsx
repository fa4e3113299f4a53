import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import {
  dateSchema,
  GROUP_STATUSES,
  groupStatusSchema,
  idSchema,
  notes,
  requiredLine,
  type Group,
} from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormDialog } from '../../forms/FormDialog';
import { FormMultiSelect, FormSelect } from '../../forms/FormSelect';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { useBuildingOptions } from '../../registry/useLists';
import { conflictNote } from '../buildings/conflictNote';
import { GROUP_READS } from '../activities/reads';
import { GROUP_STATUS_LABELS } from './labels';

const schema = z.object({
  name: requiredLine('Nome del gruppo', 120, 'Inserire il nome del gruppo.'),
  buildingIds: z.array(idSchema).min(1, 'Scegliere almeno un caseggiato.'),
  purpose: notes('Finalità', 2000),
  referentIds: z.array(idSchema).max(20, 'Referenti: al massimo 20.'),
  status: groupStatusSchema,
  startedOn: dateSchema('Data di avvio')
    .nullable()
    .refine((v) => v !== null, 'Data di avvio: inserire una data.'),
});
type Input = z.input<typeof schema>;
type Output = z.output<typeof schema>;

const STATUS_OPTIONS = GROUP_STATUSES.map((value) => ({ value, label: GROUP_STATUS_LABELS[value] }));

interface Props {
  group?: Group;
  /** The building a new group starts from. */
  buildingId?: number;
  onClose: () => void;
}

/** Adds or changes a resident group: buildings, referents from the registry, status. */
export function GroupDialog({ group, buildingId, onClose }: Props) {
  const buildings = useBuildingOptions();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: group
      ? {
          name: group.name,
          buildingIds: group.buildings.map((b) => b.id),
          purpose: group.purpose,
          referentIds: group.referents.map((r) => r.memberId),
          status: group.status,
          startedOn: group.startedOn,
        }
      : {
          name: '',
          buildingIds: buildingId ? [buildingId] : [],
          purpose: '',
          referentIds: [],
          status: 'attivo',
          startedOn: null,
        },
  });
  const chosen = useWatch({ control: form.control, name: 'buildingIds' });
  const members = useApiQuery('groups.memberOptions', { buildingIds: chosen });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const navigate = useNavigate();
  const create = useApiMutation('groups.create', GROUP_READS);
  const update = useApiMutation('groups.update', GROUP_READS);

  const buildingOptions = buildings.buildings.map((b) => ({ value: b.id, label: b.address }));
  for (const b of group?.buildings ?? []) {
    if (!buildingOptions.some((o) => o.value === b.id))
      buildingOptions.push({ value: b.id, label: b.address });
  }
  const referentOptions = (members.value?.members ?? []).map((m) => ({
    value: m.memberId,
    label: `${m.name} (${m.householdCode}, ${m.unitLabel})`,
  }));
  for (const r of group?.referents ?? []) {
    if (!referentOptions.some((o) => o.value === r.memberId)) {
      referentOptions.push({ value: r.memberId, label: r.name ?? r.householdCode });
    }
  }

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const fields = values;
    const result = group
      ? await update.run({ id: group.id, expectedUpdatedAt: group.updatedAt, ...fields })
      : await create.run(fields);
    if (!result.ok) {
      errors.show(conflictNote(result.error, 'il gruppo'));
      return;
    }
    notify('Gruppo salvato');
    onClose();
    if (!group) void navigate(`/gruppi/${result.value.group.id}`);
  });

  return (
    <FormDialog
      open
      title={group ? `Modifica ${group.name}` : 'Nuovo gruppo di residenti'}
      submitLabel={group ? 'Salva' : 'Aggiungi'}
      pending={create.isPending || update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormTextField
        control={form.control}
        name="name"
        label="Nome del gruppo"
        autoComplete="off"
        autoFocus
        required
      />
      <FormMultiSelect
        control={form.control}
        name="buildingIds"
        label="Caseggiati"
        options={buildingOptions}
        required
      />
      <FormTextField control={form.control} name="purpose" label="Finalità" multiline minRows={2} />
      <FormMultiSelect
        control={form.control}
        name="referentIds"
        label="Referenti"
        options={referentOptions}
        helperText="Componenti dei nuclei che abitano nei caseggiati del gruppo."
      />
      <FormSelect control={form.control} name="status" label="Stato" options={STATUS_OPTIONS} required />
      <FormDateField control={form.control} name="startedOn" label="Data di avvio" required />
    </FormDialog>
  );
}
