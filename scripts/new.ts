/**
 * `npm run new -- <person|episode|source> …`: create a content file that already passes `npm run check`,
 * verifying its cited facts against the sources before writing anything.
 *
 *   npm run new -- person "Full Name" [--role "Title" --source <slug> --quote "<words>"]
 *   npm run new -- episode "Title" --source <slug> --quote "<words>" [--date 2025-11 --label "November 2025"] [--participants a,b] [--place …]
 *   npm run new -- source <file> [--slug s] [--title …] [--publisher …] [--based-on …] [--language en] [--published 2025-12-22?]
 *
 * Every command takes `--slug <slug>` and `--root <dir>` (the project folder; default `.`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { describeDate, parseFuzzyDate } from '../src/lib/dates.ts';
import { formatDiagnostics } from '../src/lib/diagnostics.ts';
import { escapeForLog, safeLines } from '../src/lib/log-safety.ts';
import { countWords } from '../src/lib/normalize.ts';
import { MAX_QUOTE_CHARS, MIN_QUOTE_WORDS } from '../src/lib/pages/content-rules.ts';
import type { PageCollection } from '../src/lib/pages/page-schemas.ts';
import { MAX_SOURCE_BYTES } from '../src/lib/sources/parse-source.ts';
import { episodeFile, firstLine, personFile, slugify, sourceFrontmatter } from '../src/lib/scaffold.ts';
import { memoryFile } from '../src/lib/verify/content-files.ts';
import { verifyDraft } from '../src/lib/verify/index.ts';
import { readSource } from '../src/lib/verify/sources.ts';

const USAGE = `Usage:
  npm run new -- person "Full Name" [--role "Title" --source <slug> --quote "<words>"]
  npm run new -- episode "Title" --source <slug> --quote "<words>" [--date 2025-11] [--label "November 2025"] [--participants a,b] [--place "City"]
  npm run new -- source <file> [--slug s] [--title "…"] [--publisher "…"] [--based-on "…"] [--language en] [--translated-from uk] [--published 2025-12-22] [--paragraphs lines|blocks]
Every command also takes --slug <slug> and --root <project dir>.`;

const FLAGS: Record<string, readonly string[]> = {
  person: ['slug', 'root', 'role', 'source', 'quote'],
  episode: ['slug', 'root', 'source', 'quote', 'date', 'label', 'participants', 'place'],
  source: ['slug', 'root', 'title', 'publisher', 'based-on', 'language', 'translated-from', 'published', 'paragraphs'],
};
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fail(message: string): never {
  process.stderr.write(`${safeLines(`npm run new: ${message}`)}\n`);
  process.exit(1);
}

/** Split `argv` into positional arguments and `--name value` / `--name=value` options. */
function parseArgs(argv: readonly string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    // A value that looks like an option means the value was forgotten (write --quote="--…" for a real one).
    if (value === undefined || (eq < 0 && value.startsWith('--'))) fail(`--${name} needs a value.\n${USAGE}`);
    options.set(name, value);
  }
  return { positional, options };
}

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(argv.length === 0 ? 1 : 0);
}
const [kind, ...rest] = argv;
if (!kind || !(kind in FLAGS)) fail(`unknown kind \`${kind}\`: use person, episode or source.\n${USAGE}`);
const { positional, options } = parseArgs(rest);
for (const name of options.keys())
  if (!FLAGS[kind]!.includes(name)) fail(`\`${kind}\` does not take --${name} (it takes ${FLAGS[kind]!.map((f) => `--${f}`).join(', ')}).`);
if (positional.length !== 1)
  fail(
    `\`${kind}\` takes exactly one ${kind === 'source' ? 'file' : kind === 'person' ? 'name' : 'title'} (quote it if it has spaces), got ${positional.length}.\n${USAGE}`,
  );
const subject = positional[0]!.trim();
if (subject === '') fail(`the ${kind === 'source' ? 'file' : kind === 'person' ? 'name' : 'title'} is empty.`);
// npm runs scripts in the project folder; paths the user typed are relative to where they typed them.
const cwd = process.env.INIT_CWD ?? process.cwd();
const root = resolve(cwd, options.get('root') ?? '.');
const contentDir = join(root, 'content');
if (!existsSync(contentDir)) fail(`no content/ folder in ${root}: run this from the project folder or pass --root.`);

