import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { operatorsCreateInput } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { RoleField } from './RoleField';
import { TemporaryPasswordField } from './TemporaryPasswordField';

const EMPTY = { fullName: '', username: '', role: 'operatore', temporaryPassword: '' } as const;

export function AddOperatorDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const form = useForm({ resolver: zodResolver(operatorsCreateInput), defaultValues: EMPTY });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const create = useApiMutation('operators.create', ['operators.list']);

  const close = () => {
    errors.clear();
    form.reset(EMPTY);
    onClose();
  };

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await create.run(values);
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Operatore aggiunto');
    close();
  });

  return (
    <FormDialog
      open={open}
      title="Aggiungi operatore"
      submitLabel="Aggiungi"
      pending={create.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={close}
    >
      <FormTextField
        control={form.control}
        name="fullName"
        label="Nome e cognome"
        autoComplete="off"
        autoFocus
        required
      />
      <FormTextField
        control={form.control}
        name="username"
        label="Nome utente"
        helperText="Minuscole senza accenti, cifre, punto o trattino: ad esempio m.rossi."
        autoComplete="off"
        required
      />
      <RoleField control={form.control} name="role" />
      <TemporaryPasswordField control={form.control} setValue={form.setValue} name="temporaryPassword" />
    </FormDialog>
  );
}
