/**
 * `npm run review`: on a git history made from tests/fixtures/review/ (see its README), the report names every claim
 * added, removed and changed with its cited passages, the pages, coverage, origins and discrepancies that changed,
 * an edited source text as an alarm, and the verification errors; content text in it stays text.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_MARKER, reviewChanges, type Review } from '../../src/lib/review/index.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(REPO, 'tests/fixtures/review');
const work = mkdtempSync(join(tmpdir(), 'backchannel-review-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) => {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};

/** A repository whose first commit is the base fixture and whose second applies the head fixture. */
function fixtureHistory(name: string): string {
  const repo = join(work, name);
  cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'test@example.org');
  git(repo, 'config', 'user.name', 'Test');
  git(repo, 'config', 'core.autocrlf', 'false');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  cpSync(join(FIXTURE, 'head'), repo, { recursive: true });
  rmSync(join(repo, 'content/people/hester-pawley.mdx'));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'head');
  return repo;
}

const review = (repo: string, base: string) => reviewChanges({ root: repo, contentDir: join(repo, 'content'), base });
const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();

/** Every node type the Markdown parses into, and the raw HTML and links in it, as GitHub would read it (GFM). */
function parsed(markdown: string) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const html: string[] = [];
  const links: string[] = [];
  const headings: number[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') html.push((node as { value: string }).value);
    if (node.type === 'link' || node.type === 'image' || node.type === 'linkReference' || node.type === 'imageReference')
      links.push(node.type === 'link' ? (node as { url: string }).url : node.type);
    if (node.type === 'heading') headings.push((node as { depth: number }).depth);
  });
  return { tree, html, links, headings };
}

describe('npm run review on a fixture history', () => {
  let repo: string;
  let result: Review;
  beforeAll(async () => {
    repo = fixtureHistory('committed');
    result = await review(repo, 'HEAD~1');
  }, 60_000);

  it('compares with the commit the branch left the base at', () => {
    expect(result.base.commit).toBe(git(repo, 'rev-parse', 'HEAD~1').trim());
    expect(result.markdown.split('\n')[0]).toBe(REPORT_MARKER);
  });

  it('finds the claims added, removed and changed, and what changed in each', () => {
    const { claims } = result.diff;
    expect(ids(claims.added)).toEqual(['gazette-letter-reopen']);
    expect(ids(claims.removed)).toEqual(['closure-ownership-and-repair-cost', 'pawley-takings-down-by-a-third']);
    const fields = Object.fromEntries(claims.changed.map((c) => [c.after.id, c.fields]));
    expect(fields).toEqual({
      'board-vote-chair-no-response': ['about'],
      'closure-bridge-fenced-off': ['text', 'citations', 'origins'],
      'closure-date-3-june': ['status'],
      // The council's statement quotes the Mayor: her words again, so one origin still (issue 19's rule).
      'quarrie-blindsided-by-closure': ['text', 'citations'],
    });
    const quarrie = claims.changed.find((c) => c.after.id === 'quarrie-blindsided-by-closure')!;
    expect(quarrie.citationsAdded.map((c) => c.source)).toEqual(['council-statement-footbridge']);
    expect(quarrie.citationsRemoved).toEqual([]);
  });

  it('shows each citation as the passage with the quoted words marked and a sentence either side', () => {
    const md = result.markdown;
    // The new citation: the sentence before, the quote in bold, the sentence after.
    expect(md).toContain(
      '> The Mayor, Councillor Rosalind Quarrie, said\\: “The council was given no notice of the closure\\. <b>We learned of it from residents, not from the board</b>\\. That is not how partners in the upkeep of a public crossing should behave\\.”',
    );
    // A quote at the start of its paragraph takes its sentence before from the previous paragraph.
    expect(md).toContain('¶ <b>Mr Fenwright did not respond to questions about the vote</b>\\. He said the board had');
    expect(md).toContain('- **Status:** `disputed` → `contradicted`');
    expect(md).toContain('- **About:** `tobias-fenwright` → `rosalind-quarrie`, `tobias-fenwright`');
    expect(md).toContain('- **Independent origins:** 2 → 1');
    expect(md).toMatch(/- \*\*Text\*\* was:\n {2}> Quarrie said she learned of the footbridge’s closure/);
    expect(md).toContain('**new:** Statement from the Mayor of Wrenmouth');
  });

  it('lists the pages added and removed, and the changes in discrepancies, coverage and origins', () => {
    const { pages, discrepancies, coverage, origins } = result.diff;
    expect(pages.added.map((p) => p.key).sort()).toEqual(['episodes/gazette-letters', 'sources/gazette-letters-page']);
    expect(pages.removed.map((p) => p.key)).toEqual(['people/hester-pawley']);
    expect(discrepancies.changed.map((d) => d.after.slug)).toEqual(['footbridge-closure-date']);
    expect(coverage.map((c) => [c.key, c.before?.cited, c.after?.cited])).toEqual([
      ['coastline-digest-footbridge-row', 8, 6],
      ['courier-footbridge-closed', 8, 6],
      ['gazette-letters-page', undefined, 1],
    ]);
    expect(origins).toEqual([
      { key: 'closure-bridge-fenced-off', title: 'The harbour board closes the Gull Lane footbridge', before: 2, after: 1 },
    ]);
    expect(result.markdown).toContain('(`coastline-digest-footbridge-row`) |');
    expect(result.markdown).toMatch(/\| 8 of 8 paragraphs \(100 %\) \| 6 of 8 paragraphs \(75 %\) \|/);
  });

  it('raises an alarm for a source text edited with its sha256 updated, which the check lets through', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [change, ...others] = result.diff.sourceTexts;
    expect(others).toEqual([]);
    expect(change).toMatchObject({ slug: 'coastline-digest-footbridge-row', kind: 'edited', line: 4 });
    expect(change!.recordedBefore).not.toBe(change!.recordedAfter);
    expect(change!.removedLines).toEqual([expect.stringContaining('closed a popular footbridge')]);
    expect(change!.addedLines).toEqual([expect.stringContaining('closed a much-loved footbridge')]);
    const md = result.markdown;
    expect(md.indexOf('### ⚠️ Source text changed')).toBeGreaterThan(0);
    expect(md.indexOf('### ⚠️ Source text changed')).toBeLessThan(md.indexOf('### Claims added'));
    expect(md).toContain('so the check passes: only this report shows the edit');
    expect(md).toMatch(/```diff\n- A row has broken out .* a popular footbridge .*\n\+ A row .* a much-loved footbridge .*\n```/);
  });

  it('keeps content text as text: no HTML, link, image, heading, mention or workflow command comes from it', () => {
    const md = result.markdown;
    const { html, links, headings } = parsed(md);
    // The only HTML is the report's own: its marker, the marks around quotes, line breaks in table cells.
    expect(new Set(html)).toEqual(new Set([REPORT_MARKER, '<b>', '</b>']));
    expect(links).toEqual([]);
    expect(headings.filter((depth) => depth < 3)).toEqual([2]);
    expect(md).not.toMatch(/<script|<img|<b>Wrenmouth|\]\(javascript:/);
    expect(md).not.toMatch(/(^|[^;])@octocat/);
    for (const line of md.split('\n')) expect(line.trimStart().startsWith('::'), line).toBe(false);
    expect(md).toContain('\\:\\:warning title=x\\:\\:A letter to the Gazette');
    // Every row of every table has its header's columns, whatever pipes the titles hold.
    const tables = md.split(/\n(?!\|)/).map((block) => block.split('\n').filter((l) => l.startsWith('|')));
    const cells = (row: string) => row.split(/(?<!\\)\|/).length;
    for (const rows of tables.filter((t) => t.length > 0)) for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
    expect(tables.filter((t) => t.length > 2).length).toBe(4);
  });
});

