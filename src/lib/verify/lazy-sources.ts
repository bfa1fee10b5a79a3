/** Sources parsed on first use, so checking a few pages costs only the sources they cite. */
import { lookupQuote } from '../claims/find-quote.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceSlug } from '../model.ts';
import { normalize } from '../normalize.ts';
import type { Source } from '../sources/parse-source.ts';
import type { ContentFile } from './content-files.ts';
import { decodeContent } from './decode-content.ts';
import { readSource } from './sources.ts';

// Characters `normalize` drops; removed before the raw-text prefilter so words split by them still match.
const DROPPED = /[\uFEFF\u200B-\u200D\u2060\u00AD]/;
const DROPPED_ALL = new RegExp(DROPPED.source, 'g');

/**
 * A map of every source slug to its parsed source, parsing (the costly part: normalising the text) on
 * the first `get`. `keys()` lists every source file; `values()` yields only the sources parsed so far, so
 * the "is this quote in another source?" search of a missing quote never parses the whole collection:
 * call `loadCandidates` with the quote first to parse the sources that could contain it.
 */
export class LazySources extends Map<SourceSlug, Source> {
  private readonly files = new Map<string, ContentFile>();
  private readonly tried = new Set<string>();
  private readonly requested = new Set<string>();
  private readonly problems = new Map<string, Diagnostic[]>();

  private readonly options: { fastParsers: boolean };

  constructor(files: readonly ContentFile[], options: { fastParsers: boolean }) {
    super();
    this.options = options;
    for (const f of files) if (f.collection === 'sources') this.files.set(f.slug, f);
  }

  private load(slug: string): Source | undefined {
    if (!this.tried.has(slug)) {
      this.tried.add(slug);
      const file = this.files.get(slug);
      if (file) {
        const parsed = readSource(file, this.options);
        this.problems.set(slug, parsed.diagnostics);
        if (parsed.source) super.set(slug as SourceSlug, parsed.source);
      }
    }
    return super.get(slug as SourceSlug);
  }

  override get(slug: SourceSlug | string): Source | undefined {
    this.requested.add(slug);
    return this.load(slug);
  }

  override has(slug: SourceSlug | string): boolean {
    return this.get(slug) !== undefined;
  }

  override keys(): MapIterator<SourceSlug> {
    return (this.files.keys() as MapIterator<string>).map((s) => s as SourceSlug);
  }

  override values(): MapIterator<Source> {
    return this.keys()
      .map((slug) => super.get(slug))
      .filter((s): s is Source => s !== undefined);
  }

  /**
   * Parse, in file order, the sources whose text could contain `quote`, up to the first that does, and
   * return true if one (parsed now or before) does. The test never skips a source that contains the quote: each run of plain letters, digits
   * and spaces of the normalised quote must occur in the source's raw text, lower-cased, with whitespace
   * collapsed and the characters `normalize` drops removed.
   */
  loadCandidates(quote: string): boolean {
    const runs = normalize(quote)
      .split(/[^a-z0-9 ]+/)
      .map((run) => run.trim())
      .filter((run) => run.length > 0);
    const words = runs.flatMap((run) => run.split(' '));
    for (const [slug, file] of this.files) {
      if (this.tried.has(slug)) {
        // Parsed after the quote was looked up (cited further down the page): it counts too.
        const parsed = super.get(slug as SourceSlug);
        if (parsed && lookupQuote(parsed, quote).kind === 'found') return true;
        continue;
      }
      // Words first (cheap), then whole runs across collapsed whitespace.
      const decoded = decodeContent(file);
      if ('problem' in decoded) continue;
      let text = decoded.text.toLowerCase();
      if (DROPPED.test(text)) text = text.replace(DROPPED_ALL, '');
      if (!words.every((w) => text.includes(w))) continue;
      const collapsed = text.replace(/\s+/g, ' ');
      if (!runs.every((run) => collapsed.includes(run))) continue;
      const source = this.load(slug);
      // The search reports the first source that has it, so later ones need not be parsed.
      if (source && lookupQuote(source, quote).kind === 'found') return true;
    }
    return false;
  }

  /** Parse diagnostics of the sources asked for by name (cited), plus those of `also`. */
  diagnosticsFor(also: Iterable<string> = []): Diagnostic[] {
    const extra = [...also];
    for (const slug of extra) this.load(slug);
    const slugs = new Set([...this.requested, ...extra]);
    return [...this.files.keys()].filter((s) => slugs.has(s)).flatMap((s) => this.problems.get(s) ?? []);
  }
}
