import Box from '@mui/material/Box';
import { useEffect } from 'react';
import { useFormContext, useWatch, type FieldValues } from 'react-hook-form';
import { RELATIONSHIPS } from '../../../../shared/contract';
import { checkTaxCode, taxCodeBirth } from '../../../../shared/codice-fiscale';
import { todayLocal } from '../../casework/formSchemas';
import { vocabularyOptions } from '../../casework/options';
import { FormDateField } from '../../forms/FormDateField';
import { FormMultiSelect, FormSelect } from '../../forms/FormSelect';
import { FormTextField } from '../../forms/FormTextField';
import { RELATIONSHIP_LABELS, SEX_LABELS } from '../../registry/labels';
import { useVocabulary } from '../../registry/useLists';

const SEX_OPTIONS = (['F', 'M'] as const).map((sex) => ({ value: sex, label: SEX_LABELS[sex] }));

interface Props {
  /** Where the person's fields sit in the form: "" or "members.2.". */
  prefix: string;
  /** The reference person's relationship is fixed. */
  reference: boolean;
  /** Fragility ids the person already has (an old value may have been deactivated). */
  currentFragilities?: number[];
  autoFocus?: boolean;
}

/**
 * The fields of one person, inside a FormProvider. A valid codice fiscale
 * fills in birth date and sex when still empty.
 */
export function MemberFields({ prefix, reference, currentFragilities = [], autoFocus }: Props) {
  const { control, getValues, setValue } = useFormContext<FieldValues>();
  const fragilities = useVocabulary('fragility');
  const taxCode: unknown = useWatch({ control, name: `${prefix}taxCode` });

  useEffect(() => {
    if (typeof taxCode !== 'string') return;
    const check = checkTaxCode(taxCode.trim());
    if (!check.ok) return;
    const decoded = taxCodeBirth(check.code, todayLocal());
    if (!decoded) return;
    const birthDate: unknown = getValues(`${prefix}birthDate`);
    const sex: unknown = getValues(`${prefix}sex`);
    if (birthDate === null || birthDate === '') setValue(`${prefix}birthDate`, decoded.birthDate);
    if (sex === null) setValue(`${prefix}sex`, decoded.sex);
  }, [taxCode, prefix, getValues, setValue]);

  const relationship: unknown = useWatch({ control, name: `${prefix}relationship` });
  // Only the first member is the intestatario (or one who already is: "Modifica nucleo" changes it).
  const relationships = RELATIONSHIPS.filter((value) =>
    reference ? value === 'intestatario' : value !== 'intestatario' || relationship === value,
  ).map((value) => ({ value, label: RELATIONSHIP_LABELS[value] }));

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 2 }}>
      <FormTextField
        control={control}
        name={`${prefix}firstName`}
        label="Nome"
        required
        autoFocus={autoFocus}
      />
      <FormTextField control={control} name={`${prefix}surname`} label="Cognome" required />
      <FormSelect control={control} name={`${prefix}sex`} label="Sesso" required options={SEX_OPTIONS} />
      <FormDateField control={control} name={`${prefix}birthDate`} label="Data di nascita" />
      <FormTextField
        control={control}
        name={`${prefix}taxCode`}
        label="Codice fiscale"
        autoComplete="off"
        spellCheck={false}
        slotProps={{ htmlInput: { style: { textTransform: 'uppercase' } } }}
      />
      <FormTextField control={control} name={`${prefix}phone`} label="Telefono" inputMode="tel" />
      <FormSelect
        control={control}
        name={`${prefix}relationship`}
        label="Relazione"
        required
        disabled={reference}
        options={relationships}
      />
      <FormMultiSelect
        control={control}
        name={`${prefix}fragilityIds`}
        label="Fragilità"
        options={vocabularyOptions(fragilities, currentFragilities)}
      />
    </Box>
  );
}
