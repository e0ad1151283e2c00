// Debian's Chromium, which the tests that render pages (the task pane, the e-mails) drive with
// playwright-core. Under CI a test that needs it fails when it is missing, never skips.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether Chromium is here for tests that `need` it: under CI its absence is an error; elsewhere a warning. */
export function hasChromium(need: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium is required under CI to ${need}, but ${CHROMIUM} does not exist`);
  console.warn(`Skipping the tests that ${need}: no Chromium at ${CHROMIUM}`);
  return false;
}

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
}
