/**
 * A source's hash covers its text; what decides which of that text is citable is in its frontmatter (`furniture`,
 * `basedOn`, `headings`, `paragraphs`). Deleting a furniture entry makes a cookie notice citable without touching
 * the text, so `check --changed` flags every such change against the merge base, for the reviewer to see.
 */
import { execFileSync } from 'node:child_process';
import { Reporter, type Diagnostic } from '../diagnostics.ts';
import { splitFrontmatter, toLf, yamlPackage } from '../frontmatter.ts';
import type { SourceMeta } from '../sources/source-schema.ts';

type CitabilityFacts = Pick<SourceMeta, 'furniture' | 'basedOn' | 'headings' | 'paragraphs'>;

const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;

/** What changed between two versions of a source's citability facts that makes more text citable or changes origins. */
export function citabilityChanges(before: CitabilityFacts, after: CitabilityFacts): string[] {
  const changes: string[] = [];
  if ((before.basedOn ?? null) !== (after.basedOn ?? null))
    changes.push(`\`basedOn\` changed from ${before.basedOn ?? '(none)'} to ${after.basedOn ?? '(none)'}`);
  if ((before.paragraphs ?? 'lines') !== (after.paragraphs ?? 'lines'))
    changes.push(`\`paragraphs\` changed from ${before.paragraphs ?? 'lines'} to ${after.paragraphs ?? 'lines'}`);
  const headings = new Set(after.headings ?? []);
  for (const h of before.headings ?? []) if (!headings.has(h)) changes.push(`heading ${quoted(h)} removed`);
  const furniture = new Map((after.furniture ?? []).map((f) => [f.text, f]));
  for (const f of before.furniture ?? []) {
    const now = furniture.get(f.text);
    if (!now) changes.push(`furniture ${quoted(f.text)} (${f.kind}) removed`);
    else if (!f.citable && now.citable) changes.push(`furniture ${quoted(f.text)} (${f.kind}) made citable`);
  }
  return changes;
}

/** The citability facts of a source file's text, or undefined when its frontmatter does not parse. */
function factsOf(text: string): CitabilityFacts | undefined {
  try {
    const data = yamlPackage().parse(splitFrontmatter(toLf(text)).yaml) as unknown;
    return data && typeof data === 'object' ? (data as CitabilityFacts) : undefined;
  } catch {
    return undefined;
  }
}

/** A warning for each changed source whose citability facts changed since `since` (a commit). */
export function flagCitabilityChanges(root: string, since: string, changed: readonly { file: string; text: string }[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const { file, text } of changed) {
    let old: string;
    try {
      old = execFileSync('git', ['show', `${since}:./${file}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // a new source: everything in it is new, and its review covers it
    }
    const [before, after] = [factsOf(old), factsOf(text)];
    if (!before || !after) continue;
    const changes = citabilityChanges(before, after);
    if (changes.length === 0) continue;
    const reporter = new Reporter(file);
    reporter.warn(
      'source-citability-changed',
      `What is citable in this source changed: ${changes.join('; ')}`,
      undefined,
      'The hash covers the text, not this: check that page chrome is still furniture and the origin is right, since these decide which quotes count as reporting and how origins are counted.',
    );
    warnings.push(...reporter.diagnostics);
  }
  return warnings;
}
