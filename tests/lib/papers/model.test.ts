import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import type { ParsedDigest } from '../../../src/lib/digest/types.ts';
import { buildPapers, compareNewestFirst } from '../../../src/lib/papers/model.ts';
import { compileVocabulary } from '../../../src/lib/papers/topics.ts';
import { abstractKey } from '../../../src/lib/papers/identity.ts';
import { identitySuffix } from '../../../src/lib/papers/slug.ts';

const root = join(import.meta.dirname, '../../..');
const vocabulary = compileVocabulary(parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8')));
const options = { vocabulary, published: [] };
const seed = parseDigest(readFileSync(join(root, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: '000_seed.txt', today: '2026-11-25' });

const entry = (title: string, more: string) => `${title}\n\n${more}\n\n  • 2 authors\n·\n`;
/** A small digest listed on `listed` (an explicit year) with the given entries. */
function digest(file: string, listed: string, entries: string[]): ParsedDigest {
  return parseDigest(`Daily Papers\n\n${listed}\n\n${entries.join('\n')}`, { file, today: '2026-11-25' });
}

/** A deterministic shuffle, so a failure can be reproduced. */
function shuffle<T>(items: readonly T[], seedValue: number): T[] {
  const copy = [...items];
  let state = seedValue;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The date of the first of some papers, for an item that shares it. */
const papersDate = (papers: readonly { date: string }[]) => papers[0]!.date;

describe('buildPapers', () => {
  test('returns one paper per seed entry, newest first', () => {
    const papers = buildPapers([seed], options);
    expect(papers).toHaveLength(46);
    expect([...papers].sort(compareNewestFirst)).toEqual(papers);
    expect(new Set(papers.map((paper) => paper.slug)).size).toBe(46);
  });

  test('returns the same slugs when digests and entries are shuffled', () => {
    const older = digest('001_old.txt', 'Mar 1, 2026', [entry('Same Title', 'A.') + 'Jan 1, 2025', entry('Same: Title!', 'B.') + 'Jan 2, 2025']);
    const expected = buildPapers([seed, older], options);
    expect(expected).toHaveLength(48); // two papers of one title: neither their date nor their abstract match
    for (let round = 1; round <= 5; round++) {
      const shuffled = [older, seed].map((parsed) => ({ ...parsed, entries: shuffle(parsed.entries, round) }));
      expect(buildPapers(shuffle(shuffled, round), options)).toEqual(expected);
    }
  });

  test('merges the same paper from two digests into one, with the newest digest data', () => {
    const older = digest('002_b.txt', 'Jan 5, 2026', [entry('Spiking Diffusion Models', 'An old abstract of spiking diffusion.') + 'Aug 29, 2024 3']);
    const newer = digest('001_a.txt', 'Feb 5, 2026', [entry('SPIKING diffusion models!', 'A new abstract of spiking diffusion.') + 'Aug 29, 2024 9']);
    for (const order of [[older, newer], [newer, older]]) {
      const papers = buildPapers(order, options);
      expect(papers).toHaveLength(1);
      expect(papers[0]).toMatchObject({
        title: 'SPIKING diffusion models!',
        abstract: ['A new abstract of spiking diffusion.'],
        upvotes: 9,
        source: { file: '001_a.txt' },
        digests: ['002_b.txt', '001_a.txt'],
      });
    }
  });

  test('keeps a published slug for the same identity, whatever slug the title would get now', () => {
    const fixed = digest('003.txt', 'Jun 1, 2026', [entry('Spiking Diffusion Models.', 'Fixed.') + 'Aug 29, 2024']);
    const published = [{ key: 'spiking diffusion models', slug: 'an-older-slug-rule', date: '2024-08-29', title: () => 'Spiking Diffusion Models', abstract: () => 'unrelated' }];
    const [paper] = buildPapers([fixed], { vocabulary, published });
    expect(paper!.slug).toBe('an-older-slug-rule');
  });

  test('keeps the URL of a paper whose title a newer digest rewords, by its date and abstract', () => {
    const fixed = digest('004.txt', 'Jun 1, 2026', [entry('Spiking Diffusion Models for Image Generation', 'Same abstract.') + 'Aug 29, 2024']);
    const published = [
      { key: 'spiking difusion models', slug: 'spiking-difusion-models', date: '2024-08-29', title: () => 'Spiking Difusion Models', abstract: () => abstractKey(['Same  abstract. ']) },
    ];
    const [paper] = buildPapers([fixed], { vocabulary, published });
    expect(paper!.slug).toBe('spiking-difusion-models');
  });

  test('never gives a new paper the slug of an item that keeps its URL', () => {
    const fresh = digest('005.txt', 'Jun 1, 2026', [entry('Spiking Diffusion Models', 'Different abstract.') + 'Jan 1, 2026']);
    const published = [{ key: 'old paper', slug: 'spiking-diffusion-models', date: '2026-01-01', title: () => 'Old Paper', abstract: () => 'other' }];
    const [paper] = buildPapers([fresh], { vocabulary, published });
    expect(paper!.slug).toBe(`spiking-diffusion-models-${identitySuffix('spiking diffusion models\u00002026-01-01')}`);
  });

  test('asks no published item for its fingerprint when every one is still listed or no paper is new', () => {
    // Reading a fingerprint parses the whole item: asked of every item, a re-ingest of 100,000 would parse them all.
    let asked = 0;
    const counted = (paper: { key: string; slug: string; date: string; title: string }) => ({ key: paper.key, slug: paper.slug, date: paper.date, title: () => paper.title, abstract: () => `${asked++}` });
    const listed = buildPapers([seed], options).map(counted);
    expect(buildPapers([seed], { vocabulary, published: listed }).map((paper) => paper.slug)).toEqual(listed.map((paper) => paper.slug));
    const unlisted = [...listed, counted({ key: 'a paper no digest lists', slug: 'a-paper-no-digest-lists', date: papersDate(listed), title: 'A Paper No Digest Lists' })];
    buildPapers([seed], { vocabulary, published: unlisted });
    expect(asked).toBe(0);
  });

  test('asks only the items no digest lists for their fingerprint, once each, when a paper is new', () => {
    const asked: string[] = [];
    const published = buildPapers([seed], options)
      .slice(1)
      .map((paper) => ({ key: paper.key, slug: paper.slug, date: paper.date, title: () => paper.title, abstract: () => (asked.push(paper.slug), 'unrelated') }));
    const first = buildPapers([seed], options)[0]!;
    published.push({ key: 'gone', slug: 'gone', date: first.date, title: () => 'Gone', abstract: () => (asked.push('gone'), 'unrelated') });
    buildPapers([seed], { vocabulary, published });
    expect(asked).toEqual(['gone']);
  });

  test('extracts code and project links from the seed abstracts', () => {
    const papers = buildPapers([seed], options);
    const sdm = papers.find((paper) => paper.title === 'Spiking Diffusion Models')!;
    expect(sdm.code).toEqual(['https://github.com/AndyCao1125/SDM']);
    const minmo = papers.find((paper) => paper.title.startsWith('MinMo'))!;
    expect(minmo.links).toContain('https://funaudiollm.github.io/minmo');
  });

  test('returns no papers for no digests', () => {
    expect(buildPapers([], options)).toEqual([]);
  });
});
