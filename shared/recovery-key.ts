/**
 * Recovery keys are 160 random bits written as 32 Crockford base-32
 * characters in groups of four: no I, L, O or U, so they are easy to copy by
 * hand and to read back over the phone.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_BYTES = 20;

export function formatRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new Error('recovery key must be 20 bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return groupsOfFour(out);
}

/** Normalises what a person typed: case, spaces, dashes and look-alike letters. */
export function normaliseRecoveryKey(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-Z]{32}$/.test(cleaned) || /[ILOU]/.test(cleaned)) return null;
  return groupsOfFour(cleaned);
}

function groupsOfFour(text: string): string {
  return (text.match(/.{4}/g) ?? []).join('-');
}
