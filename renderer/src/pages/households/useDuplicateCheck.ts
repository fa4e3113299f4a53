import { useCallback } from 'react';
import type { ApiError, Duplicate } from '../../../../shared/contract';
import { useGuardedCall } from '../../api';

export interface PersonToCheck {
  /** How the form names the person ("Mario Rossi", "Componente 2"). */
  label: string;
  taxCode: string | null;
  surname: string;
  birthDate: string | null;
}

export interface FoundDuplicate {
  label: string;
  duplicates: Duplicate[];
}

export type DuplicateCheck = { ok: true; found: FoundDuplicate[] } | { ok: false; error: ApiError };

/**
 * Asks the server, for each person with a codice fiscale or surname and
 * birth date, who is already registered with the same data.
 */
export function useDuplicateCheck(): (
  people: PersonToCheck[],
  excludeMemberId?: number | null,
) => Promise<DuplicateCheck> {
  const guardedCall = useGuardedCall();
  return useCallback(
    async (people, excludeMemberId = null) => {
      const checkable = people.filter(
        (person) => person.taxCode !== null || (person.surname !== '' && person.birthDate !== null),
      );
      const results = await Promise.all(
        checkable.map((person) =>
          guardedCall('members.findDuplicates', {
            taxCode: person.taxCode,
            surname: person.surname,
            birthDate: person.birthDate,
            excludeMemberId,
          }),
        ),
      );
      const found: FoundDuplicate[] = [];
      for (const [index, result] of results.entries()) {
        if (!result.ok) return { ok: false, error: result.error };
        const person = checkable[index];
        if (person && result.value.duplicates.length > 0) {
          found.push({ label: person.label, duplicates: result.value.duplicates });
        }
      }
      return { ok: true, found };
    },
    [guardedCall],
  );
}
