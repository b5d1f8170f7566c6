import { describe, expect, test } from 'vitest';
import { listedOn, searchablePart } from '../../../src/search/index/paper-pages.ts';

/** A paper page as the paper route writes it, in the parts that matter here. */
const page = (parts: { listed?: string; title?: string; abstract?: string; related?: string; neighbours?: string; topic?: string } = {}) =>
  `<!doctype html><html><head><title>${parts.title ?? 'A'}</title></head><body><header>site</header><main>` +
  `<article class="paper" data-pagefind-body${parts.listed === undefined ? '' : ` data-listed="${parts.listed}"`}>` +
  `<div hidden><span data-pagefind-filter="topic[data-value]" data-value="${parts.topic ?? 'Video'}"></span></div>` +
  `<header><h1 data-pagefind-ignore data-pagefind-meta="title">${parts.title ?? 'A'}</h1></header>` +
  `<div class="paper-main"><div class="abstract"><p>${parts.abstract ?? 'Words.'}</p></div>` +
  `<section class="related-papers" data-pagefind-ignore><h2>Related</h2><ul><li><a href="/papers/x/">${parts.related ?? 'X'}</a></li></ul></section></div>` +
  `<aside class="paper-aside" data-pagefind-ignore><section><h2>Listed in</h2><a href="/digests/2024-05-27/">27 May</a></section></aside>` +
  `<nav class="paper-neighbours" data-pagefind-ignore>${parts.neighbours ?? 'Next: B'}</nav>` +
  `</article></main><footer>footer</footer></body></html>`;

describe('listedOn', () => {
  test('returns the first listing day the body article names, or nothing', () => {
    expect(listedOn(page({ listed: '2024-05-27' }))).toBe('2024-05-27');
    expect(listedOn(page({ listed: '' }))).toBe('');
    expect(listedOn(page())).toBe('');
    expect(listedOn('<p data-listed="2024-05-27">not an article</p>')).toBe('');
  });
});

describe('searchablePart', () => {
  test('stays the same when only what search ignores changes: related papers, neighbours, listing days, the chrome', () => {
    const part = searchablePart(page({ listed: '2024-05-27' }));
    expect(searchablePart(page({ listed: '2024-05-28', related: 'A newer paper', neighbours: 'Next: C' }))).toBe(part);
    expect(searchablePart(page({ listed: '2024-05-27' }).replace('<footer>footer</footer>', '<footer>new footer</footer>'))).toBe(part);
  });

  test('changes with anything Pagefind reads: the abstract, the title metadata in an ignored heading, a filter', () => {
    const part = searchablePart(page());
    expect(searchablePart(page({ abstract: 'Other words.' }))).not.toBe(part);
    expect(searchablePart(page({ title: 'B' }))).not.toBe(part);
    expect(searchablePart(page({ topic: 'Agents' }))).not.toBe(part);
  });

  test('keeps an ignored block that carries metadata, and the whole page when there is no body article', () => {
    const withMeta = page().replace('<h2>Related</h2>', '<h2 data-pagefind-meta="image">Related</h2>');
    expect(searchablePart(withMeta)).toContain('Related');
    expect(searchablePart('<main>plain</main>')).toBe('<main>plain</main>');
  });
});
