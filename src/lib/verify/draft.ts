/** A file not yet written (what `npm run new` is about to create), verified against the dossier as it is. */
import type { Diagnostic } from '../diagnostics.ts';
import type { PageCollection } from '../pages/page-schemas.ts';
import { memoryFile } from './content-files.ts';
import { listContent } from './list-files.ts';
import { resolveOptions, type VerifyOptions } from './options.ts';
import { listAssets } from './site-index.ts';
import { checkSubset } from './subset.ts';

/** The diagnostics `text` would have as the page `file` (project-relative) of `collection`. */
export function verifyDraft(
  options: VerifyOptions,
  draft: { file: string; collection: PageCollection; slug: string; text: string },
): Diagnostic[] {
  const opts = resolveOptions(options);
  const listing = listContent(opts.contentDir, opts.root, { misplaced: false });
  const files = [...listing.files, memoryFile(draft.file, draft.collection, draft.slug, draft.text)];
  return checkSubset(files, new Set([draft.file]), [], { ...opts, render: false, assets: listAssets(opts.publicDir) }).diagnostics;
}
