/**
 * Packages that only some paths need (HTML rendering; frontmatter or MDX outside the fast readers' subsets) load
 * on their first use, so that `check --changed` does not pay for them at start-up.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A getter that loads the package `specifier` on its first call (Node's `require` of an ES module) and keeps it. */
export function onDemand<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
