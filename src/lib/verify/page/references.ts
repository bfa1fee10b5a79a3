/** References to people and episodes, from claims (`about`, `speaker`) and frontmatter fields, must name a page. */
import { closest } from 'fastest-levenshtein';
import { clip, type Position, type Reporter } from '../../diagnostics.ts';
import type { FrontmatterReference } from '../collections.ts';
import type { PageState } from './page-state.ts';

/** Report each slug that names no page of its kind, suggesting the closest that does. */
export function checkSlugs(
  slugs: readonly { slug: string; at: Position }[],
  known: ReadonlySet<string>,
  kind: 'person' | 'episode',
  reporter: Reporter,
): void {
  for (const { slug, at } of slugs) {
    if (known.has(slug)) continue;
    const suggestion = known.size > 0 ? closest(slug.slice(0, 100), [...known]) : undefined;
    reporter.error(
      kind === 'person' ? 'unknown-person' : 'unknown-episode',
      `Unknown ${kind} \`${clip(slug)}\``,
      at,
      `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Each ${kind} needs a file content/${kind === 'person' ? 'people' : 'episodes'}/${clip(slug)}.mdx.`,
    );
  }
}

/** Check the claims' people, then the frontmatter's references in the order the collection lists them. */
export function checkReferences<M>(state: PageState<M>, fromFrontmatter: readonly FrontmatterReference[]): void {
  const { site, reporter } = state;
  for (const draft of state.walked.claims) {
    checkSlugs(draft.about, site.people, 'person', reporter);
    if (draft.speaker) checkSlugs([draft.speaker], site.people, 'person', reporter);
  }
  if (!state.frontmatter) return;
  const locate = state.frontmatter.locate;
  for (const { kind, slug, path } of fromFrontmatter)
    checkSlugs([{ slug, at: locate(path) }], kind === 'person' ? site.people : site.episodes, kind, reporter);
}
