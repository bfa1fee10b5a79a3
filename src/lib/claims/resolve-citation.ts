/** Verify one citation against its source and turn it into a located, linkable `Citation`. */
import type { Position, Reporter } from '../diagnostics.ts';
import type { Citation, ClaimId, SourceSlug } from '../model.ts';
import type { Stance } from '../pages/content-rules.ts';
import { deepLink } from '../pages/text-fragment.ts';
import type { Source } from '../sources/parse-source.ts';
import { closestPassage, lookupQuote } from './find-quote.ts';
import { closest } from 'fastest-levenshtein';

export interface CitationContext {
  sources: ReadonlyMap<string, Source>;
  outletOf(source: string): string;
  originsOf(citations: readonly Citation[]): { origins: string[]; outlets: string[] };
}

export interface CiteInput {
  source: string;
  quote: string;
  stance: Stance;
  at: Position;
  sourceAt: Position;
  quoteAt: Position;
}

/** Verify `cite`; report a located error and return undefined when it does not hold. */
export function resolveCitation(
  cite: CiteInput,
  n: number,
  claim: ClaimId | null,
  ctx: CitationContext,
  reporter: Reporter,
): Citation | undefined {
  const source = ctx.sources.get(cite.source);
  if (!source) {
    const slugs = [...ctx.sources.keys()];
    reporter.error(
      'unknown-source',
      `Unknown source \`${cite.source}\``,
      cite.sourceAt,
      slugs.length > 0
        ? `Did you mean \`${closest(cite.source, slugs)}\`? Sources are the files in content/sources/.`
        : 'Add the source to content/sources/ first.',
    );
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
        return undefined;
      }
    }
    const near = closestPassage(source, cite.quote);
    reporter.error(
      'quote-not-found',
      `Quote not found in \`${source.slug}\`: “${cite.quote.length > 80 ? `${cite.quote.slice(0, 77)}…` : cite.quote}”`,
      cite.quoteAt,
      near ? `Closest passage (${near.similarity}% similar, ${near.paragraph}): “${near.text}”` : 'The source has no text to match.',
    );
    return undefined;
  }
  const { match } = found;
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
    teaser: found.teaser,
    line: cite.at.line,
    column: cite.at.column,
  };
}
