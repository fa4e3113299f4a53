import type { SessionOperator } from '../../../shared/contract';

export function sameOperator(a: SessionOperator | null, b: SessionOperator | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.fullName === b.fullName &&
    a.username === b.username &&
    a.role === b.role &&
    a.mustChangePassword === b.mustChangePassword
  );
}
