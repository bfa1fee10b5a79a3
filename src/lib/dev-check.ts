/**
 * The dev server's verification, one per project root and process: the content loaders' first load and the dev
 * integration's re-verification after each edit (dev-verify.ts) share one incremental verifier, so `astro dev`
 * verifies the whole dossier once at start-up, not once for each, and an edit processes only the pages it changed.
 */
import type { Diagnostic } from './diagnostics.ts';
import { incrementalDossier, type IncrementalResult } from './incremental-dossier.ts';
import { readContent } from './read-content.ts';
import { join } from 'node:path';

export type DevCheck = () => IncrementalResult;

const CHECKS = Symbol.for('backchannel.devChecks');

/** Verify `root/content` again (only what changed since the last call), with the file problems of reading it. */
export function devCheck(root: string): DevCheck {
  const checks = ((globalThis as Record<symbol, unknown>)[CHECKS] ??= new Map<string, DevCheck>()) as Map<string, DevCheck>;
  let check = checks.get(root);
  if (!check) {
    const verifier = incrementalDossier();
    check = () => {
      const read = readContent(join(root, 'content'), root);
      const result = verifier(read.files);
      const diagnostics: Diagnostic[] = [...read.diagnostics, ...result.diagnostics];
      return { ...result, diagnostics };
    };
    checks.set(root, check);
  }
  return check;
}
