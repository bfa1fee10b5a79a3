/** Rules on a content file's characters, before any parsing: text is text. */
import { positionAt } from './frontmatter.ts';
import type { Reporter } from './diagnostics.ts';

/** Control characters (Unicode Cc) other than tab and line feed; carriage returns are line endings, made LF first. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const NAMES: Record<number, string> = { 0: 'NUL', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'ESC', 0x7f: 'DEL' };

/** Whether `text` holds a control character other than tab and line feed. */
export const hasControlCharacter = (text: string): boolean => {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
};

/** The first control character of `text`, described (`U+001B (ESC)`), or undefined. */
export function firstControlCharacter(text: string): string | undefined {
  CONTROL.lastIndex = 0;
  const found = CONTROL.exec(text);
  return found ? describe(found[0]) : undefined;
}

/** `U+001B (ESC)`: a control character by code point and, where it has a common one, name. */
function describe(char: string): string {
  const code = char.charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex}${NAMES[code] ? ` (${NAMES[code]})` : ''}`;
}

/**
 * Report the first control character of `text` (LF line endings), with how many more the file has: they would
 * reach every page that shows the text, and some (NUL, ESC) break feeds and terminals. Returns whether it found one.
 */
export function checkControlCharacters(text: string, reporter: Reporter): boolean {
  CONTROL.lastIndex = 0;
  const first = CONTROL.exec(text);
  if (!first) return false;
  const more = text.slice(first.index + 1).match(CONTROL)?.length ?? 0;
  reporter.error(
    'control-character',
    `Control character ${describe(first[0])} is not allowed in content`,
    positionAt(text, first.index),
    `Delete it: content may hold tabs and line breaks, no other control characters${more > 0 ? ` (this file has ${more} more)` : ''}.`,
  );
  return true;
}