/** The slug from --slug or the subject; refuse one that is malformed or taken in any collection. */
function chooseSlug(fallback: string): string {
  const slug = options.get('slug') ?? slugify(fallback);
  if (!SLUG.test(slug)) fail(`\`${slug || fallback}\` does not give a kebab-case slug; pass --slug like \`jane-doe\`.`);
  for (const folder of ['sources', 'people', 'episodes', 'discrepancies']) {
    const dir = join(contentDir, folder);
    const taken = existsSync(dir) ? readdirSync(dir).find((name) => name.replace(/\.[^.]*$/, '') === slug) : undefined;
    if (taken)
      fail(
        `slug \`${slug}\` is already used by content/${folder}/${taken}. Slugs are unique across all collections: pass --slug with another one.`,
      );
  }
  return slug;
}

/** A cited fact from --source/--quote; the quote's words are checked here, its presence by the real check. */
function fact(required: boolean): { source: string; quote: string } | undefined {
  const source = options.get('source');
  const quote = options.get('quote');
  if (!source && !quote && !required) return undefined;
  if (!source || !quote) fail(`${kind} needs --source <slug> and --quote "<words copied from that source>"${required ? '' : ' together'}.`);
  if (countWords(quote) < MIN_QUOTE_WORDS)
    fail(
      `--quote “${quote}” has fewer than ${MIN_QUOTE_WORDS} words: quote at least ${MIN_QUOTE_WORDS} consecutive words so the passage is unambiguous.`,
    );
  if (quote.length > MAX_QUOTE_CHARS) fail(`--quote is ${quote.length} characters long (limit ${MAX_QUOTE_CHARS}).`);
  return { source: source.trim(), quote };
}

/** Run the real check on the new page (against every source and slug) and write it only if it passes. */
function writeVerifiedPage(collection: PageCollection, slug: string, raw: string): string {
  const file = `content/${collection}/${slug}.mdx`;
  const problems = verifyDraft({ root, contentDir }, { file, collection, slug, text: raw }).filter((d) => d.file === file);
  if (problems.some((d) => d.severity === 'error'))
    fail(`${file} would not pass the check, so it was not written:\n${formatDiagnostics(problems)}`);
  mkdirSync(join(contentDir, collection), { recursive: true });
  writeFileSync(join(root, file), raw, { flag: 'wx' });
  return file;
}

function done(file: string, steps: string[]): void {
  process.stdout.write(`Created ${file}\n\nNext steps:\n${steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\n`);
}

