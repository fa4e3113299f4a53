import type { RELATIONSHIPS } from '../../shared/contract/registry';
import {
  CREMONA,
  FOREIGN_ORIGINS,
  INTERNATIONAL_CHILD_NAMES,
  ITALIAN_BIRTHPLACES,
  ITALIAN_FIRST_NAMES,
  ITALIAN_SURNAMES,
  type Origin,
} from './names';
import type { Random } from './random';
import { buildTaxCode, omocode, provisionalTaxCode } from './tax-code';
import { isoDate } from './dates';

export type Relationship = (typeof RELATIONSHIPS)[number];

/** One invented person, ready to be stored as a member. */
export interface PersonDraft {
  firstName: string;
  surname: string;
  sex: 'F' | 'M';
  birthDay: number;
  placeCode: string;
  relationship: Relationship;
  taxCode: string | null;
  phone: string;
  leftOn: number | null;
  fragilities: string[];
}

export interface HouseholdDraft {
  origin: Origin | null;
  language: string;
  phone: string;
  members: PersonDraft[];
}

type Composition =
  | 'single_elderly'
  | 'single_adult'
  | 'couple_elderly'
  | 'couple_adult'
  | 'single_parent'
  | 'family'
  | 'extended'
  | 'parent_and_adult_child'
  | 'siblings';

const ITALIAN_COMPOSITIONS: readonly (readonly [Composition, number])[] = [
  ['single_elderly', 24],
  ['single_adult', 13],
  ['couple_elderly', 13],
  ['couple_adult', 7],
  ['single_parent', 12],
  ['family', 18],
  ['extended', 3],
  ['parent_and_adult_child', 8],
  ['siblings', 2],
];
const FOREIGN_COMPOSITIONS: readonly (readonly [Composition, number])[] = [
  ['single_elderly', 2],
  ['single_adult', 12],
  ['couple_elderly', 2],
  ['couple_adult', 8],
  ['single_parent', 14],
  ['family', 50],
  ['extended', 8],
  ['parent_and_adult_child', 2],
  ['siblings', 2],
];

const MOBILE_PREFIXES = ['320', '328', '329', '333', '338', '340', '347', '349', '366', '371', '388', '392'];

export function mobilePhone(random: Random): string {
  return `${random.pick(MOBILE_PREFIXES)} ${random.digits(7)}`;
}

/** Families whose women usually take the husband's surname. */
const SHARED_SURNAME = new Set(['Romania', 'Ucraina', 'Albania', 'Nigeria']);

/**
 * Builds people for one household. `today` and `since` are day numbers; the
 * reference person is always an adult on the day the household moved in.
 * `taxCodes` collects the codes used so far, so a clash becomes omocodia.
 */
export class PeopleFactory {
  constructor(
    private readonly random: Random,
    private readonly today: number,
    private readonly taxCodes: Set<string>,
  ) {}

