/** Turn one people/episodes/discrepancies MDX file into a verified, rendered page and its claims. */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { Reporter, type Diagnostic, type Position } from '../diagnostics.ts';
import { parseFrontmatter, splitFrontmatter, toLf, validateFrontmatter } from '../frontmatter.ts';
import { parseFuzzyDate, type FuzzyDate } from '../dates.ts';
import { pageKey, pageUrl, type Citation, type Claim, type ClaimId, type Mention, type Page } from '../model.ts';
import { resolveCitation, type CitationContext } from '../claims/resolve-citation.ts';
import { MAX_PAGE_BYTES } from './content-rules.ts';
import { parseMdx } from './mdx-parse.ts';
import { walkContent } from './walk-content.ts';
import { renderClaimBody, renderContent, plainText, type RenderContext } from './render-content.ts';
import { resolveLink } from './links.ts';
import {
  pageFieldHints,
  pageSchemas,
  type DiscrepancyMeta,
  type EpisodeMeta,
  type PageCollection,
  type PersonMeta,
} from './page-schemas.ts';
import { closest } from 'fastest-levenshtein';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface SiteIndex extends CitationContext {
  people: ReadonlySet<string>;
  episodes: ReadonlySet<string>;
  /** Every URL path the site will have, for link checks. */
  paths: ReadonlySet<string>;
}

/** What a caller needs from processing: `npm run check` wants only the verdict, the build the rendered page too. */
export interface ProcessOptions {
  /** Render the page and claim HTML and the headings (default true); without it they are left empty. */
  render?: boolean;
}

export interface ProcessedPage {
  page?: Page;
  claims: Claim[];
  mentions: Mention[];
  diagnostics: Diagnostic[];
}

function checkSlugs(
  slugs: { slug: string; at: Position }[],
  known: ReadonlySet<string>,
  kind: 'person' | 'episode',
  reporter: Reporter,
): void {
  for (const { slug, at } of slugs) {
    if (known.has(slug)) continue;
    const suggestion = known.size > 0 ? closest(slug, [...known]) : undefined;
    reporter.error(
      kind === 'person' ? 'unknown-person' : 'unknown-episode',
      `Unknown ${kind} \`${slug}\``,
      at,
      `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Each ${kind} needs a file content/${kind === 'person' ? 'people' : 'episodes'}/${slug}.mdx.`,
    );
  }
}

