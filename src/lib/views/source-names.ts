/**
 * How a reader is told which source is which, the same way on every page: each source's short name (its
 * frontmatter `shortName`), and what is known of its outlet when the page does not name one.
 */
import type { SourceMeta } from '../sources/source-schema.ts';

type Meta = Pick<SourceMeta, 'title' | 'shortName' | 'publisher' | 'basedOn' | 'translatedFrom'>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The source's short name: its `shortName`, else its publisher, else its headline. */
export function sourceName(meta: Meta): string {
  return meta.shortName ?? meta.publisher ?? meta.title;
}

/** The outlet that published the source, or "Unidentified site" when its page does not say. */
export function outletName(meta: Meta): string {
  return meta.publisher ?? 'Unidentified site';
}

/** The outlet with what is known of the text: "Lord’s Press, based on POLITICO", "Unidentified site, rewrite of NBC News". */
export function outletDescription(meta: Meta): string {
  if (meta.publisher) return meta.basedOn ? `${meta.publisher}, based on ${meta.basedOn}` : meta.publisher;
  if (!meta.basedOn) return outletName(meta);
  return `Unidentified site, ${meta.translatedFrom ? 'translated ' : ''}rewrite of ${meta.basedOn}`;
}

/**
 * The name as running text uses it: a `shortName` is a common noun phrase ("the translated retelling", "the POLITICO
 * article": an acronym keeps its capitals); a publisher or headline standing in for one is used as it is.
 */
export function nameInText(meta: Meta): string {
  const name = sourceName(meta);
  if (!meta.shortName) return name;
  if (/^the\s/i.test(name)) return `the${name.slice(3)}`;
  return /^[A-Z]{2,}/.test(name) ? `the ${name}` : `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/**
 * `text` with every source slug in it replaced by the source's name as running text uses it (`names`, from
 * {@link nameInText}; editorial notes sometimes name a source by its file name): "in minister-humiliated" → "in the
 * tabloid-style rewrite". A name at the start of a sentence is capitalised.
 */
export function withSourceNames(text: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return text;
  const slugs = [...names.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[-]/g, '\\-'));
  const pattern = new RegExp(`(^|[^\\w/-])(${slugs.join('|')})(?![\\w/-])`, 'g');
  return text.replace(pattern, (_, before: string, slug: string, offset: number) => {
    const name = names.get(slug)!;
    const atStart = /(^|[.!?]\s+)$/.test(text.slice(0, offset) + before);
    return before + (atStart ? capitalise(name) : name);
  });
}
