import { PASSWORD_MIN_LENGTH } from './contract/common';

export interface PasswordStrength {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
}

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  '123456',
  '12345678',
  '123456789',
  'abc123',
  'iloveyou',
  'admin',
  'cortile',
  'amministratore',
  'cooperativa',
  'ciao',
  'welcome',
  'letmein',
];

const LABELS = ['Molto debole', 'Debole', 'Discreta', 'Buona', 'Ottima'] as const;

/**
 * A quick, explainable strength estimate for the hint under a password field.
 * The only hard rule (enforced by the contract) is the minimum length; this
 * steers people towards long passphrases and away from obvious patterns.
 */
export function passwordStrength(password: string): PasswordStrength {
  const lower = password.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const unique = new Set(password).size;
  let points = 0;
  if (password.length >= PASSWORD_MIN_LENGTH) points += 1;
  if (password.length >= 16) points += 1;
  if (password.length >= 20) points += 1;
  if (classes >= 3) points += 1;
  if (/\s/.test(password.trim()) && password.length >= 16) points += 1;
  let hint = 'Una frase di quattro o più parole è facile da ricordare e difficile da indovinare.';
  if (COMMON.some((w) => lower.includes(w))) {
    points -= 2;
    hint = 'Contiene una parola molto comune: sceglierne una meno prevedibile.';
  }
  if (unique <= 3 || /(.)\1{3,}/.test(password) || /(0123|1234|2345|3456|4567|5678|6789|abcd)/.test(lower)) {
    points -= 2;
    hint = 'Evitare caratteri ripetuti e sequenze come 1234 o abcd.';
  }
  if (password.length < PASSWORD_MIN_LENGTH) {
    points = Math.min(points, 0);
    hint = `Servono almeno ${PASSWORD_MIN_LENGTH} caratteri (ora ${password.length}).`;
  }
  const score = Math.max(0, Math.min(4, points)) as PasswordStrength['score'];
  return { score, label: LABELS[score], hint };
}
