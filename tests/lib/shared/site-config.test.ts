import { describe, expect, test } from 'vitest';
import { pageTitle, SITE_NAME } from '../../../src/lib/shared/site-config.ts';

describe('pageTitle', () => {
  test("follows a page's title with the catalog's name", () => {
    expect(pageTitle('Topics')).toBe(`Topics · ${SITE_NAME}`);
  });

  test('gives the home page, titled with the name, the name alone', () => {
    expect(pageTitle(SITE_NAME)).toBe(SITE_NAME);
  });
});
