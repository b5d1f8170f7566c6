import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Shelf } from '../../src/lib/shared/shelf.ts';
import { repoRoot } from '../helpers/fixture-site.ts';
import { useChromium } from './browser.ts';
import { BUILD_TIMEOUT, useOwnSite } from './own-site.ts';

// The shelf survives a new build (issue 21, item 2): this file rebuilds its site with one more digest, so it builds
// and serves its own, and the other files' site stays as it is.
const own = useOwnSite();
const { watched } = useChromium();

describe('the shelf across a new build', () => {
  test('a star survives a rebuild with one more digest; a paper the API names gets authors and eprint in BibTeX', async () => {
    // The same origin before and after: the served folder is rebuilt in place. No service worker: storage is the point.
    const { context, page, problems } = await watched({ serviceWorkers: 'block' });
    await page.goto(`${own.url}papers/`);
    const slug = (await page.locator('main .card[data-slug]').first().getAttribute('data-slug'))!;
    await page.locator(`main .card[data-slug="${slug}"] button[data-shelf-action="star"]`).click();
    const before = await page.evaluate(() => localStorage.getItem('papershelf-shelf'));

    // One more digest: the API's answer of a day, whose papers come with their authors by name and arXiv ids.
    await cp(join(repoRoot, 'tests/fixtures/api/2024-08-13.json'), join(own.site.seedsDir, '2024-08-13.json'));
    const build = await own.rebuild();
    expect(build.code, build.output).toBe(0);
    expect(await readFile(join(own.dist, 'digests/2024-08-13/index.html'), 'utf8')).toContain('CogVideoX');

    await page.goto(`${own.url}shelf/`);
    await expect(page.locator('#shelf-list .card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.slug))).resolves.toEqual([slug]);
    expect(await page.evaluate(() => localStorage.getItem('papershelf-shelf'))).toBe(before);
    await page.goto(`${own.url}papers/`);
    await expect(page.locator(`main .card[data-slug="${slug}"] button[data-shelf-action="star"]`).getAttribute('aria-pressed')).resolves.toBe('true');

    // The new build's paper, starred from its day: the shelf keeps its authors and arXiv id, and BibTeX names them.
    await page.goto(`${own.url}digests/2024-08-13/`);
    const cogvideo = page.locator('main .card').filter({ hasText: 'CogVideoX' });
    await cogvideo.hover();
    await cogvideo.locator('button[data-shelf-action="star"]').click();
    const cogSlug = (await cogvideo.getAttribute('data-slug'))!;
    const shelf = (await page.evaluate(() => JSON.parse(localStorage.getItem('papershelf-shelf')!))) as Shelf;
    expect(shelf.papers[cogSlug]).toMatchObject({ title: 'CogVideoX: Text-to-Video Diffusion Models with An Expert Transformer', year: '2024', arxiv: '2408.06072' });
    expect(shelf.papers[cogSlug]!.authors).toHaveLength(19);
    await page.goto(`${own.url}shelf/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download BibTeX' }).click()]);
    const bibtex = await readFile((await download.path())!, 'utf8');
    const entry = bibtex.split('\n\n').find((text) => text.startsWith(`@misc{${cogSlug},`))!;
    expect(entry).toContain(`  author = {${shelf.papers[cogSlug]!.authors!.join(' and ')}},`);
    expect(entry).toContain('  eprint = {2408.06072},\n  archivePrefix = {arXiv},');
    const other = bibtex.split('\n\n').find((text) => text.startsWith(`@misc{${slug},`))!;
    expect(other).not.toMatch(/author|eprint/);
    expect(problems).toEqual([]);
    await context.close();
  }, BUILD_TIMEOUT);
});
