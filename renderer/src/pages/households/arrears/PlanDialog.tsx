import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import { useEffect } from 'react';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { z } from 'zod';
import { PLAN_STATUS_LABELS } from '../../../../../shared/arrears/plan';
import { plansCreateInput, type Plan } from '../../../../../shared/contract';
import { formatDate } from '../../../../../shared/format';
import { useApiMutation } from '../../../api';
import { requiredDate } from '../../../casework/formSchemas';
import { useNotify } from '../../../feedback/NotifyContext';
import { FormDateField } from '../../../forms/FormDateField';
import { FormDialog } from '../../../forms/FormDialog';
import { FormTextField } from '../../../forms/FormTextField';
import { useServerErrors } from '../../../forms/useServerErrors';
import { moneyInputText } from './format';
import { ARREARS_READS } from './invalidations';
import { moneyText } from './money';
import { PlanPreview, previewInstallments } from './PlanPreview';

const shape = plansCreateInput.shape;
const TOO_LOW = 'L’importo concordato è troppo basso per questo numero di rate.';

const planFormSchema = z
  .object({
    totalCents: moneyText('Importo concordato', shape.totalCents),
    installmentCount: shape.installmentCount,
    firstDueOn: requiredDate(shape.firstDueOn, 'Scadenza della prima rata: inserire una data.'),
    everyMonths: shape.everyMonths,
    notes: shape.notes,
    /** The household has an open plan: the user must confirm it is replaced. */
    mustConfirm: z.boolean(),
    replaceActive: z.boolean(),
  })
  .superRefine((value, ctx) => {
    if (value.totalCents < value.installmentCount) {
      ctx.addIssue({ code: 'custom', path: ['totalCents'], message: TOO_LOW });
    }
    if (value.mustConfirm && !value.replaceActive) {
      ctx.addIssue({
        code: 'custom',
        path: ['replaceActive'],
        message: 'Confermare la sostituzione del piano attuale.',
      });
    }
  });
type PlanFormInput = z.input<typeof planFormSchema>;
type PlanFormOutput = z.output<typeof planFormSchema>;

function ConfirmReplace({ control }: { control: Control<PlanFormInput, unknown, PlanFormOutput> }) {
  const { field, fieldState } = useController({ control, name: 'replaceActive' });
  return (
    <div>
      <FormControlLabel
        label="Sostituire il piano attuale con questo"
        control={
          <Checkbox
            name={field.name}
            checked={field.value}
            onChange={(event) => field.onChange(event.target.checked)}
            onBlur={field.onBlur}
            slotProps={{ input: { ref: field.ref } }}
          />
        }
      />
      {fieldState.error && (
        <FormHelperText error sx={{ mt: -0.5, ml: 4 }}>
          {fieldState.error.message}
        </FormHelperText>
      )}
    </div>
  );
}

function Preview({ control }: { control: Control<PlanFormInput, unknown, PlanFormOutput> }) {
  const [total, count, firstDue, every] = useWatch({
    control,
    name: ['totalCents', 'installmentCount', 'firstDueOn', 'everyMonths'],
  });
  return <PlanPreview installments={previewInstallments(total, count, firstDue, every)} />;
}

interface Props {
  householdId: number;
  /** What the household owes: the amount offered to start with. */
  balanceCents: number;
  /** The open plan, if any (not yet paid in full): creating another replaces it. */
  active: Plan | null;
  onClose: () => void;
}

/** "Nuovo piano di rientro": equal installments, previewed as they are typed. */
export function PlanDialog({ householdId, balanceCents, active, onClose }: Props) {
  const mustConfirm = active !== null && active.status !== 'concluso';
  const form = useForm<PlanFormInput, unknown, PlanFormOutput>({
    resolver: zodResolver(planFormSchema),
    defaultValues: {
      totalCents: balanceCents > 0 ? moneyInputText(balanceCents) : '',
      installmentCount: Number.NaN,
      firstDueOn: null,
      everyMonths: 1,
      notes: '',
      mustConfirm,
      replaceActive: false,
    },
  });
  // Someone may open a plan while the form is open: the refetched panel says so.
  useEffect(() => form.setValue('mustConfirm', mustConfirm), [form, mustConfirm]);
  const errors = useServerErrors(form);
  const notify = useNotify();
  const create = useApiMutation('plans.create', ARREARS_READS);

  const submit = form.handleSubmit(async ({ mustConfirm: _confirm, ...values }) => {
    errors.clear();
    const result = await create.run({ householdId, ...values });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify(result.value.closedPlanId === null ? 'Piano di rientro salvato' : 'Piano di rientro sostituito');
    onClose();
  });

  return (
    <FormDialog
      open
      title="Nuovo piano di rientro"
      submitLabel={mustConfirm ? 'Sostituisci il piano' : 'Salva piano'}
      pending={create.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      {active && mustConfirm && (
        <Alert severity="warning">
          {`Il nucleo ha già un piano di rientro aperto (dal ${formatDate(active.createdAt)}, ${PLAN_STATUS_LABELS[active.status].toLowerCase()}). ` +
            'Salvando questo, quel piano viene chiuso come «sostituito» e resta nello storico.'}
        </Alert>
      )}
      {active && !mustConfirm && (
        <Alert severity="info">
          Il piano attuale è pagato per intero: salvando questo, viene chiuso come «concluso».
        </Alert>
      )}
      <Stack direction="row" spacing={2}>
        <FormTextField
          control={form.control}
          name="totalCents"
          label="Importo concordato (€)"
          placeholder="1.234,56"
          inputMode="decimal"
          required
          autoFocus
        />
        <FormTextField
          control={form.control}
          name="installmentCount"
          label="Numero di rate"
          numeric
          inputMode="numeric"
          required
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        <FormDateField control={form.control} name="firstDueOn" label="Scadenza della prima rata" required />
        <FormTextField
          control={form.control}
          name="everyMonths"
          label="Ogni quanti mesi"
          numeric
          inputMode="numeric"
          required
          helperText="1 = una rata al mese"
        />
      </Stack>
      <FormTextField control={form.control} name="notes" label="Note" multiline minRows={2} maxRows={5} />
      <Preview control={form.control} />
      {mustConfirm && <ConfirmReplace control={form.control} />}
    </FormDialog>
  );
}
