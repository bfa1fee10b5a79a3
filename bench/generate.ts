/**
 * Deterministic benchmark corpus: `pages` people + episode MDX pages in Backchannel's real content format and
 * `sources` verbatim source articles whose text every <Cite> quote really occurs in.
 *
 *   node bench/generate.ts --pages 1000 [--sources 500] [--seed 1] --out .bench/corpus-1000
 *
 * Same arguments, same bytes: a seeded PRNG (mulberry32) drives every choice; no Math.random, no dates.
 */
import { seededRandom } from '../src/lib/graph-layout.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashText } from '../src/lib/sources/parse-source.ts';

export interface CorpusOptions {
  /** People + episode pages. */
  pages: number;
  sources: number;
  seed?: number;
  /** Share of the pages that are people (the rest are episodes). */
  peopleShare?: number;
}

export interface CorpusStats {
  pages: number;
  people: number;
  episodes: number;
  sources: number;
  claims: number;
  citations: number;
  /** Average words of page body (prose, headings, claim text; not attribute values). */
  wordsPerPage: number;
  wordsPerSource: number;
  files: number;
  bytes: number;
}

export interface GeneratedFile {
  /** Path relative to the content root, e.g. `people/anna-novak.mdx`. */
  path: string;
  text: string;
}

/** The same seeded PRNG the graph layout uses (mulberry32), so the corpus is identical on every run. */
export const prng = seededRandom;

const WORDS = (
  'the of and to in a that for on with as was by at said from his it an were are which this be has have had ' +
  'not but after officials talks peace plan envoy secretary state department administration white house president ' +
  'meeting ukraine russia europe allies ministers negotiators proposal ceasefire sanctions territory security guarantees ' +
  'delegation summit call statement briefing spokesperson reporters week month earlier later according people familiar ' +
  'matter told during before between over about against their they them while would could should may might also ' +
  'new senior former current national foreign policy military economic pressure concessions framework draft points ' +
  'version revisions leaders capital trip visit travel private jet communications channels aides advisers team ' +
  'strategy approach rivalry tensions frustration criticism support agreement disagreement progress deadline ' +
  'weekend morning evening message phone transcript leak report article interview remarks comments response ' +
  'questions concerns doubts signals positions demands offer counteroffer terms drafts document round session ' +
  'hotel airport embassy consulate office residence border region city coast front line forces troops weapons ' +
  'aid package funding congress senators lawmakers hearing committee vote bill decision order memo schedule ' +
  'quietly publicly privately sharply repeatedly openly briefly carefully largely partly nearly roughly only ' +
  'first second third fourth final early late major minor broad narrow key central direct indirect formal informal ' +
  'several many few some most two three four five six dozen hundreds thousands'
).split(' ');

const FIRST = (
  'Anna Boris Clara Dmitri Elena Farid Greta Hugo Irina Jonas Katya Lars Mira Nikolai Olga Pavel Quinn Rosa Sergei Tamar ' +
  'Ulrich Vera Walter Xenia Yusuf Zofia Adrian Bianca Cyril Dana Emil Flora Gustav Hana Igor Julia Kai Lena Marek Nadia ' +
  'Oskar Petra Rafael Sabine Tomas Una Viktor Wanda Yara Zane Alina Bruno Carmen Denis Edith Felix Gloria Henrik Ivana Jakub'
).split(' ');
const LAST = (
  'Novak Petrov Schmidt Kowalski Moreau Rossi Jensen Horvat Ivanova Dubois Larsen Fischer Costa Varga Nielsen Popescu ' +
  'Marin Keller Svoboda Lindqvist Baker Okafor Tanaka Haddad Mendes Ortega Walsh Kaplan Bauer Sato Quint Romero Falk ' +
  'Berg Castillo Demir Eriksen Fontaine Galli Holm Ilic Juarez Kraus Lang Meyer Nagy Olsen Pires Reyes Stone Toth Ueda ' +
  'Vidal Weber Yilmaz Zeller Abbott Brandt Carver Drake'
).split(' ');
const CITIES =
  'Geneva Vienna Istanbul Riyadh Doha Warsaw Helsinki Oslo Brussels Paris Berlin Rome Madrid Lisbon Prague Budapest Bucharest Sofia Athens Ankara Miami Anchorage Moscow Kyiv'.split(
    ' ',
  );
