import fs from 'node:fs';
import Papa from 'papaparse';
import { formatDate, formatDateTime } from '../../shared/format';
import type { AuditVerifyResult } from '../../shared/contract';
import { appendAudit, verifyAuditChain } from '../../db/audit';
import { anchorHead, anchorPath, readAuditAnchor } from '../../db/audit-anchor';
import type { RawDb } from '../../db/connection';
import {
  auditActions,
  countAudit,
  iterateAudit,
  listAudit,
  type AuditListRow,
} from '../../db/queries/audit-log';
import { transaction } from '../../db/sync';
import type { Handler, HandlerContext } from '../core/context';

export const list: Handler<'audit.list'> = (input, ctx) => {
  const raw = ctx.db.raw;
  return { rows: listAudit(raw, input, input.page, input.pageSize), total: countAudit(raw, input) };
};

export const actions: Handler<'audit.actions'> = (_input, ctx) => ({ actions: auditActions(ctx.db.raw) });

const CSV_HEADER = ['N.', 'Data e ora', 'Operatore', 'Azione', 'Tipo di record', 'Record', 'Nucleo'];

function csvRow(row: AuditListRow): string[] {
  return [
    String(row.id),
    formatDateTime(row.at),
    row.operatorName ?? (row.operatorId === null ? '—' : `#${row.operatorId}`),
    row.action,
    row.recordType ?? '',
    row.recordId ?? '',
    row.householdCode ?? '',
  ];
}

/** The filtered log as CSV (`;`-separated, as Excel in Italian reads it), streamed in blocks. */
export const exportCsv: Handler<'audit.export'> = async (input, ctx) => {
  const { db, operator } = ctx;
  const stamp = new Date().toISOString().slice(0, 10);
  const reserved = ctx.outbox.create(operator.id, `registro-accessi-${stamp}.csv`, 'text/csv');
  let rows = 0;
  try {
    const fd = fs.openSync(reserved.path, 'w');
    try {
      // A BOM so that Excel reads the accents right.
      fs.writeSync(fd, '\ufeff' + Papa.unparse([CSV_HEADER], { delimiter: ';' }) + '\r\n');
      let block: string[][] = [];
      const flush = () => {
        if (block.length === 0) return;
        fs.writeSync(fd, Papa.unparse(block, { delimiter: ';', escapeFormulae: true }) + '\r\n');
        block = [];
      };
      for (const row of iterateAudit(db.raw, input)) {
        block.push(csvRow(row));
        rows += 1;
        if (block.length === 5000) flush();
      }
      flush();
    } finally {
      fs.closeSync(fd);
    }
    transaction(db, () => {
      appendAudit(db.raw, {
        operatorId: operator.id,
        action: 'audit.export',
        recordType: null,
        recordId: null,
      });
    });
  } catch (err) {
    ctx.outbox.discard(reserved.id);
    throw err;
  }
  return { file: await ctx.outbox.finish(reserved.id), rows };
};

/** The newest restore recorded in the log: an anchor older than it speaks of the replaced database. */
function lastRestoreAt(raw: RawDb): string | null {
  const row = raw
    .prepare("SELECT max(at) AS at FROM audit_log WHERE action LIKE 'backup.restore%'")
    .get() as {
    at: string | null;
  };
  return row.at;
}

/** Walks the chain, then compares its head with the anchor kept outside the database. */
export function checkAuditLog(ctx: HandlerContext): AuditVerifyResult {
  const started = performance.now();
  const raw = ctx.db.raw;
  const chain = verifyAuditChain(raw);
  const ms = () => Math.round(performance.now() - started);
  if (!chain.intact) {
    const removed = chain.removedId ?? chain.firstBadId;
    const message =
      chain.reason === 'altered'
        ? `Registro alterato: la voce n. ${chain.firstBadId} è stata modificata.`
        : removed === chain.firstBadId - 1
          ? `Registro alterato: la voce n. ${removed} è stata rimossa.`
          : `Registro alterato: le voci dalla n. ${removed} alla n. ${chain.firstBadId - 1} sono state rimosse.`;
    const firstBadId = chain.reason === 'altered' ? chain.firstBadId : removed;
    return { intact: false, rows: chain.rows, firstBadId, reason: chain.reason, message, ms: ms() };
  }
  const { key } = ctx.vault.requireSession();
  const anchor = readAuditAnchor(anchorPath(ctx.vault.paths.dir), key);
  if (anchor === 'invalid') {
    return {
      intact: false,
      rows: chain.rows,
      firstBadId: null,
      reason: 'anchor_invalid',
      message:
        'La catena delle voci è coerente, ma il file di controllo dell’ultima voce (cortile.audit-head.json) è alterato o illeggibile.',
      ms: ms(),
    };
  }
  const restoredAt = lastRestoreAt(raw);
  if (anchor && (restoredAt === null || restoredAt < anchor.at)) {
    const head = raw.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number | null };
    const headId = head.id ?? 0;
    if (headId < anchor.id) {
      return {
        intact: false,
        rows: chain.rows,
        firstBadId: headId + 1,
        reason: 'missing_after',
        message: `Registro alterato: mancano le voci più recenti, dalla n. ${headId + 1} alla n. ${anchor.id} (presenti il ${formatDate(anchor.at)}).`,
        ms: ms(),
      };
    }
    const atAnchor = raw.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor.id) as {
      hash: string;
    };
    if (atAnchor.hash !== anchor.hash) {
      return {
        intact: false,
        rows: chain.rows,
        firstBadId: anchor.id,
        reason: 'altered',
        message: `Registro alterato: la voce n. ${anchor.id} non è quella registrata il ${formatDate(anchor.at)} (il registro è stato riscritto).`,
        ms: ms(),
      };
    }
  }
  return {
    intact: true,
    rows: chain.rows,
    firstBadId: null,
    reason: null,
    message: `Registro integro: ${chain.rows.toLocaleString('it-IT')} voci verificate.`,
    ms: ms(),
  };
}

export const verify: Handler<'audit.verify'> = (_input, ctx) => {
  const result = checkAuditLog(ctx);
  const { db, operator } = ctx;
  const { key } = ctx.vault.requireSession();
  transaction(db, () => {
    appendAudit(db.raw, {
      operatorId: operator.id,
      action: 'audit.verify',
      recordType: null,
      recordId: null,
    });
    // Only an intact log moves the anchor on; a damaged one keeps pointing at what was there.
    if (result.intact) anchorHead(db.raw, anchorPath(ctx.vault.paths.dir), key, ctx.now());
  });
  return result;
};