  household(since: number): HouseholdDraft {
    const r = this.random;
    const foreign = r.chance(0.32);
    const origin = foreign ? r.weighted(FOREIGN_ORIGINS.map((o) => [o, o.weight] as const)) : null;
    const composition = r.weighted(foreign ? FOREIGN_COMPOSITIONS : ITALIAN_COMPOSITIONS);
    const yearsThere = (this.today - since) / 365.25;
    // Foreign-born residents arrived in Italy before (or when) they got the flat.
    const arrival = origin ? since - r.int(0, 8 * 365) : -Infinity;
    const members: PersonDraft[] = [];
    const family = this.surname(origin, 'M');
    const adultAge = (min: number, max: number) => Math.max(r.int(min, max), Math.ceil(yearsThere) + 20);

    const add = (
      relationship: Relationship,
      sex: 'F' | 'M',
      age: number,
      surname: string,
      bornHere = false,
    ): PersonDraft => {
      const person = this.person(origin, relationship, sex, age, surname, arrival, bornHere);
      members.push(person);
      return person;
    };
    const spouseSurname = (husband: string) =>
      origin && SHARED_SURNAME.has(origin.country) && r.chance(0.7) ? husband : this.surname(origin, 'F');
    const children = (count: number, fatherSurname: string, parentAge: number) => {
      for (let i = 0; i < count; i++) {
        const sex = r.chance(0.5) ? 'M' : 'F';
        const age = Math.max(0, Math.min(parentAge - r.int(20, 40), r.int(0, 27)));
        const surname = origin?.bySex ? r.pick(origin.bySex[sex]) : fatherSurname;
        add('figlio/a', sex, age, surname, true);
      }
    };
    const headSex = (): 'F' | 'M' => (r.chance(origin ? 0.72 : 0.5) ? 'M' : 'F');

    switch (composition) {
      case 'single_elderly': {
        const sex = r.chance(0.68) ? 'F' : 'M';
        add('intestatario', sex, adultAge(66, 94), this.surname(origin, sex));
        break;
      }
      case 'single_adult': {
        const sex = r.chance(0.5) ? 'F' : 'M';
        add('intestatario', sex, adultAge(28, 64), this.surname(origin, sex));
        break;
      }
      case 'couple_elderly':
      case 'couple_adult': {
        const elderly = composition === 'couple_elderly';
        const age = elderly ? adultAge(66, 90) : adultAge(28, 64);
        const sex = headSex();
        const husband = this.surname(origin, 'M');
        add('intestatario', sex, age, sex === 'M' ? husband : spouseSurname(husband));
        const other = sex === 'M' ? 'F' : 'M';
        add(
          'coniuge o convivente',
          other,
          Math.max(20, age + r.int(-6, 6)),
          other === 'M' ? husband : spouseSurname(husband),
        );
        break;
      }
      case 'single_parent': {
        const sex = r.chance(0.82) ? 'F' : 'M';
        const age = adultAge(26, 56);
        add('intestatario', sex, age, sex === 'M' ? family : this.surname(origin, 'F'));
        children(
          r.weighted([
            [1, 50],
            [2, 35],
            [3, 15],
          ]),
          sex === 'M' ? family : r.chance(0.6) ? family : this.surname(origin, 'F'),
          age,
        );
        break;
      }
      case 'family':
      case 'extended': {
        const age = adultAge(27, 56);
        const sex = headSex();
        add('intestatario', sex, age, sex === 'M' ? family : spouseSurname(family));
        const other = sex === 'M' ? 'F' : 'M';
        add(
          'coniuge o convivente',
          other,
          Math.max(20, age + r.int(-6, 6)),
          other === 'M' ? family : spouseSurname(family),
        );
        children(
          r.weighted([
            [1, 30],
            [2, 40],
            [3, 20],
            [4, 8],
            [5, 2],
          ]),
          family,
          age,
        );
        if (composition === 'extended') {
          const grandSex = r.chance(0.7) ? 'F' : 'M';
          add(
            r.chance(0.85) ? 'genitore' : 'altro parente',
            grandSex,
            Math.min(96, age + r.int(22, 34)),
            this.surname(origin, grandSex),
          );
          if (r.chance(0.3)) add('nipote', r.chance(0.5) ? 'M' : 'F', r.int(0, 6), family, true);
        }
        break;
      }
      case 'parent_and_adult_child': {
        const sex = r.chance(0.7) ? 'F' : 'M';
        const age = adultAge(66, 92);
        add('intestatario', sex, age, sex === 'M' ? family : this.surname(origin, 'F'));
        const childSex = r.chance(0.5) ? 'M' : 'F';
        add(
          'figlio/a',
          childSex,
          Math.max(19, age - r.int(22, 38)),
          origin?.bySex ? r.pick(origin.bySex[childSex]) : family,
          true,
        );
        break;
      }
      case 'siblings': {
        const age = adultAge(30, 70);
        const sex = r.chance(0.5) ? 'F' : 'M';
        add('intestatario', sex, age, family);
        add(
          r.chance(0.85) ? 'fratello/sorella' : 'altro',
          r.chance(0.5) ? 'F' : 'M',
          Math.max(20, age + r.int(-8, 8)),
          family,
        );
        break;
      }
    }
    this.markFragilities(members, origin);
    const language = origin && r.chance(0.75) ? origin.language : 'italiano';
    const phone = r.weighted([
      [mobilePhone(r), 80],
      [`0372 ${r.int(2, 4)}${r.digits(5)}`, 14],
      ['', 6],
    ]);
    const head = members[0]!;
    if (phone.startsWith('3') && r.chance(0.7)) head.phone = phone;
    return { origin, language, phone, members };
  }

