import { describe, expect, it } from 'vitest';
import { bodyTexts, doc, h, letterBodySchema, p, ul } from '../../shared/letters/body';
import { checkLogo } from '../../shared/letters/logo';
import {
  PLACEHOLDERS,
  placeholderKeys,
  placeholdersProblem,
  splitPlaceholders,
} from '../../shared/letters/placeholders';
import {
  LETTER_CSS,
  letterDocument,
  MISSING_VALUE,
  renderLetter,
  type Letterhead,
} from '../../shared/letters/render';

const HEAD: Letterhead = {
  name: 'Cooperativa Esempio',
  address: 'Via Verdi 12, Cremona',
  phone: '0372 123456',
  email: 'info@esempio.it',
  footer: 'Informativa privacy: art. 13 GDPR <vedi sito>',
  logo: null,
};

function letter(
  values: Record<string, string | null>,
  name: string | null = values['destinatario.nome'] ?? null,
) {
  return renderLetter(HEAD, {
    protocol: '2026/000001',
    date: '02/12/2026',
    subject: 'Avviso per {{destinatario.nome}}',
    body: doc(p('{{destinatario.saluto}} {{destinatario.nome}},'), p('Alloggio: {{alloggio.interno}}.')),
    values,
    recipient: { name, lines: ['Via Roma 1', 'Scala A, piano 2, int. 5', 'Cremona'] },
  });
}

describe('placeholders', () => {
  it('splits text into literal parts and placeholders, spaces inside the braces allowed', () => {
    expect(splitPlaceholders('Gentile {{ destinatario.nome }}, il {{data.oggi}}.')).toEqual([
      { text: 'Gentile ' },
      { key: 'destinatario.nome' },
      { text: ', il ' },
      { key: 'data.oggi' },
      { text: '.' },
    ]);
    expect(placeholderKeys('{{a.b}} e {{a.b}} e {{c}}')).toEqual(['a.b', 'c']);
    expect(splitPlaceholders('nessun segnaposto')).toEqual([{ text: 'nessun segnaposto' }]);
  });

  it('accepts every placeholder of the menu', () => {
    const text = PLACEHOLDERS.map((d) => `{{${d.key}}}`).join(' ');
    expect(placeholdersProblem([text])).toBeNull();
  });

  it('refuses an unknown placeholder naming it, in Italian', () => {
    const message = placeholdersProblem(['Gentile {{destinatario.nome}}, {{cognome.sbagliato}}']);
    expect(message).toContain('{{cognome.sbagliato}}');
    expect(message).toMatch(/^Segnaposto sconosciuto/);
    expect(message).not.toContain('destinatario.nome');
    const two = placeholdersProblem(['{{x}}', '{{y}} {{x}}']);
    expect(two).toContain('{{x}}, {{y}}');
  });

  it('refuses a placeholder left open', () => {
    expect(placeholdersProblem(['Gentile {{destinatario.nome'])).toContain('non è chiuso');
    expect(placeholdersProblem(['Gentile destinatario}}'])).toContain('non è chiuso');
  });
});

describe('template body', () => {
  it('accepts headings, bold, lists and line breaks, and lists its texts', () => {
    const body = doc(h('Titolo'), p('Testo ', { b: 'grassetto' }, { br: true }, 'a capo'), ul('uno', 'due'));
    expect(letterBodySchema.parse(body)).toEqual(body);
    expect(bodyTexts(body)).toEqual(['Titolo', 'Testo ', 'grassetto', 'a capo', 'uno', 'due']);
  });

  it('refuses HTML-like nodes, links and images', () => {
    const withImage = { type: 'doc', content: [{ type: 'image', attrs: { src: 'http://x/y.png' } }] };
    expect(letterBodySchema.safeParse(withImage).success).toBe(false);
    const withLink = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link' }] }] }],
    };
    expect(letterBodySchema.safeParse(withLink).success).toBe(false);
    expect(letterBodySchema.safeParse({ type: 'doc', content: [] }).success).toBe(false);
  });
});

