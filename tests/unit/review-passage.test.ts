/** A cited passage in the review report: the quote with one sentence of context on each side. */
import { describe, expect, it } from 'vitest';
import { passageOf, sentenceEnds, sentenceStarts } from '../../src/lib/review/passage.ts';

const PREVIOUS = 'The board met on Monday. It voted in private.';
const NEXT = 'The mayor was not told. Nobody called.';
const neighbours = (id: string) => ({ 'p-1': PREVIOUS, 'p-3': NEXT })[id];

/** The passage of `quote` inside `paragraph` (p-2, between p-1 and p-3). */
function passage(paragraph: string, quote: string, edges: { before?: string; after?: string } = { before: 'p-1', after: 'p-3' }) {
  const at = paragraph.indexOf(quote);
  return passageOf(
    {
      ...edges,
      paragraph: { id: 'p-2', before: paragraph.slice(0, at), match: quote, after: paragraph.slice(at + quote.length) },
    },
    neighbours,
  );
}

describe('sentences', () => {
  it('splits after full stops, question and exclamation marks and closing quotes, not after initials or titles', () => {
    const text = 'He left. “Why?” she asked! Gen. Caine and the U.S. envoy met Mr. Smith. Done';
    expect(sentenceStarts(text).map((i) => text.slice(i, i + 4))).toEqual(['He l', '“Why', 'she ', 'Gen.', 'Done']);
    expect(sentenceEnds(text).map((i) => text.slice(i - 3, i))).toEqual(['ft.', 'y?”', 'ed!', 'th.']);
  });
});

describe('passageOf', () => {
  it('shows the sentence before and the sentence after a quote that is a whole sentence', () => {
    const p = passage('One came first. The bridge was closed. Then it rained. Later it dried.', 'The bridge was closed');
    expect(p).toEqual({ before: 'One came first. ', match: 'The bridge was closed', after: '. Then it rained.' });
  });

  it('includes the rest of the quote’s own sentence on both sides', () => {
    const p = passage('First. Second starts and the quoted words sit here, then it ends. Third. Fourth.', 'the quoted words sit here');
    expect(p).toEqual({ before: 'First. Second starts and ', match: 'the quoted words sit here', after: ', then it ends. Third.' });
  });

  it('takes the sentence before from the previous paragraph when the quote opens its own', () => {
    const p = passage('The bridge was closed. Then it rained.', 'The bridge was closed');
    expect(p.before).toBe('It voted in private. ¶ ');
    expect(p.after).toBe('. Then it rained.');
  });

  it('takes the sentence after from the next paragraph when the quote closes its own', () => {
    const p = passage('It rained. The bridge was closed.', 'The bridge was closed.');
    expect(p.before).toBe('It rained. ');
    expect(p.after).toBe(' ¶ The mayor was not told.');
  });

  it('shows a paragraph that is all quote between its neighbours', () => {
    expect(passage('The bridge was closed', 'The bridge was closed')).toEqual({
      before: 'It voted in private. ¶ ',
      match: 'The bridge was closed',
      after: ' ¶ The mayor was not told.',
    });
  });

  it('stays inside the paragraph when there is no neighbour (a heading or the edge of the text)', () => {
    expect(passage('The bridge was closed', 'The bridge was closed', {})).toEqual({
      before: '',
      match: 'The bridge was closed',
      after: '',
    });
  });

  it('joins lines and cuts a very long sentence', () => {
    const long = `${'word '.repeat(200)}end. The bridge was\nclosed. After.`;
    const p = passage(long, 'The bridge was\nclosed', {});
    expect(p.match).toBe('The bridge was closed');
    expect(p.before.startsWith('…')).toBe(true);
    expect(p.before.length).toBe(400);
  });
});
