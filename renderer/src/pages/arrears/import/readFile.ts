import { MAX_STATEMENT_BYTES } from '../../../../../shared/arrears/statement';
import { formatBytes } from './format';

/** The file as chosen by the user and read, ready for arrears.previewImport. */
export interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

/** Why a file cannot be sent at all (Italian), or null. Checked before reading it. */
export function fileProblem(file: File): string | null {
  if (file.size > MAX_STATEMENT_BYTES) {
    return (
      `Il file «${file.name}» è troppo grande (${formatBytes(file.size)}): il limite è di ` +
      `${formatBytes(MAX_STATEMENT_BYTES)}. Esportare dall’ente solo il periodo che serve, oppure dividere il file in più parti.`
    );
  }
  if (file.size === 0) return `Il file «${file.name}» è vuoto: esportare di nuovo l’estratto.`;
  return null;
}

/** The file's bytes as base64 (without the `data:` prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

export const READ_FAILED =
  'Non è stato possibile leggere il file dal disco: forse è aperto in un altro programma o è stato spostato. Chiuderlo e sceglierlo di nuovo.';
