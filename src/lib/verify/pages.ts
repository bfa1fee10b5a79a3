/** A page file to a verified page: decode its bytes, then run its collection's pipeline (page/process-page.ts). */
import type { PageCollection } from '../pages/page-schemas.ts';
import { discrepancies, episodes, pages, people } from './collections.ts';
import type { ContentFile } from './content-files.ts';
import { decodeContent } from './decode-content.ts';
import type { PageOptions } from './options.ts';
import type { PageInput, ProcessedPage } from './page/page-state.ts';
import { processPageWith } from './page/process-page.ts';
import type { SiteIndex } from './site-index.ts';

export type { ProcessedPage } from './page/page-state.ts';

type Process = (input: PageInput, site: SiteIndex, options: PageOptions) => ProcessedPage;

/** Each page collection's pipeline, its descriptor bound in. */
const PROCESS: { [C in PageCollection]: Process } = {
  people: (input, site, options) => processPageWith(people, input, site, options),
  episodes: (input, site, options) => processPageWith(episodes, input, site, options),
  discrepancies: (input, site, options) => processPageWith(discrepancies, input, site, options),
  pages: (input, site, options) => processPageWith(pages, input, site, options),
};

/** Verify one page whose text is in hand. */
export function processPage(input: PageInput, site: SiteIndex, options: PageOptions): ProcessedPage {
  return PROCESS[input.collection](input, site, options);
}

/** Verify one page file: its bytes must decode first. */
export function verifyPageFile(f: ContentFile, site: SiteIndex, options: PageOptions): ProcessedPage {
  const decoded = decodeContent(f);
  if ('problem' in decoded) return { claims: [], mentions: [], diagnostics: [decoded.problem] };
  return processPage({ file: f.file, collection: f.collection as PageCollection, slug: f.slug, raw: decoded.text }, site, options);
}
