import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { DigestEntry, ParsedDigest } from '../../../src/lib/digest/types.ts';
import { abstractKey, identityKey, listingOf, samePaper } from '../../../src/lib/papers/identity.ts';
import { mergeListings, type PublishedPaper } from '../../../src/lib/papers/model.ts';
import { compileVocabulary } from '../../../src/lib/papers/topics.ts';

const root = join(import.meta.dirname, '../../..');
const vocabulary = compileVocabulary(parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8')));

type Listing = Pick<DigestEntry, 'title' | 'date'> & { abstract: string[]; upvotes?: number; authors?: number };

/** A digest listed on `listedOn` with the given entries, one every 10 lines. */
function digest(file: string, listedOn: string, listings: Listing[]): ParsedDigest {
  const entries = listings.map(
    (listing, index): DigestEntry => ({
      file,
      line: 3 + index * 10,
      lines: { from: 3 + index * 10, to: 9 + index * 10 },
      title: listing.title,
      abstract: listing.abstract,
      byline: { kind: 'authors', count: listing.authors ?? 2 },
      date: listing.date,
      upvotes: listing.upvotes ?? 0,
    }),
  );
  return { file, listedOn, entries, problems: [] } as unknown as ParsedDigest;
}

const merge = (digests: ParsedDigest[], published: PublishedPaper[] = []) => mergeListings(digests, { vocabulary, published });

describe('identity', () => {
  test('"C++ Is Fast Enough" and "C# Is Fast Enough" stay two papers: one title key, but no date or abstract in common', () => {
    const { papers, merges } = merge([
      digest('001.txt', '2026-01-05', [{ title: 'C++ Is Fast Enough', abstract: ['About C++.'], date: '2026-01-02', authors: 3 }]),
      digest('002.txt', '2026-01-06', [{ title: 'C# Is Fast Enough', abstract: ['About C#.'], date: '2026-01-04', authors: 5 }]),
    ]);
    expect(papers.map((paper) => paper.title).sort()).toEqual(['C# Is Fast Enough', 'C++ Is Fast Enough']);
    expect(new Set(papers.map((paper) => paper.slug)).size).toBe(2);
    expect(merges).toEqual([]);
  });

  test('"C++ Is Fast Enough" and "C# Is Fast Enough" of the same date stay two papers, each with its own abstract', () => {
    for (const abstracts of [[['About C++.'], ['About C#.']], [['Same words.'], ['Same words.']]]) {
      const { papers, merges } = merge([
        digest('001.txt', '2026-01-05', [{ title: 'C++ Is Fast Enough', abstract: abstracts[0]!, date: '2026-01-02', authors: 3 }]),
        digest('002.txt', '2026-01-06', [{ title: 'C# Is Fast Enough', abstract: abstracts[1]!, date: '2026-01-02', authors: 5 }]),
      ]);
      if (abstracts[0]![0] === abstracts[1]![0]) {
        // One abstract and one date under a reworded title is one paper (a later digest fixing the title).
        expect(merges).toHaveLength(1);
        continue;
      }
      expect(papers.map((paper) => [paper.title, paper.abstract])).toEqual(
        expect.arrayContaining([['C++ Is Fast Enough', ['About C++.']], ['C# Is Fast Enough', ['About C#.']]]),
      );
      expect(papers).toHaveLength(2);
      expect(new Set(papers.map((paper) => paper.slug)).size).toBe(2);
      expect(merges).toEqual([]);
    }
  });

  test('one title and date with abstracts that clearly differ are two papers, unless a later listing matches both', () => {
    const first = { title: 'Scaling Laws', date: '2026-01-02', abstract: ['We fit power laws to the loss of language models across six orders of magnitude.'] };
    const second = { title: 'Scaling  laws', date: '2026-01-02', abstract: ['A survey of zoning rules for coastal towns and how they shape the price of housing.'] };
    const apart = merge([digest('001.txt', '2026-01-05', [first]), digest('002.txt', '2026-01-06', [second])]);
    expect(apart.papers.map((paper) => paper.abstract)).toEqual(expect.arrayContaining([first.abstract, second.abstract]));
    expect(apart.merges).toEqual([]);
    // A revised abstract (a sentence added, one word changed) is the same paper re-listed.
    const revised = { ...first, abstract: ['We fit power laws to the loss of large language models across six orders of magnitude.', 'Code is released.'] };
    expect(merge([digest('001.txt', '2026-01-05', [first]), digest('003.txt', '2026-01-07', [revised])]).papers).toHaveLength(1);
    // A later digest whose listing matches both says they are one paper.
    const both = { ...first, abstract: [...first.abstract, ...second.abstract] };
    const joined = merge([digest('001.txt', '2026-01-05', [first]), digest('002.txt', '2026-01-06', [second]), digest('003.txt', '2026-01-07', [both])]);
    expect(joined.papers).toHaveLength(1);
    expect(joined.merges).toHaveLength(2);
  });

  test('an item that merged "C++ …" and "C# …" of one date keeps the one whose title it states; the other gets its own URL', () => {
    const published: PublishedPaper[] = [{ key: 'c is fast enough', slug: 'c-is-fast-enough', date: '2026-01-02', title: () => 'C# Is Fast Enough', abstract: () => abstractKey(['About C#.']) }];
    const cpp = digest('001.txt', '2026-01-05', [{ title: 'C++ Is Fast Enough', abstract: ['About C++.'], date: '2026-01-02' }]);
    const csharp = digest('002.txt', '2026-01-06', [{ title: 'C# Is Fast Enough', abstract: ['About C#.'], date: '2026-01-02' }]);
    for (const digests of [[cpp, csharp], [cpp]]) {
      const { papers } = merge(digests, published);
      const slugOf = (title: string) => papers.find((paper) => paper.title === title)?.slug;
      expect(slugOf('C++ Is Fast Enough')).toMatch(/^c-is-fast-enough-[0-9a-f]{8}$/);
      if (digests.length === 2) expect(slugOf('C# Is Fast Enough')).toBe('c-is-fast-enough');
    }
  });

  test('titles with no letter or digit ("🚀", "🎉!!!") are two papers with keys of their own, never the empty key', () => {
    expect(identityKey('🚀')).toBe('🚀');
    expect(identityKey('  ~  ')).toBe('~');
    const { papers } = merge([
      digest('001.txt', '2026-01-05', [
        { title: '🚀', abstract: ['One.'], date: '2026-01-02' },
        { title: '🎉!!!', abstract: ['Two.'], date: '2026-01-02' },
      ]),
    ]);
    expect(papers).toHaveLength(2);
    expect(papers.every((paper) => paper.key !== '' && /^paper-[0-9a-f]{8}$/.test(paper.slug))).toBe(true);
  });

  test('a title a later digest corrects, while the old digest still lists it, is one paper at its first URL', () => {
    const old = digest('001.txt', '2026-01-05', [{ title: 'Spiking Difusion Models', abstract: ['Same abstract.'], date: '2026-01-02', upvotes: 3 }]);
    const fixed = digest('002.txt', '2026-01-09', [{ title: 'Spiking Diffusion Models for Images', abstract: ['Same  abstract. '], date: '2026-01-02', upvotes: 8 }]);
    for (const order of [[old, fixed], [fixed, old]]) {
      const { papers, merges } = merge(order);
      expect(papers).toHaveLength(1);
      expect(papers[0]).toMatchObject({ slug: 'spiking-difusion-models', title: 'Spiking Diffusion Models for Images', upvotes: 8, digests: ['001.txt', '002.txt'] });
      expect(merges).toEqual([{ file: '001.txt', line: 3, into: { file: '002.txt', line: 3 }, slug: 'spiking-difusion-models', because: 'same abstract and date, reworded title' }]);
    }
  });

  test('a re-listing with the same title and abstract but a new date is the same paper', () => {
    const { papers, merges } = merge([
      digest('001.txt', '2026-01-05', [{ title: 'Llumnix', abstract: ['Dynamic scheduling.'], date: '2026-01-02' }]),
      digest('002.txt', '2026-02-05', [{ title: 'Llumnix!', abstract: ['Dynamic scheduling.'], date: '2026-02-01' }]),
    ]);
    expect(papers).toHaveLength(1);
    expect(merges[0]!.because).toBe('same title and abstract');
  });

  test('keeps the URL of a published item whose paper a digest now lists under a corrected title', () => {
    const published: PublishedPaper[] = [{ key: 'spiking difusion models', slug: 'spiking-difusion-models', date: '2026-01-02', title: () => 'Spiking Difusion Models', abstract: () => abstractKey(['Same abstract.']) }];
    const { papers } = merge([digest('002.txt', '2026-01-09', [{ title: 'Spiking Diffusion Models', abstract: ['Same abstract.'], date: '2026-01-02' }])], published);
    expect(papers.map((paper) => paper.slug)).toEqual(['spiking-difusion-models']);
  });

  test('an item that merged two papers before keeps the one whose title and date it states; the other gets its own URL', () => {
    const published: PublishedPaper[] = [{ key: 'c is fast enough', slug: 'c-is-fast-enough', date: '2026-01-04', title: () => 'C# Is Fast Enough', abstract: () => abstractKey(['About C#.']) }];
    const { papers } = merge(
      [
        digest('001.txt', '2026-01-05', [{ title: 'C++ Is Fast Enough', abstract: ['About C++.'], date: '2026-01-02' }]),
        digest('002.txt', '2026-01-06', [{ title: 'C# Is Fast Enough', abstract: ['About C#.'], date: '2026-01-04' }]),
      ],
      published,
    );
    const slugOf = (title: string) => papers.find((paper) => paper.title === title)!.slug;
    expect(slugOf('C# Is Fast Enough')).toBe('c-is-fast-enough');
    expect(slugOf('C++ Is Fast Enough')).toMatch(/^c-is-fast-enough-[0-9a-f]{8}$/);
  });
});

// Property tests over the identity rules. Papers are generated distinct by construction: each has its own title key,
// date and abstract, so no rule of `samePaper` holds between two of them.
const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 });
const title = fc.array(fc.oneof(word, fc.constantFrom('C++', 'C#', '🚀', '🎉!!!', '<script>', '{x}', '---', 'é', 'e\u0301')), { minLength: 1, maxLength: 5 }).map((words) => words.join(' ').trim()).filter((text) => text !== '');
const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2026-11-25T00:00:00Z'), noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10));
const paper = fc.record({ title, date, abstract: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 }) });
const distinctPapers = fc.uniqueArray(paper, {
  minLength: 1,
  maxLength: 12,
  comparator: (a, b) => samePaper(listingOf(a), listingOf(b)) !== undefined,
});

