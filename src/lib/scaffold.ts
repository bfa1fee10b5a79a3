/** The text of new content files, as `npm run new` writes them: valid, verifiable, and plainly drafts. Pure. */
import { stringify } from 'yaml';
import { hashText } from './sources/parse-source.ts';

/** A kebab-case slug for a name or title: `Volodymyr Zelenskyy` → `volodymyr-zelenskyy`, `Café O’Neil` → `cafe-oneil`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A cited fact as the frontmatter writes it. */
export interface FactInput {
  source: string;
  quote: string;
}

function frontmatter(data: Record<string, unknown>): string {
  // Long lines stay on one line: quotes are easier to compare with the source that way.
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

const BODY_NOTE =
  'Draft: put every factual sentence inside a Claim with a Cite of the source that says it, in neutral, attributed words; see CONTRIBUTING.md.';

/** A person page with no claims yet. */
export function personFile(input: { name: string; role?: FactInput & { title: string } }): string {
  const roles = input.role ? [{ title: input.role.title, source: input.role.source, quote: input.role.quote }] : [];
  const summary = `Draft: one sentence on what ${input.name} did in this story, supported by the claims below.`;
  return `${frontmatter({ name: input.name, summary, roles })}\n## In this story\n\n${BODY_NOTE}\n`;
}

/** An episode page whose date (possibly `unknown`) cites the passage that dates it. */
export function episodeFile(input: {
  title: string;
  date: FactInput & { value: string; label: string };
  place?: string;
  participants: string[];
}): string {
  const data = {
    title: input.title,
    date: { value: input.date.value, label: input.date.label, source: input.date.source, quote: input.date.quote },
    ...(input.place ? { place: input.place } : {}),
    participants: input.participants,
    summary: `Draft: one sentence on what happened, supported by the claims below.`,
  };
  return `${frontmatter(data)}\n## What happened\n\n${BODY_NOTE}\n`;
}

export interface SourceInput {
  title: string;
  publisher: string | null;
  published: string;
  language: string;
  translatedFrom?: string;
  basedOn?: string;
  paragraphs: 'lines' | 'blocks';
  /** Paragraphs that are headings, copied exactly. */
  headings: string[];
  /** The article text exactly as received. */
  text: string;
}

/** The frontmatter of a source file; the article text follows it byte for byte. */
export function sourceFrontmatter(input: SourceInput): string {
  return frontmatter({
    title: input.title,
    publisher: input.publisher,
    published: {
      date: input.published,
      basis:
        input.published === 'unknown'
          ? 'Not yet worked out: say what on the page dates it, or that nothing does.'
          : 'Given when the source was added: say what on the page shows it.',
    },
    language: input.language,
    ...(input.translatedFrom ? { translatedFrom: input.translatedFrom } : {}),
    ...(input.basedOn ? { basedOn: input.basedOn } : {}),
    paragraphs: input.paragraphs,
    headings: input.headings,
    furniture: [],
    notes: ['Draft: added with `npm run new -- source`; list headings, page furniture and known errors.'],
    sha256: hashText(input.text),
  });
}

/** The first non-blank line of a text, as a default title. */
export function firstLine(text: string): string {
  const line =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim().replace(/\s+/g, ' ');
  return trimmed.length > 200 ? `${trimmed.slice(0, 199)}…` : trimmed;
}
