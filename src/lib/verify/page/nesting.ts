/**
 * Bounded depth: lists in lists, quotes in quotes, components in components and emphasis in emphasis each add a
 * level, and the renderer and the walk recurse once per level (3,000 nested <Claim>s or 1,500 nested lists
 * overflowed the stack). The depth is measured without recursion, before anything else reads the tree.
 */
import type { Nodes, Root } from 'mdast';
import type { Reporter } from '../../diagnostics.ts';

export const MAX_NESTING = 32;

/** Node types that nest (a list item is counted with its list, a paragraph cannot hold a paragraph). */
const NESTING = new Set([
  'list',
  'blockquote',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'footnoteDefinition',
]);

/** Report the first node nested deeper than MAX_NESTING and return false, or return true. */
export function checkNesting(tree: Root, reporter: Reporter): boolean {
  const stack: [Nodes, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    const level = NESTING.has(node.type) ? depth + 1 : depth;
    if (level > MAX_NESTING) {
      reporter.error(
        'nesting-too-deep',
        `Content is nested more than ${MAX_NESTING} levels deep here (lists, quotes, components or emphasis inside each other)`,
        { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
        'Flatten it: a claim holds sentences, and lists or quotes need a level or two.',
      );
      return false;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, level]);
  }
  return true;
}