/** Spreads listings over a few digests, each listing's copies on its own days, in an order fast-check picks. */
const catalog = distinctPapers.chain((papers) =>
  fc.record({
    papers: fc.constant(papers),
    // Each paper is listed 1–3 times, in digests 0–3; a later copy may carry more upvotes.
    copies: fc.array(fc.array(fc.record({ digest: fc.integer({ min: 0, max: 3 }), upvotes: fc.nat(50) }), { minLength: 1, maxLength: 3 }), { minLength: papers.length, maxLength: papers.length }),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  }),
);

function digestsOf({ papers, copies }: { papers: Listing[]; copies: { digest: number; upvotes: number }[][] }): ParsedDigest[] {
  const lists: Listing[][] = [[], [], [], []];
  papers.forEach((listing, index) => {
    for (const copy of copies[index]!) lists[copy.digest]!.push({ ...listing, upvotes: copy.upvotes });
  });
  return lists.map((listings, index) => digest(`00${index}.txt`, `2026-11-0${index + 1}`, listings)).filter((parsed) => parsed.entries.length > 0);
}

describe('identity properties', () => {
  test('distinct papers never merge, and every listing is a paper or a reported merge', () => {
    fc.assert(
      fc.property(catalog, (input) => {
        const digests = digestsOf(input);
        const { papers, merges } = merge(digests);
        const listings = digests.reduce((sum, parsed) => sum + parsed.entries.length, 0);
        expect(papers).toHaveLength(input.papers.length);
        expect(papers.length + merges.length).toBe(listings);
        expect(new Set(papers.map((paper) => paper.slug)).size).toBe(papers.length);
      }),
    );
  });

  test('the result does not depend on the order of the digests or of their entries', () => {
    fc.assert(
      fc.property(catalog, (input) => {
        const digests = digestsOf(input);
        const expected = merge(digests);
        const shuffled = [...digests]
          .map((parsed, index) => ({ ...parsed, entries: rotate(parsed.entries, input.order[index]!) }))
          .reverse();
        expect(merge(rotate(shuffled, input.order[7]!))).toEqual(expected);
      }),
    );
  });

  test('a paper re-listed with a reworded title, or a new date, or a new abstract, stays one paper', () => {
    fc.assert(
      fc.property(distinctPapers, fc.nat(2), (papers, change) => {
        const first = digest('001.txt', '2026-11-01', papers);
        const relisted = papers.map((listing): Listing => {
          if (change === 0) return { ...listing, title: `${listing.title} (revised)` };
          if (change === 1) return { ...listing, date: '2026-11-02' };
          return { ...listing, abstract: [...listing.abstract, 'Revised.'] };
        });
        // Two changed copies could now meet each other (two papers of one day, once re-dated); keep those out.
        fc.pre(new Set(relisted.map((listing) => JSON.stringify(listingOf(listing)))).size === relisted.length);
        const { papers: merged } = merge([first, digest('002.txt', '2026-11-03', relisted)]);
        const pairsMeet = relisted.some((a, i) => relisted.some((b, j) => i !== j && samePaper(listingOf(a), listingOf(b)) !== undefined)) ||
          relisted.some((a, i) => papers.some((b, j) => i !== j && samePaper(listingOf(a), listingOf(b)) !== undefined));
        fc.pre(!pairsMeet);
        expect(merged).toHaveLength(papers.length);
      }),
    );
  });
});

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const at = by % items.length;
  return [...items.slice(at), ...items.slice(0, at)];
}
