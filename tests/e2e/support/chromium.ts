import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const executablePath = '/usr/bin/chromium';

/** Debian's Chromium, headless. A missing browser fails the run: browser tests never skip silently. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `${executablePath} is missing: install it with "apt-get install -y chromium" to run the e2e tests`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
