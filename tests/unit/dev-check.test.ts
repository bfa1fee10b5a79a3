/** The dev server's one verifier per project: the loaders' first load and the dev integration share it. */
import { describe, expect, it } from 'vitest';
import { devCheck } from '../../src/lib/dev-check.ts';
import { loadDossier } from '../../src/lib/read-content.ts';

describe('devCheck', () => {
  it('is one verifier per project root, which verifies every page once and then only what changed', () => {
    const root = process.cwd();
    const check = devCheck(root);
    expect(devCheck(root)).toBe(check);
    const first = check();
    const full = loadDossier(root);
    expect(first.reprocessed).toBe(full.dossier.pages.size);
    expect(first.diagnostics).toEqual(full.diagnostics);
    expect(first.dossier).toEqual(full.dossier);
    // The dev integration's first call after the loaders' finds nothing to process again.
    const second = devCheck(root)();
    expect(second.reprocessed).toBe(0);
    expect(second.dossier).toEqual(full.dossier);
  });
});
