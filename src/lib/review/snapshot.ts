/**
 * What a review compares, for one version of the dossier: its claims with their cited passages, its pages, its
 * sources' coverage and texts, its discrepancies, all read from the reader-facing views (what the site shows), and the
 * source files' bytes read directly, so an edited source is seen even when it no longer parses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter, toLf } from '../frontmatter.ts';
import type { Diagnostic, Dossier } from '../verify/index.ts';
import { paragraphTexts } from '../views/claim-view.ts';
import { buildCollections } from '../views/collections.ts';
import { passageOf, type Passage } from './passage.ts';

export interface CitationState {
  source: string;
  sourceTitle: string;
  quote: string;
  stance: string;
  /** The first paragraph the quote touches (`p-7`). */
  paragraph: string;
  passage: Passage;
}

export interface ClaimState {
  id: string;
  file: string;
  line: number;
  /** The page that holds it, by title. */
  pageTitle: string;
  status: string;
  text: string;
  about: string[];
  speaker?: string;
  citations: CitationState[];
  /** Independent origins among its supporting citations. */
  origins: string[];
}

export interface PageState {
  /** `people/x`, `sources/y`. */
  key: string;
  collection: string;
  title: string;
  file: string;
}

export interface SourceState {
  slug: string;
  title: string;
  file: string;
  coverage?: { cited: number; substantive: number; percent: number };
}

export interface SourceFile {
  file: string;
  /** The article text (after the frontmatter), line endings as LF. */
  body: string;
  /** The `sha256:` the frontmatter records, if it has one. */
  recorded?: string;
}

export interface DiscrepancyState {
  slug: string;
  title: string;
  kind: string;
  summary: string;
  file: string;
}

export interface Snapshot {
  claims: Map<string, ClaimState>;
  pages: Map<string, PageState>;
  sources: Map<string, SourceState>;
  /** Every `content/sources/*.md` file by slug, verified or not. */
  sourceFiles: Map<string, SourceFile>;
  discrepancies: Map<string, DiscrepancyState>;
  diagnostics: Diagnostic[];
}

/** The source files under `<contentDir>/sources`, read as they are on disk; `prefix` is their project-relative folder. */
export function readSourceFiles(contentDir: string, prefix: string): Map<string, SourceFile> {
  const dir = join(contentDir, 'sources');
  const files = new Map<string, SourceFile>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.md') && !name.startsWith('.') && name !== 'README.md');
  } catch {
    return files;
  }
  for (const name of names.sort()) {
    const text = toLf(readFileSync(join(dir, name), 'utf8'));
    const split = splitFrontmatter(text);
    const recorded = /^sha256:\s*["']?([0-9a-fA-F]+)/m.exec(split.yaml)?.[1];
    files.set(name.slice(0, -3), { file: `${prefix}sources/${name}`, body: split.body, ...(recorded ? { recorded } : {}) });
  }
  return files;
}

/** The snapshot of one verified dossier (verified with or without rendering: the review reads no HTML). */
export function snapshotOf(dossier: Dossier, diagnostics: Diagnostic[], sourceFiles: Map<string, SourceFile>): Snapshot {
  const views = buildCollections(dossier);
  const texts = paragraphTexts(views.sources);
  const claims = new Map<string, ClaimState>();
  for (const c of views.claims) {
    const paragraphs = (slug: string) => (id: string) => texts.get(slug)?.get(id);
    claims.set(c.id, {
      id: c.id,
      file: c.file,
      line: c.line,
      pageTitle: c.page.title,
      status: c.status,
      text: c.text,
      about: c.about.map((a) => a.slug).sort(),
      ...(c.speaker ? { speaker: c.speaker.slug } : {}),
      citations: c.citations.map((r) => ({
        source: r.source,
        sourceTitle: r.sourceTitle,
        quote: r.quote,
        stance: r.stance,
        paragraph: r.paragraphs[0] ?? '',
        passage: passageOf(r.context, paragraphs(r.source)),
      })),
      origins: c.origins.map((o) => o.name),
    });
  }
  const pages = new Map<string, PageState>();
  for (const collection of ['people', 'episodes', 'discrepancies', 'sources'] as const)
    for (const v of views[collection])
      pages.set(`${collection}/${v.slug}`, { key: `${collection}/${v.slug}`, collection, title: v.title, file: v.file });
  return {
    claims,
    pages,
    sources: new Map(views.sources.map((s) => [s.slug, { slug: s.slug, title: s.title, file: s.file, coverage: s.coverage }])),
    sourceFiles,
    discrepancies: new Map(
      views.discrepancies.map((d) => [d.slug, { slug: d.slug, title: d.title, kind: d.kind, summary: d.summary, file: d.file }]),
    ),
    diagnostics,
  };
}
