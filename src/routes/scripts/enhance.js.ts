/**
 * The progressive enhancements every page loads (theme toggle, citation previews, the "/" key): the engine's file,
 * served compact, since the content pages' 2 KB script budget counts every byte a reader downloads.
 */
import source from '../../assets/enhance.js?raw';

const WORD = /[\w$]/;

/**
 * `code` without comments, line breaks and the spaces that separate no two words; the text of string and template
 * literals kept as written. For code that ends its statements with semicolons (as Prettier writes it) and has no
 * regular expression literal, which this would not recognise.
 */
export function compactScript(code: string): string {
  return compact(code, 0, false).out;
}

/** Compact `code` from `start`, to its end or (`inTemplate`) to the `}` closing a template literal's `${`. */
function compact(code: string, start: number, inTemplate: boolean): { out: string; end: number } {
  let out = '';
  let depth = 0;
  let i = start;
  while (i < code.length) {
    const c = code[i]!;
    if (inTemplate && c === '}' && depth === 0) return { out, end: i };
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < code.length && code[end] !== c) end += code[end] === '\\' ? 2 : 1;
      out += code.slice(i, end + 1);
      i = end + 1;
    } else if (c === '`') {
      out += c;
      for (i++; i < code.length && code[i] !== '`';) {
        if (code.startsWith('${', i)) {
          const inner = compact(code, i + 2, true);
          out += `\${${inner.out}}`;
          i = inner.end + 1;
        } else {
          const n = code[i] === '\\' ? 2 : 1;
          out += code.slice(i, i + n);
          i += n;
        }
      }
      out += '`';
      i++;
    } else if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (/\s/.test(c)) {
      let end = i;
      while (end < code.length && /\s/.test(code[end]!)) end++;
      const before = out.at(-1) ?? '';
      const after = code[end] ?? '';
      // Two words stay apart, and so do `+ +` and `- -` (else they would read as `++` and `--`).
      if ((WORD.test(before) && WORD.test(after)) || (before === after && (before === '+' || before === '-'))) out += ' ';
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return { out, end: i };
}

const script = compactScript(source);

export const GET = () => new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
