/**
 * remark plugin: the content safety rules as a guard inside any MDX pipeline. Content MDX is never compiled
 * by Astro here (the claims engine parses it as data), but if a file under content/ ever reaches the MDX
 * compiler, this stops the build before any of it can run.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { Reporter } from '../lib/diagnostics.ts';
import { walkContent } from '../lib/pages/walk-content.ts';

const SAFETY_RULES = new Set(['mdx-import-export', 'mdx-expression', 'raw-html', 'unknown-component', 'unsafe-attribute', 'unsafe-url']);

/** Applies to files whose path contains `/content/` (contributors' MDX), not to the site's own pages. */
export default function remarkContentSafety() {
  return (tree: Root, file: VFile) => {
    const path = (file.path ?? '').replace(/\\/g, '/');
    if (!/\/content\//.test(path)) return;
    const reporter = new Reporter(path);
    const { links } = walkContent(tree, reporter);
    for (const link of links) {
      if (/^\s*(javascript|vbscript|data):/i.test(link.url))
        reporter.error('unsafe-url', `Link to \`${link.url.slice(0, 40)}\` is not allowed`, link.at);
    }
    const problems = reporter.diagnostics.filter((d) => SAFETY_RULES.has(d.rule));
    if (problems.length === 0) return;
    const first = problems[0]!;
    const summary = problems
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.message} (${d.rule})${d.hint ? ` — ${d.hint}` : ''}`)
      .join('\n');
    file.fail(`Unsafe content MDX:\n${summary}`, {
      place: { line: first.line, column: first.column },
      ruleId: first.rule,
      source: 'backchannel',
    });
  };
}
