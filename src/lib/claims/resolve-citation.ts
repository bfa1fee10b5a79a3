/** Verify one citation against its source and turn it into a located, linkable `Citation`. */
import { clip, type Position, type Reporter } from '../diagnostics.ts';
import type { Citation, ClaimId, Origin, SourceSlug } from '../model.ts';
import type { Stance } from '../pages/content-rules.ts';
import { deepLink } from '../pages/text-fragment.ts';
import type { Source } from '../sources/parse-source.ts';
import { closestPassage, isTeaser, lookupQuote, type QuoteMatch } from './find-quote.ts';
import { attributeCitation, type StatedCredit } from './attribute-citation.ts';
import { closest } from 'fastest-levenshtein';

export interface CitationContext {
  sources: ReadonlyMap<string, Source>;
  /** Whether a file exists for the source slug, parsed or not: citing a broken source adds nothing to its error. */
  sourceFileExists(slug: string): boolean;
  /** The name readers know a source by (its short name, else publisher, else headline): reference marks say it. */
  sourceNameOf(source: string): string;
  originsOf(citations: readonly Citation[]): { origins: Origin[]; outlets: string[] };
  /** The person page a name in a credit stands for, when there is one. */
  personOf(name: string): string | undefined;
}

export interface CiteInput {
  source: string;
  quote: string;
  stance: Stance;
  /** Which occurrence of a quote found more than once (1-based), when the author says. */
  occurrence?: number | undefined;
  /** The <Cite>'s `credit` attribute, parsed: whom the contributor says the words credit. */
  credit?: StatedCredit | undefined;
  at: Position;
  sourceAt: Position;
  quoteAt: Position;
}

/**
 * How much source text the closest-passage hints of one page may still read (characters). A hint reads its whole
 * source once; 500 missing quotes of a 3 MB source took a minute before this, and the first hints are the useful ones.
 */
export interface HintBudget {
  chars: number;
}

/** A page's hint budget: a dozen reads of a 1 MB source, thousands of an article-sized one. */
export const hintBudget = (): HintBudget => ({ chars: 12_000_000 });

/** Verify `cite`; report a located error and return undefined when it does not hold. */
export function resolveCitation(
  cite: CiteInput,
  n: number,
  claim: ClaimId | null,
  ctx: CitationContext,
  reporter: Reporter,
  budget: HintBudget = hintBudget(),
): Citation | undefined {
  const source = ctx.sources.get(cite.source);
  if (!source) {
    if (!ctx.sourceFileExists(cite.source)) reportUnknownSource(cite, ctx, reporter);
    return undefined;
  }
  const found = lookupQuote(source, cite.quote);
  if (found.kind === 'furniture') {
    reporter.error(
      'quote-in-furniture',
      `Quote is in page furniture (${found.furnitureKind}) of \`${source.slug}\`, not in the article`,
      cite.quoteAt,
      'Captions, widgets and notices are not reporting; cite the article text.',
    );
    return undefined;
  }
  if (found.kind === 'missing') {
    reportMissingQuote(cite, source, ctx, reporter, budget);
    return undefined;
  }
  const match = chooseOccurrence(cite, source, found.citable, reporter);
  if (!match) return undefined;
  const teaser = isTeaser(source, match);
  return {
    n,
    claim,
    source: source.slug as SourceSlug,
    quote: cite.quote,
    stance: cite.stance,
    paragraphs: match.paragraphs,
    start: match.start,
    end: match.end,
    exact: match.exact,
    url: deepLink(`/sources/${source.slug}/`, match.paragraphs[0]!, match.exact),
    teaser,
    attribution: attributeCitation(source, match, teaser, ctx.personOf, cite.credit, reporter),
    line: cite.at.line,
    column: cite.at.column,
  };
}

function reportUnknownSource(cite: CiteInput, ctx: CitationContext, reporter: Reporter): void {
  const slugs = [...ctx.sources.keys()];
  reporter.error(
    'unknown-source',
    `Unknown source \`${clip(cite.source)}\``,
    cite.sourceAt,
    slugs.length > 0
      ? `Did you mean \`${closest(cite.source.slice(0, 100), slugs)}\`? Sources are the files in content/sources/.`
      : 'Add the source to content/sources/ first.',
  );
}

/** A quote in no passage of its source: say which other source has it, else show the closest passage. */
function reportMissingQuote(cite: CiteInput, source: Source, ctx: CitationContext, reporter: Reporter, budget: HintBudget): void {
  for (const other of ctx.sources.values()) {
    if (other === source) continue;
    const elsewhere = lookupQuote(other, cite.quote);
    if (elsewhere.kind === 'found') {
      reporter.error(
        'quote-in-other-source',
        `Quote is not in \`${source.slug}\`, but it is in \`${other.slug}\``,
        cite.quoteAt,
        `Change source="${source.slug}" to source="${other.slug}" (¶ ${elsewhere.match.paragraphs.join(', ')}).`,
      );
      return;
    }
  }
  const cost = source.normalized.text.length;
  const affordable = budget.chars >= cost;
  if (affordable) budget.chars -= cost;
  const near = affordable ? closestPassage(source, cite.quote) : undefined;
  reporter.error(
    'quote-not-found',
    `Quote not found in \`${source.slug}\`: “${cite.quote.length > 80 ? `${cite.quote.slice(0, 77)}…` : cite.quote}”`,
    cite.quoteAt,
    near
      ? `Closest passage (${near.similarity}% similar, ${near.paragraph}): “${near.text}”`
      : !affordable
        ? 'No closest passage: the hints for the missing quotes above it read as much of the sources as a page may. Fix those, then check again.'
        : source.paragraphs.some((p) => p.kind !== 'furniture')
          ? `No paragraph of \`${source.slug}\` is as long as this quote, and a quote lies within one paragraph: quote less.`
          : 'The source has no text to match.',
  );
}

/**
 * The match a citation means: the only one, or the occurrence it names; it must lie within one paragraph, since a
 * claim shows the paragraph it cites. A quote found more than once with no occurrence would link the first
 * silently, and it may not be the passage meant.
 */
function chooseOccurrence(cite: CiteInput, source: Source, matches: readonly QuoteMatch[], reporter: Reporter): QuoteMatch | undefined {
  const where = () => matches.map((m) => m.paragraphs.join('+')).join(', ');
  if (cite.occurrence === undefined && matches.length > 1) {
    reporter.error(
      'quote-ambiguous',
      `Quote occurs ${matches.length} times in \`${source.slug}\` (${clip(where())})`,
      cite.quoteAt,
      'Quote more of the passage so that it occurs once, or say which one you mean: occurrence="2" on the <Cite> (in frontmatter, occurrence: 2) cites the second.',
    );
    return undefined;
  }
  const match = matches[(cite.occurrence ?? 1) - 1];
  if (!match) {
    reporter.error(
      'quote-occurrence',
      `Quote occurs ${matches.length === 1 ? 'once' : `${matches.length} times`} in \`${source.slug}\`, so there is no occurrence ${cite.occurrence}`,
      cite.quoteAt,
      `Occurrences count from 1 in the order of the text (${clip(where())}); remove occurrence when the quote occurs once.`,
    );
    return undefined;
  }
  if (match.paragraphs.length > 1) {
    reporter.error(
      'quote-spans-paragraphs',
      `Quote runs across paragraphs ${match.paragraphs.join(', ')} of \`${source.slug}\``,
      cite.quoteAt,
      'Quote within one paragraph: a claim shows the paragraph it cites. To cite both, give each its own <Cite>.',
    );
    return undefined;
  }
  return match;
}
