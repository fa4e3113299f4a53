import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { setIseeInput, type ArrearsHousehold } from '../../../../../shared/contract';
import { formatMoney } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { requiredDate, todayLocal } from '../../../casework/formSchemas';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormDateField } from '../../../forms/FormDateField';
import { FormDialog } from '../../../forms/FormDialog';
import { FormTextField } from '../../../forms/FormTextField';
import { useServerErrors } from '../../../forms/useServerErrors';
import { conflictNote } from './conflict';
import { moneyInputText } from './format';
import { ARREARS_READS } from './invalidations';
import { moneyText } from './money';

const iseeShape = setIseeInput.shape.isee.unwrap().shape;
const iseeFormSchema = z.object({
  isee: z.object({
    valueCents: moneyText('Valore ISEE', iseeShape.valueCents),
    iseeDate: requiredDate(iseeShape.iseeDate, 'Data dell’ISEE: inserire una data.').refine(
      (value) => value <= todayLocal(),
      'La data dell’ISEE non può essere nel futuro.',
    ),
  }),
});

interface Props {
  householdId: number;
  current: ArrearsHousehold['incolpevole']['isee'];
  thresholdCents: number;
  onClose: () => void;
}

/** "ISEE": the value and date of the household's ISEE, for the morosità incolpevole check. */
export function IseeDialog({ householdId, current, thresholdCents, onClose }: Props) {
  const form = useForm({
    resolver: zodResolver(iseeFormSchema),
    defaultValues: {
      isee: {
        valueCents: current ? moneyInputText(current.valueCents) : '',
        iseeDate: current?.iseeDate ?? null,
      },
    },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const save = useApiMutation('arrears.setIsee', ARREARS_READS);

  const send = async (isee: { valueCents: number; iseeDate: string } | null) => {
    errors.clear();
    const result = await save.run({ householdId, isee, expectedUpdatedAt: current?.updatedAt ?? null });
    if (!result.ok) {
      errors.show(conflictNote(result.error, 'l’ISEE'));
      return;
    }
    notify(isee ? 'ISEE salvato' : 'ISEE tolto');
    onClose();
  };
  const submit = form.handleSubmit(({ isee }) => send(isee));

  return (
    <FormDialog
      open
      title="ISEE del nucleo"
      submitLabel="Salva ISEE"
      pending={save.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        {`Per la morosità incolpevole l’ISEE non deve superare ${formatMoney(thresholdCents)} e non deve avere più di 12 mesi.`}
      </Typography>
      <Stack direction="row" spacing={2}>
        <FormTextField
          control={form.control}
          name="isee.valueCents"
          label="Valore ISEE (€)"
          placeholder="12.345,67"
          inputMode="decimal"
          required
          autoFocus
        />
        <FormDateField control={form.control} name="isee.iseeDate" label="Data dell’ISEE" required />
      </Stack>
      {current && (
        <Box>
          <Button color="error" size="small" disabled={save.isPending} onClick={() => void send(null)}>
            Togli l’ISEE registrato
          </Button>
        </Box>
      )}
    </FormDialog>
  );
}
