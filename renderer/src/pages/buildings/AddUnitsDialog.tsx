import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useForm, useWatch } from 'react-hook-form';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import {
  manyUnitsFormSchema,
  planUnits,
  type ManyUnitsFormInput,
  type ManyUnitsFormOutput,
  type PlannedUnit,
} from './unitForms';

export const UNIT_READS = ['buildings.get', 'buildings.list', 'units.list', 'units.get'] as const;

const count = new Intl.NumberFormat('it-IT');

function alloggi(n: number): string {
  return n === 1 ? '1 alloggio' : `${count.format(n)} alloggi`;
}

/** "Verranno creati 15 alloggi: Scala A, piano terra, int. 1 … Scala A, piano 4, int. 15." */
function previewText(planned: readonly PlannedUnit[]): string {
  const first = planned[0];
  const last = planned[planned.length - 1];
  if (!first || !last) return '';
  const head =
    planned.length === 1 ? 'Verrà creato 1 alloggio' : `Verranno creati ${alloggi(planned.length)}`;
  const span = first === last ? first.label : `da ${first.label} a ${last.label}`;
  const codes =
    first.agencyCode === null
      ? ' Nessun codice alloggio.'
      : first === last
        ? ` Codice alloggio ${first.agencyCode}.`
        : ` Codici alloggio da ${first.agencyCode} a ${last.agencyCode ?? ''}.`;
  return `${head}: ${span}.${codes}`;
}

/** Many units at once: a staircase, a range of floors, so many per floor, numbered in order. */
export function AddUnitsDialog({ buildingId, onClose }: { buildingId: number; onClose: () => void }) {
  const form = useForm<ManyUnitsFormInput, unknown, ManyUnitsFormOutput>({
    resolver: zodResolver(manyUnitsFormSchema),
    defaultValues: {
      buildingId,
      staircase: '',
      floorFrom: '0',
      floorTo: '',
      perFloor: '',
      firstNumber: '1',
      codePrefix: '',
    },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const createMany = useApiMutation('units.createMany', UNIT_READS);

  const typed = useWatch({ control: form.control });
  const parsed = manyUnitsFormSchema.safeParse({ ...typed, buildingId });
  const planned = parsed.success ? planUnits(parsed.data) : [];

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await createMany.run(values);
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    const n = result.value.units.length;
    notify(n === 1 ? '1 alloggio aggiunto' : `${alloggi(n)} aggiunti`);
    onClose();
  });

  return (
    <FormDialog
      open
      title="Aggiungi alloggi"
      submitLabel={planned.length > 0 ? `Aggiungi ${alloggi(planned.length)}` : 'Aggiungi'}
      pending={createMany.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Stack direction="row" spacing={2}>
        <FormTextField
          control={form.control}
          name="staircase"
          label="Scala"
          placeholder="A"
          autoComplete="off"
          autoFocus
        />
        <FormTextField
          control={form.control}
          name="floorFrom"
          label="Dal piano"
          helperText="0 = piano terra"
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <FormTextField
          control={form.control}
          name="floorTo"
          label="Al piano"
          inputMode="numeric"
          autoComplete="off"
          required
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        <FormTextField
          control={form.control}
          name="perFloor"
          label="Interni per piano"
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <FormTextField
          control={form.control}
          name="firstNumber"
          label="Primo interno"
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <FormTextField
          control={form.control}
          name="codePrefix"
          label="Prefisso codice alloggio"
          placeholder="CR-012-"
          autoComplete="off"
        />
      </Stack>
      <Alert severity="info" icon={false} aria-live="polite" data-testid="units-preview">
        {planned.length > 0
          ? previewText(planned)
          : 'Indicare i piani e gli interni per piano: qui si vedranno gli alloggi che verranno creati.'}
      </Alert>
    </FormDialog>
  );
}
