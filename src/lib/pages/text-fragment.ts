/** Build `#:~:text=` fragments (URL Fragment Text Directives) that highlight a quoted passage. */

function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** A text directive for `passage`: the whole text when short, else its first and last words. */
export function textDirective(passage: string): string {
  const words = passage.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length <= 8) return `text=${encodeTerm(words.join(' '))}`;
  return `text=${encodeTerm(words.slice(0, 4).join(' '))},${encodeTerm(words.slice(-4).join(' '))}`;
}

/** A deep link to a paragraph with the passage highlighted. */
export function deepLink(sourceUrl: string, paragraphId: string, passage: string): string {
  return `${sourceUrl}#${paragraphId}:~:${textDirective(passage)}`;
}
