import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { BUILDING_OWNERS, roleAtLeast, type Building } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useSession } from '../../app/SessionContext';
import { CheckboxField } from '../../casework/CheckboxField';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { FormMultiSelect, FormSelect } from '../../forms/FormSelect';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { conflictNote } from './conflictNote';
import { useAdoptNewVersion } from './useAdoptNewVersion';
import { OWNER_LABELS } from '../../registry/labels';
import { useAreas, useDirectory } from '../../registry/useLists';
import {
  buildingFormSchema,
  buildingFormValues,
  NEW_BUILDING,
  type BuildingFormInput,
  type BuildingFormOutput,
} from './buildingForm';

const OWNER_OPTIONS = BUILDING_OWNERS.map((owner) => ({ value: owner, label: OWNER_LABELS[owner] }));

/** What the building lists and pages show, fetched again after a save. */
export const BUILDING_READS = ['buildings.list', 'buildings.get', 'buildings.options', 'areas.list'] as const;

interface Props {
  /** The building to change; none to add a new one. */
  building?: Building;
  onClose: () => void;
}

/**
 * Adds or changes a building. Area, tutors and the active flag are for
 * coordinators: an operator sees them but cannot change them.
 */
export function BuildingDialog({ building, onClose }: Props) {
  const { operator } = useSession();
  const manager = roleAtLeast(operator.role, 'coordinatore');
  const areas = useAreas();
  const directory = useDirectory();
  const form = useForm<BuildingFormInput, unknown, BuildingFormOutput>({
    resolver: zodResolver(buildingFormSchema),
    defaultValues: building ? buildingFormValues(building) : NEW_BUILDING,
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  useAdoptNewVersion(form, building && buildingFormValues(building), building?.updatedAt);
  const navigate = useNavigate();
  const create = useApiMutation('buildings.create', BUILDING_READS);
  const update = useApiMutation('buildings.update', BUILDING_READS);

  const areaOptions = areas.all
    .filter((area) => area.active || area.id === building?.areaId)
    .map((area) => ({ value: area.id, label: area.name, disabled: !area.active }));
  const current = building?.operators.map((entry) => entry.id) ?? [];
  const tutorOptions = directory.all
    .filter((entry) => entry.active || current.includes(entry.id))
    .map((entry) => ({ value: entry.id, label: entry.fullName, disabled: !entry.active }));

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const { active, ...fields } = values;
    if (!building) {
      const result = await create.run(fields);
      if (!result.ok) {
        errors.show(result.error);
        return;
      }
      notify('Caseggiato salvato');
      onClose();
      void navigate(`/caseggiati/${result.value.building.id}`);
      return;
    }
    const result = await update.run({
      id: building.id,
      expectedUpdatedAt: building.updatedAt,
      ...fields,
      // An operator sends back what a coordinator decided.
      ...(manager
        ? { active }
        : {
            areaId: building.areaId,
            operatorIds: building.operators.map((entry) => entry.id),
            active: building.active,
          }),
    });
    if (!result.ok) {
      errors.show(conflictNote(result.error, 'il caseggiato'));
      return;
    }
    notify('Caseggiato salvato');
    onClose();
  });

  const pending = create.isPending || update.isPending;
  // Area and tutors are a coordinator's decision.
  const areaHelp = manager ? undefined : 'La cambia un coordinatore.';
  const tutorHelp = manager ? undefined : 'Li cambia un coordinatore.';

  return (
    <FormDialog
      open
      title={building ? `Modifica ${building.address}` : 'Aggiungi caseggiato'}
      submitLabel={building ? 'Salva' : 'Aggiungi'}
      pending={pending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormSelect
        control={form.control}
        name="areaId"
        label="Area (quartiere)"
        options={areaOptions}
        disabled={!manager}
        helperText={
          areaHelp ??
          (areas.isPending || areaOptions.length > 0
            ? undefined
            : 'Nessuna area: aggiungerle prima in “Elenchi e aree”.')
        }
        autoFocus={manager}
        required
      />
      <FormTextField
        control={form.control}
        name="address"
        label="Indirizzo"
        placeholder="Via Dante 12"
        autoComplete="off"
        autoFocus={!manager}
        required
      />
      <Stack direction="row" spacing={2}>
        <FormTextField control={form.control} name="city" label="Comune" autoComplete="off" required />
        <FormTextField
          control={form.control}
          name="agencyCode"
          label="Codice ente gestore"
          autoComplete="off"
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        <FormSelect
          control={form.control}
          name="owner"
          label="Proprietario"
          options={OWNER_OPTIONS}
          required
        />
        <FormTextField
          control={form.control}
          name="declaredUnits"
          label="Numero di alloggi"
          inputMode="numeric"
          autoComplete="off"
        />
      </Stack>
      <FormMultiSelect
        control={form.control}
        name="operatorIds"
        label="Tutor assegnati"
        options={tutorOptions}
        disabled={!manager}
        helperText={tutorHelp ?? 'Tra gli operatori, solo i tutor assegnati vedono il caseggiato.'}
      />
      <FormTextField control={form.control} name="notes" label="Note" multiline minRows={2} maxRows={6} />
      {building && manager && (
        <CheckboxField
          control={form.control}
          name="active"
          label="Caseggiato attivo"
          helperText="Un caseggiato non attivo non compare nelle scelte dei moduli; i suoi dati restano."
        />
      )}
    </FormDialog>
  );
}
