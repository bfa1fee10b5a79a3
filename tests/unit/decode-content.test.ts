/** Text is text: content files are UTF-8 (a BOM allowed); what is not is reported where it starts, UTF-16 by name. */
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { memoryFile } from '../../src/lib/verify/content-files.ts';
import { decodeContent, firstInvalidByte } from '../../src/lib/verify/decode-content.ts';
import { hashText } from '../../src/lib/sources/parse-source.ts';
import { prng } from '../../bench/generate.ts';

const file = (content: Uint8Array | string, collection: 'people' | 'sources' = 'people') =>
  memoryFile(`content/${collection}/a.${collection === 'sources' ? 'md' : 'mdx'}`, collection, 'a', content);

describe('decodeContent', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeContent(file(Buffer.from('\uFEFF---\ntitle: Café “x”\n---\n')))).toEqual({ text: '---\ntitle: Café “x”\n---\n' });
    expect(decodeContent(file('\uFEFFtext'))).toEqual({ text: 'text' });
  });

  it('reports the first byte that is not UTF-8, at its line and column', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: x\n---\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' talks')]);
    expect(decodeContent(file(bytes))).toEqual({
      problem: expect.objectContaining({
        rule: 'invalid-utf8',
        line: 5,
        column: 4,
        message: 'File is not valid UTF-8: byte 0xE9 cannot start or continue a character here',
      }),
    });
  });

  it('names UTF-16, with or without a byte order mark, either byte order', () => {
    const text = '---\ntitle: x\n---\n\nText.\n';
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
    expect(decodeContent(file(le))).toMatchObject({
      problem: { rule: 'utf16-file', message: 'File is UTF-16 (little-endian) text; content files are UTF-8' },
    });
    expect(decodeContent(file(be))).toMatchObject({
      problem: { rule: 'utf16-file', message: 'File is UTF-16 (big-endian) text; content files are UTF-8' },
    });
    expect(decodeContent(file(Buffer.from(text, 'utf16le')))).toMatchObject({ problem: { rule: 'utf16-file' } });
  });

  it('reports a lone surrogate in text made in memory, which no UTF-8 file can hold', () => {
    expect(decodeContent(file('ok\nbad \uD800 here'))).toMatchObject({ problem: { rule: 'invalid-utf8', line: 2, column: 5 } });
  });

  it('reports a file over its collection’s size before reading it as text', () => {
    expect(decodeContent(file(Buffer.alloc(1024 * 1024 + 1, 97)))).toMatchObject({ problem: { rule: 'file-too-large' } });
    expect(decodeContent(file(Buffer.alloc(1024 * 1024 + 1, 97), 'sources'))).toEqual({ text: 'a'.repeat(1024 * 1024 + 1) });
  });

  it('reports a file that cannot be read as unreadable, not as a crash', () => {
    const gone = {
      file: 'content/people/gone.mdx',
      collection: 'people' as const,
      slug: 'gone',
      get content(): Uint8Array {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    expect(decodeContent(gone)).toMatchObject({ problem: { rule: 'unreadable-file', message: 'File cannot be read (EACCES)' } });
  });
});

describe('firstInvalidByte', () => {
  it('agrees with Node’s UTF-8 validator on thousands of random byte strings', () => {
    const random = prng(20261207);
    const pieces = [
      [0x41],
      [0xc3, 0xa9],
      [0xe2, 0x80, 0x9c],
      [0xf0, 0x9f, 0x98, 0x80],
      [0x80],
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x80],
      [0xff],
      [0xc3],
    ];
    for (let round = 0; round < 5000; round++) {
      const bytes = Uint8Array.from(
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]!).flat(),
      );
      expect(firstInvalidByte(bytes) === bytes.length, Buffer.from(bytes).toString('hex')).toBe(isUtf8(bytes));
    }
  });
});

describe('the source hash covers the bytes', () => {
  it('changes when any byte of the text changes, including bytes an editor shows alike', () => {
    // U+2019 and U+2018 differ in their last byte only; both look like an apostrophe in many fonts.
    expect(hashText('the envoy’s plane')).not.toBe(hashText('the envoy‘s plane'));
    expect(Buffer.from('’')[2]).not.toBe(Buffer.from('‘')[2]);
  });

  it('never sees a byte that is not UTF-8: such a source is rejected before it is hashed', () => {
    for (const byte of [0x92, 0xff]) {
      const source = Buffer.concat([Buffer.from('---\ntitle: x\n---\nThe envoy'), Buffer.from([byte]), Buffer.from('s plane')]);
      expect(decodeContent(file(source, 'sources'))).toMatchObject({
        problem: {
          rule: 'invalid-utf8',
          message: `File is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase()} cannot start or continue a character here`,
        },
      });
    }
  });
});