if (kind === 'person') {
  const slug = chooseSlug(subject);
  const role = options.get('role');
  const cited = fact(false);
  if (cited && !role) fail('--source and --quote for a person describe a role: add --role "Title".');
  if (role && !cited) fail('--role needs --source <slug> and --quote "<words>" that state it.');
  const file = writeVerifiedPage(
    'people',
    slug,
    personFile({ name: subject, ...(role && cited ? { role: { title: role, ...cited } } : {}) }),
  );
  done(file, [
    `Replace the "Draft:" summary with one neutral sentence the page's claims support.`,
    'Add roles (title, source, quote) and aliases (other spellings, each with the source that uses it).',
    'Write what the sources say about this person as <Claim id="…" status="reported"> … <Cite source="…" quote="…" /></Claim>.',
    'Run `npm run check -- --changed`, then open a pull request. See CONTRIBUTING.md.',
  ]);
} else if (kind === 'episode') {
  const cited = fact(true)!;
  const slug = chooseSlug(subject);
  const value = options.get('date') ?? 'unknown';
  const date = parseFuzzyDate(value);
  if (typeof date === 'string') fail(`--date: ${date}.`);
  const participants = (options.get('participants') ?? '').split(/[\s,]+/).filter(Boolean);
  const place = options.get('place');
  const raw = episodeFile({
    title: subject,
    date: { value: date.value, label: options.get('label') ?? describeDate(date), ...cited },
    participants,
    ...(place ? { place } : {}),
  });
  const file = writeVerifiedPage('episodes', slug, raw);
  done(file, [
    value === 'unknown'
      ? 'The date is `unknown`: if a source dates the episode, set date.value (2025-11, 2025-11~, 2025-11-21/2025-11-24), date.label and a quote that dates it.'
      : 'Check date.label says no more than the source (add date.note when you worked a relative date out).',
    'List the people who took part in `participants` (each needs a page: `npm run new -- person "Name"`).',
    'Replace the "Draft:" summary and write the account as <Claim> … <Cite /> </Claim> blocks.',
    'Run `npm run check -- --changed`, then open a pull request. See CONTRIBUTING.md.',
  ]);
} else {
  const input = resolve(cwd, subject);
  if (!existsSync(input) || !statSync(input).isFile()) fail(`no such file: ${subject}`);
  const bytes = readFileSync(input);
  if (bytes.length > MAX_SOURCE_BYTES)
    fail(
      `${subject} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a source file can be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB. Keep only the article text.`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`${subject} is not UTF-8 text. Convert it first (e.g. iconv -f windows-1252 -t utf-8).`);
  }
  if (text.trim() === '') fail(`${subject} is empty.`);
  const slug = chooseSlug(basename(subject, extname(subject)));
  const paragraphs = options.get('paragraphs') ?? 'lines';
  if (paragraphs !== 'lines' && paragraphs !== 'blocks')
    fail('--paragraphs is `lines` (every line is a paragraph) or `blocks` (blank lines separate paragraphs).');
  const published = options.get('published') ?? 'unknown';
  const date = parseFuzzyDate(published);
  if (typeof date === 'string') fail(`--published: ${date}.`);
  const publisher = options.get('publisher') ?? null;
  const headline = firstLine(text);
  const head = sourceFrontmatter({
    title: options.get('title') ?? headline,
    // A first line that serves as the title is the article's headline, not a paragraph of reporting.
    headings: options.has('title') || headline.endsWith('…') ? [] : [headline],
    publisher,
    published,
    language: options.get('language') ?? 'en',
    ...(options.has('translated-from') ? { translatedFrom: options.get('translated-from')! } : {}),
    ...(options.has('based-on') ? { basedOn: options.get('based-on')! } : {}),
    paragraphs,
    text,
  });
  const file = `content/sources/${slug}.md`;
  // The article text is appended as the original bytes, so nothing in it can change.
  const raw = Buffer.concat([Buffer.from(head, 'utf8'), bytes]);
  if (raw.length > MAX_SOURCE_BYTES)
    fail(`with its frontmatter, ${file} would exceed ${MAX_SOURCE_BYTES / 1024 / 1024} MB. Keep only the article text.`);
  const parsed = readSource(memoryFile(file, 'sources', slug, raw), { fastParsers: true });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.source || errors.length > 0)
    fail(`${file} would not pass the check, so it was not written:\n${formatDiagnostics(parsed.diagnostics)}`);
  mkdirSync(join(contentDir, 'sources'), { recursive: true });
  writeFileSync(join(root, file), raw, { flag: 'wx' });
  const preview = parsed.source.paragraphs.map(
    (p) => `  ${p.id.padEnd(6)} ${p.kind.padEnd(9)} ${escapeForLog(p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text)}`,
  );
  process.stdout.write(
    `Paragraphs as the site will number them (${parsed.source.paragraphs.length}, split by ${paragraphs}):\n${preview.join('\n')}\n\n`,
  );
  done(file, [
    `Check the metadata: title, ${publisher === null ? 'publisher (null means the page does not say; pass the outlet if it does), ' : ''}published.date and its basis, language${options.has('based-on') ? '' : ', basedOn (the original reporting it repeats: sources sharing it count as one origin)'}.`,
    'List page chrome (captions, widgets, notices) under `furniture` and headings under `headings`, copied exactly; note known errors under `notes`.',
    `Never edit the text below the frontmatter: its sha256 is recorded (${parsed.source.sha256.slice(0, 12)}…).`,
    `If the paragraphs above are wrong, switch \`paragraphs\` to ${paragraphs === 'lines' ? '`blocks`' : '`lines`'}.`,
    'Run `npm run check -- --changed`, then open a pull request. See CONTRIBUTING.md.',
  ]);
}
