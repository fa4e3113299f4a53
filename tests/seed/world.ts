import type { RawDb } from '../../db/connection';
import type { VocabularyKind } from '../../db/schema';
import type { Random } from './random';

/** The two sizes of the synthetic data set. */
export const SIZES = {
  small: { areas: 3, buildings: 8, households: 150, interventions: 2_000, tutors: 3, coordinators: 1 },
  large: {
    areas: 8,
    buildings: 300,
    households: 10_000,
    interventions: 200_000,
    tutors: 15,
    coordinators: 2,
  },
} as const;
export type SeedSize = keyof typeof SIZES;
export type SizeSpec = (typeof SIZES)[SeedSize];

export interface OperatorInfo {
  id: number;
  role: 'operatore' | 'coordinatore' | 'amministratore';
  buildings: BuildingInfo[];
}

export interface UnitInfo {
  id: number;
  building: BuildingInfo;
  /** Day from which the unit is taken, by the earliest household placed so far. */
  occupiedFrom: number;
  /** The household living there now, if any. */
  current: HouseholdInfo | null;
}

export interface BuildingInfo {
  id: number;
  tutors: OperatorInfo[];
  units: UnitInfo[];
  stays: Stay[];
}

/** A household's time in one unit: [from, to), `to` = Infinity while it still lives there. */
export interface Stay {
  household: HouseholdInfo;
  unit: UnitInfo;
  from: number;
  to: number;
}

export interface HouseholdInfo {
  id: number;
  status: 'attivo' | 'trasferito' | 'chiuso';
  /** The day the household was entered in the register. */
  registeredOn: number;
  stays: Stay[];
  /** How much work the household asks for (heavy-tailed). */
  weight: number;
  /** Topics that come up again and again with this household. */
  topics: string[];
  foreign: boolean;
}

/** Everything the generators share: the database, the dice, the calendar and the cast. */
export interface World {
  raw: RawDb;
  random: Random;
  spec: SizeSpec;
  today: number;
  /** First day of the five years of recorded work. */
  start: number;
  adminId: number;
  tutors: OperatorInfo[];
  coordinators: OperatorInfo[];
  buildings: BuildingInfo[];
  units: UnitInfo[];
  households: HouseholdInfo[];
  vocabulary: Vocabulary;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();

  constructor(raw: RawDb) {
    const rows = raw.prepare('SELECT id, kind, label FROM vocabulary').all() as {
      id: number;
      kind: string;
      label: string;
    }[];
    for (const row of rows) this.ids.set(`${row.kind}:${row.label}`, row.id);
  }

  id(kind: VocabularyKind, label: string): number {
    const id = this.ids.get(`${kind}:${label}`);
    if (id === undefined) throw new Error(`vocabulary entry missing: ${kind} ${label}`);
    return id;
  }
}
