/**
 * Debian's Chromium (`apt-get install chromium`) as the workbench's browser tests and benchmark
 * drive it: playwright-core, a fresh profile, and none of the browser's own network features
 * (updates, sync, safe browsing, QUIC), so that every request the page makes is the page's.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

export async function launchChromium(profileDir: string, viewport = { width: 1400, height: 850 }): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  // playwright passes the profile as --user-data-dir.
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}
