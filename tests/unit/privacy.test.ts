import fs from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../db/audit';
import { anchorPath } from '../../db/audit-anchor';
import { setUpApp, type TestApp } from './helpers';
import { addOperator, createBuilding, createHousehold, createUnit, member } from './registry-fixtures';
import { openWithKey, unwrapKey } from './support';

async function withHousehold(app: TestApp, operatorIds: number[] = []) {
  const building = await createBuilding(app, { operatorIds });
  const unit = await createUnit(app, building.id);
  const household = await createHousehold(app, unit.id, {
    phone: '0372 111222',
    notes: 'Nota sul nucleo',
    members: [
      member({ firstName: 'Giuseppina', surname: 'Verdelli', relationship: 'intestatario', taxCode: null }),
      member({ firstName: 'Mario', surname: 'Verdelli', relationship: 'coniuge o convivente' }),
    ],
  });
  const { members } = await app.ok('households.get', { id: household.id });
  return { building, unit, household, members };
}

async function secondConnection(app: TestApp) {
  return openWithKey(app.dir, await unwrapKey(app.dir));
}

describe('access log', () => {
  it('lists the opening of a household, filtered by household, operator and action', async () => {
    const app = await setUpApp();
    const { household } = await withHousehold(app);
    const other = await withHousehold(app);
    await app.ok('households.get', { id: household.id });
    const page = await app.ok('audit.list', {
      householdId: household.id,
      action: 'households.open',
    });
    expect(page.total).toBe(2);
    expect(page.rows.every((r) => r.householdCode === household.code)).toBe(true);
    expect(page.rows[0]?.operatorName).toBe('Anna Bianchi');
    // The other household's opening is not among them, but is in the unfiltered log.
    const all = await app.ok('audit.list', { action: 'households.open', pageSize: 100 });
    expect(all.rows.map((r) => r.householdCode)).toContain(other.household.code);
    // Changes to members are found through their household.
    const byHousehold = await app.ok('audit.list', { householdId: household.id, pageSize: 100 });
    expect(byHousehold.rows.map((r) => r.action)).toContain('households.create');
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const none = await app.ok('audit.list', { from: '2000-01-01', to: '2000-12-31' });
    expect(none.total).toBe(0);
    const todayRows = await app.ok('audit.list', { from: day, to: day });
    expect(todayRows.total).toBeGreaterThan(0);
    const actions = await app.ok('audit.actions', {});
    expect(actions.actions).toContain('households.open');
  });

  it('refuses an operatore and a reversed period', async () => {
    const app = await setUpApp();
    const tutor = await addOperator(app, { username: 'tutor', role: 'operatore' });
    const reversed = await app.call('audit.list', { from: '2026-02-02', to: '2026-01-01' });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok)
      expect(reversed.error.message).toBe('La data finale non può precedere quella iniziale.');
    const asTutor = await tutor.signIn();
    const refused = await asTutor.call('audit.list', {});
    expect(refused.ok ? 'ok' : refused.error.kind).toBe('forbidden');
  });

  it('exports the filtered log as CSV and records the export', async () => {
    const app = await setUpApp();
    const { household } = await withHousehold(app);
    const { file, rows } = await app.ok('audit.export', { householdId: household.id });
    expect(file.fileName).toMatch(/^registro-accessi-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(`${app.dir}/outbox/${file.id}.tmp`, 'utf8').replace(/^\ufeff/, '');
    const parsed = Papa.parse<string[]>(text.trim(), { delimiter: ';' });
    expect(parsed.data[0]).toEqual([
      'N.',
      'Data e ora',
      'Operatore',
      'Azione',
      'Tipo di record',
      'Record',
      'Nucleo',
    ]);
    expect(parsed.data).toHaveLength(rows + 1);
    expect(parsed.data.slice(1).every((r) => r[6] === household.code)).toBe(true);
    const last = await app.ok('audit.list', { pageSize: 5 });
    expect(last.rows[0]?.action).toBe('audit.export');
  });

  it('says "integro", then names an altered row and a removed row', async () => {
    const app = await setUpApp();
    await withHousehold(app);
    const intact = await app.ok('audit.verify', {});
    expect(intact.intact).toBe(true);
    expect(intact.message).toContain('integro');

    const db = await secondConnection(app);
    try {
      db.raw.prepare("UPDATE audit_log SET action = 'households.update' WHERE id = 3").run();
      const altered = await app.ok('audit.verify', {});
      expect(altered).toMatchObject({ intact: false, firstBadId: 3, reason: 'altered' });
      expect(altered.message).toContain('voce n. 3');
      db.raw
        .prepare('UPDATE audit_log SET action = (SELECT action FROM audit_log WHERE id = 3) WHERE id = 3')
        .run();
    } finally {
      db.close();
    }
  });

  it('names a row removed in the middle and the newest rows removed', async () => {
    const app = await setUpApp();
    await withHousehold(app);
    await app.ok('audit.verify', {}); // anchors the head
    const head = (await app.ok('audit.list', { pageSize: 5 })).rows[0]!.id;
    const db = await secondConnection(app);
    try {
      db.raw.prepare('DELETE FROM audit_log WHERE id >= ?').run(head - 1);
      const tail = await app.ok('audit.verify', {});
      expect(tail).toMatchObject({ intact: false, reason: 'missing_after', firstBadId: head - 1 });
    } finally {
      db.close();
    }
    const app2 = await setUpApp();
    await withHousehold(app2);
    const db2 = await secondConnection(app2);
    try {
      db2.raw.prepare('DELETE FROM audit_log WHERE id = 4').run();
      const middle = await app2.ok('audit.verify', {});
      expect(middle).toMatchObject({ intact: false, reason: 'missing_before', firstBadId: 4 });
    } finally {
      db2.close();
    }
  });

  it('writes the anchor at sign-out and detects a forged anchor', async () => {
    const app = await setUpApp();
    await app.ok('session.logout', {});
    const file = anchorPath(app.dir);
    const anchor = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: number; hash: string };
    expect(anchor.id).toBeGreaterThan(1);
    fs.writeFileSync(file, JSON.stringify({ ...anchor, id: anchor.id + 5 }));
    await app.ok('session.login', { username: 'anna', password: 'una frase lunga e segreta' });
    const forged = await app.ok('audit.verify', {});
    expect(forged).toMatchObject({ intact: false, reason: 'anchor_invalid' });
  });
});

