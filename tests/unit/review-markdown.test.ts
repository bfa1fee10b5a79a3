/** The Markdown of the review report and the job summary: content text stays text, tables keep their shape. */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { checkSummary, diagnosticsTable } from '../../src/lib/review/diagnostics-table.ts';
import { reportHtml } from '../../src/lib/review/html.ts';
import { code, fenced, finish, fitTo, md } from '../../src/lib/review/markdown.ts';

/** The node types GFM parses `markdown` into, and its text as a reader sees it. */
function read(markdown: string): { types: Set<string>; text: string } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const types = new Set<string>();
  let text = '';
  visit(tree, (node) => {
    types.add(node.type);
    if (node.type === 'text' || node.type === 'inlineCode') text += (node as { value: string }).value;
  });
  return { types, text };
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[a link](javascript:alert(1))',
  '![an image](https://example.com/x.png)',
  'see https://example.com/x and www.example.com or mail me@example.com',
  '**bold** _em_ `code` ~~struck~~',
  '# heading',
  '> quote',
  '- item',
  '1. item',
  '| a | b |',
  '@octocat and #12',
  ':smile: <!-- comment -->',
  '&amp; &lt;b&gt;',
  'line\nbreak',
];

describe('md', () => {
  it.each(HOSTILE)('keeps %j as plain text', (text) => {
    const { types, text: shown } = read(`Before ${md(text)} after`);
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
    // What a reader sees is the text itself (word joiners aside), with line breaks as spaces.
    expect(shown.replaceAll('\u2060', '')).toBe(`Before ${text.replace(/\s+/g, ' ')} after`);
  });

  it('puts a word joiner where GitHub would make a mention, an issue reference or a link', () => {
    expect(md('@octocat')).toBe('&#64;&#8288;octocat');
    expect(md('#12')).toBe('\\#&#8288;12');
    expect(md('https://x.org')).toBe('https&#8288;\\://x\\.org');
    expect(md('www.x.org')).toBe('www&#8288;\\.x\\.org');
  });

  it('writes control characters out, on one line', () => {
    expect(md('a\u001b[31mb\u202ec')).toBe('a\\\\u001b\\[31mb\\\\u202ec');
    expect(md('a\r\nb')).toBe('a b');
  });
});

describe('code, fenced, finish and fitTo', () => {
  it('uses inline code only for plain identifiers', () => {
    expect(code('content/people/x.mdx')).toBe('`content/people/x.mdx`');
    expect(code('origin/main')).toBe('`origin/main`');
    expect(code('a`b')).toBe('a\\`b');
    expect(code('x <b>')).toBe('x &lt;b\\>');
  });

  it('fences lines with more backticks than any run in them', () => {
    const block = fenced(['- a ```` b', '+ c'], 'diff');
    expect(block.split('\n')[0]).toBe('`````diff');
    expect(block.split('\n').at(-1)).toBe('`````');
    const { types } = read(block);
    expect([...types].sort()).toEqual(['code', 'root']);
  });

  it('leaves no line that starts a workflow command', () => {
    expect(finish('ok\n::error::x\n  ::warning::y')).toBe('ok\n\\::error::x\n  \\::warning::y');
  });

  it('cuts at a section boundary and says so', () => {
    const text = `# A\n${'a'.repeat(50)}\n# B\n${'b'.repeat(50)}\n`;
    expect(fitTo(text, 1000, 'cut')).toBe(text);
    const cut = fitTo(text, 80, 'cut');
    expect(cut).toBe(`# A\n${'a'.repeat(50)}\n\ncut`);
    expect(cut.length).toBeLessThanOrEqual(80);
  });
});

describe('diagnosticsTable', () => {
  const d = (over: { [K in keyof Diagnostic]?: Diagnostic[K] | undefined }): Diagnostic => {
    const diagnostic: Diagnostic = {
      file: 'content/people/x.mdx',
      line: 3,
      column: 7,
      severity: 'error',
      rule: 'quote-not-found',
      message: 'Quote not found in `src`: “a | b <i>c</i>”',
      hint: 'Closest passage (91% similar, p-2): “a\nb”',
    };
    for (const [key, value] of Object.entries(over)) {
      if (value === undefined) delete diagnostic[key as 'hint'];
      else Object.assign(diagnostic, { [key]: value });
    }
    return diagnostic;
  };

  it('has one row per diagnostic with file, line, severity, rule, message and hint, every cell escaped', () => {
    const table = diagnosticsTable([d({ line: 9 }), d({ file: 'content/a.mdx', severity: 'warning', hint: undefined })]);
    const rows = table.split('\n');
    expect(rows[0]).toBe('| File | Line | Severity | Rule | Message | Hint |');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe(
      '| `content/a.mdx` | 3:7 | warning | `quote-not-found` | Quote not found in \\`src\\`\\: “a \\| b &lt;i\\>c&lt;/i\\>” |   |',
    );
    expect(rows[3]).toMatch(/^\| `content\/people\/x\.mdx` \| 9:7 \| error \| `quote-not-found` \| /);
    expect(rows[3]!.endsWith('| Closest passage \\(91% similar, p\\-2\\)\\: “a<br>b” |')).toBe(true);
    const { types } = read(table);
    expect(types).toContain('table');
    expect(types).not.toContain('link');
  });

  it('keeps every row however many there are, up to GitHub’s summary limit, and says how many it left out', () => {
    const many = Array.from({ length: 5000 }, (_, i) => d({ line: i + 1 }));
    expect(diagnosticsTable(many).split('\n')).toHaveLength(5002);
    const capped = diagnosticsTable(many, 20_000);
    const shown = capped.split('\n').filter((l) => l.startsWith('| `content')).length;
    expect(shown).toBeGreaterThan(50);
    expect(capped).toContain(`${5000 - shown} more not shown`);
  });

  it('gives a verdict line and no table when the check is clean', () => {
    expect(checkSummary([], 'checked 5 sources: ok')).toBe('### ✅ npm run check\n\nchecked 5 sources\\: ok\n');
    expect(checkSummary([d({})], 'checked: 1 error(s)')).toContain('### ❌ npm run check');
  });
});

describe('reportHtml', () => {
  it('renders the report as GitHub would, keeping only the report’s own HTML', () => {
    const html = reportHtml(
      `<!-- marker -->\n## T\n\n> a <b>quoted</b> b\n\n| x |\n| --- |\n| 1<br>2 |\n\n<script>alert(1)</script>\n\n${md('<img src=x>')}`,
      'R <i>',
    );
    expect(html).toContain('<title>R &lt;i&gt;</title>');
    expect(html).toContain('<blockquote>\n<p>a <b>quoted</b> b</p>\n</blockquote>');
    expect(html).toContain('<td>1<br>2</td>');
    expect(html).not.toMatch(/<script>|<img/);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});
