/** Headless Chromium from the @sparticuz/chromium npm package, driven by playwright-core: nothing installed by hand. */
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

export interface LaunchOptions {
  /**
   * `emulated` (the default) keeps the package's flags, which emulate a GPU in software (ANGLE on SwiftShader); `off`
   * composites in software, as Chrome does on a machine without a GPU. The first frame that shows search results
   * costs ~250 ms more with the emulated GPU on the 2-CPU machines here (bench/budgets.ts measures both).
   */
  gpu?: 'emulated' | 'off';
}

/** Launch the packaged Chromium. Flags keep it off the network (the machine has none). */
export async function launchBrowser({ gpu = 'emulated' }: LaunchOptions = {}): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  return playwright.launch({
    executablePath,
    headless: true,
    args: [
      ...chromium.args.filter((a) => !a.startsWith('--single-process')),
      ...(gpu === 'off' ? ['--disable-gpu'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
