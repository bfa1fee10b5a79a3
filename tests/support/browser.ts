/** Headless Chromium from the @sparticuz/chromium npm package, driven by playwright-core: nothing installed by hand. */
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/** Launch the packaged Chromium. Flags keep it off the network (the machine has none). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  return playwright.launch({
    executablePath,
    headless: true,
    args: [
      ...chromium.args.filter((a) => !a.startsWith('--single-process')),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
