import { membersOf } from '../../db/queries/members';
import { personName, unitLabel } from '../../db/queries/registry-common';
import { ftsQuery } from '../../db/queries/search-index';
import { searchHouseholds } from '../../db/queries/households';
import { digitsOnly, foldText, searchWords } from '../../shared/normalize';
import type { Handler } from '../core/context';
import { buildingFilter } from './scope';

type Person = { first_name: string; surname: string; tax_code: string | null; phone: string };

/** How many of the typed words are a prefix of one of the person's folded words. */
function score(person: Person, words: string[]): number {
  const own = [person.first_name, person.surname, person.tax_code ?? '', digitsOnly(person.phone)]
    .map(foldText)
    .join(' ')
    .split(' ')
    .filter((word) => word !== '');
  return words.filter((word) => own.some((candidate) => candidate.startsWith(word))).length;
}

export const households: Handler<'search.households'> = (input, ctx) => {
  const match = ftsQuery(input.q);
  if (match === null) return { results: [] };
  const { db } = ctx;
  const rows = searchHouseholds(db, buildingFilter(ctx.operator, 'u.building_id'), match, input.limit);
  // Which member matched, when it is not the reference person: one query for every result.
  const words = searchWords(input.q);
  const byHousehold = new Map<number, { id: number; person: Person; score: number }[]>();
  for (const m of membersOf(
    db,
    rows.map((r) => r.id),
  )) {
    const list = byHousehold.get(m.household_id) ?? [];
    list.push({ id: m.id, person: m, score: score(m, words) });
    byHousehold.set(m.household_id, list);
  }
  return {
    results: rows.map((row) => {
      const members = byHousehold.get(row.id) ?? [];
      const referenceScore = members.find((m) => m.id === row.reference_member_id)?.score ?? 0;
      let best: (typeof members)[number] | undefined;
      for (const m of members) {
        if (m.id !== row.reference_member_id && m.score > referenceScore && (!best || m.score > best.score))
          best = m;
      }
      return {
        id: row.id,
        code: row.code,
        referenceName: row.reference_name,
        matchedMember: best ? personName(best.person.surname, best.person.first_name) : null,
        buildingAddress: row.address,
        unitLabel: unitLabel(row.staircase, row.floor, row.number),
        status: row.status,
      };
    }),
  };
};