describe('renderLetter escaping', () => {
  it('prints markup in a name literally', () => {
    const out = letter({
      'destinatario.nome': '<b>x</b>',
      'destinatario.saluto': 'Gentile',
      'alloggio.interno': '5',
    });
    expect(out.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(out.html).not.toContain('<b>');
    expect(out.missing).toEqual([]);
  });

  it('never reads placeholders inside values', () => {
    const out = letter({
      'destinatario.nome': '{{alloggio.interno}} {{data}}',
      'destinatario.saluto': 'Gentile',
      'alloggio.interno': 'SEGRETO',
    });
    expect(out.html).toContain('{{alloggio.interno}} {{data}}');
    // The value of alloggio.interno appears only where the template asks for it.
    expect(out.html.split('SEGRETO')).toHaveLength(2);
  });

  it('keeps very long names whole', () => {
    const long = `${'Ab'.repeat(300)} Lunghissimo`;
    const out = letter({
      'destinatario.nome': long,
      'destinatario.saluto': 'Gentile',
      'alloggio.interno': '5',
    });
    expect(out.html.split(long).length - 1).toBe(3); // window, subject, greeting
    expect(LETTER_CSS).toContain('overflow-wrap: anywhere');
  });

  it('keeps Arabic and Romanian names exactly, isolated for direction', () => {
    for (const name of ['محمد عبد الله', 'Ștefan Țăranu-Mureșan', 'Ioana Bălănescu']) {
      const out = letter({
        'destinatario.nome': name,
        'destinatario.saluto': 'Gentile',
        'alloggio.interno': '5',
      });
      expect(out.html).toContain(`<bdi>${name}</bdi>`);
      expect(out.html).toContain(`<bdi class="to">${name}</bdi>`);
    }
  });

  it('marks empty fields as not available instead of leaving a hole', () => {
    const out = letter({
      'destinatario.nome': 'Maria Rossi',
      'destinatario.saluto': 'Gentile',
      'alloggio.interno': '  ',
    });
    expect(out.missing).toEqual(['alloggio.interno']);
    expect(out.html).toContain(`Alloggio: <span class="missing">${MISSING_VALUE}</span>.`);
    const noName = letter({ 'destinatario.saluto': 'Gentile', 'alloggio.interno': '5' }, null);
    expect(noName.missing).toContain('destinatario.nome');
    expect(noName.html).toContain(`<bdi class="to">${MISSING_VALUE}</bdi>`);
  });

  it('escapes the letterhead too, and puts the logo in the style sheet only when it is base64', () => {
    const out = letter({
      'destinatario.nome': 'A B',
      'destinatario.saluto': 'Gentile',
      'alloggio.interno': '5',
    });
    expect(out.html).toContain('&lt;vedi sito&gt;');
    const good = letterDocument('t', { ...HEAD, logo: { mime: 'image/png', base64: 'iVBORw0KGgo=' } }, [out]);
    expect(good).toContain('url("data:image/png;base64,iVBORw0KGgo=")');
    const bad = letterDocument(
      't',
      { ...HEAD, logo: { mime: 'image/png', base64: '");}</style><script>' } },
      [out],
    );
    expect(bad).not.toContain('<script>');
    expect(bad).not.toContain('background-image');
  });

  it('separates letters with a page break in one A4 document', () => {
    const a = letter({
      'destinatario.nome': 'A B',
      'destinatario.saluto': 'Gentile',
      'alloggio.interno': '5',
    });
    const html = letterDocument('Lettere', HEAD, [a, a]);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('.letter + .letter { break-before: page; }');
    expect(html.split('<article class="letter">')).toHaveLength(3);
  });
});

describe('logo check', () => {
  function png(width: number, height: number): Uint8Array {
    const b = new Uint8Array(64);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, width);
    new DataView(b.buffer).setUint32(20, height);
    return b;
  }
  function jpeg(width: number, height: number): Uint8Array {
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height and width.
    const b = new Uint8Array(40);
    b.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    b.set([0xff, 0xc0, 0x00, 0x11, 0x08], 20);
    new DataView(b.buffer).setUint16(25, height);
    new DataView(b.buffer).setUint16(27, width);
    return b;
  }

  it('reads the type and size from the bytes', () => {
    expect(checkLogo(png(400, 120))).toEqual({ ok: true, mime: 'image/png', width: 400, height: 120 });
    expect(checkLogo(jpeg(300, 90))).toEqual({ ok: true, mime: 'image/jpeg', width: 300, height: 90 });
  });

  it('refuses other files, wrong sizes and heavy images', () => {
    const gif = new TextEncoder().encode('GIF89a-------------------------');
    expect(checkLogo(gif)).toMatchObject({ ok: false, message: 'Logo: scegliere un’immagine PNG o JPEG.' });
    expect(checkLogo(png(5000, 100))).toMatchObject({ ok: false });
    expect(checkLogo(png(8, 8))).toMatchObject({ ok: false });
    const heavy = new Uint8Array(600 * 1024);
    heavy.set(png(100, 100));
    expect(checkLogo(heavy)).toMatchObject({
      ok: false,
      message: expect.stringContaining('512 KB') as string,
    });
  });
});
