/**
 * A review report (or a job summary) as a standalone HTML page, for reading it without GitHub: GFM rendered the way
 * GitHub reads a comment, the report's own `<b>` and `<br>` kept, nothing else of HTML let through.
 */
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The only raw HTML a report writes itself; content text never reaches the page as HTML (markdown.ts escapes it). */
const OWN_HTML = new Set(['<b>', '</b>', '<br>']);

const STYLE = `body{font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;max-width:980px;margin:2rem auto;padding:0 1.5rem}
h2{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}h3{margin-top:1.6em}h4{margin:1.2em 0 .2em}
blockquote{margin:.3em 0;padding:0 1em;color:#59636e;border-left:.25em solid #d1d9e0}blockquote b{color:#1f2328;background:#fff8c5}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eff1f3;padding:.15em .35em;border-radius:6px}
pre{background:#f6f8fa;padding:1em;border-radius:6px;overflow:auto}pre code{background:none;padding:0}
table{border-collapse:collapse;margin:.5em 0;display:block;overflow:auto}th,td{border:1px solid #d1d9e0;padding:6px 13px;vertical-align:top}th{background:#f6f8fa}
ul{padding-left:2em}td code{white-space:nowrap}`;

/** `markdown` as the body of an HTML page titled `title`. */
export function reportHtml(markdown: string, title: string): string {
  const hast = toHast(unified().use(remarkParse).use(remarkGfm).parse(markdown), { allowDangerousHtml: true });
  // Raw HTML other than the report's own is shown as text (defence in depth: markdown.ts already escapes content).
  visit(hast, 'raw', (node: { type: string; value: string }) => {
    if (!OWN_HTML.has(node.value) && !/^<!--[^]*-->$/.test(node.value)) node.type = 'text';
  });
  const body = toHtml(hast, { allowDangerousHtml: true });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeText(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
