/**
 * Checks a letterhead logo by its bytes, not its name: a PNG or a JPEG (magic bytes), at
 * most 512 KB, between 16 and 3000 pixels a side. Returns its type and size, or an Italian
 * message saying what to fix.
 */
export const LOGO_MAX_BYTES = 512 * 1024;
const MIN_SIDE = 16;
const MAX_SIDE = 3000;

export type LogoCheck =
  | { ok: true; mime: 'image/png' | 'image/jpeg'; width: number; height: number }
  | { ok: false; message: string };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The byte at `at`, 0 past the end (the callers check lengths first). */
function byte(b: Uint8Array, at: number): number {
  return b[at] ?? 0;
}
function u16(b: Uint8Array, at: number): number {
  return (byte(b, at) << 8) | byte(b, at + 1);
}
function u32(b: Uint8Array, at: number): number {
  return ((byte(b, at) << 24) >>> 0) + (byte(b, at + 1) << 16) + (byte(b, at + 2) << 8) + byte(b, at + 3);
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || !PNG_MAGIC.every((v, i) => b[i] === v)) return null;
  // The first chunk must be IHDR: width and height are its first two fields.
  if (String.fromCharCode(byte(b, 12), byte(b, 13), byte(b, 14), byte(b, 15)) !== 'IHDR') return null;
  return { width: u32(b, 16), height: u32(b, 20) };
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = byte(b, at + 1);
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = u16(b, at + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16(b, at + 5), width: u16(b, at + 7) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length > LOGO_MAX_BYTES)
    return { ok: false, message: 'Logo: l’immagine supera 512 KB; sceglierne una più leggera.' };
  const png = pngSize(bytes);
  const jpeg = png ? null : jpegSize(bytes);
  const size = png ?? jpeg;
  if (!size) return { ok: false, message: 'Logo: scegliere un’immagine PNG o JPEG.' };
  if (size.width < MIN_SIDE || size.height < MIN_SIDE || size.width > MAX_SIDE || size.height > MAX_SIDE) {
    return {
      ok: false,
      message: `Logo: l’immagine è di ${size.width}×${size.height} pixel; servono da ${MIN_SIDE} a ${MAX_SIDE} pixel per lato.`,
    };
  }
  return { ok: true, mime: png ? 'image/png' : 'image/jpeg', ...size };
}
