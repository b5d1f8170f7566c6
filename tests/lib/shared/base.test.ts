import { describe, expect, test } from 'vitest';
import { absoluteHref, BASE, href, pathOf } from '../../../src/lib/shared/base.ts';
import { paths } from '../../../src/lib/shared/paths.ts';

// Vitest runs with Astro's default base, `/`; src/lib/shared/paths.ts's tests cover a subpath base.
describe('href', () => {
  test('puts a site path under the base', () => {
    expect(BASE).toBe('/');
    expect(href(paths.paper('x'))).toBe('/papers/x/');
    expect(href(paths.home())).toBe('/');
  });
});

describe('absoluteHref', () => {
  test("makes a site path an absolute URL on the site's origin", () => {
    expect(absoluteHref('https://example.org', paths.topic('lm'))).toBe('https://example.org/topics/lm/');
  });
});

describe('pathOf', () => {
  test('is the inverse of href', () => {
    expect(pathOf(href(paths.papers(2)))).toBe(paths.papers(2));
  });
});

describe('the base', () => {
  test('is read from Astro by this module alone: pages, components and layouts link with href', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const files = (await readdir('src', { recursive: true })).filter((file) => /\.(ts|astro)$/.test(file));
    const readers = [];
    for (const file of files) if ((await readFile(`src/${file}`, 'utf8')).includes('import.meta.env.BASE_URL')) readers.push(file);
    expect(readers).toEqual(['lib/shared/base.ts']);
  });
});
