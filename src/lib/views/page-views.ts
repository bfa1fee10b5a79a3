/** Reader-facing views of people, episodes, discrepancies and prose pages, with everything the graph derives for them. */
import { compareFuzzyDates } from '../dates.ts';
import type { Dossier, EpisodePage, Page, PageKey } from '../model.ts';
import { natureLabels } from '../pages/page-schemas.ts';
import { referenceView, type ReferenceView } from './reference-view.ts';
import { reportedBy, type ReportedByView } from './reported-by.ts';
import { nameInText, withSourceNames } from './source-names.ts';

export interface LinkView {
  url: string;
  title: string;
}

export interface EpisodeLink extends LinkView {
  slug: string;
  date: string;
  /** When its sources report it, when the page says ("About August 2025 (POLITICO)"). */
  reported?: string;
  sortKey: string;
}

interface ViewBase {
  slug: string;
  url: string;
  file: string;
  title: string;
  description: string;
  html: string;
  headings: { depth: number; text: string; id: string }[];
  references: ReferenceView[];
  /** Ids of the claims on this page (their views are in the claims collection). */
  claims: string[];
}

export interface PersonView extends ViewBase {
  name: string;
  summary: string;
  roles: { title: string; organisation?: string; from?: string; to?: string; ref?: string }[];
  aliases: { name: string; source: string; ref?: string }[];
  episodes: EpisodeLink[];
  /** Ids of the claims about this person on other pages, and of their quotes: resolved by id when rendered, so a
   * claim's words are stored once, not once per person it names. */
  claimsAbout: string[];
  quotes: string[];
  mentionedOn: (LinkView & { context: string; anchor?: string })[];
  discrepancies: LinkView[];
}

export interface EpisodeView extends ViewBase {
  summary: string;
  date: {
    value: string;
    label: string;
    note?: string;
    precision: string;
    approximate: boolean;
    uncertain: boolean;
    earliest?: string;
    latest?: string;
    ref?: string;
  };
  /** When the sources report it, which may be months after it happened; the reasoning, and the marks of its passages. */
  reported?: { value: string; label: string; note: string; earliest?: string; refs: string[] };
  place?: string;
  participants: (LinkView & { slug: string })[];
  related: LinkView[];
  discrepancies: LinkView[];
  /** The sources cited on the page, by independent origin. */
  reportedBy: ReportedByView;
}

export interface DiscrepancyView extends ViewBase {
  summary: string;
  /** `disagreement` (about what happened) or `observation` (what the texts say), and its label. */
  nature: string;
  natureLabel: string;
  kind: string;
  about: (LinkView & { slug: string })[];
  episodes: LinkView[];
}

/** A prose page: the about page, the home page's introduction (`index`). */
export interface ProseView extends ViewBase {
  summary: string;
}

/** Title of any page key (person name, episode or discrepancy title). */
export function titleOf(page: Page): string {
  return page.collection === 'people' ? page.meta.name : page.meta.title;
}

/** Look-ups by URL and key built once, for the views. */
export function makeLookups(dossier: Dossier, href: (path: string) => string = (path) => path) {
  const byUrl = new Map<string, Page>();
  for (const p of dossier.pages.values()) byUrl.set(p.url, p);
  const pageTitle = (url: string): string => {
    const page = byUrl.get(url);
    if (page) return titleOf(page);
    const source = dossier.sources.get(url.split('/')[2] as never);
    return source ? source.meta.title : url;
  };
  const link = (key: PageKey): LinkView & { slug: string } => {
    const page = dossier.pages.get(key)!;
    return { url: href(page.url), title: titleOf(page), slug: page.slug };
  };
  const episodeLink = (key: PageKey): EpisodeLink => {
    const page = dossier.pages.get(key) as EpisodePage;
    return {
      url: href(page.url),
      title: page.meta.title,
      slug: page.slug,
      date: page.meta.date.label,
      ...(page.meta.reported ? { reported: page.meta.reported.label } : {}),
      sortKey: page.date.earliest ?? '9999',
    };
  };
  // Discrepancies of each episode, in page order, found in one pass (filtering every page for every episode was
  // quadratic: 18 s at 10,000 pages).
  const discrepanciesByEpisode = new Map<string, LinkView[]>();
  for (const p of dossier.pages.values()) {
    if (p.collection !== 'discrepancies') continue;
    for (const slug of new Set(p.meta.episodes ?? [])) {
      const list = discrepanciesByEpisode.get(slug) ?? [];
      list.push({ url: href(p.url), title: titleOf(p) });
      discrepanciesByEpisode.set(slug, list);
    }
  }
  const discrepanciesOf = (episode: string): LinkView[] => (discrepanciesByEpisode.get(episode) ?? []).map((l) => ({ ...l }));
  // Editorial text that names a source by its file name reads its name instead (source-names.ts).
  const namesInText = new Map([...dossier.sources].map(([slug, s]) => [slug as string, nameInText(s.meta)]));
  const inReaderWords = (text: string) => withSourceNames(text, namesInText);
  return { pageTitle, link, episodeLink, discrepanciesOf, href, inReaderWords };
}

