/** The column tables of docs/export-formats.md, made from the same definitions as the files. */
import { COLUMN_KIND_LABELS, type ExportColumn } from './columns';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\t/g, ' ');

/** A Markdown table: column (both headers), type, meaning, example. */
export function columnTable(columns: readonly ExportColumn[]): string {
  const lines = [
    '| colonna (Excel) | colonna (tecnico) | tipo | significato | esempio (Excel) |',
    '|---|---|---|---|---|',
    ...columns.map(
      (c) =>
        `| ${cell(c.header)} | \`${c.key}\` | ${cell(COLUMN_KIND_LABELS[c.kind])} | ${cell(c.meaning)} | ${cell(c.example)} |`,
    ),
  ];
  return lines.join('\n');
}
