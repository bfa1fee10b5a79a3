/** The deprecated dev-server shim (until src/integrations/ calls createVerifier): one verifier per project root. */
import { describe, expect, it } from 'vitest';
import { devCheck } from '../../src/lib/dev-check.ts';
import { verifyTree } from '../content/verify-helpers.ts';

describe('devCheck', () => {
  it('is one incremental verifier per project root, which verifies every page once and then only what changed', () => {
    const root = process.cwd();
    const check = devCheck(root);
    expect(devCheck(root)).toBe(check);
    const first = check();
    const full = verifyTree(root);
    expect(first.reprocessed).toBe(full.dossier.pages.size);
    expect(first.diagnostics).toEqual(full.diagnostics);
    expect(first.dossier).toEqual(full.dossier);
    const second = devCheck(root)();
    expect(second.reprocessed).toBe(0);
    expect(second.dossier).toEqual(full.dossier);
  });
});
