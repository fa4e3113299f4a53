import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { fullNameSchema, roleSchema, type Operator } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { RoleField } from './RoleField';

const editSchema = z.object({ fullName: fullNameSchema, role: roleSchema });

/** Name and role of one operator, saved only if nobody changed the row meanwhile. */
interface Props {
  operator: Operator;
  /** One's own role is changed by another administrator. */
  isSelf: boolean;
  onClose: () => void;
}

export function EditOperatorDialog({ operator, isSelf, onClose }: Props) {
  const form = useForm({
    resolver: zodResolver(editSchema),
    defaultValues: { fullName: operator.fullName, role: operator.role },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();
  const update = useApiMutation('operators.update', ['operators.list', 'app.status']);

  const submit = form.handleSubmit(async (values) => {
    errors.clear();
    const result = await update.run({
      id: operator.id,
      expectedUpdatedAt: operator.updatedAt,
      fullName: values.fullName,
      ...(isSelf ? {} : { role: values.role }),
    });
    if (!result.ok) {
      errors.show(result.error);
      return;
    }
    notify('Modifiche salvate');
    onClose();
  });

  return (
    <FormDialog
      open
      title={`Modifica ${operator.fullName}`}
      submitLabel="Salva"
      pending={update.isPending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormTextField
        control={form.control}
        name="fullName"
        label="Nome e cognome"
        autoComplete="off"
        autoFocus
        required
      />
      <RoleField
        control={form.control}
        name="role"
        disabled={isSelf}
        helperText={isSelf ? 'Il proprio ruolo può cambiarlo solo un altro amministratore.' : undefined}
      />
    </FormDialog>
  );
}
