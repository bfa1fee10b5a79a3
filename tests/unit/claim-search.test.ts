/** A claim's search record: what the search page's type, status, person and outlet filters find it by. */
import { describe, expect, it } from 'vitest';
import { claimSearchRecord, claimTitle } from '../../src/lib/views/claim-search.ts';
import type { ClaimView } from '../../src/lib/views/claim-view.ts';

const person = (slug: string, name: string) => ({ slug, name, url: `/people/${slug}/` });
const citation = (outlet: string) => ({ outlet }) as ClaimView['citations'][number];

const claim = {
  id: 'geneva-left-early',
  text: 'Witkoff left early for Geneva, according to NBC News. He did not tell Rubio.',
  status: 'disputed',
  about: [person('steve-witkoff', 'Steve Witkoff'), person('marco-rubio', 'Marco Rubio')],
  page: { url: '/episodes/geneva-talks/', title: 'Geneva talks', collection: 'episodes' },
  citations: [citation('NBC News'), citation('Lord’s Press'), citation('NBC News')],
} as ClaimView;

describe('claimSearchRecord', () => {
  const record = claimSearchRecord(claim);

  it('points at the claim permalink and indexes the claim with the page it appears on', () => {
    expect(record.url).toBe('/claims/geneva-left-early/');
    expect(record.content).toBe(`${claim.text}\nAppears on Geneva talks.`);
    expect(record.language).toBe('en');
  });

  it('gives the type, status, the people it is about and each cited outlet once, sorted', () => {
    expect(record.filters).toEqual({
      type: ['claim'],
      status: ['disputed'],
      person: ['Steve Witkoff', 'Marco Rubio'],
      outlet: ['Lord’s Press', 'NBC News'],
    });
  });

  it('titles the result with the first sentence, labelled as a claim', () => {
    expect(record.meta).toEqual({ type: 'claim', title: 'Claim: Witkoff left early for Geneva, according to NBC News. (claim)' });
  });
});

describe('claimTitle', () => {
  it('does not cut at an abbreviation or an initial', () => {
    expect(claimTitle('Sen. Rubio met Gen. Caine in D.C. on Monday. Later he left.')).toBe('Sen. Rubio met Gen. Caine in D.C. on Monday.');
  });

  it('cuts a long first sentence at a word boundary with an ellipsis', () => {
    const long = `${'word '.repeat(40)}end.`;
    const title = claimTitle(long);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(150);
    expect(title.slice(0, -1).endsWith('word')).toBe(true);
  });
});
