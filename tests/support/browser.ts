/**
 * A headless Chromium for the browser tests, screenshots and bench, driven by playwright-core, chosen per platform:
 * on Linux x64 the one shipped inside the @sparticuz/chromium npm package (nothing installed by hand); elsewhere
 * (macOS, Windows, Linux on ARM), the one `npm run install-browser` downloads, else an installed Chrome or Edge.
 * `BACKCHANNEL_BROWSER` picks one: a path to a Chromium-family executable, or `packaged`, `playwright`, `chrome`,
 * `msedge`.
 */
import { chromium as playwright, type Browser, type LaunchOptions as PlaywrightLaunch } from 'playwright-core';

export interface LaunchOptions {
  /**
   * `emulated` (the default) keeps the package's flags, which emulate a GPU in software (ANGLE on SwiftShader); `off`
   * composites in software, as Chrome does on a machine without a GPU. The first frame that shows search results
   * costs ~250 ms more with the emulated GPU on the 2-CPU machines here (bench/budgets.ts measures both).
   */
  gpu?: 'emulated' | 'off';
}

/** Where a browser comes from. */
export type BrowserSource =
  { kind: 'packaged' } | { kind: 'playwright' } | { kind: 'channel'; channel: 'chrome' | 'msedge' } | { kind: 'path'; path: string };

/** What each source is called in messages. */
export function describeSource(source: BrowserSource): string {
  if (source.kind === 'packaged') return 'the Chromium of @sparticuz/chromium';
  if (source.kind === 'playwright') return 'Playwright’s Chromium (npm run install-browser)';
  if (source.kind === 'channel') return source.channel === 'chrome' ? 'Google Chrome' : 'Microsoft Edge';
  return `BACKCHANNEL_BROWSER=${source.path.replace(/\\/g, '/')}`;
}

/** The sources to try, in order, on `platform`/`arch` with `choice` (BACKCHANNEL_BROWSER) if set. */
export function browserSources(platform: string, arch: string, choice?: string): BrowserSource[] {
  const named: Record<string, BrowserSource> = {
    packaged: { kind: 'packaged' },
    playwright: { kind: 'playwright' },
    chrome: { kind: 'channel', channel: 'chrome' },
    msedge: { kind: 'channel', channel: 'msedge' },
  };
  if (choice) return [named[choice] ?? { kind: 'path', path: choice }];
  // @sparticuz/chromium ships a Linux x64 build only; it cannot run anywhere else.
  if (platform === 'linux' && arch === 'x64') return [named.packaged!];
  return [named.playwright!, named.chrome!, ...(platform === 'linux' ? [] : [named.msedge!])];
}

/** Flags that keep a browser off the network (the test machines have none) and quiet. */
const QUIET = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

async function launchFrom(source: BrowserSource, gpu: 'emulated' | 'off'): Promise<Browser> {
  const gpuFlags = gpu === 'off' ? ['--disable-gpu'] : [];
  if (source.kind === 'packaged') {
    // Imported only here: the package is for Linux x64.
    const { default: chromium } = await import('@sparticuz/chromium');
    return playwright.launch({
      executablePath: await chromium.executablePath(),
      headless: true,
      args: [...chromium.args.filter((a) => !a.startsWith('--single-process')), ...gpuFlags, ...QUIET],
    });
  }
  const options: PlaywrightLaunch = { headless: true, args: [...gpuFlags, ...QUIET] };
  if (source.kind === 'channel') options.channel = source.channel;
  if (source.kind === 'path') options.executablePath = source.path;
  return playwright.launch(options);
}

/** Launch the first browser this machine has (see the module comment), or say clearly how to get one. */
export async function launchBrowser({ gpu = 'emulated' }: LaunchOptions = {}): Promise<Browser> {
  const sources = browserSources(process.platform, process.arch, process.env.BACKCHANNEL_BROWSER || undefined);
  const failures: string[] = [];
  for (const source of sources) {
    try {
      return await launchFrom(source, gpu);
    } catch (error) {
      failures.push(`- ${describeSource(source)}: ${String((error as Error).message).split('\n')[0]}`);
    }
  }
  throw new Error(
    [
      `No browser for the browser tests on ${process.platform}-${process.arch}. Tried:`,
      ...failures,
      'Run `npm run install-browser` once (it downloads Playwright’s headless Chromium, ~100 MB), or install Google Chrome',
      '(or Microsoft Edge), or set BACKCHANNEL_BROWSER to the path of a Chromium-based browser.',
    ].join('\n'),
  );
}
