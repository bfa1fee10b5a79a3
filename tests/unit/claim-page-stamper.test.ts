import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimPageStamper, readClaimTemplate } from '../../src/integrations/stamp-claims.ts';
import { writeViewsFile } from '../../src/integrations/views-file.ts';
import { escapeText } from '../../src/lib/pages/html.ts';
import { CLAIM_TEMPLATE_ID, claimTemplatePage } from '../../src/lib/pages/claim-page.ts';
import { loadDossier } from '../../src/lib/read-content.ts';
import { buildCollections } from '../../src/lib/views/collections.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-stamper-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The real dossier's views, as `npm run build` hands them over.
const viewsFile = join(work, 'views.ndjson');
const { dossier } = loadDossier(process.cwd());
const claims = buildCollections(dossier);
writeViewsFile(viewsFile, claims);

/** A claim page template as Astro renders it, marked so a stamped page tells which template it came from. */
const template = (mark: string) =>
  `<!doctype html><html><head><title>${escapeText(claimTemplatePage().title)}</title>` +
  `<link rel="canonical" href="/claims/${CLAIM_TEMPLATE_ID}/"></head><body data-mark="${mark}">${claimTemplatePage().body}</body></html>\n`;

function site(name: string): { outDir: string; write: (text: string) => void } {
  const outDir = join(work, name);
  const dir = join(outDir, 'claims', CLAIM_TEMPLATE_ID);
  mkdirSync(dir, { recursive: true });
  return { outDir, write: (text) => writeFileSync(join(dir, 'index.html'), text) };
}

const stampedMarks = (outDir: string) =>
  new Set(
    readdirSync(join(outDir, 'claims')).map(
      (id) => /data-mark="(\w+)"/.exec(readFileSync(join(outDir, 'claims', id, 'index.html'), 'utf8'))?.[1],
    ),
  );

describe('ClaimPageStamper', () => {
  it('waits for the whole template, stamps every claim while Astro would still run, then removes the template', async () => {
    const { outDir, write } = site('whole');
    const stamper = new ClaimPageStamper(outDir, viewsFile);
    stamper.poll();
    expect(stamper.startedEarly).toBe(false);
    const whole = template('first');
    write(whole.slice(0, whole.indexOf('</body>'))); // Astro still writing it
    expect(readClaimTemplate(outDir)).toBeUndefined();
    stamper.poll();
    expect(stamper.startedEarly).toBe(false);
    write(whole);
    stamper.poll();
    expect(stamper.startedEarly).toBe(true);
    expect(await stamper.finish()).toBe(claims.claims.length);
    expect(existsSync(join(outDir, 'claims', CLAIM_TEMPLATE_ID))).toBe(false);
    expect(readdirSync(join(outDir, 'claims')).sort()).toEqual(claims.claims.map((c) => c.id).sort());
    expect(stampedMarks(outDir)).toEqual(new Set(['first']));
  }, 60_000);

  it('stamps again from the final template when it changed after stamping started', async () => {
    const { outDir, write } = site('changed');
    const stamper = new ClaimPageStamper(outDir, viewsFile);
    write(template('early'));
    stamper.poll();
    await stamper.settled();
    expect(stampedMarks(outDir)).toEqual(new Set(['early'])); // every claim page written; the template too
    write(template('final'));
    expect(await stamper.finish()).toBe(claims.claims.length);
    expect(stampedMarks(outDir)).toEqual(new Set(['final']));
  }, 60_000);

  it('stamps after Astro when it never saw the template, and fails when there is none', async () => {
    const late = site('late');
    late.write(template('late'));
    const stamper = new ClaimPageStamper(late.outDir, viewsFile);
    expect(await stamper.finish()).toBe(claims.claims.length);
    expect(stampedMarks(late.outDir)).toEqual(new Set(['late']));
    const none = site('none');
    await expect(new ClaimPageStamper(none.outDir, viewsFile).finish()).rejects.toThrow(/No claim page template/);
  }, 60_000);
});
