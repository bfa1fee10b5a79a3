/**
 * @deprecated The entry points before src/lib/verify/ (verifyDossier, createVerifier, verifyChanged), kept only
 * until src/integrations/ calls those; nothing else may use them. Delete this file then.
 */
import { join } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import type { Dossier } from './model.ts';
import { createVerifier, verifyDossier } from './verify/index.ts';

/** @deprecated Use `verifyDossier({ root, contentDir })`. */
export function loadDossierParallel(
  root: string,
  contentDir = join(root, 'content'),
  workers?: number,
  options: { render?: boolean } = {},
): Promise<{ dossier: Dossier; diagnostics: Diagnostic[] }> {
  return verifyDossier({ root, contentDir, ...(workers !== undefined ? { workers } : {}), ...options });
}

/** @deprecated Use `createVerifier({ root, contentDir, workers: 0 }).verify()`. */
export function loadDossier(root: string, contentDir = join(root, 'content')): { dossier: Dossier; diagnostics: Diagnostic[] } {
  const { dossier, diagnostics } = createVerifier({ root, contentDir }).verify();
  return { dossier, diagnostics };
}
