import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rendersRedirect, SITEMAP_ENTRY_LIMIT, sitemapFilter } from '../../../src/lib/site/sitemap.ts';
import { repoRoot } from '../../helpers/fixture-site.ts';

describe('rendersRedirect', () => {
  test("finds exactly the site's routes that import the Redirect layout", async () => {
    const pages = join(repoRoot, 'src/pages');
    const routes = (await readdir(pages, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.astro'));
    const redirecting: string[] = [];
    for (const route of routes) {
      const path = join(route.parentPath, route.name);
      if (rendersRedirect(await readFile(path, 'utf8'))) redirecting.push(relative(pages, path));
    }
    expect(redirecting.sort()).toEqual(['[...moved].astro', 'dates/[year]/[legacy].astro', 'papers/[moved].astro']);
  });

  test('reads an import with either quote, and not a mention or another layout', () => {
    expect(rendersRedirect(`---\nimport Redirect from "../../layouts/Redirect.astro";\n---`)).toBe(true);
    expect(rendersRedirect(`---\n// Like the Redirect layout, ../layouts/Redirect.astro\nimport Base from '../../layouts/Base.astro';\n---`)).toBe(false);
    expect(rendersRedirect(`---\nimport Redirect from '../../layouts/RedirectLater.astro';\n---`)).toBe(false);
  });
});

describe('sitemapFilter', () => {
  test('leaves out exactly the listed pages, under the base', () => {
    const keep = sitemapFilter(() => '/shelf/', new Set(['dates/2023/2/', '404/']));
    expect(keep('https://example.org/shelf/dates/2023/2/')).toBe(false);
    expect(keep('https://example.org/shelf/404/')).toBe(false);
    expect(keep('https://example.org/shelf/dates/2023/02/')).toBe(true);
    expect(keep('https://example.org/shelf/')).toBe(true);
  });

  test('reads the base when it runs, once Astro resolved it', () => {
    let base = '/';
    const keep = sitemapFilter(() => base, new Set(['a/']));
    base = '/shelf/';
    expect(keep('https://example.org/shelf/a/')).toBe(false);
  });
});

describe('SITEMAP_ENTRY_LIMIT', () => {
  test("is within the sitemap protocol's 50,000 URLs a file", () => {
    expect(SITEMAP_ENTRY_LIMIT).toBeLessThanOrEqual(50_000);
  });
});
