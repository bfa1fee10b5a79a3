/**
 * @deprecated The dev server's shared verifier before src/lib/verify/: `createVerifier` is what the dev server
 * uses now. Kept only until src/integrations/ calls it; delete this file then.
 */
import { join } from 'node:path';
import { createVerifier, type IncrementalVerifier } from './verify/index.ts';

export type DevCheck = () => ReturnType<IncrementalVerifier['verify']>;

const CHECKS = Symbol.for('backchannel.devChecks');

/** @deprecated One incremental verifier per project root and process: `createVerifier({ root, contentDir })`. */
export function devCheck(root: string): DevCheck {
  const checks = ((globalThis as Record<symbol, unknown>)[CHECKS] ??= new Map<string, DevCheck>()) as Map<string, DevCheck>;
  let check = checks.get(root);
  if (!check) {
    const verifier = createVerifier({ root, contentDir: join(root, 'content') });
    check = () => verifier.verify();
    checks.set(root, check);
  }
  return check;
}
