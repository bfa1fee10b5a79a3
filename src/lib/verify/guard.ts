/**
 * No crash escapes: an exception while reading, parsing or checking a file (a bug, or a limit the checker lacks)
 * becomes a diagnostic naming the file, so the run reports every other file and the file is still rejected.
 */
import type { Position, Reporter } from '../diagnostics.ts';

/** Run `work`; if it throws, report `check-failed` where `at` says the work was (else the file's start). */
export function guard<T>(reporter: Reporter, work: () => T, at?: Position | (() => Position | undefined)): T | undefined {
  try {
    return work();
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    reporter.error(
      'check-failed',
      `The checker failed on this file: ${reason.split('\n')[0]!.slice(0, 200)}`,
      typeof at === 'function' ? at() : at,
      'This is a bug or a missing limit in the checker, not something to fix in the content; please report it with the file. The file counts as an error until then.',
    );
    return undefined;
  }
}
