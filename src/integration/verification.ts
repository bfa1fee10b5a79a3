/**
 * One build's verification: started as soon as Astro has its config, in a child process (verify-process.ts), and
 * awaited where the pages first need the views (virtual-modules.ts). Content errors are printed once, as
 * `npm run check` prints them, and fail the build.
 */
import { AstroError } from 'astro/errors';
import { rmSync } from 'node:fs';
import { formatDiagnostics } from '../lib/diagnostics.ts';
import { verifyInChild, type VerifyRequest, type VerifyResult } from './verify-process.ts';

/** Thrown when the content does not verify: the diagnostics have been printed already. */
export class VerificationFailed extends AstroError {
  constructor(errors: number) {
    super(
      `Content verification failed with ${errors} error${errors === 1 ? '' : 's'}, listed above.`,
      'Fix each at the file, line and column given; `npm run check` gives the same report without building.',
    );
    this.name = 'VerificationFailed';
  }
}

export interface Verification {
  /** Resolves with the views folder once the content verified; rejects with {@link VerificationFailed} otherwise. */
  ready(): Promise<string>;
  /** The child's answer, for counts and timings (rejects as `ready` does). */
  result: Promise<VerifyResult>;
  /** Remove the views folder. */
  dispose(): void;
}

/** Start verifying `request.contentDir` into `request.viewsDir`; `print` writes the diagnostics. */
export function startVerification(request: VerifyRequest, print: (text: string) => void = (t) => process.stderr.write(t)): Verification {
  rmSync(request.viewsDir, { recursive: true, force: true });
  const result = verifyInChild(request).then((answer) => {
    if (answer.diagnostics.length > 0) print(`${formatDiagnostics(answer.diagnostics)}\n`);
    const errors = answer.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) throw new VerificationFailed(errors);
    return answer;
  });
  result.catch(() => {}); // reported where it is awaited
  return {
    ready: () => result.then(() => request.viewsDir),
    result,
    dispose: () => rmSync(request.viewsDir, { recursive: true, force: true }),
  };
}
