/**
 * Verification for the dev server, where one file changes at a time. Each call reads the content folder again and
 * processes only the pages whose bytes changed; when a source changes, or a file is added, removed or renamed,
 * every page is processed again, since each is checked against the sources and the site's slugs. The graph is then
 * derived from all pages, with the result a full verification gives (tests/unit/verify-incremental.test.ts).
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceSlug } from '../model.ts';
import type { Source } from '../sources/parse-source.ts';
import { assembleDossier } from './assemble.ts';
import type { ContentFile } from './content-files.ts';
import type { Verified } from './full.ts';
import { listContent } from './list-files.ts';
import { resolveOptions, type VerifyOptions } from './options.ts';
import type { ProcessedPage } from './page/page-state.ts';
import { verifyPageFile } from './pages.ts';
import { listAssets, siteIndexOf, type SiteIndex } from './site-index.ts';
import { readSources } from './sources.ts';

export interface IncrementalVerifier {
  /** Verify the content folder as it is now; `reprocessed` is how many pages were processed again. */
  verify(): Verified & { reprocessed: number };
}

/** Bytes or text of a file, comparable with the last call's; a file that cannot be read compares as its error. */
function contentOf(f: ContentFile): Uint8Array | string {
  try {
    return f.content;
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
}

const same = (a: Uint8Array | string | undefined, b: Uint8Array | string): boolean =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

/** An incremental verifier of `options.contentDir`: call `verify()` after each change. */
export function createVerifier(options: VerifyOptions): IncrementalVerifier {
  const opts = resolveOptions(options);
  let siteKey: string | undefined;
  let sources = new Map<SourceSlug, Source>();
  let sourceDiagnostics: Diagnostic[] = [];
  let site: SiteIndex | undefined;
  const pages = new Map<string, { content: Uint8Array | string; processed: ProcessedPage }>();
  return {
    verify() {
      const listing = listContent(opts.contentDir, opts.root);
      const assets = listAssets(opts.publicDir);
      // What every page is checked against: the files' names, the public folder's files and the sources' bytes.
      const hash = createHash('sha256').update(JSON.stringify([listing.files.map((f) => f.file), [...assets]]));
      for (const f of listing.files) if (f.collection === 'sources') hash.update(contentOf(f)).update('\0');
      const key = hash.digest('hex');
      if (key !== siteKey || !site) {
        ({ sources, diagnostics: sourceDiagnostics } = readSources(listing.files, opts));
        site = siteIndexOf(listing.files, sources, assets);
        siteKey = key;
        pages.clear();
      }
      const pageFiles = listing.files.filter((f) => f.collection !== 'sources');
      let reprocessed = 0;
      const processed = pageFiles.map((f) => {
        const content = contentOf(f);
        const cached = pages.get(f.file);
        if (cached && same(cached.content, content)) return cached.processed;
        reprocessed++;
        const fresh = verifyPageFile(f, site!, opts);
        pages.set(f.file, { content, processed: fresh });
        return fresh;
      });
      const listed = new Set(pageFiles.map((f) => f.file));
      for (const file of pages.keys()) if (!listed.has(file)) pages.delete(file);
      const history = opts.history ? { root: opts.root } : undefined;
      const assembled = assembleDossier(sources, processed, [...sourceDiagnostics], history);
      return { ...assembled, diagnostics: [...listing.diagnostics, ...assembled.diagnostics], reprocessed };
    },
  };
}
