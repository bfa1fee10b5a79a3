/** The reader-facing view of a source: metadata, paragraphs with furniture segments and backlinks, coverage. */
import { describeDate } from '../dates.ts';
import type { ClaimId, Dossier } from '../model.ts';
import type { Source } from '../sources/parse-source.ts';
import { nameInText, outletDescription, outletName, sourceName } from './source-names.ts';

export interface Segment {
  text: string;
  /** Set when this part of the paragraph is page furniture. */
  furniture?: string;
}

export interface BacklinkView {
  id: string;
  /** The claim's words, cut to 160 characters (a paragraph can be cited by many claims). */
  text: string;
  status: string;
  /** `/people/x/#claim-id`. */
  href: string;
  pageTitle: string;
}

export interface ParagraphView {
  id: string;
  n: number;
  kind: 'text' | 'heading' | 'furniture';
  furnitureKind?: string;
  segments: Segment[];
  citedBy: BacklinkView[];
}

export interface SourceView {
  slug: string;
  url: string;
  file: string;
  title: string;
  /** The short name readers know the source by (source-names.ts). */
  name: string;
  /** The name as running text uses it: "the translated retelling". */
  nameInText: string;
  publisher: string | null;
  /** Its publisher, or "Unidentified site". */
  outlet: string;
  /** The outlet with what is known of the text: "Unidentified site, rewrite of NBC News". */
  outletDescription: string;
  published: { value: string; label: string; basis?: string; earliest?: string };
  /** When the reporting it carries was done, when that is not its publication date (`reported` in its frontmatter). */
  reported?: { value: string; label: string; basis: string };
  language: string;
  translatedFrom?: string;
  basedOn?: string;
  /** The text is the `basedOn` outlet's own article, republished as it was. */
  reprint: boolean;
  notes: string[];
  furniture: { kind: string; citable: boolean; reason?: string }[];
  sha256: string;
  paragraphs: ParagraphView[];
  coverage: { cited: number; substantive: number; percent: number };
  claimCount: number;
}

function segmentsOf(source: Source, start: number, end: number, furniture: Source['furniture']): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const f of furniture) {
    const from = Math.max(f.start, start);
    const to = Math.min(f.end, end);
    if (to <= from) continue;
    if (from > at) segments.push({ text: source.text.slice(at, from) });
    segments.push({ text: source.text.slice(from, to), furniture: f.kind });
    at = to;
  }
  if (at < end) segments.push({ text: source.text.slice(at, end) });
  return segments.filter((s) => s.text.trim() !== '' || !s.furniture);
}

/** Build the view of one source from the dossier (backlinks come from the graph, never recomputed). */
export function sourceView(
  source: Source,
  dossier: Dossier,
  pageTitle: (url: string) => string,
  href: (path: string) => string = (path) => path,
): SourceView {
  const backlinks = dossier.backlinks.get(source.slug as never) ?? new Map<string, ClaimId[]>();
  const claimIds = new Set<string>();
  const paragraphs = source.paragraphs.map((p): ParagraphView => {
    const citedBy = (backlinks.get(p.id) ?? []).map((id) => {
      claimIds.add(id);
      const claim = dossier.claims.get(id)!;
      const text = claim.text.length > 160 ? `${claim.text.slice(0, 157)}…` : claim.text;
      return { id, text, status: claim.status, href: href(`${claim.pageUrl}#claim-${id}`), pageTitle: pageTitle(claim.pageUrl) };
    });
    const furnitureKind = p.kind === 'furniture' ? p.furniture[0]?.kind : undefined;
    return {
      id: p.id,
      n: p.n,
      kind: p.kind,
      ...(furnitureKind ? { furnitureKind } : {}),
      segments: p.kind === 'furniture' ? [{ text: source.text.slice(p.start, p.end) }] : segmentsOf(source, p.start, p.end, p.furniture),
      citedBy,
    };
  });
  const substantive = paragraphs.filter((p) => p.kind === 'text');
  const cited = substantive.filter((p) => p.citedBy.length > 0).length;
  const m = source.meta;
  return {
    slug: source.slug,
    url: href(`/sources/${source.slug}/`),
    file: source.file,
    title: m.title,
    name: sourceName(m),
    nameInText: nameInText(m),
    publisher: m.publisher,
    outlet: outletName(m),
    outletDescription: outletDescription(m),
    published: {
      value: m.published.date,
      label: describeDate(source.published),
      ...(m.published.basis ? { basis: m.published.basis } : {}),
      ...(source.published.earliest ? { earliest: source.published.earliest } : {}),
    },
    ...(m.reported ? { reported: { value: m.reported.date, label: describeDate(source.reported), basis: m.reported.basis } } : {}),
    language: m.language,
    ...(m.translatedFrom ? { translatedFrom: m.translatedFrom } : {}),
    ...(m.basedOn ? { basedOn: m.basedOn } : {}),
    reprint: m.reprint ?? false,
    notes: m.notes ?? [],
    furniture: (m.furniture ?? []).map((f) => ({ kind: f.kind, citable: f.citable ?? false, ...(f.reason ? { reason: f.reason } : {}) })),
    sha256: source.sha256,
    paragraphs,
    coverage: {
      cited,
      substantive: substantive.length,
      percent: substantive.length === 0 ? 100 : Math.round((cited / substantive.length) * 1000) / 10,
    },
    claimCount: claimIds.size,
  };
}
