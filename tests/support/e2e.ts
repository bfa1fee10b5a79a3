/** Browser-test plumbing: serve the built site, one Chromium per test file, and a watch on page problems. */
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { servePreview } from './preview.ts';
import { launchBrowser } from './browser.ts';

export interface Site {
  browser: Browser;
  /** Address of the served site with its base, without a trailing slash (`http://127.0.0.1:40123`). */
  url: string;
  close(): Promise<void>;
}

/** Serve `dist` with `astro preview` on a free loopback port and launch the packaged Chromium. */
export async function startSite(dist: string, options: { root?: string; base?: string } = {}): Promise<Site> {
  const server = await servePreview(dist, options);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    browser,
    url: server.url,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/** A fresh page in its own context (own storage), with sane timeouts. */
export async function newPage(site: Site, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(15_000);
  return page;
}

/** Close a page and the context newPage made for it. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

export interface Problems {
  /** Console errors, uncaught exceptions, failed requests, HTTP errors and CSP violations, as readable lines. */
  list: string[];
}

/**
 * Record everything that goes wrong while a page loads and runs: `console.error`, uncaught exceptions, requests that
 * fail or answer ≥ 400 (except `allowStatus` URLs), and Content-Security-Policy violations (a `securitypolicyviolation`
 * listener injected before any page script runs). Call before the first navigation.
 */
export async function watchProblems(
  page: Page,
  options: { allowStatus?: (url: string, status: number) => boolean } = {},
): Promise<Problems> {
  const problems: Problems = { list: [] };
  const where = () => page.url().replace(/^https?:\/\/[^/]+/, '');
  page.on('console', (m) => {
    if (m.type() === 'error')
      problems.list.push(
        `${where()}: console error: ${m.text()}${m.location().url ? ` (${m.location().url.replace(/^https?:\/\/[^/]+/, '')}:${m.location().lineNumber})` : ''}`,
      );
  });
  page.on('pageerror', (e) => problems.list.push(`${where()}: uncaught ${e.name}: ${e.message}`));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? 'unknown';
    // ERR_ABORTED is the browser cancelling a request itself, e.g. search fragments still loading when a result
    // is clicked and the page navigates away: not a failure of the site.
    if (reason === 'net::ERR_ABORTED') return;
    problems.list.push(`${where()}: request failed: ${r.method()} ${r.url()} (${reason})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !options.allowStatus?.(r.url(), r.status()))
      problems.list.push(`${where()}: HTTP ${r.status()} for ${r.url()}`);
  });
  await page.exposeFunction(
    '__reportCspViolation',
    (v: { directive: string; blocked: string; source: string; line: number; sample: string }) => {
      problems.list.push(
        `${where()}: CSP violation of ${v.directive}: blocked ${v.blocked || '(inline)'} at ${v.source}:${v.line} ${v.sample}`,
      );
    },
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: unknown) => void }).__reportCspViolation({
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      });
    });
  });
  return problems;
}

/**
 * Click `link` and wait until the page at `pathname` has committed and parsed its document. Not the `load` event:
 * under a loaded machine a new page's load event was seen to stall past any sane timeout after the search page's
 * in-flight requests were cancelled, which is not what any test here is about.
 */
export async function followLink(page: Page, link: Locator, pathname: string): Promise<void> {
  await Promise.all([page.waitForURL((u) => u.pathname === pathname, { waitUntil: 'commit', timeout: 30_000 }), link.click()]);
  await page.waitForLoadState('domcontentloaded', { timeout: 30_000 });
}