describe('npm run review of uncommitted work with errors', () => {
  let repo: string;
  let result: Review;
  beforeAll(async () => {
    repo = fixtureHistory('uncommitted');
    // A source text edited without its sha256, and a quote its source does not have: both left uncommitted.
    const courier = join(repo, 'content/sources/courier-footbridge-closed.md');
    writeFileSync(courier, readFileSync(courier, 'utf8').replace('about £184,000', 'about £148,000'));
    const quarrie = join(repo, 'content/people/rosalind-quarrie.mdx');
    appendFileSync(
      quarrie,
      '\n<Claim id="quarrie-misquoted" status="on-record" speaker="rosalind-quarrie">\nQuarrie said the bridge must reopen.\n<Cite source="council-statement-footbridge" quote="The bridge must reopen at once, said the Mayor" />\n</Claim>\n',
    );
    result = await review(repo, 'HEAD');
  }, 60_000);

  it('compares the working tree, uncommitted changes included', () => {
    expect(result.diff.sourceTexts.map((s) => s.slug)).toEqual(['courier-footbridge-closed']);
    expect(result.diff.sourceTexts[0]!.recordedBefore).toBe(result.diff.sourceTexts[0]!.recordedAfter);
    expect(result.markdown).toContain('its recorded sha256 is unchanged, so `npm run check` reports `source-hash-mismatch`');
  });

  it('lists every verification error in a table with file, line, rule, message and hint', () => {
    const rules = result.diagnostics.map((d) => d.rule).sort();
    expect(rules).toEqual(['quote-not-found', 'source-hash-mismatch']);
    const md = result.markdown;
    expect(md).toContain('### ❌ Verification errors (2)');
    expect(md).toContain('❌ **2 verification errors**');
    expect(md).toContain('| File | Line | Severity | Rule | Message | Hint |');
    const row = md.split('\n').find((l) => l.includes('`quote-not-found`'))!;
    expect(row).toMatch(
      /^\| `content\/people\/rosalind-quarrie\.mdx` \| \d+:\d+ \| error \| `quote-not-found` \| Quote not found in .* \| Closest passage/,
    );
  });
});

describe('scripts/review.ts', () => {
  let repo: string;
  beforeAll(() => {
    repo = fixtureHistory('cli');
  });
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(REPO, 'scripts/review.ts'), '--root', repo, ...args], { encoding: 'utf8', cwd: repo });

  it('prints the report for --base HEAD~1 and exits 0', () => {
    const run = cli('--base', 'HEAD~1');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith(`${REPORT_MARKER}\n## Review of the dossier against \`HEAD~1\``)).toBe(true);
    expect(run.stderr).toContain('claims 1 added, 2 removed, 4 changed; source texts changed: 1; errors: 0');
  }, 60_000);

  it('writes to --out, cut to --max characters at a section boundary with a note', () => {
    const out = join(work, 'report.md');
    const run = cli('--base', 'HEAD~1', '--out', out, '--max', '3000');
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeLessThanOrEqual(3001);
    expect(text).toContain('_The report was cut here');
    expect(text).not.toContain('### Independent origins');
  }, 60_000);

  it('writes a --comment copy that fits a pull-request comment', () => {
    const out = join(work, 'full.md');
    const comment = join(work, 'comment.md');
    const run = cli('--base', 'HEAD~1', '--out', out, '--comment', comment);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(comment, 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 60_000);

  it('exits 2 with a clear message for an unknown base', () => {
    const run = cli('--base', 'no-such-ref');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown base ref `no-such-ref`');
    expect(run.stdout).toBe('');
  });
});
