import { describe, expect, test } from 'vitest';
import { AUTHORS_SHOWN, foldedAuthors, paperPages } from '../../../src/lib/catalog/paper-page.ts';
import { bucketCount, bucketOf } from '../../../src/lib/similar/buckets.ts';

const paper = (slug: string, title: string, abstract: string, extra: { code?: string[]; links?: string[] } = {}) => ({
  slug,
  title,
  abstract: [abstract],
  date: '2026-01-08',
  topics: ['other'],
  code: extra.code ?? [],
  links: extra.links ?? [],
});
const papers = [
  paper('serving', 'Serving large language models with paged attention', 'Paged attention makes serving large language models fast.', { code: ['https://github.com/a/serve'], links: ['https://serve.example.org/x'] }),
  paper('batching', 'Continuous batching for serving large language models', 'Continuous batching makes serving large language models cheap.'),
  paper('knitting', 'Knitting patterns of old', 'A study of knitting patterns and wool.'),
];
const pages = paperPages({
  papers,
  papersBySlug: new Map(papers.map((p) => [p.slug, p])),
  listings: {
    dates: new Map([['batching', ['2026-01-10', '2026-01-09']], ['serving', ['2026-01-10']]]),
    places: new Map([['batching', { date: '2026-01-10', previous: 'serving', next: 'knitting' }], ['serving', { date: '2026-01-10', next: 'batching' }]]),
  },
  undatedPapers: new Set(['knitting']),
});

describe('paperContext', () => {
  test('gives the days that list a paper, its neighbours in the newest, and its find links', () => {
    const context = pages.paperContext(papers[1]!);
    expect(context.listedIn).toEqual([{ date: '2026-01-10', label: '10 January 2026' }, { date: '2026-01-09', label: '9 January 2026' }]);
    expect(context.inUndated).toBe(false);
    expect(context.place).toEqual({
      date: '2026-01-10',
      label: '10 January 2026',
      previous: { slug: 'serving', title: 'Serving large language models with paged attention' },
      next: { slug: 'knitting', title: 'Knitting patterns of old' },
    });
    expect(context.find.length).toBeGreaterThan(0);
  });

  test('lists code links before project links, each with the URL as shown', () => {
    expect(pages.paperContext(papers[0]!).links).toEqual([
      { kind: 'Code', href: 'https://github.com/a/serve', text: 'github.com/a/serve' },
      { kind: 'Project', href: 'https://serve.example.org/x', text: 'serve.example.org/x' },
    ]);
  });

  test('has no place and no days for a paper only an undated digest lists', () => {
    const context = pages.paperContext(papers[2]!);
    expect([context.listedIn, context.inUndated, context.place]).toEqual([[], true, undefined]);
  });
});

describe('relatedLinks', () => {
  test('links the similar papers by slug and title, and none for a paper like no other', () => {
    expect(pages.relatedLinks(papers[0]!)).toEqual([{ slug: 'batching', title: 'Continuous batching for serving large language models' }]);
    expect(pages.relatedLinks(papers[2]!)).toEqual([]);
  });
});

describe('listingDates', () => {
  test("returns a paper's listing dates newest first, and none for a paper no dated digest lists", () => {
    expect(pages.listingDates('batching')).toEqual(['2026-01-10', '2026-01-09']);
    expect(pages.listingDates('knitting')).toEqual([]);
  });
});

describe('paperContext of a paper with an arXiv id and named authors', () => {
  const names = Array.from({ length: 36 }, (_, index) => `Author ${index + 1}`);
  const withId = { ...papers[0]!, arxiv: '2408.16500', authorNames: names };

  test('gives the arXiv, PDF and Hugging Face links first, and no title searches', () => {
    const context = pages.paperContext(withId);
    expect(context.arxiv?.map((link) => link.href)).toEqual(['https://arxiv.org/abs/2408.16500', 'https://arxiv.org/pdf/2408.16500', 'https://huggingface.co/papers/2408.16500']);
    expect(context.find).toEqual([]);
    expect(pages.paperContext(papers[0]!)).not.toHaveProperty('arxiv');
    expect(pages.paperContext(papers[0]!)).not.toHaveProperty('authors');
  });

  test('folds a long author list after the first few, and not a list barely longer', () => {
    expect(pages.paperContext(withId).authors).toEqual({ shown: names.slice(0, AUTHORS_SHOWN), folded: names.slice(AUTHORS_SHOWN), more: `and ${36 - AUTHORS_SHOWN} more` });
    expect(foldedAuthors(names.slice(0, AUTHORS_SHOWN + 2))).toEqual({ shown: names.slice(0, AUTHORS_SHOWN + 2), folded: [] });
    expect(foldedAuthors(names.slice(0, AUTHORS_SHOWN + 3)).more).toBe('and 3 more');
  });
});

describe('relatedBuckets', () => {
  test('holds every paper\'s related list, with the related papers\' similarity, title and date, in the paper\'s bucket', () => {
    const buckets = pages.relatedBuckets();
    expect(buckets).toHaveLength(bucketCount(papers.length));
    for (const paper of papers) expect(Object.keys(buckets[bucketOf(paper.slug, buckets.length)]!.related)).toContain(paper.slug);
    const serving = buckets[bucketOf('serving', buckets.length)]!.related['serving']!;
    expect(serving.map(([slug, , title, date]) => [slug, title, date])).toEqual([['batching', 'Continuous batching for serving large language models', '2026-01-08']]);
    expect(serving[0]![1]).toBeGreaterThan(0);
    expect(buckets[bucketOf('knitting', buckets.length)]!.related['knitting']).toEqual([]);
  });
});
