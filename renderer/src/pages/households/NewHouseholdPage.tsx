import { zodResolver } from '@hookform/resolvers/zod';
import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api';
import { CheckboxField } from '../../casework/CheckboxField';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormMessage } from '../../forms/FormMessage';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { DuplicatesNotice } from './DuplicatesNotice';
import { LeaveGuard } from './LeaveGuard';
import { MemberFields } from './MemberFields';
import { PageSection } from './PageSection';
import { personLabel } from './memberForm';
import {
  anotherMember,
  newHouseholdDefaults,
  newHouseholdSchema,
  type NewHouseholdOutput,
} from './newHouseholdForm';
import { UnitChoice } from './UnitChoice';
import { useDuplicateCheck, type FoundDuplicate } from './useDuplicateCheck';

function idParam(value: string | null): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** A new household in a free unit, with its members; checks for people already registered. */
export function NewHouseholdPage() {
  const [params] = useSearchParams();
  const presetUnitId = idParam(params.get('unitId'));
  const presetBuildingId = idParam(params.get('buildingId'));
  const navigate = useNavigate();
  const notify = useNotify();
  const formId = useId();

  const form = useForm({
    resolver: zodResolver(newHouseholdSchema),
    defaultValues: newHouseholdDefaults(presetBuildingId),
    mode: 'onTouched',
  });
  const members = useFieldArray({ control: form.control, name: 'members' });
  const errors = useServerErrors(form);
  const create = useApiMutation('households.create', [
    'households.list',
    'buildings.get',
    'units.list',
    'units.get',
  ]);
  const checkDuplicates = useDuplicateCheck();
  const [duplicates, setDuplicates] = useState<FoundDuplicate[] | null>(null);
  const [checking, setChecking] = useState(false);
  const saved = useRef(false);
  const { isDirty } = form.formState;

  // "Aggiungi nucleo" from a unit's page: its building and the unit itself chosen already.
  const presetDone = useRef(false);
  const applyPreset = (unit: { id: number; buildingId: number }) => {
    if (presetDone.current) return;
    presetDone.current = true;
    form.setValue('buildingId', unit.buildingId);
    form.setValue('unitId', unit.id);
  };

  const save = async (values: NewHouseholdOutput, allowDuplicates: boolean) => {
    errors.clear();
    const people = values.members.map((member, index) => ({
      label: personLabel(member, index === 0 ? 'Intestatario' : `Componente ${index + 1}`),
      taxCode: member.taxCode,
      surname: member.surname,
      birthDate: member.birthDate,
    }));
    if (!allowDuplicates) {
      setChecking(true);
      const check = await checkDuplicates(people);
      setChecking(false);
      if (!check.ok) {
        errors.show(check.error);
        return;
      }
      if (check.found.length > 0) {
        setDuplicates(check.found);
        return;
      }
    }
    setDuplicates(null);
    const { buildingId: _building, ...input } = values;
    const result = await create.run({ ...input, allowDuplicates });
    if (!result.ok) {
      errors.show(result.error);
      if (result.error.kind === 'conflict' && !allowDuplicates) {
        // Someone registered the same person meanwhile: show who, and offer to save anyway.
        const again = await checkDuplicates(people);
        if (again.ok && again.found.length > 0) setDuplicates(again.found);
      }
      return;
    }
    saved.current = true;
    notify('Nucleo salvato');
    void navigate(`/nuclei/${result.value.household.id}`, { replace: true });
  };

  const submit = form.handleSubmit((values) => save(values, false));
  const saveAnyway = form.handleSubmit((values) => save(values, true));
  const pending = create.isPending || checking;

  return (
    <>
      <PageBreadcrumbs crumbs={[{ label: 'Nuclei', to: '/nuclei' }, { label: 'Nuovo nucleo' }]} />
      <PageHeader title="Nuovo nucleo familiare" />
      {presetUnitId !== null && <PresetUnit id={presetUnitId} onLoaded={applyPreset} />}
      <FormProvider {...form}>
        <Box component="form" id={formId} noValidate onSubmit={(event) => void submit(event)}>
          <FormMessage message={errors.message} />
          <PageSection title="Alloggio">
            <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 2fr 1fr', gap: 2 }}>
              <UnitChoice
                buildingName="buildingId"
                unitName="unitId"
                autoFocus={presetUnitId === null && presetBuildingId === null}
              />
              <FormDateField control={form.control} name="since" label="Nell’alloggio dal" required />
            </Box>
          </PageSection>
          <PageSection title="Nucleo">
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 2fr', gap: 2, alignItems: 'start' }}>
              <FormTextField control={form.control} name="phone" label="Telefono" inputMode="tel" />
              <FormTextField control={form.control} name="language" label="Lingua preferita" />
              <CheckboxField
                control={form.control}
                name="toTeam"
                label="Porta in équipe"
                helperText="Da discutere alla prossima riunione d’équipe."
              />
            </Box>
            <Box sx={{ mt: 2 }}>
              <FormTextField
                control={form.control}
                name="notes"
                label="Note"
                multiline
                minRows={2}
                maxRows={6}
              />
            </Box>
          </PageSection>
          <PageSection
            title="Componenti"
            action={
              <Button
                startIcon={<AddIcon />}
                onClick={() => members.append(anotherMember(), { shouldFocus: true })}
                disabled={members.fields.length >= 20}
              >
                Aggiungi componente
              </Button>
            }
          >
            <Stack spacing={2.5}>
              {members.fields.map((field, index) => (
                <Box
                  key={field.id}
                  role="group"
                  aria-label={index === 0 ? 'Intestatario' : `Componente ${index + 1}`}
                >
                  <Stack
                    direction="row"
                    sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}
                  >
                    <Typography variant="h3" sx={{ fontSize: '1rem' }}>
                      {index === 0 ? 'Intestatario' : `Componente ${index + 1}`}
                    </Typography>
                    {index > 0 && (
                      <IconButton
                        aria-label={`Togli il componente ${index + 1}`}
                        onClick={() => members.remove(index)}
                        size="small"
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    )}
                  </Stack>
                  <MemberFields prefix={`members.${index}.`} reference={index === 0} />
                </Box>
              ))}
            </Stack>
          </PageSection>
          {duplicates && (
            <Box sx={{ mb: 2 }}>
              <DuplicatesNotice found={duplicates} pending={pending} onSaveAnyway={() => void saveAnyway()} />
            </Box>
          )}
          <Paper
            variant="outlined"
            sx={{
              position: 'sticky',
              bottom: 0,
              zIndex: 2,
              p: 1.5,
              display: 'flex',
              justifyContent: 'flex-end',
              gap: 1,
            }}
          >
            <Button onClick={() => void navigate('/nuclei')} disabled={pending}>
              Annulla
            </Button>
            <Button type="submit" variant="contained" disabled={pending}>
              Salva nucleo
            </Button>
          </Paper>
        </Box>
      </FormProvider>
      <LeaveGuard
        shouldBlock={() => isDirty && !saved.current}
        message="Il nuovo nucleo non è stato salvato: i dati inseriti andranno persi."
      />
    </>
  );
}

/** Reads the unit named in the address and hands it over once. */
function PresetUnit({
  id,
  onLoaded,
}: {
  id: number;
  onLoaded: (unit: { id: number; buildingId: number }) => void;
}) {
  const query = useApiQuery('units.get', { id });
  const unit = query.value?.unit;
  useEffect(() => {
    if (unit) onLoaded(unit);
  }, [unit, onLoaded]);
  return null;
}
