import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'backchannel-build-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(out: string, content = 'content', env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/build.ts', '--out', out, '--content', content], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
}

/** A content tree that is the real one with one citation broken. */
function brokenContent(): string {
  const dir = join(work, 'broken-content');
  cpSync('content', dir, { recursive: true });
  const file = join(dir, 'people', 'jd-vance.mdx');
  const bad =
    '\n<Claim id="test-broken-citation" status="reported">\nA sentence no source supports.\n<Cite source="go-it-alone-diplomacy" quote="Witkoff has made far more progress towards ending the bloodshed" />\n</Claim>\n';
  writeFileSync(file, readFileSync(file, 'utf8') + bad);
  return dir;
}

function digestTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

describe('a failed build', () => {
  const broken = brokenContent();

  it('exits non-zero, names the file, line and rule, and writes no dist/', () => {
    const out = join(work, 'fresh-dist');
    const result = build(out, broken);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/people\/jd-vance\.mdx:\d+:\d+ {2}error {2}Quote not found .* {2}quote-not-found/);
    expect(result.stderr).toMatch(/hint: Closest passage \(\d+% similar, p-\d+\)/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('.staging-'))).toEqual([]);
  });

  it('leaves the previous dist/ untouched and says so', () => {
    const out = join(work, 'previous-dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    const result = build(out, broken);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('is untouched');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
  });
});

describe('two builds of the same commit', () => {
  // The second build has Astro render every claim page instead of stamping them from one template
  // (src/integrations/stamp-claims.ts), keeps Astro's inlined content-store module instead of reading the store
  // file at run time (src/integrations/store-module.ts), parses every page with micromark and every frontmatter
  // with yaml instead of the fast subset readers (src/lib/pages/mdx-subset.ts, src/lib/yaml-subset.ts), has the graph
  // page lay the graph out instead of taking the layout made in a worker (src/integrations/graph-layout-file.ts) and
  // stores the views as objects instead of packed (src/lib/views/packed-view.ts): the two ways must give the same bytes.
  it('are byte-identical, with claim pages stamped, the store read at run time, the fast readers and the graph laid out aside, or none of them', () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    const stamped = build(a);
    expect(stamped.status).toBe(0);
    expect(stamped.stdout).toMatch(/wrote \d+ claim pages/);
    expect(stamped.stdout).toMatch(/pages read the content store from .*data-store\.json .* at run time/);
    expect(stamped.stdout).toContain('the graph page took the layout made while Astro built');
    const astro = build(b, 'content', {
      BACKCHANNEL_CLAIM_PAGES: 'astro',
      BACKCHANNEL_STORE_MODULE: 'inline',
      BACKCHANNEL_MDX_PARSER: 'micromark',
      BACKCHANNEL_YAML_PARSER: 'yaml',
      BACKCHANNEL_GRAPH_LAYOUT: 'page',
      BACKCHANNEL_STORE_DATA: 'objects',
    });
    expect(astro.status).toBe(0);
    expect(astro.stdout).not.toMatch(/pages read the content store/);
    expect(astro.stdout + astro.stderr).not.toContain('[backchannel-graph]');
    const da = digestTree(a);
    const db = digestTree(b);
    expect([...db.keys()].sort()).toEqual([...da.keys()].sort());
    const different = [...da].filter(([file, digest]) => db.get(file) !== digest).map(([file]) => file);
    expect(different).toEqual([]);
  }, 300_000);
});

describe('bad inputs from the catalogue, through npm run build', () => {
  // A sample across the safety rules and broken files: each must stop the build and leave dist/ as it was.
  const sample = ['mdx-import-export', 'raw-html-script', 'unsafe-url-javascript', 'mdx-expression-text', 'source-hash-mismatch'];
  it.each(sample)('%s: exits non-zero, reports the rule and leaves the previous dist/ untouched', (name) => {
    const out = join(work, `catalogue-${name}`);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    const manifest = JSON.parse(readFileSync('tests/fixtures/invalid/manifest.json', 'utf8')) as {
      cases: { case: string; rule: string }[];
    };
    const rule = manifest.cases.find((c) => c.case === name)!.rule;
    const result = build(out, join('tests/fixtures/invalid', name, 'content'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`  ${rule}`);
    expect(result.stderr).toContain('is untouched');
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
  });
});
