import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { householdsMoveInput, type Household } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { requiredId, todayLocal } from '../../casework/formSchemas';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormDialog } from '../../forms/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { UnitChoice } from './UnitChoice';

const moveSchema = z.object({
  buildingId: requiredId('Scegliere il caseggiato.'),
  toUnitId: requiredId('Scegliere l’alloggio.'),
  movedOn: householdsMoveInput.shape.movedOn,
  reason: householdsMoveInput.shape.reason,
});

/** "Trasferisci": the household goes to another free unit; the old one stays in its history. */
export function MoveDialog({ household, onClose }: { household: Household; onClose: () => void }) {
  const form = useForm({
    resolver: zodResolver(moveSchema),
    defaultValues: { buildingId: household.building.id, toUnitId: null, movedOn: todayLocal(), reason: '' },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const move = useApiMutation('households.move', [
    'households.get',
    'households.list',
    'buildings.get',
    'units.list',
    'units.get',
  ]);

  const submit = form.handleSubmit(async ({ toUnitId, movedOn, reason }) => {
    errors.clear();
    const result = await move.run({
      id: household.id,
      expectedUpdatedAt: household.updatedAt,
      toUnitId,
      movedOn,
      reason,
    });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Trasferimento salvato');
    onClose();
  });

  return (
    <FormDialog
      open
      title="Trasferisci il nucleo"
      submitLabel="Trasferisci"
      pending={move.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography color="text.secondary">
        Ora in {household.building.address}, {household.unit.label}. L’alloggio attuale resta nella storia del
        nucleo.
      </Typography>
      <FormProvider {...form}>
        <UnitChoice
          buildingName="buildingId"
          unitName="toUnitId"
          exceptUnitId={household.unit.id}
          autoFocus
        />
      </FormProvider>
      <FormDateField control={form.control} name="movedOn" label="Data del trasferimento" required />
      <FormTextField
        control={form.control}
        name="reason"
        label="Motivo"
        placeholder="Ad esempio: cambio alloggio per sovraffollamento"
      />
    </FormDialog>
  );
}
