import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseApiDigest } from '../../../src/lib/digest/api.ts';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { formatProblem } from '../../../src/lib/digest/types.ts';

const root = join(import.meta.dirname, '../../..');
const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/api', name), 'utf8');
const today = '2026-11-25';
/** One entry of an answer, as the API gives it; `paper` fields override the defaults. */
const entry = (paper: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) => ({
  paper: {
    id: '2405.00001',
    title: 'A Paper',
    summary: 'An abstract.',
    publishedAt: '2024-05-24T17:34:15.000Z',
    upvotes: 3,
    authors: [{ name: 'Ada Lovelace', hidden: false }],
    ...paper,
  },
  title: 'A Paper',
  publishedAt: '2024-05-27T03:50:58.348Z',
  ...rest,
});
const read = (entries: unknown, file = '2024-05-27.json') => parseApiDigest(JSON.stringify(entries), { file, today });

describe('parseApiDigest', () => {
  test('reads each entry: arXiv id, title, abstract, date, upvotes, author count and names, in the API\'s order', () => {
    const digest = parseApiDigest(fixture('2024-08-13.json'), { file: '2024-08-13.json', today });
    expect(digest.problems).toEqual([]);
    expect(digest.listedOn).toBe('2024-08-13');
    expect(digest.entries.map((paper) => [paper.line, paper.arxiv, paper.date, paper.upvotes, paper.byline])).toEqual([
      [1, '2408.06072', '2024-08-12', 20, { kind: 'authors', count: 19 }],
      [2, '2408.06327', '2024-08-12', 8, { kind: 'authors', count: 30 }],
    ]);
    const [first] = digest.entries;
    expect(first!.title).toBe('CogVideoX: Text-to-Video Diffusion Models with An Expert Transformer');
    expect(first!.authorNames).toContain('Wenyi Hong');
    expect(first!.abstract.every((paragraph) => !paragraph.includes('\n'))).toBe(true);
  });

  test('leaves hidden authors out of the names, and counts them, as the listing does', () => {
    const [paper] = parseApiDigest(fixture('2024-06-26.json'), { file: '2024-06-26.json', today }).entries;
    expect(paper!.byline).toEqual({ kind: 'authors', count: 7 });
    expect(paper!.authorNames).toHaveLength(4);
    expect(paper!.authorNames).not.toContain('Ruben Wiersma');
  });

  test('joins arXiv line wraps into spaces and starts a paragraph at an indented line', () => {
    const summary = 'First line\nwraps here.\n  A second paragraph\nwraps too.';
    const [paper] = read([entry({ summary, title: 'A Title\n  Wrapped' }, { title: undefined })]).entries;
    expect(paper!.title).toBe('A Title Wrapped');
    expect(paper!.abstract).toEqual(['First line wraps here.', 'A second paragraph wraps too.']);
  });

  test('ignores fields it does not know, at every level', () => {
    const digest = read([entry({ githubRepo: 'https://github.com/x/y', thumbnail: 'x.png', authors: [{ name: 'Ada', hidden: false, _id: '1', user: {} }] }, { numComments: 4, submittedBy: {} })]);
    expect(digest.problems).toEqual([]);
    expect(digest.entries[0]).toMatchObject({ arxiv: '2405.00001', authorNames: ['Ada'] });
  });

  test('reads an organisation as the byline, as a text digest\'s organisation line', () => {
    const [paper] = read([entry({ organization: { name: 'nvidia', fullname: 'NVIDIA', avatar: 'x' } })]).entries;
    expect(paper!.byline).toEqual({ kind: 'organization', handle: 'nvidia', name: 'NVIDIA' });
  });

  test('a malformed entry is one problem naming its number and field; the other entries are read', () => {
    const digest = read([entry(), entry({ title: 42 }), entry({ authors: [{ name: null }] }), entry({ id: 'not an id' }), 'text', entry({ publishedAt: 'May 24' })]);
    expect(digest.entries.map((paper) => paper.line)).toEqual([1]);
    expect(digest.problems.map(formatProblem)).toEqual([
      '2024-05-27.json: entry 2: paper.title: expected a string',
      '2024-05-27.json: entry 3: paper.authors[0].name: expected a string',
      '2024-05-27.json: entry 4: paper.id: expected an arXiv id such as 2405.15738',
      '2024-05-27.json: entry 5: expected an entry: { paper: { … }, … }',
      '2024-05-27.json: entry 6: paper.publishedAt: expected a date as YYYY-MM-DDThh:mm:ssZ',
    ]);
    expect(digest.problems.every((problem) => problem.kind === 'entry' && problem.line === problem.entry)).toBe(true);
  });

  test('a paper dated after the day in the file\'s name, or with no author and no organisation, is a problem', () => {
    const digest = read([entry({ publishedAt: '2024-06-01T00:00:00.000Z' }), entry({ authors: [] })]);
    expect(digest.problems.map((problem) => problem.message)).toEqual([
      'entry 1: paper.publishedAt: 2024-06-01 is after the date 2024-05-27 in the file\'s name; is the date a typo?',
      'entry 2: paper.authors: expected at least one author, or an organization',
    ]);
  });

  test('a file that is not JSON, or not a list, is one problem for the whole file, never a stack', () => {
    const broken = parseApiDigest('[\n{"paper": {}},\n{oops}\n]', { file: 'x.json', today });
    expect(broken.entries).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ kind: 'file', line: 3 });
    expect(broken.problems[0]!.message).toMatch(/^not JSON/);
    for (const text of ['{"paper": {}}', 'null', '"a list"', '']) {
      const digest = parseApiDigest(text, { file: 'x.json', today });
      expect(digest.problems.map((problem) => problem.kind), text).toEqual(['file']);
    }
  });

  test('never throws on any JSON value, and never runs it', () => {
    const values = [[null], [[]], [{}], [{ paper: null }], [{ paper: [] }], [{ __proto__: { paper: entry().paper } }], [{ paper: { ...entry().paper, constructor: 'x', toString: 1 } }]];
    for (const value of values) expect(() => read(value)).not.toThrow();
  });

  test('takes the listing day from the entries\' submittedOnDailyAt when the file\'s name has none; an empty list is no entry', () => {
    expect(read([entry({ submittedOnDailyAt: '2024-05-27T01:00:00.000Z' })], 'answer.json').listedOn).toBe('2024-05-27');
    expect(read([entry()], 'answer.json').listedOn).toBeUndefined();
    expect(read([])).toMatchObject({ entries: [], problems: [] });
  });

  test('reads every real answer of 2024 as the text copy of the same day reads: one paper in both', () => {
    // ../shared/real: the API's answers and the text copies of the same 157 days (2,202 listings).
    const real = join(root, '../shared/real');
    const files = readdirSync(join(real, 'api-2024')).filter((name) => name.endsWith('.json')).sort();
    expect(files).toHaveLength(157);
    let compared = 0;
    for (const file of files) {
      const day = file.slice(0, 10);
      const api = parseApiDigest(readFileSync(join(real, 'api-2024', file), 'utf8'), { file, today });
      const text = parseDigest(readFileSync(join(real, '2024', `real-${day}.txt`), 'utf8'), { file: `real-${day}.txt`, today });
      expect(api.problems, file).toEqual([]);
      expect(api.listedOn, file).toBe(text.listedOn);
      const shape = (paper: (typeof text.entries)[number]) => ({ title: paper.title, abstract: paper.abstract, date: paper.date, upvotes: paper.upvotes, byline: paper.byline });
      expect(api.entries.map(shape), file).toEqual(text.entries.map(shape));
      compared += api.entries.length;
    }
    expect(compared).toBe(2202);
  });
});
