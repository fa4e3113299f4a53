import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../../db/paths';
import { Dispatcher } from '../../electron/core/dispatcher';
import type { Handlers } from '../../electron/core/context';
import type { LogMeta, Logger } from '../../electron/core/logger';
import { noShell } from '../../electron/core/shell';
import { Vault } from '../../electron/core/vault';
import { handlers } from '../../electron/handlers';
import {
  appStatusOutput,
  CALL_NAMES,
  contract,
  operatorSchema,
  sessionOperatorSchema,
  type ApiError,
  type ApiResult,
  type CallName,
} from '../../shared/contract';
import { ADMIN, COOPERATIVE, startApp, tempDir, type TestApp } from './helpers';
import { count, openWithKey, unwrapKey } from './support';

/**
 * One set-up folder is built once (administrator, an operatore, a
 * coordinatore, and a second administrator still on a temporary password)
 * and copied for each test, so each test pays one sign-in, not a setup.
 */
const OLGA = { username: 'olga', password: 'temporanea di olga' };
const CARLO = { username: 'carlo', password: 'temporanea di carlo' };
const TINA = { username: 'tina', password: 'temporanea di tina' };

let template = '';
let templateKey: Buffer = Buffer.alloc(0);
let annaUpdatedAt = '';

beforeAll(async () => {
  template = fs.mkdtempSync(path.join(os.tmpdir(), 'cortile-template-'));
  const app = startApp(template);
  try {
    await app.ok('setup.create', { cooperative: COOPERATIVE, admin: ADMIN });
    for (const [who, role, temporaryPassword] of [
      ['olga', 'operatore', OLGA.password],
      ['carlo', 'coordinatore', CARLO.password],
      ['tina', 'amministratore', TINA.password],
    ] as const) {
      await app.ok('operators.create', { fullName: `${who} Rossi`, username: who, role, temporaryPassword });
    }
    annaUpdatedAt = (await app.ok('operators.list', {})).operators.find(
      (o) => o.username === 'anna',
    )!.updatedAt;
    await app.ok('session.logout', {});
  } finally {
    app.core.close();
  }
  templateKey = await unwrapKey(template);
  // Olga and Carlo are past their first sign-in (the temporary-password flow is Tina's test):
  // set in the fixture directly rather than paying four more key derivations.
  const db = openWithKey(template, templateKey);
  try {
    db.raw.prepare(`UPDATE operators SET must_change_password = 0 WHERE username IN ('olga', 'carlo')`).run();
  } finally {
    db.close();
  }
}, 60_000);

afterAll(() => {
  if (template) fs.rmSync(template, { recursive: true, force: true });
});

