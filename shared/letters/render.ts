import type { Block, Inline, LetterBody } from './body';
import { el, fragment, htmlDocument, toHtml, type Child, type Html } from './html';
import { splitPlaceholders } from './placeholders';

/**
 * The one function that turns a template and a household's values into the HTML of a
 * letter, for the on-screen preview, the PDF and the SHA-256 in the register. Values are
 * text: they go through the escaping builder and are never read again for placeholders.
 */

/** Printed in place of a value the registry does not have (when the household is kept). */
export const MISSING_VALUE = 'dato non disponibile';

export interface Letterhead {
  name: string;
  address: string;
  phone: string;
  email: string;
  footer: string;
  /** A PNG or JPEG already checked by the server; base64 of its bytes. */
  logo: { mime: 'image/png' | 'image/jpeg'; base64: string } | null;
}

export interface LetterInput {
  protocol: string;
  /** `dd/mm/yyyy`. */
  date: string;
  subject: string;
  body: LetterBody;
  /** Placeholder values by key; null or '' means the registry has no value. */
  values: Readonly<Record<string, string | null | undefined>>;
  /** The window-envelope block: the recipient's name and the lines of the address. */
  recipient: { name: string | null; lines: readonly string[] };
}

export interface RenderedLetter {
  /** The letter's own markup (one `<article>`), what the register hashes. */
  html: string;
  node: Html;
  /** The placeholder keys that had no value, printed as MISSING_VALUE. */
  missing: string[];
}

function fill(text: string, values: LetterInput['values'], missing: Set<string>): Child[] {
  return splitPlaceholders(text).map((segment) => {
    if ('text' in segment) return segment.text;
    const value = values[segment.key];
    if (value === null || value === undefined || value.trim() === '') {
      missing.add(segment.key);
      return el('span', { class: 'missing' }, MISSING_VALUE);
    }
    // <bdi>: an Arabic name inside an Italian sentence keeps its own direction.
    return el('bdi', null, value);
  });
}

function inlineNodes(
  items: Inline[] | undefined,
  values: LetterInput['values'],
  missing: Set<string>,
): Child[] {
  return (items ?? []).map((item) => {
    if (item.type === 'hardBreak') return el('br', null);
    let node: Child = fill(item.text, values, missing);
    for (const mark of item.marks ?? []) {
      node = el(mark.type === 'bold' ? 'strong' : mark.type === 'italic' ? 'em' : 'u', null, node);
    }
    return node;
  });
}

function blockNode(block: Block, values: LetterInput['values'], missing: Set<string>): Html {
  switch (block.type) {
    case 'paragraph':
      return el('p', null, inlineNodes(block.content, values, missing));
    case 'heading':
      return el(block.attrs.level === 2 ? 'h2' : 'h3', null, inlineNodes(block.content, values, missing));
    case 'bulletList':
    case 'orderedList': {
      const items = block.content.map((li) =>
        el(
          'li',
          null,
          li.content.map((b) => blockNode(b, values, missing)),
        ),
      );
      return block.type === 'bulletList'
        ? el('ul', null, items)
        : el('ol', { start: block.attrs?.start }, items);
    }
  }
}

function letterheadNode(head: Letterhead): Html {
  const contacts = [head.address, head.phone && `Tel. ${head.phone}`, head.email].filter(Boolean).join(' · ');
  return el(
    'header',
    { class: 'letterhead' },
    // The image itself is in the document's style sheet, once (see letterDocument).
    head.logo ? el('div', { class: 'logo' }) : null,
    el('div', { class: 'coop' }, el('strong', null, head.name), el('br', null), contacts),
  );
}

/** One letter: letterhead, the address for the envelope window, protocol and date, subject, text. */
export function renderLetter(head: Letterhead, input: LetterInput): RenderedLetter {
  const missing = new Set<string>();
  const name = input.recipient.name?.trim() ? input.recipient.name : null;
  if (!name) missing.add('destinatario.nome');
  const article = el(
    'article',
    { class: 'letter' },
    letterheadNode(head),
    el(
      'div',
      { class: 'window' },
      el('bdi', { class: 'to' }, name ?? MISSING_VALUE),
      input.recipient.lines.map((l) => [el('br', null), el('bdi', null, l)]),
    ),
    el('p', { class: 'meta' }, `Protocollo n. ${input.protocol} · ${input.date}`),
    el('h1', { class: 'subject' }, 'Oggetto: ', fill(input.subject, input.values, missing)),
    el(
      'div',
      { class: 'text' },
      input.body.content.map((b) => blockNode(b, input.values, missing)),
    ),
    head.footer ? el('footer', { class: 'foot' }, head.footer) : null,
  );
  return { html: toHtml(article), node: article, missing: [...missing] };
}

/**
 * Print CSS: A4, a page break between letters, and the address block where an Italian DL
 * window envelope shows it (about 110 mm from the left edge, 45–50 mm from the top).
 */
export const LETTER_CSS = `
@page { size: A4; margin: 18mm 20mm 20mm 25mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Serif", "Noto Serif", Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.4; color: #000; }
.letter { position: relative; overflow-wrap: anywhere; }
.letter + .letter { break-before: page; }
.letterhead { height: 20mm; display: flex; align-items: flex-start; gap: 4mm; font-size: 9pt; line-height: 1.3; }
.letterhead .logo { flex: 0 0 40mm; height: 18mm; background: no-repeat left top / contain; }
.letterhead .coop strong { font-size: 11pt; }
.window { margin: 9mm 0 0 85mm; width: 75mm; min-height: 30mm; font-size: 11pt; line-height: 1.35; }
.window .to { font-weight: bold; }
.meta { margin: 8mm 0 4mm; font-size: 10pt; }
.subject { font-size: 11pt; font-weight: bold; margin: 0 0 4mm; }
.text h2 { font-size: 12pt; margin: 4mm 0 2mm; }
.text h3 { font-size: 11pt; margin: 3mm 0 1.5mm; }
.text p { margin: 0 0 2.5mm; }
.text ul, .text ol { margin: 0 0 2.5mm; padding-left: 7mm; }
.missing { font-style: italic; }
.foot { margin-top: 8mm; padding-top: 2mm; border-top: 0.3mm solid #888; font-size: 8pt; color: #333; }
@media screen {
  body { background: #eee; padding: 8px; }
  .letter { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto 8px; padding: 18mm 20mm 20mm 25mm; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
}
`;

/** A complete printable document holding the given letters (each from renderLetter). */
export function letterDocument(title: string, head: Letterhead, letters: readonly RenderedLetter[]): string {
  let css = LETTER_CSS;
  // base64 is [A-Za-z0-9+/=] only; anything else is not put in the style sheet.
  if (head.logo && /^[A-Za-z0-9+/]*={0,2}$/.test(head.logo.base64)) {
    css += `.letterhead .logo { background-image: url("data:${head.logo.mime};base64,${head.logo.base64}"); }`;
  }
  return htmlDocument(title, css, fragment(letters.map((l) => l.node)));
}