/** Process one content page. `raw` is the file as read; `file` is its project-relative path. */
export function processPage(
  raw: string,
  file: string,
  collection: PageCollection,
  slug: string,
  site: SiteIndex,
  { render = true }: ProcessOptions = {},
): ProcessedPage {
  const reporter = new Reporter(file);
  const result: ProcessedPage = { claims: [], mentions: [], diagnostics: reporter.diagnostics };
  if (Buffer.byteLength(raw, 'utf8') > MAX_PAGE_BYTES) {
    reporter.error('file-too-large', `File is larger than ${MAX_PAGE_BYTES / 1024} KB`, undefined, 'Split it into several pages.');
    return result;
  }
  if (raw.trim() === '') {
    reporter.error('file-empty', 'File is empty', undefined, 'Start with frontmatter between `---` lines; see docs/content-model.md.');
    return result;
  }
  const text = toLf(raw);
  const split = splitFrontmatter(text);
  if (!split.hasFrontmatter) {
    reporter.error(
      'frontmatter-missing',
      'File has no YAML frontmatter',
      undefined,
      'Start the file with `---`, the fields, and `---`; see docs/content-model.md.',
    );
    return result;
  }
  const parsedFm = parseFrontmatter(split, reporter);
  const meta =
    parsedFm &&
    (validateFrontmatter(pageSchemas[collection] as never, parsedFm, reporter, pageFieldHints) as
      PersonMeta | EpisodeMeta | DiscrepancyMeta | undefined);
  const parsed = parseMdx(text);
  if (!parsed.ok) {
    reporter.error(
      'mdx-syntax',
      `MDX syntax error: ${parsed.message}`,
      parsed.at,
      'Close every <Claim> with </Claim> and end every <Cite … /> with />; escape a literal < or { as \\< or \\{.',
    );
    return result;
  }
  const walked = walkContent(parsed.tree, reporter);
  const url = pageUrl(collection, slug);
  const key = pageKey(collection, slug);

  // Verify citations in document order; reference numbers follow it.
  const citationByNode = new Map<JsxElement, Citation>();
  const references: Citation[] = [];
  const claimByNode = new Map<JsxElement, { id: string; status: Claim['status'] }>();
  const citationsOf = new Map<(typeof walked.claims)[number], Citation[]>();
  // Frontmatter facts come first on the page, so they take the first reference numbers.
  const facts: Record<string, Citation> = {};
  if (meta && parsedFm) {
    const factList: [string, { source: string; quote: string }, PropertyKey[]][] = [];
    if (collection === 'people') {
      const m = meta as PersonMeta;
      m.roles.forEach((r, i) => factList.push([`roles.${i}`, r, ['roles', i]]));
      (m.aliases ?? []).forEach((a, i) => factList.push([`aliases.${i}`, a, ['aliases', i]]));
    }
    if (collection === 'episodes') factList.push(['date', (meta as EpisodeMeta).date, ['date']]);
    for (const [field, fact, path] of factList) {
      const citation = resolveCitation(
        {
          source: fact.source,
          quote: fact.quote,
          stance: 'supports',
          sourceAt: parsedFm.locate([...path, 'source']),
          quoteAt: parsedFm.locate([...path, 'quote']),
          at: parsedFm.locate(path),
        },
        references.length + 1,
        null,
        site,
        reporter,
      );
      if (citation) {
        facts[field] = citation;
        references.push(citation);
      }
    }
  }

  for (const draft of walked.claims) {
    claimByNode.set(draft.node, { id: draft.id, status: draft.status });
    citationsOf.set(draft, []);
    for (const cite of draft.cites) {
      const citation = resolveCitation(
        { source: cite.source, quote: cite.quote, stance: cite.stance, sourceAt: cite.sourceAt, quoteAt: cite.quoteAt, at: cite.at },
        references.length + 1,
        draft.id as ClaimId,
        site,
        reporter,
      );
      if (citation) {
        citationByNode.set(cite.node, citation);
        references.push(citation);
        citationsOf.get(draft)!.push(citation);
      }
    }
  }
  // References to people and episodes.
  for (const draft of walked.claims) {
    checkSlugs(draft.about, site.people, 'person', reporter);
    if (draft.speaker) checkSlugs([draft.speaker], site.people, 'person', reporter);
  }
  let date: FuzzyDate | undefined;
  if (meta && parsedFm) {
    if (collection === 'episodes') {
      const m = meta as EpisodeMeta;
      checkSlugs(
        m.participants.map((s, i) => ({ slug: s, at: parsedFm.locate(['participants', i]) })),
        site.people,
        'person',
        reporter,
      );
      checkSlugs(
        (m.related ?? []).map((s, i) => ({ slug: s, at: parsedFm.locate(['related', i]) })),
        site.episodes,
        'episode',
        reporter,
      );
      const parsedDate = parseFuzzyDate(m.date.value);
      if (typeof parsedDate === 'string')
        reporter.error('invalid-date', `Invalid date: ${parsedDate}`, parsedFm.locate(['date', 'value']), pageFieldHints.value);
      else date = parsedDate;
    }
    if (collection === 'discrepancies') {
      const m = meta as DiscrepancyMeta;
      checkSlugs(
        (m.about ?? []).map((s, i) => ({ slug: s, at: parsedFm.locate(['about', i]) })),
        site.people,
        'person',
        reporter,
      );
      checkSlugs(
        (m.episodes ?? []).map((s, i) => ({ slug: s, at: parsedFm.locate(['episodes', i]) })),
        site.episodes,
        'episode',
        reporter,
      );
      // Two sides: two different passages, usually from two sources (one source may contradict itself).
      const passages = new Set(references.map((r) => `${r.source}:${r.start}`));
      if (passages.size < 2)
        reporter.error(
          'discrepancy-one-sided',
          'A discrepancy needs at least two citations of different passages, one for each side',
          { line: 1, column: 1 },
          'Cite each side of the disagreement in its own <Claim>, quoting the passages that disagree.',
        );
    }
  }

  // Links: unsafe schemes are errors; internal links must land on a page; internal page links are mentions.
  for (const link of walked.links) {
    const resolved = resolveLink(link.url, url);
    if (resolved.kind === 'unsafe') {
      reporter.error(
        'unsafe-url',
        `Link to \`${link.url.slice(0, 40)}\` is not allowed`,
        link.at,
        'javascript:, vbscript: and data: URLs can run code; link to an https:// page or a page of this site.',
      );
    } else if (resolved.kind === 'internal') {
      if (!site.paths.has(resolved.path)) {
        const suggestion = closest(resolved.path, [...site.paths]);
        reporter.error(
          'broken-link',
          `Link to \`${link.url}\` does not lead to a page of this site`,
          link.at,
          `Did you mean \`${suggestion}\`?`,
        );
        continue;
      }
      const match = /^\/(people|episodes|discrepancies)\/([^/]+)\/$/.exec(resolved.path);
      if (match && resolved.path !== url) {
        result.mentions.push({
          from: key,
          to: pageKey(match[1] as PageCollection, match[2]!),
          context: link.context,
          ...(link.claim ? { anchor: `claim-${link.claim}` } : {}),
        });
      }
    }
  }

  if (!meta || (collection === 'episodes' && !date)) return result;
  const ctx: RenderContext = {
    pageUrl: url,
    citationFor: (node) => citationByNode.get(node),
    claimFor: (node) => claimByNode.get(node),
    outletOf: site.outletOf,
  };
  const { html, headings } = render ? renderContent(parsed.tree, ctx) : { html: '', headings: [] };
  const self = collection === 'people' ? [slug] : [];
  for (const draft of walked.claims) {
    const citations = citationsOf.get(draft)!;
    const about = [...new Set([...self, ...draft.about.map((a) => a.slug)])];
    result.claims.push({
      id: draft.id as ClaimId,
      status: draft.status,
      about,
      ...(draft.speaker ? { speaker: draft.speaker.slug } : {}),
      text: draft.text,
      html: render ? renderClaimBody(draft.node, ctx) : '',
      page: key,
      pageUrl: url,
      file,
      line: draft.at.line,
      column: draft.at.column,
      citations,
      ...site.originsOf(citations),
    });
  }
  const description = 'summary' in meta ? meta.summary : plainText(parsed.tree).slice(0, 200);
  const base = { key, slug, url, file, html, headings, claims: result.claims.map((c) => c.id), references, facts, description };
  result.page =
    collection === 'people'
      ? { ...base, collection, meta: meta as PersonMeta }
      : collection === 'episodes'
        ? { ...base, collection, meta: meta as EpisodeMeta, date: date! }
        : { ...base, collection, meta: meta as DiscrepancyMeta };
  return result;
}
