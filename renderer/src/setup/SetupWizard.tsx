import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useApiMutation } from '../api';
import { CenteredPage } from '../app/CenteredPage';
import { CooperativeFields } from '../cooperative/CooperativeFields';
import { FormMessage } from '../forms/FormMessage';
import { useServerErrors } from '../forms/useServerErrors';
import { RecoveryKeyPanel } from '../recoverykey/RecoveryKeyPanel';
import { AdminStep } from './AdminStep';
import {
  SETUP_DEFAULTS,
  setupFormSchema,
  stepOfField,
  STEP_FIELDS,
  STEPS,
  type SetupFormInput,
} from './setupSchema';

interface Created {
  recoveryKey: string;
  cooperativeName: string;
}

/**
 * First run: the cooperative, its first administrator, then the recovery key
 * (shown once; "Continua" confirms to the server that it was kept).
 */
export function SetupWizard({ onDone }: { onDone: () => Promise<void> }) {
  const [step, setStep] = useState(0);
  const [created, setCreated] = useState<Created | null>(null);
  const [focusPath, setFocusPath] = useState<FieldPath<SetupFormInput> | null>(null);
  const form = useForm({ resolver: zodResolver(setupFormSchema), defaultValues: SETUP_DEFAULTS });
  const errors = useServerErrors(form);
  const create = useApiMutation('setup.create');

  // A field on another step can only take the focus once that step is shown.
  useEffect(() => {
    if (focusPath) {
      form.setFocus(focusPath);
      setFocusPath(null);
    }
  }, [focusPath, form, step]);

  const submit = form.handleSubmit(
    async ({ cooperative, admin }) => {
      errors.clear();
      const result = await create.run({
        cooperative,
        admin: { fullName: admin.fullName, username: admin.username, password: admin.password },
      });
      if (result.ok) {
        setCreated({ recoveryKey: result.value.recoveryKey, cooperativeName: cooperative.name });
        form.reset(SETUP_DEFAULTS);
        setStep(2);
        return;
      }
      const placed = errors.show(result.error);
      const first = placed[0];
      if (first) {
        setStep(stepOfField(first));
        setFocusPath(first as FieldPath<SetupFormInput>);
      }
    },
    (invalid) => {
      // Only reachable from the last form step: send the user to the first step with a problem.
      if (invalid.cooperative) setStep(0);
    },
  );

  const next = async () => {
    if (await form.trigger([...STEP_FIELDS[0]], { shouldFocus: true })) setStep(1);
  };

  return (
    <CenteredPage width={680}>
      <Typography variant="h1" gutterBottom>
        Benvenuti in Cortile
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        Prima configurazione: i dati della cooperativa, il primo amministratore e la chiave di recupero.
      </Typography>
      <Stepper activeStep={step} sx={{ mb: 4 }}>
        {STEPS.map((label) => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {created ? (
        <RecoveryKeyPanel
          cooperativeName={created.cooperativeName}
          recoveryKey={created.recoveryKey}
          confirmLabel="Continua"
          onConfirmed={onDone}
        />
      ) : (
        <form
          noValidate
          aria-label={STEPS[step]}
          onSubmit={(event) => {
            if (step === 0) {
              event.preventDefault();
              void next();
            } else {
              void submit(event);
            }
          }}
        >
          <FormMessage message={errors.message} />
          {step === 0 ? (
            <CooperativeFields control={form.control} autoFocus />
          ) : (
            <AdminStep control={form.control} />
          )}
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', mt: 3 }}>
            {step === 1 && (
              <Button type="button" onClick={() => setStep(0)}>
                Indietro
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={create.isPending}>
              {step === 0 ? 'Avanti' : 'Crea e mostra la chiave di recupero'}
            </Button>
          </Stack>
        </form>
      )}
    </CenteredPage>
  );
}
