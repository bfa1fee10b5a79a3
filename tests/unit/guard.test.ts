/** No crash escapes: an exception while checking a file becomes a diagnostic of that file, and the run goes on. */
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/lib/diagnostics.ts';
import { guard } from '../../src/lib/verify/guard.ts';
import { discrepancies } from '../../src/lib/verify/collections.ts';
import { processPageWith } from '../../src/lib/verify/page/process-page.ts';
import { siteIndexOf } from '../../src/lib/verify/site-index.ts';
import { ROOT_BASE } from '../../src/lib/url-base.ts';

describe('guard', () => {
  it('returns what the work returns, and reports nothing', () => {
    const reporter = new Reporter('content/people/a.mdx');
    expect(guard(reporter, () => 42)).toBe(42);
    expect(reporter.diagnostics).toEqual([]);
  });

  it('turns an exception into a check-failed error of the file, at the position given', () => {
    const reporter = new Reporter('content/people/a.mdx');
    const result = guard(
      reporter,
      () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      { line: 7, column: 3 },
    );
    expect(result).toBeUndefined();
    expect(reporter.diagnostics).toEqual([
      {
        file: 'content/people/a.mdx',
        line: 7,
        column: 3,
        severity: 'error',
        rule: 'check-failed',
        message: 'The checker failed on this file: RangeError: Maximum call stack size exceeded',
        hint: expect.stringContaining('a bug or a missing limit in the checker'),
      },
    ]);
  });
});

describe('a page whose collection rule throws', () => {
  it('is one check-failed error, with no half-built page, and the run goes on', () => {
    const broken = {
      ...discrepancies,
      derive: () => {
        throw new TypeError('a rule went wrong');
      },
    };
    const site = siteIndexOf([], new Map(), new Set());
    const raw = '---\ntitle: A\nnature: observation\nkind: name\nsummary: S.\n---\n\nText.\n';
    const result = processPageWith(broken, { file: 'content/discrepancies/a.mdx', collection: 'discrepancies', slug: 'a', raw }, site, {
      render: true,
      base: ROOT_BASE,
      fastParsers: true,
    });
    expect(result.page).toBeUndefined();
    expect(result.claims).toEqual([]);
    expect(result.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([
      ['content/discrepancies/a.mdx', 'check-failed', 'The checker failed on this file: TypeError: a rule went wrong'],
    ]);
  });

  it('is located at the last citation or claim the steps reached', () => {
    const broken = {
      ...discrepancies,
      derive: () => {
        throw new TypeError('a rule went wrong');
      },
    };
    const site = siteIndexOf([], new Map(), new Set());
    const raw =
      '---\ntitle: A\nnature: observation\nkind: name\nsummary: S.\n---\n\n<Claim id="a" status="observed">\nText.\n<Cite source="s" quote="one two three four" />\n</Claim>\n';
    const result = processPageWith(broken, { file: 'content/discrepancies/a.mdx', collection: 'discrepancies', slug: 'a', raw }, site, {
      render: true,
      base: ROOT_BASE,
      fastParsers: true,
    });
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['unknown-source', 10, 7],
      ['check-failed', 10, 1],
    ]);
  });
});
