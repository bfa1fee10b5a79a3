/** The rules of a <Cite>: self-closing, inside a claim, with a source and a quote of sensible length. */
import { closest } from 'fastest-levenshtein';
import { clip } from '../../diagnostics.ts';
import { countWords } from '../../normalize.ts';
import { MAX_QUOTE_CHARS, MIN_QUOTE_WORDS, stances, type Stance } from '../content-rules.ts';
import { pos, type JsxElement, type WalkContext, type WalkState } from '../walk-content.ts';
import { attributeMap, type Attributes } from './jsx-attributes.ts';
import { parseCreditAttribute } from '../../claims/credit-attribute.ts';
import type { StatedCredit } from '../../claims/attribute-citation.ts';

/** Check a <Cite> and, when it can be verified, add it to its claim. */
export function visitCite(state: WalkState, node: JsxElement, { claim }: WalkContext): void {
  const { reporter } = state;
  const at = pos(node);
  const attrs = attributeMap(node, reporter);
  if (node.children.length > 0)
    reporter.error(
      'cite-children',
      '<Cite> must be self-closing',
      at,
      'Write <Cite source="…" quote="…" />; put your words in the surrounding <Claim>.',
    );
  if (!claim) {
    reporter.error(
      'cite-outside-claim',
      '<Cite> is outside a <Claim>',
      at,
      'Wrap the sentence and its <Cite> in <Claim id="…" status="…">…</Claim>.',
    );
    return;
  }
  const source = attrs.get('source');
  const quote = attrs.get('quote');
  const stance = attrs.get('stance');
  if (!source)
    reporter.error('cite-missing-source', '<Cite> has no `source`', at, 'Add source="<slug>" naming a file in content/sources/.');
  checkQuote(state, attrs, at);
  if (stance && !(stances as readonly string[]).includes(stance.value))
    reporter.error(
      'unknown-stance',
      `Unknown stance \`${clip(stance.value)}\``,
      stance.at,
      `Use one of: ${stances.join(', ')} (default supports); did you mean \`${closest(stance.value.slice(0, 40), [...stances])}\`?`,
    );
  const occurrence = occurrenceOf(state, attrs);
  const credit = creditOf(state, attrs);
  // A quote over the limit is reported and not looked up: matching and hinting cost grows with its length.
  const verifiable = quote !== undefined && quote.value.trim() !== '' && quote.value.length <= MAX_QUOTE_CHARS;
  if (source && quote && verifiable && occurrence !== null && credit !== null) {
    claim.cites.push({
      node,
      source: source.value.trim(),
      quote: quote.value,
      stance: (stance?.value as Stance) ?? 'supports',
      ...(occurrence !== undefined ? { occurrence } : {}),
      ...(credit ? { credit } : {}),
      at,
      sourceAt: source.at,
      quoteAt: quote.at,
    });
  }
}

/** A quote is at least four words and at most the length limit. */
function checkQuote({ reporter }: WalkState, attrs: Attributes, at: { line: number; column: number }): void {
  const quote = attrs.get('quote');
  if (!quote || quote.value.trim() === '')
    reporter.error(
      'quote-empty',
      '<Cite> has no `quote` or it is empty',
      quote?.at ?? at,
      'Add quote="…" with at least 4 words copied from the source.',
    );
  else if (countWords(quote.value) < MIN_QUOTE_WORDS)
    reporter.error(
      'quote-too-short',
      `Quote “${clip(quote.value)}” has fewer than ${MIN_QUOTE_WORDS} words`,
      quote.at,
      'Quote at least 4 consecutive words so the passage is unambiguous.',
    );
  else if (quote.value.length > MAX_QUOTE_CHARS)
    reporter.error(
      'quote-too-long',
      `Quote is ${quote.value.length} characters long (limit ${MAX_QUOTE_CHARS})`,
      quote.at,
      'Quote the sentence that supports the claim, or elide with … between parts.',
    );
}

/** The `occurrence` attribute as a number; `null` when it is not a whole number from 1 (reported). */
function occurrenceOf({ reporter }: WalkState, attrs: Attributes): number | undefined | null {
  const attr = attrs.get('occurrence');
  if (!attr) return undefined;
  if (/^[1-9][0-9]{0,5}$/.test(attr.value.trim())) return Number(attr.value.trim());
  reporter.error(
    'quote-occurrence',
    `Occurrence \`${clip(attr.value)}\` is not a whole number from 1`,
    attr.at,
    'Write occurrence="2" to cite the second place the quote occurs in its source.',
  );
  return null;
}

/** The `credit` attribute, parsed; `null` when it does not follow the grammar (reported). */
function creditOf({ reporter }: WalkState, attrs: Attributes): StatedCredit | undefined | null {
  const attr = attrs.get('credit');
  if (!attr) return undefined;
  const parsed = parseCreditAttribute(attr.value);
  if ('credits' in parsed) return { credits: parsed.credits, at: attr.at };
  reporter.error(parsed.rule, parsed.message, attr.at, parsed.hint);
  return null;
}
