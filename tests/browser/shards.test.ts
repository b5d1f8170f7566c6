import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, createFixtureSite } from '../helpers/fixture-site.ts';
import { launchChromium, openPage, resultTitles, serveSite, untilControlled } from './browser.ts';

// A catalog whose search index is split into shards (here full shards of 20 papers and young shards of 2: the seed's 46
// papers make 2 full and 3 young), merged again in the browser: one search answers from every shard, and keeping the catalog offline keeps every shard.
const BASE = '/sharded/';
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let dist: string;

beforeAll(async () => {
  const fixture = await createFixtureSite({ digests: ['seeds/000_b521cd4bf3e07176.txt'] });
  dist = join(fixture.dir, 'dist');
  const build = await buildSite(fixture, dist, { PAPERSHELF_BASE: BASE, PAPERSHELF_SHARD_SIZE: '20' });
  if (build.code !== 0) throw new Error(`the sharded build failed:\n${build.output}`);
  site = await serveSite(dist, BASE);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a search index in shards', () => {
  test('is written as one Pagefind bundle per shard', async () => {
    expect((await readdir(dist)).filter((name) => name.startsWith('pagefind')).sort()).toEqual(['pagefind', 'pagefind-shard-1', 'pagefind-shard-2', 'pagefind-shard-3', 'pagefind-shard-4']);
  });

  test('answers one search from every shard, with filters counted over all of them', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${site.url}search/?sort=newest`);
    await resultTitles(page);
    expect(await page.locator('pagefind-summary').textContent()).toMatch(/\b46 results\b/);
    await page.goto(`${site.url}search/?q=spiking`);
    const titles = await resultTitles(page);
    expect(titles).toContain('Spiking Diffusion Models');
    expect(titles.length).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });

  test('keeps every shard for offline search', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${site.url}search/`);
    await untilControlled(page);
    await page.locator('#offline-keep-button').click();
    await page.locator('#offline-keep-status').filter({ hasText: 'This device keeps the whole catalog for offline use' }).waitFor();
    await context.setOffline(true);
    await page.goto(`${site.url}search/?sort=newest`);
    await resultTitles(page);
    expect(await page.locator('pagefind-summary').textContent()).toMatch(/\b46 results\b/);
    await context.setOffline(false);
    expect(problems).toEqual([]);
  });
});
