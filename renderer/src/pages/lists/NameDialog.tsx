import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ApiError, ApiResult } from '../../../../shared/contract';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { FormTextField } from '../../forms/FormTextField';
import { useServerErrors } from '../../forms/useServerErrors';
import { conflictNote } from '../buildings/conflictNote';

interface Props {
  title: string;
  label: string;
  submitLabel: string;
  initial: string;
  /** The contract's schema for the name. */
  schema: z.ZodType<string, string>;
  /** Where the server's field message for the name arrives (`name`, `label`). */
  serverField: string;
  /** Saves; resolves with the call's result. */
  save: (name: string) => Promise<ApiResult<unknown>>;
  pending: boolean;
  done: string;
  /** What is being named, for the conflict message: "l’area", "la voce". */
  subject: string;
  onClose: () => void;
}

/** One name to add or change (an area, a list entry). */
export function NameDialog({
  title,
  label,
  submitLabel,
  initial,
  schema,
  serverField,
  save,
  pending,
  done,
  subject,
  onClose,
}: Props) {
  const form = useForm({
    resolver: zodResolver(z.object({ name: schema })),
    defaultValues: { name: initial },
  });
  const errors = useServerErrors(form);
  const notify = useNotify();

  const submit = form.handleSubmit(async ({ name }) => {
    errors.clear();
    const result = await save(name);
    if (!result.ok) {
      // The call names the field after its own input; the form has one field.
      const fields = result.error.fields;
      const renamed: ApiError =
        fields && serverField in fields
          ? { ...result.error, fields: { name: fields[serverField] ?? result.error.message } }
          : result.error;
      errors.show(conflictNote(renamed, subject));
      return;
    }
    notify(done);
    onClose();
  });

  return (
    <FormDialog
      open
      title={title}
      submitLabel={submitLabel}
      pending={pending}
      message={errors.message}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <FormTextField control={form.control} name="name" label={label} autoComplete="off" autoFocus required />
    </FormDialog>
  );
}
