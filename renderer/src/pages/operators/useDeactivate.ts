import type { Operator } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';

/**
 * Deactivates an operator at once (no confirmation: "Riattiva" undoes it,
 * with a new temporary password).
 */
export function useDeactivate(): (operator: Operator) => Promise<void> {
  const update = useApiMutation('operators.update', ['operators.list']);
  const notify = useNotify();
  return async (operator) => {
    const result = await update.run({
      id: operator.id,
      expectedUpdatedAt: operator.updatedAt,
      active: false,
    });
    if (result.ok) notify(`${operator.fullName}: account disattivato`);
    else notify(result.error.message, 'error');
  };
}