  private surname(origin: Origin | null, sex: 'F' | 'M'): string {
    if (!origin) return this.random.weighted(ITALIAN_SURNAMES);
    if (origin.bySex) return this.random.pick(origin.bySex[sex]);
    return this.random.pick(origin.surnames);
  }

  private firstName(origin: Origin | null, sex: 'F' | 'M', birthYear: number, bornHere: boolean): string {
    const r = this.random;
    if (!origin || (bornHere && r.chance(0.1))) {
      const generation = birthYear < 1970 ? 0 : birthYear < 2000 ? 1 : 2;
      return r.pick(ITALIAN_FIRST_NAMES[sex][generation]);
    }
    if (bornHere && r.chance(0.25)) return r.pick(INTERNATIONAL_CHILD_NAMES[sex]);
    return r.pick(sex === 'M' ? origin.male : origin.female);
  }

  private person(
    origin: Origin | null,
    relationship: Relationship,
    sex: 'F' | 'M',
    age: number,
    surname: string,
    arrival: number,
    mayBeBornHere: boolean,
  ): PersonDraft {
    const r = this.random;
    const birthDay = this.today - Math.round(age * 365.25) - r.int(0, 364);
    const birthYear = Number(isoDate(birthDay).slice(0, 4));
    const bornHere = origin !== null && mayBeBornHere && birthDay >= arrival;
    const place = origin
      ? bornHere
        ? CREMONA
        : origin.place
      : birthYear >= 1985 && r.chance(0.85)
        ? CREMONA
        : r.weighted(ITALIAN_BIRTHPLACES);
    const firstName = this.firstName(origin, sex, birthYear, bornHere);
    const adult = age >= 18;
    return {
      firstName,
      surname,
      sex,
      birthDay,
      placeCode: place.code,
      relationship,
      taxCode: this.taxCode(firstName, surname, sex, birthDay, place.code, origin !== null && !bornHere),
      phone: adult && relationship !== 'intestatario' && r.chance(0.45) ? mobilePhone(r) : '',
      leftOn: null,
      fragilities: [],
    };
  }

  private taxCode(
    firstName: string,
    surname: string,
    sex: 'F' | 'M',
    birthDay: number,
    placeCode: string,
    bornAbroad: boolean,
  ): string | null {
    const r = this.random;
    if (r.chance(bornAbroad ? 0.14 : 0.06)) return null;
    if (bornAbroad && r.chance(0.03)) return provisionalTaxCode(`9${r.digits(9)}`);
    const base = buildTaxCode({ surname, firstName, sex, birthDate: isoDate(birthDay), placeCode });
    let code = base;
    for (let level = 1; this.taxCodes.has(code); level++) code = omocode(base, level);
    this.taxCodes.add(code);
    return code;
  }

  private markFragilities(members: PersonDraft[], origin: Origin | null): void {
    const r = this.random;
    const age = (p: PersonDraft) => Math.floor((this.today - p.birthDay) / 365.25);
    for (const person of members) {
      const years = age(person);
      if (members.length === 1 && years >= 65 && r.chance(0.7)) person.fragilities.push('anziano solo');
      if (r.chance(0.04)) person.fragilities.push('disabilità');
      if (years < 18 && r.chance(0.12)) person.fragilities.push('minori');
      if (years >= 18 && years < 65 && r.chance(0.12)) person.fragilities.push('disoccupazione');
      if (r.chance(years >= 65 ? 0.25 : 0.05)) person.fragilities.push('problemi di salute');
      if (origin && years >= 18 && person.placeCode === origin.place.code && r.chance(0.3)) {
        person.fragilities.push('barriere linguistiche');
      }
    }
  }
}
