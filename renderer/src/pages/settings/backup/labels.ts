import type { BackupCounts, BackupItem, BackupKind } from '../../../../../shared/contract';

export const KIND_LABELS: Record<BackupKind, string> = {
  manuale: 'Manuale',
  giornaliero: 'Giornaliero',
  chiusura: 'Alla chiusura',
  'prima-del-ripristino': 'Prima del ripristino',
};

export function kindLabel(item: BackupItem): string {
  return item.kind ? KIND_LABELS[item.kind] : 'Sconosciuto';
}

/** `12,3 MB` */
export function sizeLabel(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`;
}

const int = (n: number) => n.toLocaleString('it-IT');

/** The counts a restore shows, as Italian lines. */
export function countLines(counts: BackupCounts): string[] {
  return [
    `${int(counts.households)} nuclei (${int(counts.members)} persone) in ${int(counts.buildings)} caseggiati`,
    `${int(counts.interventions)} interventi`,
    `${int(counts.arrearsStatements)} righe di estratti di morosità`,
    `${int(counts.activities)} attività, ${int(counts.meetings)} riunioni d’équipe`,
    ...(counts.letters === null ? [] : [`${int(counts.letters)} lettere`]),
    `${int(counts.operators)} operatori`,
  ];
}