const OUTLETS = [
  'Daily Ledger',
  'Morning Wire',
  'Capital Courier',
  'Evening Standard Post',
  'World Desk',
  'The Observer Line',
  'Northern Gazette',
  'Harbor Times',
  'Metro Dispatch',
  'Global Review',
];
const ORIGINS = ['NBC News', 'POLITICO', 'Reuters', 'Associated Press', 'Bloomberg', 'Financial Times'];
const ROLES = [
  'Special envoy',
  'Deputy foreign minister',
  'National security adviser',
  'Chief negotiator',
  'Ambassador',
  'Spokesperson',
  'Senior adviser',
  'Defence minister',
  'Chief of staff',
  'Head of delegation',
];
const ORGS = [
  'The White House',
  'State Department',
  'Foreign Ministry',
  'Presidential Office',
  'Defence Ministry',
  'National Security Council',
];
const SECTION_PEOPLE = [
  ['Background', 'In the negotiations', 'Accounts and denials'],
  ['Role', 'Talks and travel', 'Criticism'],
];
const SECTION_EPISODES = [
  ['What happened', 'Accounts and denials', 'Aftermath'],
  ['Preparations', 'The meeting', 'What followed'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const STATUSES = ['reported', 'reported', 'reported', 'on-record', 'denied', 'disputed'] as const;

const kebab = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const yamlString = (s: string) => JSON.stringify(s);

interface SourceDoc {
  slug: string;
  paragraphs: string[][];
}

/** Generate the corpus in memory. */
export function generateCorpus(options: CorpusOptions): { files: GeneratedFile[]; stats: CorpusStats } {
  const rand = prng(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS));
  const sentence = (n: number) => {
    const w = words(n);
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    if (n > 8) w[int(3, n - 3)] += ',';
    return `${w.join(' ')}.`;
  };
  const files: GeneratedFile[] = [];

  // Sources: ~800 words in ~10 one-line paragraphs (the `lines` paragraph mode, as the seeds are written).
  const sources: SourceDoc[] = [];
  let sourceWords = 0;
  for (let i = 0; i < options.sources; i++) {
    const slug = `source-${String(i + 1).padStart(4, '0')}-${kebab(pick(OUTLETS))}`;
    const paragraphs: string[][] = [];
    const count = int(9, 11);
    for (let p = 0; p < count; p++) {
      const sentences = Array.from({ length: int(4, 6) }, () => sentence(int(12, 20)));
      paragraphs.push(sentences.join(' ').split(' '));
    }
    sources.push({ slug, paragraphs });
    const text = paragraphs.map((p) => p.join(' ')).join('\n\n') + '\n';
    sourceWords += paragraphs.reduce((n, p) => n + p.length, 0);
    const outlet = pick(OUTLETS);
    const month = int(1, 12);
    const fm = [
      `title: ${yamlString(sentence(int(6, 10)).slice(0, -1))}`,
      `publisher: ${yamlString(outlet)}`,
      'published:',
      `  date: "2025-${String(month).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}"`,
      `  basis: ${yamlString('The date line of the article.')}`,
      'language: en',
      `basedOn: ${yamlString(pick(ORIGINS))}`,
      `sha256: ${hashText(text)}`,
    ];
    files.push({ path: `sources/${slug}.md`, text: `---\n${fm.join('\n')}\n---\n${text}` });
  }

  /** A quote of 6–12 consecutive words of a random paragraph of a random source. */
  const quote = (): { source: string; quote: string } => {
    const s = pick(sources);
    const p = pick(s.paragraphs);
    const n = int(6, 12);
    const start = int(0, p.length - n);
    return { source: s.slug, quote: p.slice(start, start + n).join(' ') };
  };

  // Names and slugs first, so pages can reference and link to each other.
  const peopleCount = Math.max(2, Math.round(options.pages * (options.peopleShare ?? 0.3)));
  const episodeCount = Math.max(1, options.pages - peopleCount);
  const people = Array.from({ length: peopleCount }, (_, i) => {
    const combo = i % (FIRST.length * LAST.length);
    const round = Math.floor(i / (FIRST.length * LAST.length));
    const name = `${FIRST[combo % FIRST.length]} ${LAST[Math.floor(combo / FIRST.length)]}${round > 0 ? ` ${round + 1}` : ''}`;
    return { name, slug: kebab(name) };
  });
  const episodes = Array.from({ length: episodeCount }, (_, i) => {
    const city = pick(CITIES);
    const title = `${pick(['Talks', 'Meeting', 'Call', 'Briefing', 'Summit', 'Visit', 'Dispute'])} in ${city}, round ${i + 1}`;
    return { title, city, slug: kebab(title) };
  });

  let claims = 0;
  let citations = 0;
  let pageWords = 0;
  const proseParagraph = (n: number, linkTo?: { url: string; label: string }): string => {
    const sentences: string[] = [];
    let left = n;
    while (left > 0) {
      const k = Math.min(left, int(10, 18));
      sentences.push(sentence(Math.max(k, 3)));
      left -= k;
    }
    pageWords += n;
    if (linkTo) {
      sentences.splice(1, 0, `See [${linkTo.label}](${linkTo.url}).`);
      pageWords += 1 + linkTo.label.split(' ').length;
    }
    return sentences.join(' ');
  };
  const randomLink = () =>
    rand() < 0.5
      ? ((p) => ({ url: `/people/${p.slug}/`, label: p.name }))(pick(people))
      : ((e) => ({ url: `/episodes/${e.slug}/`, label: e.title }))(pick(episodes));

  const claimBlock = (id: string, self: string | undefined): string => {
    claims++;
    const status = pick(STATUSES);
    const about = [...new Set([pick(people).slug, ...(rand() < 0.4 ? [pick(people).slug] : [])])].filter((s) => s !== self);
    const speaker = status === 'on-record' ? pick(people) : undefined;
    const attrs = [
      `id="${id}"`,
      `status="${status}"`,
      ...(about.length ? [`about="${about.join(' ')}"`] : []),
      ...(speaker ? [`speaker="${speaker.slug}"`] : []),
    ];
    const subject = people.find((p) => p.slug === about[0]) ?? pick(people);
    const text = `[${subject.name}](/people/${subject.slug}/) ${words(int(28, 36)).join(' ')}, according to ${pick(['two', 'three', 'several'])} people familiar with the matter.`;
    pageWords += text.split(' ').length + 1;
    const cites = Array.from({ length: rand() < 0.5 ? 1 : 2 }, (_, k) => {
      citations++;
      const q = quote();
      const stance = status === 'denied' && k === 1 ? ' stance="denies"' : '';
      return `<Cite source="${q.source}" quote="${q.quote}"${stance} />`;
    });
    return `<Claim ${attrs.join(' ')}>\n${text}\n${cites.join('\n')}\n</Claim>`;
  };

  const body = (slug: string, headings: readonly string[], self: string | undefined): string => {
    // 3 sections; 4 claims split 2/1/1; ~400 words in all.
    const parts: string[] = [];
    let c = 0;
    headings.forEach((heading, h) => {
      pageWords += heading.split(' ').length;
      parts.push(`## ${heading}`);
      parts.push(proseParagraph(int(60, 75), h === 0 || rand() < 0.3 ? randomLink() : undefined));
      for (let k = 0; k < (h === 0 ? 2 : 1); k++) parts.push(claimBlock(`${slug}-claim-${++c}`, self));
    });
    return parts.join('\n\n');
  };

  people.forEach((person, i) => {
    const role = quote();
    const fm = [
      `name: ${yamlString(person.name)}`,
      `summary: ${yamlString(`${pick(ROLES)} whose part in the talks the sources describe (${i + 1}).`)}`,
      'roles:',
      `  - title: ${yamlString(pick(ROLES))}`,
      `    organisation: ${yamlString(pick(ORGS))}`,
      `    from: "2025"`,
      `    source: ${role.source}`,
      `    quote: ${yamlString(role.quote)}`,
    ];
    citations++;
    const text = `---\n${fm.join('\n')}\n---\n\n${body(person.slug, pick(SECTION_PEOPLE), person.slug)}\n`;
    files.push({ path: `people/${person.slug}.mdx`, text });
  });

  episodes.forEach((episode) => {
    const date = quote();
    const month = int(1, 12);
    const participants = [...new Set(Array.from({ length: int(2, 3) }, () => pick(people).slug))];
    const related = rand() < 0.5 ? [pick(episodes).slug].filter((s) => s !== episode.slug) : [];
    const fm = [
      `title: ${yamlString(episode.title)}`,
      'date:',
      `  value: "2025-${String(month).padStart(2, '0')}"`,
      `  label: ${MONTHS[month - 1]} 2025`,
      `  source: ${date.source}`,
      `  quote: ${yamlString(date.quote)}`,
      `place: ${yamlString(episode.city)}`,
      `participants: [${participants.join(', ')}]`,
      ...(related.length ? [`related: [${related.join(', ')}]`] : []),
      `summary: ${yamlString(`${sentence(int(10, 16)).slice(0, -1)} in ${episode.city}.`)}`,
    ];
    citations++;
    const text = `---\n${fm.join('\n')}\n---\n\n${body(episode.slug, pick(SECTION_EPISODES), undefined)}\n`;
    files.push({ path: `episodes/${episode.slug}.mdx`, text });
  });

  const pages = peopleCount + episodeCount;
  return {
    files,
    stats: {
      pages,
      people: peopleCount,
      episodes: episodeCount,
      sources: options.sources,
      claims,
      citations,
      wordsPerPage: Math.round(pageWords / pages),
      wordsPerSource: Math.round(sourceWords / Math.max(1, options.sources)),
      files: files.length,
      bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
    },
  };
}

/** Generate and write the corpus into `dir` (emptied first). */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusStats {
  const { files, stats } = generateCorpus(options);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['sources', 'people', 'episodes']) mkdirSync(join(dir, sub), { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.path), f.text);
  return stats;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const pages = Number(opt('pages') ?? 1000);
  const out = resolve(opt('out') ?? `.bench/corpus-${pages}`);
  const stats = writeCorpus(out, { pages, sources: Number(opt('sources') ?? 500), seed: Number(opt('seed') ?? 1) });
  process.stdout.write(`${JSON.stringify({ out, ...stats })}\n`);
}