function copyOfTemplate(): string {
  const dir = tempDir();
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

async function signedInAs(who: { username: string; password: string }): Promise<TestApp> {
  const app = startApp(copyOfTemplate());
  await app.ok('session.login', who);
  return app;
}

/** Dispatches with an untyped name and input, as a hostile or buggy caller would. */
function rawCall(app: TestApp, name: unknown, input: unknown): Promise<ApiResult<unknown>> {
  return app.core.dispatch(name, input);
}

function errorOf(result: ApiResult<unknown>): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/** Italian, not Zod's English defaults. */
function expectItalian(message: string): void {
  expect(message).not.toMatch(/\b(Invalid|Expected|Required|Unrecognized|received|must)\b/);
  expect(message).toMatch(/\b(non|il|la|un|una|di|si|deve|inserire|almeno|chiave|valido|atteso)\b/i);
}

/** What a write would change: rows, audit entries and the key ring. */
function snapshot(dir: string) {
  const db = openWithKey(dir, templateKey);
  try {
    return {
      operators: db.raw.prepare('SELECT * FROM operators ORDER BY id').all(),
      settings: db.raw.prepare('SELECT * FROM settings ORDER BY key').all(),
      audit: count(db, 'audit_log'),
      keyring: fs.readFileSync(dataPaths(dir).keyring, 'utf8'),
    };
  } finally {
    db.close();
  }
}

/** Valid inputs for every administrator call, so a refusal can only come from the role. */
function adminCalls(): [CallName, unknown][] {
  return [
    ['operators.list', {}],
    [
      'operators.create',
      {
        fullName: 'Nuovo Operatore',
        username: 'nuovo',
        role: 'amministratore',
        temporaryPassword: 'temporanea del nuovo',
      },
    ],
    ['operators.update', { id: 1, expectedUpdatedAt: annaUpdatedAt, role: 'operatore' }],
    ['operators.resetPassword', { id: 1, temporaryPassword: 'una password presa in ostaggio' }],
    [
      'settings.update',
      { cooperative: { ...COOPERATIVE, name: 'Cooperativa Dirottata' }, settings: { autoLockMinutes: 240 } },
    ],
  ];
}

describe('call names', () => {
  it.each([
    ['nope'],
    ['operators.delete'],
    ['OPERATORS.LIST'],
    ['__proto__'],
    ['constructor'],
    ['toString'],
    [''],
    [42],
    [null],
    [undefined],
    [{}],
  ])('answers not_found for %j', async (name) => {
    const app = startApp();
    const error = errorOf(await rawCall(app, name, {}));
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe('Operazione sconosciuta.');
  });
});

describe('input validation', () => {
  const valid = { cooperative: COOPERATIVE, admin: ADMIN };
  const cases: [string, unknown, string][] = [
    ['no input at all', undefined, 'cooperative'],
    ['an empty object', {}, 'admin'],
    ['a string instead of an object', 'configura', '_'],
    [
      'a password shorter than 12 characters',
      { ...valid, admin: { ...ADMIN, password: 'corta' } },
      'admin.password',
    ],
    [
      'a number as the cooperative name',
      { ...valid, cooperative: { ...COOPERATIVE, name: 42 } },
      'cooperative.name',
    ],
    ['a username with spaces', { ...valid, admin: { ...ADMIN, username: 'anna bianchi' } }, 'admin.username'],
    [
      'a malformed e-mail',
      { ...valid, cooperative: { ...COOPERATIVE, email: 'info-at-esempio' } },
      'cooperative.email',
    ],
    [
      'a missing full name',
      { ...valid, admin: { username: ADMIN.username, password: ADMIN.password } },
      'admin.fullName',
    ],
    [
      'a control character in the name',
      { ...valid, admin: { ...ADMIN, fullName: 'Anna\u0007Bianchi' } },
      'admin.fullName',
    ],
  ];

  it.each(cases)(
    'refuses setup.create with %s, with an Italian message on the field, creating nothing',
    async (_name, input, field) => {
      const app = startApp();
      const error = errorOf(await rawCall(app, 'setup.create', input));
      expect(error.kind).toBe('validation');
      expectItalian(error.message);
      expect(error.fields).toBeDefined();
      expect(Object.keys(error.fields!)).toContain(field);
      for (const message of Object.values(error.fields!)) expectItalian(message);
      const paths = dataPaths(app.dir);
      for (const file of [paths.database, `${paths.database}.setup`, paths.keyring])
        expect(fs.existsSync(file)).toBe(false);
      expect((await app.ok('app.status', {})).state).toBe('needs_setup');
    },
  );

  it('names the minimum length in the message for a short password', async () => {
    const app = startApp();
    const error = errorOf(
      await rawCall(app, 'setup.create', {
        cooperative: COOPERATIVE,
        admin: { ...ADMIN, password: 'undici char' },
      }),
    );
    expect(error.fields?.['admin.password']).toMatch(/almeno 12 caratteri/);
  });

  it('refuses extra keys on calls that take no input', async () => {
    const app = startApp();
    const error = errorOf(await rawCall(app, 'app.status', { verbose: true }));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('verbose');
    expect(error.fields).toBeDefined();
  });

  it('refuses bad operators.create input from an administrator and writes nothing', async () => {
    const app = await signedInAs(ADMIN);
    const before = snapshot(app.dir);
    const good = {
      fullName: 'Bruno Verdi',
      username: 'bruno',
      role: 'operatore',
      temporaryPassword: 'temporanea di bruno',
    };
    const bad: [unknown, string][] = [
      [{ ...good, role: 'capo' }, 'role'],
      [{ ...good, username: 'b r' }, 'username'],
      [{ ...good, username: 'anna@esempio' }, 'username'],
      [{ ...good, temporaryPassword: 'breve' }, 'temporaryPassword'],
      [{ ...good, temporaryPassword: 123456789012345 }, 'temporaryPassword'],
      [{ ...good, fullName: undefined }, 'fullName'],
      [{ ...good, fullName: ' ' }, 'fullName'],
      [{}, 'username'],
    ];
    for (const [input, field] of bad) {
      const error = errorOf(await rawCall(app, 'operators.create', input));
      expect(error.kind, JSON.stringify(input)).toBe('validation');
      expectItalian(error.message);
      expect(Object.keys(error.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    // A strict empty input with an extra key: refused, and the session stays open.
    expect(errorOf(await rawCall(app, 'session.logout', { everywhere: true })).kind).toBe('validation');
    expect((await app.ok('app.status', {})).state).toBe('unlocked');
    expect((await app.ok('operators.list', {})).operators).toHaveLength(4);
    expect(snapshot(app.dir)).toEqual(before);
  });
});

describe('roles', () => {
  it.each([
    ['an operatore', OLGA],
    ['a coordinatore', CARLO],
  ])('refuses every administrator call to %s, writing nothing', async (_who, who) => {
    const app = await signedInAs(who);
    const before = snapshot(app.dir);
    for (const [name, input] of adminCalls()) {
      const error = errorOf(await rawCall(app, name, input));
      expect(error.kind, name).toBe('forbidden');
      expect(error.message).toBe('Il proprio ruolo non consente questa operazione.');
    }
    // Control: the session is open and session calls work.
    const settings = await app.ok('settings.get', {});
    expect(settings.cooperative.name).toBe(COOPERATIVE.name);
    expect(snapshot(app.dir)).toEqual(before);
  });

  it('checks the role before the input: garbage from an operatore is forbidden, not invalid', async () => {
    const app = await signedInAs(OLGA);
    for (const garbage of [{ bogus: 1 }, 'garbage', null, [], 42, { username: 'x' }]) {
      for (const name of ['operators.create', 'operators.update', 'settings.update'] as const) {
        const error = errorOf(await rawCall(app, name, garbage));
        expect(error.kind, `${name} ${JSON.stringify(garbage)}`).toBe('forbidden');
        expect(error.fields).toBeUndefined();
      }
    }
  });

  it('refuses role calls to an operator on a temporary password until it is changed', async () => {
    const app = await signedInAs(TINA);
    const status = await app.ok('app.status', {});
    expect(status.operator?.mustChangePassword).toBe(true);
    expect(status.operator?.role).toBe('amministratore');
    for (const [name, input] of adminCalls()) {
      const error = errorOf(await rawCall(app, name, input));
      expect(error.kind, name).toBe('forbidden');
      expect(error.message).toMatch(/password temporanea/);
    }
    // Session calls stay open to them.
    expect((await app.ok('settings.get', {})).cooperative.name).toBe(COOPERATIVE.name);
    const changed = await app.ok('session.changePassword', {
      currentPassword: TINA.password,
      newPassword: 'la password scelta da tina',
    });
    expect(changed.operator.mustChangePassword).toBe(false);
    expect((await app.ok('operators.list', {})).operators.map((o) => o.username).sort()).toEqual([
      'anna',
      'carlo',
      'olga',
      'tina',
    ]);
  });
});

describe('a locked session', () => {
  const nonPublic = CALL_NAMES.filter((name) => contract[name].access !== 'public');

  it('covers every call but status, about, error reports, setup, sign-in, recovery and the damaged-database restore', () => {
    expect(CALL_NAMES.filter((name) => contract[name].access === 'public').sort()).toEqual(
      [
        'app.status',
        'app.about',
        'app.reportError',
        'backup.damaged',
        'backup.restoreDamaged',
        'backup.leaveDamaged',
        'session.login',
        'session.recover',
        'setup.create',
      ].sort(),
    );
  });

  it('answers locked to every non-public call before anyone signs in', async () => {
    const app = startApp(copyOfTemplate());
    for (const name of nonPublic) {
      for (const input of [{}, { bogus: true }]) {
        const error = errorOf(await rawCall(app, name, input));
        expect(error.kind, name).toBe('locked');
        expect(error.message).toBe('La sessione è bloccata: accedere di nuovo.');
      }
    }
  });

  it.each([['session.lock'], ['session.logout']] as const)(
    'answers locked to every non-public call after %s',
    async (how) => {
      const app = await signedInAs(ADMIN);
      // Control: signed in, an administrator call works.
      expect((await app.ok('operators.list', {})).operators.length).toBeGreaterThan(0);
      await app.ok(how, {});
      expect((await app.ok('app.status', {})).state).toBe('locked');
      for (const name of nonPublic) {
        const error = errorOf(await rawCall(app, name, { bogus: true }));
        expect(error.kind, name).toBe('locked');
      }
    },
  );
});

describe('outputs', () => {
  const keys = (schema: { shape: object }) => Object.keys(schema.shape).sort();

  it('carry exactly the fields of the contract and no database columns', async () => {
    const app = startApp(copyOfTemplate());
    const login = await app.ok('session.login', ADMIN);
    expect(Object.keys(login).sort()).toEqual(['operator']);
    expect(Object.keys(login.operator).sort()).toEqual(keys(sessionOperatorSchema));

    const status = await app.ok('app.status', {});
    expect(Object.keys(status).sort()).toEqual(keys(appStatusOutput));
    expect(Object.keys(status.operator!).sort()).toEqual(keys(sessionOperatorSchema));

    const { operators } = await app.ok('operators.list', {});
    expect(operators).toHaveLength(4);
    for (const operator of operators) {
      expect(Object.keys(operator).sort()).toEqual(keys(operatorSchema));
      expect(operatorSchema.strict().safeParse(operator).success).toBe(true);
    }
  });
});

describe('the dispatcher around a handler', () => {
  class RecordingLogger implements Logger {
    readonly lines: { level: string; message: string; meta?: LogMeta }[] = [];
    info(message: string, meta?: LogMeta) {
      this.lines.push({ level: 'info', message, ...(meta ? { meta } : {}) });
    }
    warn(message: string, meta?: LogMeta) {
      this.lines.push({ level: 'warn', message, ...(meta ? { meta } : {}) });
    }
    error(message: string, meta?: LogMeta) {
      this.lines.push({ level: 'error', message, ...(meta ? { meta } : {}) });
    }
  }

  /** A real vault and the real handlers, with `operators.list` replaced. */
  async function withList(list: Handlers['operators.list']) {
    const log = new RecordingLogger();
    const vault = new Vault(copyOfTemplate(), log);
    const dispatcher = new Dispatcher({ ...handlers, 'operators.list': list }, vault, log, noShell);
    const login = await dispatcher.dispatch('session.login', ADMIN);
    expect(login.ok).toBe(true);
    return { log, vault, dispatcher };
  }

  it('strips fields a handler adds beyond the contract, and hides a malformed output behind an Italian message', async () => {
    const leaky = {
      id: 1,
      fullName: 'Anna Bianchi',
      username: 'anna',
      role: 'amministratore' as const,
      active: true,
      mustChangePassword: false,
      lastLoginAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const { vault, dispatcher } = await withList(() => ({
      operators: [{ ...leaky, passwordHint: 'il gatto' } as typeof leaky],
    }));
    try {
      const result = await dispatcher.dispatch('operators.list', {});
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value).toEqual({ operators: [leaky] });
    } finally {
      vault.close('test.end');
    }

    const broken = await withList(() => ({ operators: [{ ...leaky, role: 'capo' as 'operatore' }] }));
    try {
      const error = errorOf(await broken.dispatcher.dispatch('operators.list', {}));
      expect(error.kind).toBe('internal');
      expectItalian(error.message);
    } finally {
      broken.vault.close('test.end');
    }
  });

  it('turns an unexpected exception into an Italian message and logs no data', async () => {
    const secret = 'Mario Rossi, via Roma 1';
    const { log, vault, dispatcher } = await withList(() => {
      throw new Error(`UNIQUE constraint failed: ${secret}`);
    });
    try {
      const error = errorOf(await dispatcher.dispatch('operators.list', {}));
      expect(error.kind).toBe('internal');
      expect(error.message).not.toContain(secret);
      expect(error.message).toMatch(/non è stata salvata/);
      const logged = JSON.stringify(log.lines);
      expect(logged).toContain('operators.list');
      expect(logged).not.toContain(secret);
      expect(logged).not.toContain(ADMIN.password);
    } finally {
      vault.close('test.end');
    }
  });
});
