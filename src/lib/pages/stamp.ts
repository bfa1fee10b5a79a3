/**
 * Fill in a page that Astro rendered once with placeholders, for many values. The page shell puts a value in
 * several contexts (text, attributes, a URL in an attribute, JSON), each escaped its own way. A placeholder is made
 * of characters that every one of those escapings changes differently (`"`, `'` and a space), so where it landed
 * in the rendered template tells how the real value must be escaped there. A placeholder in any other context
 * makes {@link compileStamp} throw: the result is never a guess.
 */
import { escapeAttribute, escapeText, jsonLdText } from './html.ts';

/**
 * The placeholder for a field. Its slash tells a whole value encoded as one URL component (`%2F`) from a path encoded
 * segment by segment (`/`).
 */
export const placeholder = (field: string): string => `bcstamp"' /${field}`;

/** How a value appears in each context the shell puts it in, keyed by context. */
const CONTEXTS: Record<string, (value: string) => string> = {
  html: (v) => v,
  text: escapeText,
  attribute: escapeAttribute,
  'url in attribute': (v) => escapeAttribute(encodeURIComponent(v)),
  'path in attribute': (v) => escapeAttribute(v.split('/').map(encodeURIComponent).join('/')),
  'JSON string': (v) => jsonLdText(v).slice(1, -1),
};

export interface StampSpec {
  /** Fields passed as {@link placeholder}s, escaped for where they land. */
  fields: readonly string[];
  /** Exact strings of the template replaced by a field's value as it is (e.g. a route parameter that needs no escaping). */
  literals: Readonly<Record<string, string>>;
}

export type Stamp = (values: Readonly<Record<string, string>>) => string;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compile a rendered template into a function from field values to the page. */
export function compileStamp(template: string, spec: StampSpec): Stamp {
  const slots = new Map<string, (values: Readonly<Record<string, string>>) => string>();
  for (const field of spec.fields)
    for (const escape of Object.values(CONTEXTS)) {
      const form = escape(placeholder(field));
      slots.set(form, (values) => escape(value(values, field)));
    }
  for (const [literal, field] of Object.entries(spec.literals)) slots.set(literal, (values) => value(values, field));
  // Longest first, so a form that contains another is matched whole.
  const pattern = new RegExp(
    [...slots.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  const parts: string[] = [];
  const fill: ((values: Readonly<Record<string, string>>) => string)[] = [];
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    parts.push(template.slice(last, match.index));
    fill.push(slots.get(match[0])!);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  const stray = parts.findIndex((part) => part.includes('bcstamp'));
  if (stray >= 0) {
    const at = parts[stray]!.indexOf('bcstamp');
    throw new Error(
      `The page template has a placeholder in a context the stamper does not know: …${parts[stray]!.slice(Math.max(0, at - 60), at + 40)}…\n` +
        `  hint: pass that value to the page shell only in text, an attribute, a URL or path in an attribute, JSON or set:html.`,
    );
  }
  return (values) => {
    let html = parts[0]!;
    for (let i = 0; i < fill.length; i++) html += fill[i]!(values) + parts[i + 1]!;
    return html;
  };
}

function value(values: Readonly<Record<string, string>>, field: string): string {
  const v = values[field];
  if (v === undefined) throw new Error(`No value for the template field "${field}"`);
  return v;
}
