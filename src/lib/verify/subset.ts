/** Verify some pages against the whole site's sources and slugs: the engine of `npm run check -- --changed`. */
import { Reporter, type Diagnostic, type Position } from '../diagnostics.ts';
import { parseFrontmatter, splitFrontmatter, toLf } from '../frontmatter.ts';
import type { ClaimId } from '../model.ts';
import { parseMdx } from '../pages/mdx-parse.ts';
import { walkContent } from '../pages/walk-content.ts';
import { duplicateClaimId } from './assemble.ts';
import type { ContentFile } from './content-files.ts';
import { decodeContent } from './decode-content.ts';
import { LazySources } from './lazy-sources.ts';
import type { PageOptions } from './options.ts';
import { verifyPageFile, type ProcessedPage } from './pages.ts';
import { siteIndexOf } from './site-index.ts';

export interface SubsetResult {
  diagnostics: Diagnostic[];
  /** Sources parsed: the ones the pages cite or that could hold a missing quote, and the changed ones. */
  sources: number;
  /** Project-relative paths of the pages fully processed. */
  pages: string[];
  claims: number;
}

/** `content/people/x.mdx` → `x` (the slug a deleted or renamed file leaves behind). */
export const slugOfPath = (path: string): string => path.replace(/^.*\//, '').replace(/\.[^.]*$/, '');

/** A file's text, or '' when it cannot be read (its own check reports why). */
const textOf = (f: ContentFile): string => {
  const decoded = decodeContent(f);
  return 'text' in decoded ? decoded.text : '';
};

/**
 * The pages a change can break: pages that changed, plus pages whose text names a changed or deleted
 * source, or a deleted page (a citation or reference to it may now fail). Naming is a substring test on
 * the raw file, so the set errs on the side of checking too much.
 */
export function affectedPages(files: readonly ContentFile[], changed: ReadonlySet<string>, deleted: readonly string[]): Set<string> {
  const affected = new Set<string>();
  const watched = new Set(deleted.map(slugOfPath));
  for (const f of files) {
    if (!changed.has(f.file)) continue;
    if (f.collection === 'sources') watched.add(f.slug);
    else affected.add(f.file);
  }
  if (watched.size === 0) return affected;
  for (const f of files) {
    if (f.collection === 'sources' || affected.has(f.file)) continue;
    const text = textOf(f);
    for (const slug of watched) {
      if (text.includes(slug)) {
        affected.add(f.file);
        break;
      }
    }
  }
  return affected;
}

const positionKey = (p: Position): string => `${p.line}:${p.column}`;

/** The quotes of a page that `quote-not-found` diagnostics point at (frontmatter facts and <Cite>s). */
function missingQuotes(f: ContentFile, diagnostics: readonly Diagnostic[]): string[] {
  const at = new Set(diagnostics.filter((d) => d.rule === 'quote-not-found').map((d) => `${d.line}:${d.column}`));
  const text = toLf(textOf(f));
  const quotes: string[] = [];
  const reporter = new Reporter(f.file);
  const fm = parseFrontmatter(splitFrontmatter(text), reporter);
  const collect = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k !== 'quote' || typeof v !== 'string') collect(v, [...path, k]);
        else if (fm && at.has(positionKey(fm.locate([...path, k])))) quotes.push(v);
      }
    }
  };
  if (fm) collect(fm.data, []);
  const parsed = parseMdx(text);
  if (parsed.ok)
    for (const claim of walkContent(parsed.tree, reporter).claims)
      quotes.push(...claim.cites.filter((c) => at.has(positionKey(c.quoteAt))).map((c) => c.quote));
  return quotes;
}

/**
 * Fully process only the pages in `focus` (project-relative paths), checking their citations and references
 * against the whole site. Sources are parsed lazily: a missing quote is searched for in the other sources
 * that could contain it (see `LazySources`), so diagnostics are the same as the full check's. Reports the
 * focused pages' errors and the errors of the sources they cite or that `changedSources` names; duplicate
 * claim ids are found among the focused pages only.
 */
export function checkSubset(
  files: readonly ContentFile[],
  focus: ReadonlySet<string>,
  changedSources: readonly string[],
  options: PageOptions & { assets: ReadonlySet<string> },
): SubsetResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new LazySources(files, options);
  const site = siteIndexOf(files, sources, options.assets);
  const pages: string[] = [];
  const seen = new Map<ClaimId, { file: string; line: number; column: number }>();
  let claims = 0;
  for (const f of files) {
    if (f.collection === 'sources' || !focus.has(f.file)) continue;
    pages.push(f.file);
    let processed: ProcessedPage = verifyPageFile(f, site, options);
    if (processed.diagnostics.some((d) => d.rule === 'quote-not-found')) {
      // The quote may be in a source not parsed yet ("quote-in-other-source"): parse the candidates, redo the page.
      const found = missingQuotes(f, processed.diagnostics).map((quote) => sources.loadCandidates(quote));
      if (found.includes(true)) processed = verifyPageFile(f, site, options);
    }
    diagnostics.push(...processed.diagnostics);
    for (const claim of processed.claims) {
      const first = seen.get(claim.id);
      if (first) {
        diagnostics.push(duplicateClaimId(claim, first));
        continue;
      }
      seen.set(claim.id, claim);
      claims++;
    }
  }
  diagnostics.unshift(...sources.diagnosticsFor(changedSources));
  return { diagnostics, sources: sources.size, pages, claims };
}
