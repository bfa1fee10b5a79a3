/** Shared helpers for unit tests: the real seed sources, parsed once, and small synthetic sources. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSource, type Source } from '../../src/lib/sources/parse-source.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SEEDS = [
  'clash-over-diplomacy',
  'compete-to-lead-talks',
  'go-it-alone-diplomacy',
  'non-public-rivalry',
  'rubio-humiliated',
] as const;
export type Seed = (typeof SEEDS)[number];

export function seedRaw(slug: Seed): string {
  return readFileSync(`${ROOT}content/sources/${slug}.md`, 'utf8');
}

const cache = new Map<string, Source>();
/** A real source, parsed; throws if it does not parse cleanly. */
export function seed(slug: Seed): Source {
  let source = cache.get(slug);
  if (!source) {
    const { source: parsed, diagnostics } = parseSource(seedRaw(slug), `content/sources/${slug}.md`, slug);
    if (!parsed || diagnostics.length > 0) throw new Error(`seed ${slug} does not parse: ${JSON.stringify(diagnostics)}`);
    source = parsed;
    cache.set(slug, source);
  }
  return source;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A synthetic source file: `frontmatter` lines (without sha256) and an article `body`; sha256 is computed over
 * the body unless `sha` is given.
 */
export function sourceFile(
  body: string,
  frontmatter = 'title: Test\npublisher: null\npublished:\n  date: unknown\nlanguage: en',
  sha?: string,
): string {
  return `---\n${frontmatter}\nsha256: ${sha ?? sha256(body)}\n---\n${body}`;
}
