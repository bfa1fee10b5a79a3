/**
 * The verifier: one entry point for `npm run check`, `check --changed`, the build and the dev server.
 *
 * - {@link verifyDossier}: the whole dossier, in parallel when it is large (the check and the build).
 * - {@link createVerifier}: incremental, for the dev server: each `verify()` re-reads the content folder and
 *   processes again only what changed.
 * - {@link verifyChanged}: what a branch changed, against every source and slug (`check --changed`).
 *
 * Each gives the verified `Dossier` (or, for `verifyChanged`, the verdict) and every diagnostic, with
 * `file:line:column`, a rule id and a hint; nothing is thrown for bad content, whatever it holds. Paths in the model
 * are base-free (`/people/x/`); only rendered HTML (`Page.html`, `Page.factHtml`, `Claim.html`) carries `base`.
 */
export { verifyDossier, type Verified } from './full.ts';
export { createVerifier, type IncrementalVerifier } from './incremental.ts';
export { verifyChanged, type ChangedOptions, type ChangedVerification } from './changed.ts';
export { GitError } from './changed-files.ts';
export { verifyDraft } from './draft.ts';
export type { VerifyOptions } from './options.ts';
export type { Diagnostic } from '../diagnostics.ts';
export type { Dossier } from '../model.ts';
