import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

/** Bytes a reader's browser transfers: loading the search page, then running a first search. */
export interface Transfer {
  pageBytes: number;
  searchBytes: number;
  searchRequests: number;
}

/** Serves a built site on 127.0.0.1 and measures, in real Chromium, what a first search transfers. */
export async function measureFirstSearch(dist: string, query: string): Promise<Transfer | undefined> {
  let executablePath: string;
  try {
    executablePath = execFileSync('which', ['chromium']).toString().trim();
  } catch {
    return undefined; // no browser on this machine: the bench prints build figures only
  }
  const serve = sirv(dist, { gzip: false, brotli: false });
  const server = createServer((request, response) => serve(request, response, () => void response.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // No service worker: it would precache the whole index, which is not what a search costs.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests++;
    });
    await page.goto(`http://127.0.0.1:${port}/search/`, { waitUntil: 'networkidle' });
    const pageBytes = bytes;
    const pageRequests = requests;
    await page.locator('pagefind-input input').fill(query);
    await page.locator('.search-hit').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    return { pageBytes, searchBytes: bytes - pageBytes, searchRequests: requests - pageRequests };
  } finally {
    await browser.close();
    server.close();
  }
}
