import { zodResolver } from '@hookform/resolvers/zod';
import Typography from '@mui/material/Typography';
import { useForm } from 'react-hook-form';
import { operatorsResetPasswordInput, type Operator } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { useServerErrors } from '../../forms/useServerErrors';
import { TemporaryPasswordField } from './TemporaryPasswordField';

const resetSchema = operatorsResetPasswordInput.pick({ temporaryPassword: true });

interface Props {
  operator: Operator;
  /** A deactivated operator comes back with a new temporary password (their old one was removed). */
  reactivate: boolean;
  onClose: () => void;
}

const TEXTS = {
  reset: {
    title: (name: string) => `Reimposta la password di ${name}`,
    explanation: (name: string) =>
      `La password attuale smette di funzionare. Al prossimo accesso ${name} dovrà sceglierne una nuova.`,
    submit: 'Reimposta password',
    done: 'Password reimpostata',
  },
  reactivate: {
    title: (name: string) => `Riattiva ${name}`,
    explanation: (name: string) =>
      `Per riattivare l’account serve una password temporanea: al primo accesso ${name} dovrà sceglierne una nuova.`,
    submit: 'Riattiva',
    done: 'Operatore riattivato',
  },
} as const;

export function ResetPasswordDialog({ operator, reactivate, onClose }: Props) {
  const form = useForm({ resolver: zodResolver(resetSchema), defaultValues: { temporaryPassword: '' } });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const reset = useApiMutation('operators.resetPassword', ['operators.list']);
  const text = TEXTS[reactivate ? 'reactivate' : 'reset'];

  const submit = form.handleSubmit(async ({ temporaryPassword }) => {
    errors.clear();
    const result = await reset.run({ id: operator.id, temporaryPassword });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify(text.done);
    onClose();
  });

  return (
    <FormDialog
      open
      title={text.title(operator.fullName)}
      submitLabel={text.submit}
      pending={reset.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <Typography color="text.secondary">{text.explanation(operator.fullName)}</Typography>
      <TemporaryPasswordField control={form.control} setValue={form.setValue} name="temporaryPassword" />
    </FormDialog>
  );
}
