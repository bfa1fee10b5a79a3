/**
 * `npm run check -- --changed`: verify only what a branch changed (and the pages a changed source or a deleted page
 * can break), against every source and slug, with the full check's diagnostics for those files.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { askGit, type ChangedFiles } from './changed-files.ts';
import { flagCitabilityChanges } from './citability.ts';
import { decodeContent } from './decode-content.ts';
import { listContent } from './list-files.ts';
import { resolveOptions, type VerifyOptions } from './options.ts';
import { listAssets } from './site-index.ts';
import { affectedPages, checkSubset } from './subset.ts';

export interface ChangedOptions extends VerifyOptions {
  /** The git ref to compare with (default `origin/main`, else `main`, else `HEAD~1`); the diff starts at the merge base. */
  since?: string;
  /**
   * What git says changed, when the caller already asked (`askGit` with the same root, content folder and ref):
   * `check --changed` asks before it loads the pipeline, so git reads the work tree while Node loads modules.
   */
  asked?: Promise<ChangedFiles>;
}

export interface ChangedVerification {
  diagnostics: Diagnostic[];
  /** The ref compared with, as resolved (`origin/main`, `main`, `HEAD~1` or the one asked for). */
  ref: string;
  /** The commit the diff starts from: the merge base of `ref` and HEAD. */
  mergeBase: string;
  /** Content files added or modified, and deleted, project-relative. */
  changed: string[];
  deleted: string[];
  /** Pages fully verified: the changed ones and those a changed source or deleted page can break. */
  checked: string[];
  /** Sources parsed, and claims verified. */
  sources: number;
  claims: number;
  /** What this check leaves to the full one. */
  notes: string[];
}

/** Verify what the branch changed since `options.since`; rejects with GitError when git cannot say what changed. */
export async function verifyChanged(options: ChangedOptions): Promise<ChangedVerification> {
  const opts = resolveOptions(options);
  const contentRel = relative(opts.root, opts.contentDir).split('\\').join('/');
  // Git reads the work tree in child processes while this one lists the content folder.
  const asked = options.asked ?? askGit(opts.root, opts.contentDir, options.since);
  const listing = listContent(opts.contentDir, opts.root, { misplaced: false });
  const info = await asked;
  const inContent = (p: string) => p.startsWith(`${contentRel}/`);
  const changed = new Set(info.changed.filter(inContent));
  const deleted = info.deleted.filter(inContent);
  const notes = [
    '--changed skips cross-file duplicate-id checks, links to claim permalinks and ties between claims (corroborates); CI runs the full check.',
  ];
  if (info.changed.some((p) => p.startsWith('src/lib/')))
    notes.push('src/lib/ changed: the checker itself changed, so run the full `npm run check`.');
  // Naming problems belong to the changed file, or to its unchanged twin when a new file reuses a slug.
  const relevant = (d: Diagnostic) =>
    changed.has(d.file) || (d.rule === 'duplicate-slug' && [...changed].some((p) => d.message.endsWith(` ${p}`)));
  const listed = new Set(listing.files.map((f) => f.file));
  const unlisted = [...changed].some((p) => !listed.has(p) && !/(^|\/)(\.[^/]*|README\.md)$/.test(p));
  // The full listing is the authority on places (misplaced files); pay for it only when a changed file needs it.
  const naming = unlisted || listing.diagnostics.some(relevant) ? listContent(opts.contentDir, opts.root).diagnostics.filter(relevant) : [];
  const changedSources = listing.files.filter((f) => f.collection === 'sources' && changed.has(f.file));
  const result = checkSubset(
    listing.files,
    affectedPages(listing.files, changed, deleted),
    changedSources.map((f) => f.slug),
    { ...opts, render: false, assets: listAssets(opts.publicDir) },
  );
  const texts = changedSources.flatMap((f) => {
    const decoded = decodeContent(f);
    return 'text' in decoded ? [{ file: f.file, text: decoded.text }] : [];
  });
  return {
    diagnostics: [...naming, ...result.diagnostics, ...flagCitabilityChanges(opts.root, info.since, texts)],
    ref: info.base,
    mergeBase: info.since,
    changed: [...changed],
    deleted,
    checked: result.pages,
    sources: result.sources,
    claims: result.claims,
    notes,
  };
}
