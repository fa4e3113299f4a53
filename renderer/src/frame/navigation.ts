import type { Role } from '../../../shared/contract';

export interface NavEntry {
  path: string;
  label: string;
  /** Who sees the entry; undefined = everyone signed in. */
  role?: Role;
}

/** The pages that exist. An entry appears only for the roles that may use it. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { path: '/', label: 'Home' },
  { path: '/agenda', label: 'Agenda' },
  { path: '/nuclei', label: 'Nuclei' },
  { path: '/caseggiati', label: 'Caseggiati' },
  { path: '/interventi', label: 'Interventi' },
  { path: '/attivita', label: 'Attività' },
  { path: '/gruppi', label: 'Gruppi' },
  { path: '/da-contattare', label: 'Da contattare' },
  { path: '/equipe', label: 'Équipe' },
  { path: '/lettere', label: 'Lettere' },
  { path: '/morosita', label: 'Morosità', role: 'coordinatore' },
  { path: '/esportazioni', label: 'Esportazioni', role: 'coordinatore' },
  { path: '/elenchi', label: 'Elenchi e aree', role: 'coordinatore' },
  { path: '/registro-accessi', label: 'Registro accessi', role: 'coordinatore' },
  { path: '/privacy', label: 'Privacy', role: 'coordinatore' },
  { path: '/operatori', label: 'Operatori', role: 'amministratore' },
  { path: '/impostazioni', label: 'Impostazioni', role: 'amministratore' },
  { path: '/profilo', label: 'Il mio profilo' },
];
