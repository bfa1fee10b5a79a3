/** Split an article's text into paragraphs with stable ids `p-1…p-n`. */

export interface TextSpan {
  start: number;
  end: number;
}

export interface RawParagraph extends TextSpan {
  id: string;
  text: string;
}

/**
 * Split `text` (LF line endings) into paragraphs. In `lines` mode every non-blank line is one paragraph
 * (how the seeds are written, with or without blank lines between); in `blocks` mode paragraphs are
 * separated by blank lines and wrapped lines are joined. Offsets exclude surrounding whitespace.
 */
export function splitParagraphs(text: string, mode: 'lines' | 'blocks' = 'lines'): RawParagraph[] {
  const separator = mode === 'lines' ? /\n/g : /\n[ \t]*\n/g;
  const spans: TextSpan[] = [];
  let from = 0;
  for (const match of text.matchAll(separator)) {
    spans.push({ start: from, end: match.index });
    from = match.index + match[0].length;
  }
  spans.push({ start: from, end: text.length });
  const paragraphs: RawParagraph[] = [];
  for (const span of spans) {
    let { start, end } = span;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start === end) continue;
    const body = text.slice(start, end).replace(/\s*\n\s*/g, ' ');
    paragraphs.push({ id: `p-${paragraphs.length + 1}`, start, end, text: body });
  }
  return paragraphs;
}
