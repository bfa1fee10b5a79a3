/** What changed between two snapshots of a dossier: the data a review report renders. */
import type { CitationState, ClaimState, DiscrepancyState, PageState, Snapshot, SourceFile } from './snapshot.ts';

export type ClaimField = 'text' | 'status' | 'about' | 'speaker' | 'citations' | 'page' | 'origins';

export interface ClaimChange {
  before: ClaimState;
  after: ClaimState;
  fields: ClaimField[];
  /** Citations of `after` that `before` did not have, and of `before` that `after` no longer has. */
  citationsAdded: CitationState[];
  citationsRemoved: CitationState[];
}

export interface SourceTextChange {
  slug: string;
  file: string;
  /** `edited`: the article text differs; `removed`: the whole file is gone. */
  kind: 'edited' | 'removed';
  recordedBefore?: string;
  recordedAfter?: string;
  /** The lines that differ, once the lines both versions share at the start and the end are set aside. */
  removedLines: string[];
  addedLines: string[];
  /** Line (1-based, in the article text) where the differing lines start. */
  line: number;
}

export interface CountChange<T> {
  key: string;
  title: string;
  before: T;
  after: T;
}

export interface ReviewDiff {
  claims: { added: ClaimState[]; removed: ClaimState[]; changed: ClaimChange[] };
  pages: { added: PageState[]; removed: PageState[] };
  discrepancies: {
    added: DiscrepancyState[];
    removed: DiscrepancyState[];
    changed: { before: DiscrepancyState; after: DiscrepancyState }[];
  };
  coverage: CountChange<{ cited: number; substantive: number; percent: number } | undefined>[];
  origins: CountChange<number>[];
  sourceTexts: SourceTextChange[];
  errors: { before: number; after: number };
}

const citationKey = (c: CitationState) => `${c.source}\u0000${c.stance}\u0000${c.quote}`;
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const byKey = <T>(list: T[], key: (t: T) => string) => list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function claimChange(before: ClaimState, after: ClaimState): ClaimChange | undefined {
  const beforeKeys = new Set(before.citations.map(citationKey));
  const afterKeys = new Set(after.citations.map(citationKey));
  const citationsAdded = after.citations.filter((c) => !beforeKeys.has(citationKey(c)));
  const citationsRemoved = before.citations.filter((c) => !afterKeys.has(citationKey(c)));
  const fields: ClaimField[] = [];
  if (before.text !== after.text) fields.push('text');
  if (before.status !== after.status) fields.push('status');
  if (!same(before.about, after.about)) fields.push('about');
  if (before.speaker !== after.speaker) fields.push('speaker');
  if (citationsAdded.length > 0 || citationsRemoved.length > 0) fields.push('citations');
  if (before.file !== after.file) fields.push('page');
  if (before.origins.length !== after.origins.length) fields.push('origins');
  return fields.length === 0 ? undefined : { before, after, fields, citationsAdded, citationsRemoved };
}

/** The lines of two texts that differ, once their common first and last lines are set aside. */
export function differingLines(before: string, after: string): { line: number; removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { line: start + 1, removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

function sourceTextChanges(before: Map<string, SourceFile>, after: Map<string, SourceFile>): SourceTextChange[] {
  const changes: SourceTextChange[] = [];
  for (const [slug, old] of before) {
    const now = after.get(slug);
    if (now && now.body === old.body && now.recorded === old.recorded) continue;
    const diff = differingLines(old.body, now?.body ?? '');
    changes.push({
      slug,
      file: now?.file ?? old.file,
      kind: now ? 'edited' : 'removed',
      ...(old.recorded ? { recordedBefore: old.recorded } : {}),
      ...(now?.recorded ? { recordedAfter: now.recorded } : {}),
      removedLines: diff.removed,
      addedLines: now ? diff.added : [],
      line: diff.line,
    });
  }
  return changes;
}

/** Compare the dossier at the base (`before`) with the working tree (`after`). */
export function compareSnapshots(before: Snapshot, after: Snapshot): ReviewDiff {
  const added = <T>(a: Map<string, T>, b: Map<string, T>) => [...b].filter(([k]) => !a.has(k)).map(([, v]) => v);
  const changed = [...after.claims.values()].flatMap((c) => {
    const old = before.claims.get(c.id);
    const change = old ? claimChange(old, c) : undefined;
    return change ? [change] : [];
  });
  const coverage: ReviewDiff['coverage'] = [];
  for (const slug of new Set([...before.sources.keys(), ...after.sources.keys()])) {
    const [b, a] = [before.sources.get(slug), after.sources.get(slug)];
    if (b?.coverage?.cited === a?.coverage?.cited && b?.coverage?.substantive === a?.coverage?.substantive) continue;
    coverage.push({ key: slug, title: (a ?? b)!.title, before: b?.coverage, after: a?.coverage });
  }
  return {
    claims: { added: added(before.claims, after.claims), removed: added(after.claims, before.claims), changed },
    pages: { added: added(before.pages, after.pages), removed: added(after.pages, before.pages) },
    discrepancies: {
      added: added(before.discrepancies, after.discrepancies),
      removed: added(after.discrepancies, before.discrepancies),
      changed: [...after.discrepancies.values()].flatMap((d) => {
        const old = before.discrepancies.get(d.slug);
        return old && (old.title !== d.title || old.kind !== d.kind || old.summary !== d.summary) ? [{ before: old, after: d }] : [];
      }),
    },
    coverage: byKey(coverage, (c) => c.key),
    origins: changed
      .filter((c) => c.fields.includes('origins'))
      .map((c) => ({ key: c.after.id, title: c.after.pageTitle, before: c.before.origins.length, after: c.after.origins.length })),
    sourceTexts: sourceTextChanges(before.sourceFiles, after.sourceFiles),
    errors: {
      before: before.diagnostics.filter((d) => d.severity === 'error').length,
      after: after.diagnostics.filter((d) => d.severity === 'error').length,
    },
  };
}
