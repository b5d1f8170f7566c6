import { describe, expect, test } from 'vitest';
import { pageTitle, searchPageTitle, SITE_NAME } from '../../../src/lib/shared/site-config.ts';

describe('pageTitle', () => {
  test("follows a page's title with the catalog's name", () => {
    expect(pageTitle('Topics')).toBe(`Topics · ${SITE_NAME}`);
  });

  test('gives the home page, titled with the name, the name alone', () => {
    expect(pageTitle(SITE_NAME)).toBe(SITE_NAME);
  });
});

describe('searchPageTitle', () => {
  test('names the query, in quotes, before the page and the catalog', () => {
    expect(searchPageTitle('diffusion models')).toBe(`“diffusion models” · Search · ${SITE_NAME}`);
  });

  test('returns the plain search title when the query is empty or only spaces', () => {
    expect(searchPageTitle('')).toBe(`Search · ${SITE_NAME}`);
    expect(searchPageTitle('  ')).toBe(`Search · ${SITE_NAME}`);
  });
});
