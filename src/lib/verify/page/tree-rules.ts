/**
 * Rules on the parsed tree, in one pass without recursion, before anything else reads it. Depth: lists in lists,
 * quotes in quotes, components in components and emphasis in emphasis each add a level, and the renderer and the
 * walk recurse once per level (3,000 nested <Claim>s or 1,500 nested lists overflowed the stack). Text: a character
 * reference (`&#27;`) puts a control character in a value that the file's text does not show.
 */
import type { Nodes, Root } from 'mdast';
import type { Position, Reporter } from '../../diagnostics.ts';
import { firstControlCharacter } from '../../text-rules.ts';

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

const at = (node: Nodes): Position => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

/** The strings of a node that reach a page: its text, a link's address and title, an image's text, attributes. */
function valuesOf(node: Nodes): string[] {
  const values: string[] = [];
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') values.push(node.value);
  if ('url' in node) values.push(node.url, node.title ?? '');
  if (node.type === 'image' || node.type === 'imageReference') values.push(node.alt ?? '');
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
    for (const a of node.attributes) if (typeof a.value === 'string') values.push(a.value);
  return values;
}

/**
 * Report the first node nested deeper than MAX_NESTING, or the first control character; false if either. Values are
 * read only when `references` (the text has a numeric character reference, the one way a value gets a control
 * character the text does not show: micromark turns the others into U+FFFD, and form feed is left).
 */
export function checkTree(tree: Root, reporter: Reporter, references = true): boolean {
  const stack: [Nodes, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    const level = NESTING.has(node.type) ? depth + 1 : depth;
    if (level > MAX_NESTING) {
      reporter.error(
        'nesting-too-deep',
        `Content is nested more than ${MAX_NESTING} levels deep here (lists, quotes, components or emphasis inside each other)`,
        at(node),
        'Flatten it: a claim holds sentences, and lists or quotes need a level or two.',
      );
      return false;
    }
    for (const value of references ? valuesOf(node) : []) {
      const found = firstControlCharacter(value);
      if (!found) continue;
      reporter.error(
        'control-character',
        `Control character ${found} is not allowed in content`,
        at(node),
        'Delete it, or the character reference that writes it (such as `&#12;`): content may hold tabs and line breaks, no other control characters.',
      );
      return false;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, level]);
  }
  return true;
}
