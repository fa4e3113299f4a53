import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallInput } from '../../shared/contract';
import { ADMIN, setUpApp, startApp, tempDir, type TestApp } from './helpers';
import {
  addOperator,
  createArea,
  createBuilding,
  createHousehold,
  createUnit,
  member,
} from './registry-fixtures';
import { openWithKey, unwrapKey } from './support';
import type { Db } from '../../db/connection';

/**
 * One small world for the casework tests, built once per test file through
 * the dispatcher and copied for each test (so a test pays only its sign-ins):
 *
 * - building A, tutors olga and paolo (operatori): households a1, a2
 * - building B, tutor bruno (operatore): household b1 and an empty unit
 * - carla (coordinatrice), anna (the administrator from setUpApp)
 */
export const WHO = ['olga', 'paolo', 'bruno', 'carla'] as const;
export type Who = (typeof WHO)[number] | 'anna';

export interface World {
  ops: Record<Who, number>;
  buildings: { a: number; b: number };
  households: { a1: number; a2: number; b1: number };
  /** An empty unit in building B. */
  freeUnitB: number;
  /** Vocabulary id by kind and label. */
  vocab: Record<string, number>;
}

export interface WorldTemplate {
  dir: string;
  key: Buffer;
  world: World;
  cleanUp(): void;
}

const tempPassword = (who: string) => `temporanea di ${who}`;

export async function buildTemplate(): Promise<WorldTemplate> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-casework-'));
  const admin = await setUpApp(dir);
  const ops = { anna: 0 } as Record<Who, number>;
  for (const who of WHO) {
    const extra = await addOperator(admin, {
      username: who,
      role: who === 'carla' ? 'coordinatore' : 'operatore',
    });
    ops[who] = extra.id;
  }
  const area = await createArea(admin);
  const a = await createBuilding(admin, { areaId: area.id, operatorIds: [ops.olga, ops.paolo] });
  const b = await createBuilding(admin, { areaId: area.id, operatorIds: [ops.bruno] });
  const household = async (buildingId: number, surname: string, firstName: string) => {
    const unit = await createUnit(admin, buildingId);
    return createHousehold(admin, unit.id, {
      members: [member({ surname, firstName, relationship: 'intestatario' })],
    });
  };
  const a1 = await household(a.id, 'Rossi', 'Maria');
  const a2 = await household(a.id, 'Esposito', 'Luca');
  const b1 = await household(b.id, 'Colombo', 'Giulia');
  const freeUnitB = await createUnit(admin, b.id);
  const { items } = await admin.ok('vocabulary.list', {});
  const vocab: Record<string, number> = {};
  for (const item of items) vocab[`${item.kind}/${item.label}`] = item.id;
  ops.anna = (await admin.ok('operators.list', {})).operators.find((o) => o.username === ADMIN.username)!.id;
  await admin.ok('session.logout', {});
  admin.core.close();

  // Past their first sign-in, so each test signs in with one key derivation, not two.
  const key = await unwrapKey(dir);
  const db = openWithKey(dir, key);
  try {
    db.raw.prepare('UPDATE operators SET must_change_password = 0').run();
  } finally {
    db.close();
  }
  return {
    dir,
    key,
    world: {
      ops,
      buildings: { a: a.id, b: b.id },
      households: { a1: a1.id, a2: a2.id, b1: b1.id },
      freeUnitB: freeUnitB.id,
      vocab,
    },
    cleanUp: () => {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  dir: string;
  world: World;
  /** Runs `fn` on a second connection to this copy (for set-up the calls do not offer, and for checks). */
  withDb<T>(fn: (db: Db) => T): T;
  /** The app signed in as `who` (one app core per operator, all on the same copy). */
  as(who: Who): Promise<TestApp>;
}

/** A fresh copy of the template for one test. */
export function session(template: WorldTemplate): Session {
  const dir = tempDir();
  fs.cpSync(template.dir, dir, { recursive: true });
  const apps = new Map<Who, TestApp>();
  return {
    dir,
    world: template.world,
    withDb(fn) {
      const db = openWithKey(dir, template.key);
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    async as(who) {
      let app = apps.get(who);
      if (!app) {
        app = startApp(dir);
        await app.ok(
          'session.login',
          who === 'anna' ? ADMIN : { username: who, password: tempPassword(who) },
        );
        apps.set(who, app);
      }
      return app;
    },
  };
}

/** Dates relative to the real local today, so tests do not depend on when they run. */
export function localDay(offset = 0): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** A valid interventions.create input on the given households; override what the test cares about. */
export function interventionInput(
  world: World,
  householdIds: number[],
  overrides: Partial<CallInput<'interventions.create'>> = {},
): CallInput<'interventions.create'> {
  const v = world.vocab;
  return {
    occurredAt: `${localDay()}T10:30`,
    durationMin: 30,
    typeId: v['intervention_type/ascolto']!,
    channelId: v['channel/sportello']!,
    originId: v['origin/proattivo']!,
    topicIds: [v['topic/morosità']!, v['topic/salute']!],
    notes: 'Note del colloquio',
    outcome: 'Concordato un nuovo incontro',
    confidential: false,
    target: { kind: 'households', householdIds },
    ...overrides,
  };
}

/** A valid interventions.update input for the given record; override what the test cares about. */
export function updateInput(
  world: World,
  id: number,
  expectedUpdatedAt: string,
  overrides: Partial<CallInput<'interventions.update'>> = {},
): CallInput<'interventions.update'> {
  const {
    target: _target,
    operatorId: _operatorId,
    followup: _followup,
    ...fields
  } = interventionInput(world, []);
  return { ...fields, id, expectedUpdatedAt, ...overrides };
}
