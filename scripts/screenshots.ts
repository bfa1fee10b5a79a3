/** `npm run screenshots`: phone and desktop screenshots of the main page types, light and dark, into docs/screenshots/. */
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../tests/support/browser.ts';
import { servePreview } from '../tests/support/preview.ts';

const dir = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'docs/screenshots';
const pages: [string, string][] = [
  ['home', '/'],
  ['person', '/people/steve-witkoff/'],
  ['episode', '/episodes/geneva-talks/'],
  ['source', '/sources/non-public-rivalry/'],
  ['claims', '/claims/'],
  ['search', '/search/?q=Geneva'],
];
const viewports = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
mkdirSync(out, { recursive: true });
const { url, stop } = await servePreview(dir);
const browser = await launchBrowser();
try {
  for (const [name, path] of pages) {
    for (const [device, viewport] of Object.entries(viewports)) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
        await page.goto(url + path, { waitUntil: 'networkidle' });
        if (name === 'search') await page.waitForSelector('#search-results a', { timeout: 10_000 }).catch(() => undefined);
        await page.screenshot({ path: `${out}/${name}-${device}-${scheme}.png` });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await stop();
}
process.stdout.write(`screenshots written to ${out}/\n`);
