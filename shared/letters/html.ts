/**
 * A tiny HTML builder for printed letters, free of the DOM so both shells and the tests
 * run it. Strings given as children or attribute values are always escaped; only markup
 * made by `el` itself (an `Html` value) passes through, so a resident called `<b>x</b>`
 * prints those characters literally. Tags and attribute names come from fixed lists.
 */
const MARKUP = Symbol('markup');

export interface Html {
  readonly [MARKUP]: string;
}

export type Child = string | Html | null | undefined | false | readonly Child[];

type Tag =
  | 'article'
  | 'section'
  | 'header'
  | 'footer'
  | 'div'
  | 'p'
  | 'span'
  | 'bdi'
  | 'strong'
  | 'em'
  | 'u'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'ul'
  | 'ol'
  | 'li'
  | 'br'
  | 'img';

type AttrName = 'class' | 'src' | 'alt' | 'start' | 'dir' | 'lang';
type Attrs = Partial<Record<AttrName, string | number | undefined>>;

const VOID = new Set<Tag>(['br', 'img']);

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function markup(text: string): Html {
  return { [MARKUP]: text };
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && MARKUP in value;
}

function childText(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return escapeHtml(child);
  if (isHtml(child)) return child[MARKUP];
  return child.map(childText).join('');
}

/** An element; every string inside is escaped. */
export function el(tag: Tag, attrs: Attrs | null, ...children: Child[]): Html {
  const entries = Object.entries(attrs ?? {}) as [AttrName, string | number | undefined][];
  const attrText = entries
    .flatMap(([k, v]) => (v === undefined ? [] : [` ${k}="${escapeHtml(String(v))}"`]))
    .join('');
  if (VOID.has(tag)) return markup(`<${tag}${attrText}>`);
  return markup(`<${tag}${attrText}>${childText(children)}</${tag}>`);
}

/** Several nodes side by side. */
export function fragment(...children: Child[]): Html {
  return markup(childText(children));
}

/** The markup as a string (what is printed and hashed). */
export function toHtml(node: Html): string {
  return node[MARKUP];
}

/**
 * A complete document around `body`, with a fixed style sheet. The style is a constant of
 * the renderer, never data; `css` must not come from user input.
 */
export function htmlDocument(title: string, css: string, body: Html): string {
  return (
    '<!doctype html><html lang="it"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title><style>${css.replace(/<\//g, '<\\/')}</style></head>` +
    `<body>${body[MARKUP]}</body></html>`
  );
}
