/** The attributes of a <Claim> or <Cite>: plain strings only, each one the component takes. */
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { closest } from 'fastest-levenshtein';
import { clip, type Position, type Reporter } from '../../diagnostics.ts';
import { componentAttributes } from '../content-rules.ts';
import { pos, type JsxElement } from '../walk-content.ts';

export type Attributes = Map<string, { value: string; at: Position }>;

/** The string attributes of `node`, reporting expressions, unsafe, unknown and valueless ones. */
export function attributeMap(node: JsxElement, reporter: Reporter): Attributes {
  const allowed = componentAttributes[node.name ?? ''] ?? [];
  const map: Attributes = new Map();
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      reporter.error(
        'mdx-expression',
        `Spread attribute \`{${clip(attr.value)}}\` on <${node.name}> is not allowed`,
        pos(attr.position ? attr : node),
        'Write each attribute as name="text".',
      );
      continue;
    }
    const at = pos((attr as MdxJsxAttribute).position ? attr : node);
    const name = clip(attr.name);
    if (/^on/i.test(attr.name) || attr.name === 'style') {
      reporter.error(
        'unsafe-attribute',
        `Attribute \`${name}\` on <${node.name}> is not allowed`,
        at,
        'Content cannot carry event handlers or inline styles; remove it.',
      );
      continue;
    }
    if (!allowed.includes(attr.name)) {
      reporter.error(
        'unknown-attribute',
        `Unknown attribute \`${name}\` on <${node.name}>`,
        at,
        `<${node.name}> takes ${allowed.map((a) => `\`${a}\``).join(', ')}${allowed.length ? `; did you mean \`${closest(attr.name.slice(0, 40), [...allowed])}\`?` : '.'}`,
      );
      continue;
    }
    if (attr.value === null || attr.value === undefined) {
      reporter.error('attribute-value', `Attribute \`${name}\` on <${node.name}> has no value`, at, `Write ${name}="…".`);
      continue;
    }
    if (typeof attr.value !== 'string') {
      reporter.error(
        'mdx-expression',
        `Expression \`{${clip(attr.value.value)}}\` in attribute \`${name}\` is not allowed`,
        at,
        `Write ${name}="…" with plain text.`,
      );
      continue;
    }
    map.set(attr.name, { value: attr.value, at });
  }
  return map;
}