describe('GDPR duties', () => {
  it('records the privacy notice per person and counts the missing ones', async () => {
    const app = await setUpApp();
    const { household, members } = await withHousehold(app);
    const before = await app.ok('privacy.household', { householdId: household.id });
    expect(before.missing).toBe(2);
    const first = members[0]!;
    const after = await app.ok('privacy.setNotice', {
      memberId: first.id,
      givenOn: '2025-03-01',
      signedOn: '2025-03-02',
      version: '1.0',
    });
    expect(after.missing).toBe(1);
    expect(after.members.find((m) => m.memberId === first.id)).toMatchObject({
      givenOn: '2025-03-01',
      signedOn: '2025-03-02',
      version: '1.0',
    });
    const wrong = await app.call('privacy.setNotice', {
      memberId: first.id,
      givenOn: '2025-03-05',
      signedOn: '2025-03-02',
      version: '1.0',
    });
    expect(wrong.ok ? '' : wrong.error.fields?.signedOn).toBe(
      'La firma non può precedere la consegna dell’informativa.',
    );
    const log = await app.ok('audit.list', { action: 'privacy.setNotice' });
    expect(log.rows[0]).toMatchObject({ recordType: 'member', recordId: String(first.id) });
  });

  it('keeps the access log at least 24 months', async () => {
    const app = await setUpApp();
    const { settings, updatedAt } = await app.ok('privacy.settings', {});
    expect(settings.auditRetentionMonths).toBe(24);
    const short = await app.call('privacy.updateSettings', {
      settings: { ...settings, auditRetentionMonths: 12 },
      expectedUpdatedAt: updatedAt,
    });
    expect(short.ok ? '' : short.error.message).toBe('Il registro accessi va conservato almeno 24 mesi.');
    const saved = await app.ok('privacy.updateSettings', {
      settings: { ...settings, auditRetentionMonths: 36, noticeVersion: '2.0' },
      expectedUpdatedAt: updatedAt,
    });
    expect(saved.settings.auditRetentionMonths).toBe(36);
    const stale = await app.call('privacy.updateSettings', { settings, expectedUpdatedAt: updatedAt });
    expect(stale.ok ? '' : stale.error.kind).toBe('conflict');
    const register = await app.ok('privacy.register', {});
    expect(register.settings.noticeVersion).toBe('2.0');
    expect(register.cooperative.name).toBe('Cooperativa Sociale Esempio');
  });

  it('exports everything about a person as a PDF and a JSON, confidential notes by choice', async () => {
    const app = await setUpApp();
    const { household, members } = await withHousehold(app);
    const { items } = await app.ok('vocabulary.list', {});
    const pick = (kind: string) => items.find((i) => i.kind === kind)!.id;
    await app.ok('interventions.create', {
      occurredAt: '2025-05-06T10:00',
      durationMin: 30,
      target: { kind: 'households', householdIds: [household.id] },
      typeId: pick('intervention_type'),
      channelId: pick('channel'),
      originId: pick('origin'),
      topicIds: [pick('topic')],
      notes: 'Nota RISERVATA-XYZ',
      outcome: 'Esito <b>visibile</b>',
      confidential: true,
    });
    const person = members[0]!;
    const hidden = await app.ok('privacy.exportPerson', { memberId: person.id, includeConfidential: false });
    expect(hidden.pdf.fileName).toMatch(/\.pdf$/);
    expect(hidden.pages).toBeGreaterThanOrEqual(1);
    const json = JSON.parse(fs.readFileSync(`${app.dir}/outbox/${hidden.json.id}.tmp`, 'utf8')) as {
      person: { firstName: string; surname: string };
      interventions: { notes: string; outcome: string }[];
      accesses: { operatorName: string; accesses: number }[];
    };
    expect(json.person.firstName).toBe('Giuseppina');
    expect(json.interventions[0]?.notes).not.toContain('RISERVATA-XYZ');
    expect(json.interventions[0]?.outcome).toBe('Esito <b>visibile</b>');
    expect(json.accesses[0]?.operatorName).toBe('Anna Bianchi');
    const pdf = fs.readFileSync(`${app.dir}/outbox/${hidden.pdf.id}.tmp`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const shown = await app.ok('privacy.exportPerson', { memberId: person.id, includeConfidential: true });
    const json2 = fs.readFileSync(`${app.dir}/outbox/${shown.json.id}.tmp`, 'utf8');
    expect(json2).toContain('RISERVATA-XYZ');
    // The other member is not named in the export.
    expect(json2).not.toContain('Mario');
    const log = await app.ok('audit.list', { action: 'privacy.exportPerson' });
    expect(log.total).toBe(2);
  }, 60_000);

  it('lists households closed beyond retention and anonymises them, search included', async () => {
    const app = await setUpApp();
    const old = await withHousehold(app);
    const recent = await withHousehold(app);
    await app.ok('privacy.setNotice', {
      memberId: old.members[0]!.id,
      givenOn: '2010-01-01',
      signedOn: null,
      version: '1.0',
    });
    const db = await secondConnection(app);
    try {
      db.raw
        .prepare(
          "UPDATE households SET status = 'chiuso', updated_at = '2012-05-01T10:00:00.000Z' WHERE id = ?",
        )
        .run(old.household.id);
      db.raw.prepare("UPDATE households SET status = 'chiuso' WHERE id = ?").run(recent.household.id);
    } finally {
      db.close();
    }
    const list = await app.ok('privacy.retention', {});
    expect(list.rows.map((r) => r.householdId)).toEqual([old.household.id]);
    const refused = await app.call('privacy.anonymise', { householdIds: [recent.household.id] });
    expect(refused.ok ? '' : refused.error.kind).toBe('validation');
    const before = await app.ok('search.households', { q: 'Verdelli' });
    expect(JSON.stringify(before)).toContain(old.household.code);
    await app.ok('privacy.anonymise', { householdIds: [old.household.id] });
    const page = await app.ok('households.get', { id: old.household.id });
    expect(page.members.map((m) => m.firstName)).toEqual(['Anonimo', 'Anonimo']);
    expect(page.members.every((m) => m.taxCode === null && m.phone === '')).toBe(true);
    expect(page.household.notes).toBe('');
    expect(page.household.phone).toBe('');
    expect(page.household.code).toBe(old.household.code);
    const after = await app.ok('search.households', { q: 'Verdelli' });
    expect(JSON.stringify(after)).not.toContain(old.household.code);
    expect(JSON.stringify(after)).toContain(recent.household.code);
    expect((await app.ok('privacy.retention', {})).rows).toEqual([]);
    const log = await app.ok('audit.list', { action: 'privacy.anonymise' });
    expect(log.rows[0]).toMatchObject({ recordType: 'household', recordId: String(old.household.id) });
    expect((await app.ok('audit.verify', {})).intact).toBe(true);
  });
});

describe('the chain walk', () => {
  it('verifies rows whose fields need JSON escapes, and names a changed prev_hash', () => {
    const raw = new Sqlite(':memory:');
    raw.exec(`CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, operator_id INTEGER,
      action TEXT NOT NULL, record_type TEXT, record_id TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT`);
    const odd = ['a"b', 'back\\slash', 'tab\tnew\nline\u0001', 'città', '😀 emoji', '\u007f', ''];
    odd.forEach((recordId, i) =>
      appendAudit(raw, {
        operatorId: i % 2 === 0 ? null : i,
        action: 'prova.azione',
        recordType: 'x',
        recordId,
      }),
    );
    appendAudit(raw, { operatorId: 1, action: 'prova.azione', recordType: null, recordId: null });
    expect(verifyAuditChain(raw)).toMatchObject({ intact: true, rows: odd.length + 1 });
    // Flip the first hex digit, whatever it is (a fixed 'f' would change nothing one time in 16).
    raw
      .prepare(
        `UPDATE audit_log SET prev_hash = (CASE WHEN substr(prev_hash, 1, 1) = 'f' THEN '0' ELSE 'f' END)
           || substr(prev_hash, 2) WHERE id = 5`,
      )
      .run();
    expect(verifyAuditChain(raw)).toMatchObject({ intact: false, firstBadId: 5, reason: 'altered' });
    raw.close();
  });
});
