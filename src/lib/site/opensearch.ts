import { escapeXml } from '../shared/xml.ts';

/** The media type of an OpenSearch description, for its file and for `<link rel="search">`. */
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';

/** What a browser needs to offer the site's search. URLs absolute; `search` holds `{searchTerms}`. */
export interface OpenSearchSite {
  /** At most 16 characters (the specification's limit): the name browsers show. */
  name: string;
  description: string;
  /** The search page's URL template, with `{searchTerms}` where the query goes. */
  search: string;
  /** The description's own URL, so a browser can update it. */
  self: string;
  /** The site's icon. */
  icon: { url: string; type: string };
}

/** An OpenSearch 1.1 description document: the search page's URL template, and the site's name and icon. */
export function openSearchDescription(site: OpenSearchSite): string {
  if (!site.search.includes('{searchTerms}')) throw new Error(`the search template ${site.search} has no {searchTerms}`);
  if ([...site.name].length > 16) throw new Error(`the name "${site.name}" is longer than OpenSearch's 16 characters`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  <ShortName>${escapeXml(site.name)}</ShortName>`,
    `  <Description>${escapeXml(site.description)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Image type="${escapeXml(site.icon.type)}">${escapeXml(site.icon.url)}</Image>`,
    `  <Url type="text/html" method="get" template="${escapeXml(site.search)}"/>`,
    `  <Url type="${OPENSEARCH_TYPE}" rel="self" template="${escapeXml(site.self)}"/>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
