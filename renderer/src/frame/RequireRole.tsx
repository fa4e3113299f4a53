import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { roleAtLeast, type Role } from '../../../shared/contract';
import { useSession } from '../app/SessionContext';

/** A page for a role: anyone else (after a change of operator, say) lands on Home. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { operator } = useSession();
  return roleAtLeast(operator.role, role) ? children : <Navigate to="/" replace />;
}
