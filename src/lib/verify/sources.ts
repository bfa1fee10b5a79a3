/** Source files to parsed sources: decode each, parse it, and contain any crash to the file. */
import { Reporter, type Diagnostic } from '../diagnostics.ts';
import type { SourceSlug } from '../model.ts';
import { parseSource, type Source } from '../sources/parse-source.ts';
import type { ContentFile } from './content-files.ts';
import { decodeContent } from './decode-content.ts';
import { guard } from './guard.ts';

/** Decode and parse one source file; a source with errors is still returned when its citations can be checked. */
export function readSource(f: ContentFile, options: { fastParsers: boolean }): { source?: Source; diagnostics: Diagnostic[] } {
  const decoded = decodeContent(f);
  if ('problem' in decoded) return { diagnostics: [decoded.problem] };
  const reporter = new Reporter(f.file);
  const parsed = guard(reporter, () => parseSource(decoded.text, f.file, f.slug, { fast: options.fastParsers }));
  if (!parsed) return { diagnostics: reporter.diagnostics };
  return parsed.source ? { source: parsed.source, diagnostics: parsed.diagnostics } : { diagnostics: parsed.diagnostics };
}

/** Parse every source file, in file order. */
export function readSources(
  files: readonly ContentFile[],
  options: { fastParsers: boolean },
): { sources: Map<SourceSlug, Source>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<SourceSlug, Source>();
  for (const f of files) {
    if (f.collection !== 'sources') continue;
    const { source, diagnostics: found } = readSource(f, options);
    diagnostics.push(...found);
    if (source) sources.set(f.slug as SourceSlug, source);
  }
  return { sources, diagnostics };
}
