import fs from 'node:fs';
import { appendAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import {
  countActivities,
  countArrears,
  countConfidentialInterventions,
  countInterventions,
  countSummary,
  exportSource,
  presetHeaders,
  resolveBuildings,
  BUILDING_CODE_SQL,
  type ExportScope,
} from '../../db/queries/exports';
import { allRows, firstRow, runSql } from '../../db/queries/registry-common';
import { getCooperative } from '../../db/queries/settings';
import { transaction } from '../../db/sync';
import type { CallOutput, ExportRequest } from '../../shared/contract';
import { EXPORT_LAYOUT_VERSION, EXPORT_PRESETS, type ExportPreset } from '../../shared/exports/columns';
import { FORMAT_RULES, headerText, rowEncoder } from '../../shared/exports/format';
import { exportFileName, resolvePeriod, type ResolvedPeriod } from '../../shared/exports/period';
import type { Handler, HandlerContext } from '../core/context';
import { localDate } from './agenda';

/**
 * Reports to the Comune (issue 8). Coordinators and administrators only: the contract gives
 * every exports.* call the role `coordinatore`, so the dispatcher refuses an operatore before
 * anything runs. What leaves is pseudonymous codes and counts (db/queries/exports.ts).
 */

/**
 * Characters per write: small enough that the text being built stays in the processor's
 * cache (measured: 2,000-row writes took a fifth longer over 200,000 rows), large enough to
 * keep writes few.
 */
const CHUNK_CHARS = 32 * 1024;
const CSV_MIME = 'text/csv; charset=utf-8';

interface Plan {
  period: ResolvedPeriod;
  scope: ExportScope;
  scopeText: string;
  fileName: string;
}

function scopeText(db: Db, input: ExportRequest): string {
  if (input.areaIds.length === 0 && input.buildingIds.length === 0) return 'Tutti i caseggiati';
  const parts: string[] = [];
  if (input.areaIds.length > 0) {
    const names = allRows<{ name: string }>(
      db.raw,
      'SELECT a.name FROM json_each(?) j JOIN areas a ON a.id = j.value ORDER BY a.name COLLATE NOCASE',
      [JSON.stringify(input.areaIds)],
    ).map((r) => r.name);
    parts.push(`${names.length === 1 ? 'zona' : 'zone'} ${names.join(', ')}`);
  }
  if (input.buildingIds.length > 0) {
    const codes = allRows<{ code: string }>(
      db.raw,
      `SELECT ${BUILDING_CODE_SQL('b')} AS code FROM json_each(?) j JOIN buildings b ON b.id = j.value ORDER BY 1`,
      [JSON.stringify(input.buildingIds)],
    ).map((r) => r.code);
    parts.push(`${codes.length === 1 ? 'caseggiato' : 'caseggiati'} ${codes.join(', ')}`);
  }
  const text = parts.join(' e ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plan(db: Db, input: ExportRequest): Plan {
  const period = resolvePeriod(input.period);
  const scope: ExportScope = {
    from: period.from,
    to: period.to,
    buildingIds: resolveBuildings(db, input.areaIds, input.buildingIds),
  };
  return {
    period,
    scope,
    scopeText: scopeText(db, input),
    fileName: exportFileName(input.preset, period, getCooperative(db).name),
  };
}

const ALWAYS_EXCLUDED = [
  'Nomi, codici fiscali, telefoni, date di nascita e indirizzi dei residenti: mai esportati; ogni nucleo compare solo con il suo codice pseudonimo (N-000123).',
  'Nomi degli operatori: sostituiti da un codice (OP-007) che non dice chi è.',
];

function excludedFor(db: Db, preset: ExportPreset, scope: ExportScope): string[] {
  switch (preset) {
    case 'interventi': {
      const confidential = countConfidentialInterventions(db, scope);
      return [
        ...ALWAYS_EXCLUDED,
        'Note ed esiti degli interventi: non esportati, perché possono contenere dati personali o sanitari.',
        confidential > 0
          ? `${confidential} interventi riservati: inclusi solo con data, tipo, temi e durata, come gli altri; nulla del loro contenuto.`
          : 'Nessun intervento riservato nel periodo.',
      ];
    }
    case 'riepilogo_mensile':
      return [
        ...ALWAYS_EXCLUDED,
        'Solo conteggi e somme per caseggiato e mese: nessun nucleo è riconoscibile.',
        'Fragilità dei componenti, note e contenuto degli interventi: non esportati.',
      ];
    case 'morosita': {
      const { withoutHousehold } = countArrears(db, scope);
      return [
        ...ALWAYS_EXCLUDED,
        'Cause di morosità incolpevole, ISEE, note dei piani e dei pagamenti: non esportati; resta solo l’indicazione «potenzialmente eleggibile».',
        withoutHousehold > 0
          ? `${withoutHousehold} righe di estratto di alloggi senza un nucleo abbinato: escluse, perché non c’è un nucleo a cui riferirle.`
          : 'Tutte le righe di estratto del periodo hanno un nucleo abbinato.',
      ];
    }
    case 'attivita':
      return [
        ...ALWAYS_EXCLUDED,
        'Titoli, descrizioni, luoghi ed esiti delle attività, nomi dei gruppi e dei partecipanti esterni: non esportati (possono contenere nomi); gli esterni sono solo contati.',
      ];
  }
}

function countRows(db: Db, preset: ExportPreset, scope: ExportScope): number {
  switch (preset) {
    case 'interventi':
      return countInterventions(db, scope);
    case 'riepilogo_mensile':
      return countSummary(db, scope);
    case 'morosita':
      return countArrears(db, scope).rows;
    case 'attivita':
      return countActivities(db, scope);
  }
}

export const preview: Handler<'exports.preview'> = (input, ctx) => {
  const { db } = ctx;
  const p = plan(db, input);
  const counts = EXPORT_PRESETS.map((preset) => ({ preset, rows: countRows(db, preset, p.scope) }));
  const rules = FORMAT_RULES[input.format];
  return {
    preset: input.preset,
    format: input.format,
    period: { from: p.period.from, to: p.period.to, label: p.period.label, token: p.period.token },
    fileName: p.fileName,
    rows: counts.find((c) => c.preset === input.preset)?.rows ?? 0,
    counts,
    columns: presetHeaders(db, input.preset).map((c) => (rules.italianHeaders ? c.header : c.key)),
    scope: p.scopeText,
    excluded: excludedFor(db, input.preset, p.scope),
  };
};

/** Writes the file in chunks; answers the rows written. */
function writeFile(db: Db, input: ExportRequest, p: Plan, file: string, today: string): number {
  const rules = FORMAT_RULES[input.format];
  const source = exportSource(db, input.preset, p.scope, today);
  const rows = source.rows[Symbol.iterator]();
  const fd = fs.openSync(file, 'w', 0o600);
  let count = 0;
  try {
    fs.writeSync(fd, headerText(source.columns, rules), null, 'utf8');
    const line = rowEncoder(source.columns, rules, source.decoders);
    let text = '';
    let pending = 0;
    for (let next = rows.next(); next.done !== true; next = rows.next()) {
      text += line(next.value);
      pending++;
      if (text.length >= CHUNK_CHARS) {
        fs.writeSync(fd, text, null, 'utf8');
        count += pending;
        text = '';
        pending = 0;
      }
    }
    if (pending > 0) fs.writeSync(fd, text, null, 'utf8');
    count += pending;
  } finally {
    // Closes the SQLite cursor too when writing stopped half-way.
    rows.return?.();
    fs.closeSync(fd);
  }
  return count;
}

export const create: Handler<'exports.create'> = async (input, ctx) => {
  const { db, operator } = ctx;
  const p = plan(db, input);
  const now = ctx.now();
  const reserved = ctx.outbox.create(operator.id, p.fileName, CSV_MIME);
  try {
    const rows = writeFile(db, input, p, reserved.path, localDate(now));
    const file = await ctx.outbox.finish(reserved.id);
    const registerId = transaction(ctx.db, () => {
      const id = runSql(
        ctx.db.raw,
        `INSERT INTO export_register (created_at, operator_id, preset, format, period_kind, period_from, period_to,
                                      period_label, filters, scope, layout_version, rows, bytes, file_name, sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          now,
          operator.id,
          input.preset,
          input.format,
          input.period.kind,
          p.period.from,
          p.period.to,
          p.period.label,
          JSON.stringify({ areaIds: input.areaIds, buildingIds: input.buildingIds }),
          p.scopeText,
          EXPORT_LAYOUT_VERSION,
          rows,
          file.bytes,
          file.fileName,
          file.sha256,
        ],
      );
      appendAudit(ctx.db.raw, {
        operatorId: operator.id,
        action: 'exports.create',
        recordType: 'export_register',
        recordId: id,
        at: now,
      });
      return id;
    });
    return { file, rows, registerId } satisfies CallOutput<'exports.create'>;
  } catch (error) {
    ctx.outbox.discard(reserved.id);
    throw error;
  }
};

interface RegisterDbRow {
  id: number;
  created_at: string;
  operator_name: string;
  preset: ExportPreset;
  format: 'excel' | 'tecnico';
  period_from: string;
  period_to: string;
  period_label: string;
  scope: string;
  rows: number;
  bytes: number;
  file_name: string;
  sha256: string;
}

export const register: Handler<'exports.register'> = (input, ctx: HandlerContext) => {
  const { db } = ctx;
  const total = firstRow<{ n: number }>(db.raw, 'SELECT count(*) AS n FROM export_register')?.n ?? 0;
  const rows = allRows<RegisterDbRow>(
    db.raw,
    `SELECT e.id, e.created_at, o.full_name AS operator_name, e.preset, e.format, e.period_from, e.period_to,
            e.period_label, e.scope, e.rows, e.bytes, e.file_name, e.sha256
       FROM export_register e JOIN operators o ON o.id = e.operator_id
      ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`,
    [input.pageSize, input.page * input.pageSize],
  );
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      operatorName: r.operator_name,
      preset: r.preset,
      format: r.format,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      periodLabel: r.period_label,
      scope: r.scope,
      rows: r.rows,
      bytes: r.bytes,
      fileName: r.file_name,
      sha256: r.sha256,
    })),
  };
};
