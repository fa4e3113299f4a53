import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import type { Unit } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { conflictNote } from './conflictNote';
import { useAdoptNewVersion } from './useAdoptNewVersion';
import { UNIT_READS } from './AddUnitsDialog';
import { unitFormSchema, unitFormValues } from './unitForms';

interface Props {
  buildingId: number;
  /** The unit to change; null to add one. */
  unit: Unit | null;
  onClose: () => void;
}

/** One unit: staircase, floor, number, agency code, rooms and size. */
export function UnitDialog({ buildingId, unit, onClose }: Props) {
  const form = useForm({ resolver: zodResolver(unitFormSchema), defaultValues: unitFormValues(unit) });
  const errors = useServerErrors(form);
  const notify = useNotify();
  useAdoptNewVersion(form, unit ? unitFormValues(unit) : undefined, unit?.updatedAt);
  const create = useApiMutation('units.create', UNIT_READS);
  const update = useApiMutation('units.update', UNIT_READS);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = unit
      ? await update.run({ id: unit.id, expectedUpdatedAt: unit.updatedAt, ...values })
      : await create.run({ buildingId, ...values });
    if (!result.ok) {
      errors.show(conflictNote(result.error, 'l’alloggio'));
      return;
    }
    notify(unit ? 'Alloggio salvato' : 'Alloggio aggiunto');
    onClose();
  });

  return (
    <FormDialog
      open
      title={unit ? `Modifica ${unit.label}` : 'Aggiungi alloggio'}
      submitLabel={unit ? 'Salva' : 'Aggiungi'}
      pending={create.isPending || update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Stack direction="row" spacing={2}>
        <FormTextField control={form.control} name="staircase" label="Scala" autoComplete="off" autoFocus />
        <FormTextField
          control={form.control}
          name="floor"
          label="Piano"
          helperText="0 = piano terra"
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <FormTextField control={form.control} name="number" label="Interno" autoComplete="off" required />
      </Stack>
      <FormTextField control={form.control} name="agencyCode" label="Codice alloggio" autoComplete="off" />
      <Stack direction="row" spacing={2}>
        <FormTextField
          control={form.control}
          name="rooms"
          label="Vani"
          inputMode="numeric"
          autoComplete="off"
        />
        <FormTextField
          control={form.control}
          name="sizeSqm"
          label="Superficie (m²)"
          inputMode="numeric"
          autoComplete="off"
        />
      </Stack>
    </FormDialog>
  );
}
