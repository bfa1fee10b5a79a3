// `npm run check`: the checker is scripts/check.ts; this entry point only turns Node's compile cache on first.
// It is JavaScript because Node starts its TypeScript type stripper for a TypeScript entry point before any of the
// entry's code runs, and that start alone took about an eighth of a `check --changed` run (bench/notes.md). With the
// cache on, the TypeScript modules come type-stripped and compiled from the cache and the stripper never starts.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./check.ts');
