/** Validate parsed frontmatter against a strict zod schema, reporting each issue at its YAML position. */
import type { z } from 'zod';
import { closest } from 'fastest-levenshtein';
import { clip, type Reporter } from './diagnostics.ts';
import { describePath, type ParsedFrontmatter } from './frontmatter.ts';

interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  element?: { _zod: { def: ZodDef } };
  innerType?: { _zod: { def: ZodDef } };
  options?: { _zod: { def: ZodDef } }[];
}

/** The field names an object schema allows at `path` (for "did you mean" hints). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  const unwrap = (d: ZodDef): ZodDef => {
    let current = d;
    while (current.innerType) current = current.innerType._zod.def;
    if (current.type === 'union' && current.options)
      current = current.options.map((o) => o._zod.def).find((o) => o.type === 'object') ?? current;
    return current;
  };
  for (const step of path) {
    def = unwrap(def);
    if (typeof step === 'number' && def.element) def = def.element._zod.def;
    else if (typeof step === 'string' && def.shape?.[step]) def = def.shape[step]._zod.def;
    else return [];
  }
  def = unwrap(def);
  return def.shape ? Object.keys(def.shape) : [];
}

/** The value at `path` in parsed frontmatter data. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, step) => (value as Record<PropertyKey, unknown> | undefined)?.[step], data);
}

/** Validate parsed frontmatter against a strict zod schema; report each issue at its YAML position. */
export function validateFrontmatter<T>(
  schema: z.ZodType<T>,
  parsed: ParsedFrontmatter,
  reporter: Reporter,
  fieldHints: Record<string, string> = {},
): T | undefined {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const allowed = keysAt(schema, path);
        const suggestion = allowed.length > 0 ? closest(key, allowed) : undefined;
        const hint = suggestion ? `Did you mean \`${suggestion}\`? Allowed here: ${allowed.join(', ')}.` : 'Remove it.';
        reporter.error(
          'frontmatter-unknown-field',
          `Unknown frontmatter field \`${clip(describePath([...path, key]))}\``,
          parsed.locate(path, key),
          hint,
        );
      }
      continue;
    }
    const name = describePath(path);
    if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) {
      const value = valueAt(parsed.data, path) as string | unknown[];
      const size = `${value.length.toLocaleString('en-US')} ${issue.origin === 'string' ? 'characters long' : 'entries'}`;
      reporter.error(
        'frontmatter-too-long',
        `Frontmatter field \`${name}\` ${issue.origin === 'string' ? 'is' : 'has'} ${size} (limit ${issue.maximum.toLocaleString('en-US')})`,
        parsed.locate(path),
        'Shorten it: frontmatter holds names, labels and one-sentence summaries; the page body holds the rest.',
      );
      continue;
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const last = String(path[path.length - 1] ?? '');
    const hint = fieldHints[last] ?? fieldHints[name];
    if (missing)
      reporter.error('frontmatter-missing-field', `Missing frontmatter field \`${name}\``, parsed.locate(path), hint ?? 'Add the field.');
    else {
      const allowed = issue.code === 'invalid_value' ? `Use one of: ${issue.values.map(String).join(', ')}.` : undefined;
      reporter.error(
        'frontmatter-invalid',
        `Invalid frontmatter field \`${name}\`: ${issue.message}`,
        parsed.locate(path),
        allowed ?? hint ?? 'See docs/content-model.md for the format of each field.',
      );
    }
  }
  return undefined;
}
