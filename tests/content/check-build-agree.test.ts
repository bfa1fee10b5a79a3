/**
 * The check and the build agree: `npm run check` verifies without rendering, the build renders; both are the one
 * verifier, and on every case of the catalogues they must accept and reject the same content with the same
 * diagnostics (a claim id the build's claim template used passed the check and failed the build). The fast readers
 * (MDX subset, YAML subset) must change nothing either.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIM_TEMPLATE_ID } from '../../src/lib/pages/claim-page.ts';
import { RESERVED_ID } from '../../src/lib/pages/content-rules.ts';
import { HOSTILE, INVALID, materialize, type HostileCase } from './hostile-files.ts';
import { verifyTree } from './verify-helpers.ts';

const VALID = join(INVALID, '../valid');
const tmp = mkdtempSync(join(tmpdir(), 'backchannel-agree-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dirs = (root: string) => readdirSync(root).filter((name) => !name.startsWith('_') && statSync(join(root, name)).isDirectory());
const hostile = (JSON.parse(readFileSync(join(HOSTILE, 'manifest.json'), 'utf8')) as { cases: HostileCase[] }).cases;

const trees: [string, () => string][] = [
  ...dirs(INVALID).map((name): [string, () => string] => [`invalid/${name}`, () => join(INVALID, name)]),
  ...dirs(VALID).map((name): [string, () => string] => [`valid/${name}`, () => join(VALID, name)]),
  ...hostile.map((c): [string, () => string] => [`hostile/${c.case}`, () => materialize(c, join(tmp, c.case))]),
];

describe('check (render: false) and build (render: true) decide alike', () => {
  it.each(trees)('%s', (_, make) => {
    const dir = make();
    const build = verifyTree(dir, { render: true });
    const check = verifyTree(dir, { render: false });
    expect(check.diagnostics).toEqual(build.diagnostics);
    expect(check.diagnostics.some((d) => d.severity === 'error')).toBe(build.diagnostics.some((d) => d.severity === 'error'));
    expect([...check.dossier.claims.keys()]).toEqual([...build.dossier.claims.keys()]);
    expect([...check.dossier.pages.keys()]).toEqual([...build.dossier.pages.keys()]);
  }, 60_000);
});

describe('the fast readers change nothing', () => {
  const small = trees.filter(([name]) => !name.startsWith('hostile/'));
  it.each(small)('%s: the same dossier and diagnostics with micromark and yaml alone', (_, make) => {
    const dir = make();
    expect(verifyTree(dir, { fastParsers: false })).toEqual(verifyTree(dir));
  });
});

describe('the ids the build generates are reserved for it', () => {
  it('include the claim page template’s id', () => {
    expect(RESERVED_ID.test(CLAIM_TEMPLATE_ID)).toBe(true);
  });
});
