import { describe, expect, test } from 'vitest';
import { identityKey } from '../../src/lib/papers/identity.ts';
import { generateDigests, parseGenerated, renderDigest, reviseAbstract } from './synthetic.ts';
import { HOSTILE_PARAGRAPHS } from './words.ts';

describe('generateDigests', () => {
  const { digests, extra } = generateDigests({ papers: 500, seed: 7, extra: 1 });
  const entries = parseGenerated([...digests, ...extra]);

  test('returns the same digests for the same seed', () => {
    expect(generateDigests({ papers: 500, seed: 7, extra: 1 })).toEqual({ digests, extra });
  });

  test('returns other papers for another seed', () => {
    expect(generateDigests({ papers: 500, seed: 8 }).digests[0]!.papers[0]!.title).not.toBe(digests[0]!.papers[0]!.title);
  });

  test('returns digests that parse with no problems into every generated paper', () => {
    expect(entries).toHaveLength(550);
  });

  test('returns digests of 50 papers on consecutive days, the extra one the day after the last', () => {
    expect(digests).toHaveLength(10);
    expect(digests.every((digest) => digest.papers.length === 50)).toBe(true);
    const days = [...digests, ...extra].map((digest) => Date.parse(digest.capturedOn) / 86_400_000);
    expect(days.slice(1).map((day, i) => day - days[i]!)).toEqual(Array(10).fill(1));
  });

  test('returns papers with distinct identities, dated over at least five years', () => {
    expect(new Set(entries.map((entry) => identityKey(entry.title))).size).toBe(entries.length);
    expect(new Set(entries.map((entry) => entry.date.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
  });

  test('returns organisation bylines, upvotes, code links and hostile text among the papers', () => {
    expect(entries.some((entry) => entry.byline.kind === 'organization')).toBe(true);
    expect(entries.some((entry) => entry.upvotes > 0)).toBe(true);
    expect(entries.some((entry) => entry.abstract.join(' ').includes('https://github.com/'))).toBe(true);
    expect(entries.some((entry) => entry.abstract.some((paragraph) => HOSTILE_PARAGRAPHS.includes(paragraph)))).toBe(true);
  });

  test('returns a partial last digest when the count is not a multiple of 50, and one paper for one', () => {
    expect(generateDigests({ papers: 120, seed: 1 }).digests.map((digest) => digest.papers.length)).toEqual([50, 50, 20]);
    expect(parseGenerated(generateDigests({ papers: 1, seed: 1 }).digests)).toHaveLength(1);
  });
});

describe('renderDigest', () => {
  test('writes a capture-date sidecar only when the year of year-less dates cannot be inferred', () => {
    const [digest] = generateDigests({ papers: 1, seed: 3 }).digests;
    const current = { ...digest!, papers: [{ ...digest!.papers[0]!, date: '2026-01-02' }] };
    expect(renderDigest(current).map((file) => file.name)).toEqual([digest!.name, digest!.name.replace(/\.txt$/, '.meta.yaml')]);
    const lastYear = { ...digest!, papers: [{ ...digest!.papers[0]!, date: '2025-01-02' }] };
    expect(renderDigest(lastYear)).toHaveLength(1);
  });
});

describe('reviseAbstract', () => {
  test('changes the abstract of one paper and nothing else', () => {
    const [digest] = generateDigests({ papers: 50, seed: 2 }).digests;
    const revised = reviseAbstract(digest!, 10);
    const before = parseGenerated([digest!]);
    const after = parseGenerated([revised]);
    const changed = after.filter((entry, i) => entry.abstract.join() !== before[i]!.abstract.join());
    expect(changed.map((entry) => entry.title)).toEqual([digest!.papers[10]!.title]);
  });
});
