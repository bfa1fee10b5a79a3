/** `astro build` on bad content: a located error, a non-zero exit, and the previous site untouched; and determinism. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { astroBuild, projectBuild, REPO } from '../support/astro-project.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-build-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const build = (outDir: string, contentDir = join(REPO, 'content')) => astroBuild({ outDir, options: { contentDir } });

/** A content tree that is the real one with one citation broken. */
function brokenContent(): string {
  const dir = join(work, 'broken-content');
  cpSync(join(REPO, 'content'), dir, { recursive: true });
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
    expect(result.stderr).toContain('Content verification failed with 1 error');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((name) => /\.(staging|old)-/.test(name))).toEqual([]);
  });

  it('leaves the previous dist/ untouched and says so', () => {
    const out = join(work, 'previous-dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    const result = build(out, broken);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`the previous ${out} is untouched`);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
  });
});

describe('a build after one that was killed', () => {
  it('removes the staging and old folders the killed build left beside the output', () => {
    const out = join(work, 'after-kill');
    // A process id no running process has: Linux gives at most 2^22.
    const left = [`${out}.staging-4194305`, `${out}.old-4194305`];
    for (const dir of left) mkdirSync(dir, { recursive: true });
    const result = build(out, brokenContent());
    expect(result.status).not.toBe(0);
    for (const dir of left) expect(existsSync(dir), dir).toBe(false);
  });
});

describe('two builds of the same commit', () => {
  it('are byte-identical', () => {
    const again = join(work, 'again');
    const result = projectBuild(again);
    expect(result.status, result.stderr).toBe(0);
    const first = digestTree(inject('distDir'));
    const second = digestTree(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect([...first].filter(([file, digest]) => second.get(file) !== digest).map(([file]) => file)).toEqual([]);
  }, 300_000);
});

describe('bad inputs from the catalogue, through astro build', () => {
  // A sample across the safety rules and broken files: each must stop the build and leave dist/ as it was.
  const sample = ['mdx-import-export', 'raw-html-script', 'unsafe-url-javascript', 'mdx-expression-text', 'source-hash-mismatch'];
  it.each(sample)('%s: exits non-zero, reports the rule and leaves the previous dist/ untouched', (name) => {
    const out = join(work, `catalogue-${name}`);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    const manifest = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/invalid/manifest.json'), 'utf8')) as {
      cases: { case: string; rule: string }[];
    };
    const rule = manifest.cases.find((c) => c.case === name)!.rule;
    const result = build(out, join(REPO, 'tests/fixtures/invalid', name, 'content'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`  ${rule}`);
    expect(result.stderr).toContain('is untouched');
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
  });
});

describe('claim permalinks stamped from one template', () => {
  it('are byte-identical to Astro rendering every claim page (claimPages: astro), and so is the rest of the site', () => {
    const stamped = join(work, 'claims-stamped');
    const rendered = join(work, 'claims-rendered');
    const a = astroBuild({ outDir: stamped });
    expect(a.status, a.stderr).toBe(0);
    const b = astroBuild({ outDir: rendered, options: { claimPages: 'astro' } });
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout + b.stderr).not.toContain('from their template');
    const first = digestTree(stamped);
    const second = digestTree(rendered);
    expect([...first.keys()].filter((file) => file.startsWith('claims/')).length).toBeGreaterThan(300);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect([...first].filter(([file, digest]) => second.get(file) !== digest).map(([file]) => file)).toEqual([]);
  }, 600_000);
});
