/** The browser tests' browser, per platform: the packaged Chromium on Linux x64 only, something installed elsewhere. */
import { describe, expect, it } from 'vitest';
import { browserSources, describeSource, launchBrowser } from '../support/browser.ts';

describe('browserSources', () => {
  it('uses the Chromium inside @sparticuz/chromium on Linux x64 only', () => {
    expect(browserSources('linux', 'x64')).toEqual([{ kind: 'packaged' }]);
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['darwin', 'x64'],
      ['win32', 'x64'],
      ['linux', 'arm64'],
    ] as const)
      expect(browserSources(platform, arch).map((s) => s.kind)).not.toContain('packaged');
  });

  it('tries Playwright’s Chromium, then Chrome, then Edge on macOS and Windows', () => {
    const expected = [{ kind: 'playwright' }, { kind: 'channel', channel: 'chrome' }, { kind: 'channel', channel: 'msedge' }];
    expect(browserSources('darwin', 'arm64')).toEqual(expected);
    expect(browserSources('darwin', 'x64')).toEqual(expected);
    expect(browserSources('win32', 'x64')).toEqual(expected);
    expect(browserSources('linux', 'arm64')).toEqual(expected.slice(0, 2));
  });

  it('takes BACKCHANNEL_BROWSER as a name or a path, on any platform', () => {
    expect(browserSources('linux', 'x64', 'chrome')).toEqual([{ kind: 'channel', channel: 'chrome' }]);
    expect(browserSources('darwin', 'arm64', 'packaged')).toEqual([{ kind: 'packaged' }]);
    expect(browserSources('win32', 'x64', 'C:\\Chromium\\chrome.exe')).toEqual([{ kind: 'path', path: 'C:\\Chromium\\chrome.exe' }]);
    expect(describeSource({ kind: 'path', path: 'C:\\Chromium\\chrome.exe' })).toBe('BACKCHANNEL_BROWSER=C:/Chromium/chrome.exe');
  });
});

describe('launchBrowser', () => {
  const withChoice = async <T>(choice: string, run: () => Promise<T>): Promise<T> => {
    const before = process.env.BACKCHANNEL_BROWSER;
    process.env.BACKCHANNEL_BROWSER = choice;
    try {
      return await run();
    } finally {
      if (before === undefined) delete process.env.BACKCHANNEL_BROWSER;
      else process.env.BACKCHANNEL_BROWSER = before;
    }
  };

  // Off Linux x64 a browser is launched with playwright's own flags only: tried here with the packaged binary by path.
  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'launches a browser given by path with the flags used for Chrome, Edge and Playwright’s Chromium',
    async () => {
      const { default: chromium } = await import('@sparticuz/chromium');
      const path = await chromium.executablePath();
      const text = await withChoice(path, async () => {
        const browser = await launchBrowser({ gpu: 'off' });
        try {
          const page = await browser.newPage();
          await page.setContent('<h1>Backchannel</h1>');
          return await page.textContent('h1');
        } finally {
          await browser.close();
        }
      });
      expect(text).toBe('Backchannel');
    },
    30_000,
  );

  it('says what it tried and how to get a browser when none starts', async () => {
    await withChoice('/no/such/browser', () =>
      expect(launchBrowser()).rejects.toThrow(
        /No browser for the browser tests on .*\n- BACKCHANNEL_BROWSER=\/no\/such\/browser: .*\nRun `npm run install-browser` once/,
      ),
    );
  });
});
