import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches out to the network on its own. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('which', ['chromium']).toString().trim();
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records every console error, page error and dialog, so a test can assert there were none. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
  dialogs: string[];
}

/** Opens a new context and page and starts recording what went wrong on it. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message} (${page.url()})`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, problems, dialogs };
}
