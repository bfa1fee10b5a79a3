/** Heading ids never take an id the page generates (`ref-1`, `cite-2`, `claim-…`) or one its template uses. */
import { describe, expect, it } from 'vitest';
import { RESERVED_ID, TEMPLATE_IDS } from '../../src/lib/pages/content-rules.ts';
import { headingId } from '../../src/lib/pages/render-content.ts';

describe('headingId', () => {
  it('prefixes a heading whose id the site generates for its own elements', () => {
    const taken = new Set<string>();
    expect(
      ['Ref 1', 'Cite 2', 'Claim: Witkoff met Macron', 'Citation 3', 'P 7', 'bcstamp template', 'bcstamp-template'].map((t) =>
        headingId(t, taken),
      ),
    ).toEqual([
      'section-ref-1',
      'section-cite-2',
      'section-claim-witkoff-met-macron',
      'section-citation-3',
      'section-p-7',
      'section-bcstamp-template',
      'section-bcstamp-template-2',
    ]);
    expect([...taken].filter((id) => RESERVED_ID.test(id))).toEqual([]);
  });

  it('numbers a heading whose id the page template uses, or an earlier heading took', () => {
    const taken = new Set<string>(TEMPLATE_IDS);
    const next = new Map<string, number>();
    expect(['Roles', 'Main', 'In this story', 'In this story', 'In this story'].map((t) => headingId(t, taken, next))).toEqual([
      'roles-2',
      'main-2',
      'in-this-story',
      'in-this-story-2',
      'in-this-story-3',
    ]);
  });

  it('numbers 60,000 equal headings in linear time, as the search from 2 each time would', () => {
    const taken = new Set<string>();
    const next = new Map<string, number>();
    const started = performance.now();
    const ids = Array.from({ length: 60_000 }, () => headingId('Same heading', taken, next));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(ids.slice(0, 3)).toEqual(['same-heading', 'same-heading-2', 'same-heading-3']);
    expect(ids.at(-1)).toBe('same-heading-60000');
    // A number taken by a heading of its own is skipped, as before.
    const taken2 = new Set<string>();
    const next2 = new Map<string, number>();
    expect(['A', 'A 2', 'A', 'A'].map((t) => headingId(t, taken2, next2))).toEqual(['a', 'a-2', 'a-3', 'a-4']);
  });
});
