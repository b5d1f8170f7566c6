import { describe, expect, test } from 'vitest';
import { OPENSEARCH_TYPE, openSearchDescription, type OpenSearchSite } from '../../../src/lib/site/opensearch.ts';
import { childNamed, childrenNamed, parseXml } from '../../helpers/xml.ts';

const site: OpenSearchSite = {
  name: 'Papershelf',
  description: 'Search <papers> & more.',
  search: 'https://example.org/shelf/search/?q={searchTerms}&x=1',
  self: 'https://example.org/shelf/opensearch.xml',
  icon: { url: 'https://example.org/shelf/favicon.svg', type: 'image/svg+xml' },
};

describe('openSearchDescription', () => {
  test('writes an OpenSearch 1.1 document with the search template, its own URL and the icon', () => {
    const document = parseXml(openSearchDescription(site));
    expect(document.name).toBe('OpenSearchDescription');
    expect(document.attributes.xmlns).toBe('http://a9.com/-/spec/opensearch/1.1/');
    expect(childNamed(document, 'ShortName').text).toBe('Papershelf');
    expect(childNamed(document, 'Description').text).toBe('Search <papers> & more.');
    expect(childNamed(document, 'InputEncoding').text).toBe('UTF-8');
    expect(childNamed(document, 'Image').text).toBe(site.icon.url);
    expect(childrenNamed(document, 'Url').map((url) => url.attributes)).toEqual([
      { type: 'text/html', method: 'get', template: site.search },
      { type: OPENSEARCH_TYPE, rel: 'self', template: site.self },
    ]);
  });

  test('refuses a template without {searchTerms}, and a name longer than 16 characters', () => {
    expect(() => openSearchDescription({ ...site, search: 'https://example.org/search/' })).toThrow(/searchTerms/);
    expect(() => openSearchDescription({ ...site, name: 'Papershelf Catalog' })).toThrow(/16/);
  });
});