/** The reference mark of a frontmatter fact, as HTML (rendered by the verifier, with the site's URL base). */
function factMark(page: Page, field: string): { ref?: string } {
  const ref = page.factHtml[field];
  return ref === undefined ? {} : { ref };
}

function base(page: Page, dossier: Dossier, href: (path: string) => string): ViewBase {
  return {
    slug: page.slug,
    url: href(page.url),
    file: page.file,
    title: titleOf(page),
    description: page.description,
    html: page.html,
    headings: page.headings,
    references: page.references.map((c) => referenceView(c, dossier, href)),
    claims: [...page.claims],
  };
}

/** Build the view of one page. */
export function pageView(
  page: Page,
  dossier: Dossier,
  lookups: ReturnType<typeof makeLookups>,
): PersonView | EpisodeView | DiscrepancyView | ProseView {
  const { link, episodeLink, discrepanciesOf, href, inReaderWords } = lookups;
  const common = base(page, dossier, href);
  if (page.collection === 'people') {
    const graph = dossier.people.get(page.slug)!;
    const episodes = graph.episodes
      .map(episodeLink)
      .sort(
        (a, b) =>
          compareFuzzyDates(
            (dossier.pages.get(`episodes/${a.slug}` as PageKey) as EpisodePage).date,
            (dossier.pages.get(`episodes/${b.slug}` as PageKey) as EpisodePage).date,
          ) || a.title.localeCompare(b.title),
      );
    const seenMention = new Set<string>();
    return {
      ...common,
      name: page.meta.name,
      summary: page.meta.summary,
      roles: page.meta.roles.map((r, i) => ({
        title: r.title,
        ...(r.organisation ? { organisation: r.organisation } : {}),
        ...(r.from ? { from: r.from } : {}),
        ...(r.to ? { to: r.to } : {}),
        ...factMark(page, `roles.${i}`),
      })),
      aliases: (page.meta.aliases ?? []).map((a, i) => ({ name: a.name, source: a.source, ...factMark(page, `aliases.${i}`) })),
      episodes,
      claimsAbout: graph.claimsAbout.filter((id) => dossier.claims.get(id)!.page !== page.key),
      quotes: [...graph.quotes],
      mentionedOn: graph.mentionedOn
        .filter((m) => {
          const k = `${m.from}#${m.anchor ?? m.context}`;
          if (seenMention.has(k)) return false;
          seenMention.add(k);
          return true;
        })
        .map((m) => ({ ...link(m.from), context: m.context, ...(m.anchor ? { anchor: m.anchor } : {}) })),
      discrepancies: graph.discrepancies.map((k) => link(k)),
    };
  }
  if (page.collection === 'episodes') {
    const d = page.date;
    return {
      ...common,
      summary: page.meta.summary,
      date: {
        value: d.value,
        label: page.meta.date.label,
        ...(page.meta.date.note ? { note: inReaderWords(page.meta.date.note) } : {}),
        precision: d.precision,
        approximate: d.approximate,
        uncertain: d.uncertain,
        ...(d.earliest ? { earliest: d.earliest, latest: d.latest } : {}),
        ...factMark(page, 'date'),
      },
      ...(page.meta.reported
        ? {
            reported: {
              value: page.meta.reported.value,
              label: page.meta.reported.label,
              note: inReaderWords(page.meta.reported.note),
              ...(page.reported?.earliest ? { earliest: page.reported.earliest } : {}),
              refs: (page.meta.reported.quotes ?? []).map((_, i) => factMark(page, `reported.${i}`).ref ?? ''),
            },
          }
        : {}),
      ...(page.meta.place ? { place: page.meta.place } : {}),
      participants: page.meta.participants.map((s) => link(`people/${s}` as PageKey)),
      related: (page.meta.related ?? []).map((s) => link(`episodes/${s}` as PageKey)),
      discrepancies: discrepanciesOf(page.slug),
      reportedBy: reportedBy(page, dossier, href),
    };
  }
  if (page.collection === 'pages') return { ...common, summary: page.meta.summary };
  return {
    ...common,
    summary: page.meta.summary,
    nature: page.meta.nature,
    natureLabel: natureLabels[page.meta.nature],
    kind: page.meta.kind,
    about: (page.meta.about ?? []).map((s) => link(`people/${s}` as PageKey)),
    episodes: (page.meta.episodes ?? []).map((s) => link(`episodes/${s}` as PageKey)),
  };
}
