import { describe, expect, test } from 'vitest';
import { cacheKeyOf, withCacheKeys } from '../../../src/lib/site/cache-key.ts';

const paper = (abstract: string, body = '') => ({ slug: 'a', title: 'A', abstract: [abstract], entry: { id: 'a', data: { title: 'A' }, body } });
const sidebar = (years: string[]) => [{ id: 'dates', heading: 'Dates', path: 'dates/', links: years.map((year) => ({ label: year, path: `dates/${year}/` })) }];

describe('cacheKeyOf', () => {
  test('gives the same key to the same page, so an unchanged page is restored', () => {
    expect(cacheKeyOf({ paper: paper('x') })).toBe(cacheKeyOf({ paper: paper('x') }));
  });

  test('changes when the page shows something else: the data, or an editor\'s body', () => {
    const key = cacheKeyOf({ paper: paper('x') });
    expect(cacheKeyOf({ paper: paper('y') })).not.toBe(key);
    expect(cacheKeyOf({ paper: paper('x', 'An editor\'s note.') })).not.toBe(key);
  });

  test('changes when a paper page\'s related papers change: another paper, or another title of the same one', () => {
    const key = cacheKeyOf({ paper: paper('x'), related: [{ slug: 'b', title: 'B' }] });
    expect(cacheKeyOf({ paper: paper('x'), related: [{ slug: 'b', title: 'B, retitled' }] })).not.toBe(key);
    expect(cacheKeyOf({ paper: paper('x'), related: [{ slug: 'c', title: 'B' }] })).not.toBe(key);
    expect(cacheKeyOf({ paper: paper('x'), related: [] })).not.toBe(key);
  });

  test('changes when what a list shows beside its papers changes: a renamed topic, a new year in the sidebar', () => {
    const chips = (label: string) => ({ paper: { ...paper('x'), topicLinks: [{ slug: 'lm', label }] } });
    expect(cacheKeyOf(chips('Language models'))).not.toBe(cacheKeyOf(chips('Language modelling')));
    expect(cacheKeyOf({ sidebar: sidebar(['2025']) })).not.toBe(cacheKeyOf({ sidebar: sidebar(['2025', '2019']) }));
  });

  test('counts an entry by its body, not by the rest of the entry', () => {
    const one = { paper: { ...paper('x'), entry: { id: 'a', data: { cached: 1 }, body: '' } } };
    const two = { paper: { ...paper('x'), entry: { id: 'a', data: { cached: 2 }, body: '' } } };
    expect(cacheKeyOf(one)).toBe(cacheKeyOf(two));
  });
});

describe('withCacheKeys', () => {
  test('adds a key to every path and keeps the rest', () => {
    const paths = withCacheKeys([{ params: { slug: 'a' }, props: { n: 1 } }, { params: { slug: 'b' }, props: { n: 2 } }]);
    expect(paths.map((path) => path.params.slug)).toEqual(['a', 'b']);
    expect(paths[0]!.cacheKey).not.toBe(paths[1]!.cacheKey);
  });

  test('adds none where nothing reads them (the dev server), and keeps the paths as they are', () => {
    const given = [{ params: { slug: 'a' }, props: { n: 1 } }];
    expect(withCacheKeys(given, false)).toEqual(given);
    expect(withCacheKeys(given)[0]!.cacheKey).toMatch(/^[\w-]{43}$/);
  });
});

describe('what a cached page shows', () => {
  test('comes to components and layouts as props: none of them reads the catalog', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const readers = [];
    for (const folder of ['src/components', 'src/layouts']) {
      for (const file of await readdir(folder)) {
        const imports = (await readFile(`${folder}/${file}`, 'utf8')).match(/^\s*import .* from '.*';$/gm) ?? [];
        if (imports.some((line) => line.includes('/catalog/collections.ts') && !line.includes('import type'))) readers.push(`${folder}/${file}`);
      }
    }
    expect(readers).toEqual([]);
  });
});
