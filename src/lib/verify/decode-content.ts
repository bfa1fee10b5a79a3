/**
 * A content file's bytes to text. Content is UTF-8 (a BOM allowed): a byte that is not, once decoded as U+FFFD,
 * would be published as one, and a source's hash would no longer stand for its bytes; UTF-16 is named as such.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics.ts';
import { COLLECTION_FILES, type ContentFile } from './content-files.ts';

export type Decoded = { text: string } | { problem: Diagnostic };

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

/** The text of `f`, BOM removed and line endings as written; or the one problem that stops it being read. */
export function decodeContent(f: ContentFile): Decoded {
  const at = { file: f.file, line: 1, column: 1, severity: 'error' as const };
  let content: Uint8Array | string;
  try {
    content = f.content;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      problem: {
        ...at,
        rule: 'unreadable-file',
        message: `File cannot be read (${reason})`,
        hint: 'Check that it is a plain file you can read.',
      },
    };
  }
  const tooLarge = sizeProblem(f, typeof content === 'string' ? Buffer.byteLength(content) : content.length);
  if (tooLarge) return { problem: { ...at, ...tooLarge } };
  if (typeof content === 'string') return decodeString(f, content);
  const utf16 = utf16Order(content);
  if (utf16)
    return {
      problem: {
        ...at,
        rule: 'utf16-file',
        message: `File is UTF-16 (${utf16}) text; content files are UTF-8`,
        hint: 'Save it as UTF-8 (in most editors: "Save with encoding", then UTF-8).',
      },
    };
  if (!isUtf8(content)) return { problem: { ...at, ...invalidUtf8(content) } };
  return { text: decoder.decode(content) };
}

/** Text made in memory: a lone surrogate has no UTF-8 form, so it is the string's equivalent of a bad byte. */
function decodeString(f: ContentFile, content: string): Decoded {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  if (text.isWellFormed()) return { text };
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index)!;
    if (code >= 0xd800 && code <= 0xdfff) break;
    index += code > 0xffff ? 2 : 1;
  }
  const before = text.slice(0, index);
  return {
    problem: {
      ...lineColumn(f.file, before),
      severity: 'error',
      rule: 'invalid-utf8',
      message: 'Text holds a lone UTF-16 surrogate, which no UTF-8 file can',
      hint: 'Replace it with the character meant.',
    },
  };
}

/** The size limit of `f`'s collection, if `bytes` is over it. */
function sizeProblem(f: ContentFile, bytes: number): Pick<Diagnostic, 'rule' | 'message' | 'hint'> | undefined {
  const limit = COLLECTION_FILES.find((c) => c.collection === f.collection)!.maxBytes;
  if (bytes <= limit) return undefined;
  return f.collection === 'sources'
    ? {
        rule: 'source-too-large',
        message: `Source is larger than ${limit / 1024 / 1024} MB`,
        hint: 'Split the article or keep only its text; page chrome can go.',
      }
    : { rule: 'file-too-large', message: `File is larger than ${limit / 1024} KB`, hint: 'Split it into several pages.' };
}

/** `little-endian` or `big-endian` when `bytes` look like UTF-16: a byte order mark, or NULs at every other byte. */
function utf16Order(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const sample = Math.min(bytes.length, 512) & ~1;
  if (sample < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  // ASCII text as UTF-16 has a NUL in nearly every pair, on one side.
  if (odd > sample / 4 && even === 0) return 'little-endian';
  if (even > sample / 4 && odd === 0) return 'big-endian';
  return undefined;
}

/** Where the first byte that is not UTF-8 is, and what it is. */
function invalidUtf8(bytes: Uint8Array): Pick<Diagnostic, 'line' | 'column' | 'rule' | 'message' | 'hint'> {
  const offset = firstInvalidByte(bytes);
  const before = decoder.decode(bytes.subarray(0, offset));
  const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  const { line, column } = lineColumn('', before);
  return {
    line,
    column,
    rule: 'invalid-utf8',
    message: `File is not valid UTF-8: byte 0x${hex} cannot start or continue a character here`,
    hint: 'Save the file as UTF-8. A byte like this usually means it was saved as Windows-1252 or Latin-1 ("ANSI").',
  };
}

/** Line and column (in UTF-16 units, as every other position) just after `before`. */
function lineColumn(file: string, before: string): { file: string; line: number; column: number } {
  const normalised = before.replace(/\r\n?/g, '\n');
  const lastBreak = normalised.lastIndexOf('\n');
  return { file, line: normalised.split('\n').length, column: normalised.length - lastBreak };
}

/** Offset of the first byte of `bytes` that breaks UTF-8 (RFC 3629: no overlongs, surrogates or values past U+10FFFF). */
export function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const [length, low, high] =
      b < 0x80
        ? [1, 0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80, 0xbf]
          : b === 0xe0
            ? [3, 0xa0, 0xbf]
            : b === 0xed
              ? [3, 0x80, 0x9f]
              : b >= 0xe1 && b <= 0xef
                ? [3, 0x80, 0xbf]
                : b === 0xf0
                  ? [4, 0x90, 0xbf]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : b === 0xf4
                      ? [4, 0x80, 0x8f]
                      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      // The sequence's first byte is the culprit (`é` saved as Latin-1 is 0xE9 before plain ASCII).
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
