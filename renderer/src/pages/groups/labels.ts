import type { Group } from '../../../../shared/contract';

export const GROUP_STATUS_LABELS: Record<Group['status'], string> = {
  attivo: 'Attivo',
  sospeso: 'Sospeso',
  concluso: 'Concluso',
};
