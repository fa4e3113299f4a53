import { z } from 'zod';

/**
 * A template body is the editor's (TipTap/ProseMirror) JSON, restricted to what a letter
 * needs: paragraphs, headings (levels 2–3), bullet and numbered lists, bold, italic,
 * underline and line breaks. Never HTML: the renderer builds the HTML and escapes every text.
 * Unknown attributes are dropped; unknown node or mark types are refused.
 */
export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'underline' };
export type Inline = { type: 'text'; text: string; marks?: Mark[] } | { type: 'hardBreak' };
export type Paragraph = { type: 'paragraph'; content?: Inline[] };
export type Heading = { type: 'heading'; attrs: { level: 2 | 3 }; content?: Inline[] };
export type ListItem = { type: 'listItem'; content: Block[] };
export type BulletList = { type: 'bulletList'; content: ListItem[] };
export type OrderedList = { type: 'orderedList'; attrs?: { start?: number }; content: ListItem[] };
export type Block = Paragraph | Heading | BulletList | OrderedList;
export interface LetterBody {
  type: 'doc';
  content: Block[];
}

const MESSAGE =
  'Il testo della lettera contiene elementi non ammessi: usare solo titoli, grassetto, corsivo ed elenchi.';

const markSchema = z.object({ type: z.enum(['bold', 'italic', 'underline'], { message: MESSAGE }) });
const inlineSchema: z.ZodType<Inline> = z.union(
  [
    z.object({
      type: z.literal('text'),
      text: z.string().min(1).max(4000, 'Un paragrafo può avere al massimo 4000 caratteri.'),
      marks: z.array(markSchema).max(3).optional(),
    }),
    z.object({ type: z.literal('hardBreak') }),
  ],
  { message: MESSAGE },
);
const inlines = z.array(inlineSchema).max(500).optional();

const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.union(
    [
      z.object({ type: z.literal('paragraph'), content: inlines }),
      z.object({
        type: z.literal('heading'),
        attrs: z.object({ level: z.union([z.literal(2), z.literal(3)], { message: MESSAGE }) }),
        content: inlines,
      }),
      z.object({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1).max(100) }),
      z.object({
        type: z.literal('orderedList'),
        attrs: z.object({ start: z.number().int().min(1).max(999).optional() }).optional(),
        content: z.array(listItemSchema).min(1).max(100),
      }),
    ],
    { message: MESSAGE },
  ),
);
const listItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z.object({ type: z.literal('listItem'), content: z.array(blockSchema).min(1).max(20) }),
);

export const letterBodySchema: z.ZodType<LetterBody> = z.object(
  {
    type: z.literal('doc'),
    content: z
      .array(blockSchema)
      .min(1, 'Scrivere il testo della lettera.')
      .max(300, 'Il testo della lettera è troppo lungo.'),
  },
  { message: MESSAGE },
);

/** Every text of the body, in order (for placeholder checks). */
export function bodyTexts(body: LetterBody): string[] {
  const out: string[] = [];
  const inline = (items: Inline[] | undefined) => {
    for (const item of items ?? []) if (item.type === 'text') out.push(item.text);
  };
  const block = (b: Block): void => {
    if (b.type === 'paragraph' || b.type === 'heading') inline(b.content);
    else for (const li of b.content) li.content.forEach(block);
  };
  body.content.forEach(block);
  return out;
}

/** True when the body holds no text at all. */
export function bodyIsEmpty(body: LetterBody): boolean {
  return bodyTexts(body).every((t) => t.trim() === '');
}

// ---------- small builders, for the built-in templates and the tests ----------

type Run = string | { b: string } | { i: string } | { br: true };

function runs(items: readonly Run[]): Inline[] {
  return items.map((r): Inline => {
    if (typeof r === 'string') return { type: 'text', text: r };
    if ('br' in r) return { type: 'hardBreak' };
    if ('b' in r) return { type: 'text', text: r.b, marks: [{ type: 'bold' }] };
    return { type: 'text', text: r.i, marks: [{ type: 'italic' }] };
  });
}

export const p = (...items: Run[]): Paragraph => ({ type: 'paragraph', content: runs(items) });
export const h = (text: string): Heading => ({ type: 'heading', attrs: { level: 2 }, content: runs([text]) });
export const ul = (...items: (string | Run[])[]): BulletList => ({
  type: 'bulletList',
  content: items.map((it) => ({ type: 'listItem', content: [p(...(typeof it === 'string' ? [it] : it))] })),
});
export const doc = (...content: Block[]): LetterBody => ({ type: 'doc', content });
