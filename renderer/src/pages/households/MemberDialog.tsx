import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { membersUpdateInput, type Member } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDateField } from '../../forms/FormDateField';
import { FormDialog } from '../../forms/FormDialog';
import { useServerErrors } from '../../forms/useServerErrors';
import { DuplicatesNotice } from './DuplicatesNotice';
import { MemberFields } from './MemberFields';
import { emptyMember, memberFormSchema, memberValues, personLabel } from './memberForm';
import { useDuplicateCheck, type FoundDuplicate } from './useDuplicateCheck';

const memberDialogSchema = memberFormSchema.extend({ leftOn: membersUpdateInput.shape.leftOn });
type Values = z.output<typeof memberDialogSchema>;

interface Props {
  householdId: number;
  /** Given: edit this member; absent: add one. */
  member?: Member;
  /** Whether the member is the household's intestatario (relationship fixed). */
  reference: boolean;
  onClose: () => void;
}

/** Adds a member to a household, or changes one (including the day they left it). */
export function MemberDialog({ householdId, member, reference, onClose }: Props) {
  const form = useForm({
    resolver: zodResolver(memberDialogSchema),
    defaultValues: member
      ? { ...memberValues(member), leftOn: member.leftOn }
      : { ...emptyMember(), leftOn: null },
    mode: 'onTouched',
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  // Fragility markers change the arrears score.
  const reads = [
    'households.get',
    'households.list',
    'buildings.get',
    'arrears.household',
    'risk.worklist',
  ] as const;
  const create = useApiMutation('members.create', reads);
  const update = useApiMutation('members.update', reads);
  const checkDuplicates = useDuplicateCheck();
  const [duplicates, setDuplicates] = useState<FoundDuplicate[] | null>(null);
  const [checking, setChecking] = useState(false);

  const save = async (values: Values, allowDuplicates: boolean) => {
    errors.clear();
    if (!allowDuplicates) {
      setChecking(true);
      const check = await checkDuplicates(
        [
          {
            label: personLabel(values, 'Componente'),
            taxCode: values.taxCode,
            surname: values.surname,
            birthDate: values.birthDate,
          },
        ],
        member?.id ?? null,
      );
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
    const { leftOn, ...person } = values;
    const result = member
      ? await update.run({
          id: member.id,
          expectedUpdatedAt: member.updatedAt,
          ...person,
          leftOn,
          allowDuplicates,
        })
      : await create.run({ householdId, ...person, allowDuplicates });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify(member ? 'Componente salvato' : 'Componente aggiunto');
    onClose();
  };

  const submit = form.handleSubmit((values) => save(values, false));
  const saveAnyway = form.handleSubmit((values) => save(values, true));
  const pending = create.isPending || update.isPending || checking;

  return (
    <FormDialog
      open
      title={member ? `Modifica ${personLabel(member, 'componente')}` : 'Aggiungi componente'}
      submitLabel="Salva"
      pending={pending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormProvider {...form}>
        <Box sx={{ '& > div': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' } }}>
          <MemberFields prefix="" reference={reference} currentFragilities={member?.fragilityIds} autoFocus />
        </Box>
        {member && (
          <>
            <FormDateField
              control={form.control}
              name="leftOn"
              label="Uscito dal nucleo il"
              helperText={
                reference
                  ? 'Per l’intestatario, prima sceglierne un altro con «Modifica nucleo».'
                  : 'Solo se la persona non fa più parte del nucleo: resta nella storia.'
              }
              disabled={reference}
            />
            {member.leftOn && (
              <Typography variant="body2" color="text.secondary">
                Per farla tornare nel nucleo, cancellare la data.
              </Typography>
            )}
          </>
        )}
        {duplicates && (
          <DuplicatesNotice found={duplicates} pending={pending} onSaveAnyway={() => void saveAnyway()} />
        )}
      </FormProvider>
    </FormDialog>
  );
}
