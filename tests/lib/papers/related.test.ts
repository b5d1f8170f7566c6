import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { MAX_RELATED, MIN_SIMILARITY, relatePapers, relatedPapers, type RelatablePaper } from '../../../src/lib/papers/related.ts';
import { baseSlug } from '../../../src/lib/papers/slug.ts';
import { assignTopics, compileVocabulary, type Topic } from '../../../src/lib/papers/topics.ts';

const root = join(import.meta.dirname, '../../..');
const file = '000_b521cd4bf3e07176.txt';
const vocabulary = compileVocabulary(parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8')) as Topic[]);
/** The seed's papers as the catalog hands them over: slug, title, abstract and topics. */
const seed: RelatablePaper[] = parseDigest(readFileSync(join(root, 'seeds', file), 'utf8'), { file, today: '2026-12-04' }).entries.map((entry) => ({
  slug: baseSlug(entry.title),
  title: entry.title,
  abstract: entry.abstract,
  topics: assignTopics(entry, vocabulary),
}));

/** The slug of the seed paper whose title starts with `start`. */
function slugOf(start: string): string {
  const found = seed.filter((paper) => paper.title.startsWith(start));
  if (found.length !== 1) throw new Error(`${found.length} seed papers start with "${start}"`);
  return found[0]!.slug;
}

const related = relatedPapers(seed);
const slugsOf = (slug: string, map = related) => map.get(slug)!.map((paper) => paper.slug);

const ARTIC = slugOf('Artic: AI-oriented Real-time Communication');
const CHAT = slugOf('Chat with AI: The Surprising Turn of Real-time Video Communication');
/** The seed's papers on serving LLMs: four serving systems, a scheduler, and an attention kernel for the decode phase. */
const LLM_SERVING = ['DistServe:', 'Llumnix:', 'semi-PD:', 'DeepSpeed-FastGen:', 'JITServe:', 'Lean Attention:'].map(slugOf);

describe('relatedPapers', () => {
  test('returns the two papers on real-time video communication with AI as each other\'s best match', () => {
    expect(slugsOf(ARTIC)[0]).toBe(CHAT);
    expect(slugsOf(CHAT)[0]).toBe(ARTIC);
  });

  test('returns the two papers on video communication with AI from titles and abstracts alone, without topics', () => {
    const untagged = relatedPapers(seed.map(({ topics: _, ...paper }) => paper));
    expect(slugsOf(ARTIC, untagged)).toContain(CHAT);
    expect(slugsOf(CHAT, untagged)).toContain(ARTIC);
  });

  test('returns for each LLM-serving paper but DeepSpeed-FastGen at least one other, and only LLM-serving papers', () => {
    for (const slug of LLM_SERVING) {
      const list = slugsOf(slug);
      // DeepSpeed-FastGen shares only the serving topic with the others since the vocabulary stopped giving every
      // paper that mentions LLMs "language-models" (the real stream's 50%): its best link is under MIN_SIMILARITY.
      if (slug !== slugOf('DeepSpeed-FastGen:')) expect(list.length, slug).toBeGreaterThan(0);
      for (const other of list) expect(LLM_SERVING, `${slug} lists ${other}`).toContain(other);
    }
    // The two disaggregated prefill-and-decode systems are each other's best match.
    expect(slugsOf(slugOf('DistServe:'))[0]).toBe(slugOf('semi-PD:'));
    expect(slugsOf(slugOf('semi-PD:'))[0]).toBe(slugOf('DistServe:'));
  });

  test('returns similarities at or above MIN_SIMILARITY: the LLM-serving papers\' weakest needed link passes, pairs on different subjects do not', () => {
    const all = relatedPapers(seed, { minSimilarity: 0, limit: seed.length });
    const similarity = (from: string, to: string) => all.get(slugOf(from))!.find((paper) => paper.slug === slugOf(to))?.similarity ?? 0;
    // The weakest link the LLM-serving papers need: Lean Attention (the decode phase's attention kernel) to DistServe.
    expect(similarity('Lean Attention:', 'DistServe:')).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    // The strongest pairs on different subjects share a phrase in passing ("multimodal", "low latency").
    expect(similarity('Quadratic Interest Network', 'Freeze-Omni:')).toBeLessThan(MIN_SIMILARITY);
    expect(similarity('Knot Forcing:', 'Low-Latency Human Action Recognition')).toBeLessThan(MIN_SIMILARITY);
    expect(similarity('DistServe:', 'Moonshine v2:')).toBeLessThan(MIN_SIMILARITY);
    for (const list of related.values()) for (const paper of list) expect(paper.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
  });

  test('returns no related papers for a paper on a subject no other paper shares', () => {
    // Hand shadow puppets, and self-supervised audio representations: the seed has nothing else on either.
    expect(slugsOf(slugOf('HaSPeR:'))).toEqual([]);
    expect(slugsOf(slugOf('WavJEPA:'))).toEqual([]);
    const knitting = { slug: 'knitting', title: 'Knitting Patterns for Wool Sweaters', abstract: ['We knit sweaters from wool with circular needles, and we count stitches by hand.'], topics: ['other'] };
    const withKnitting = relatedPapers([...seed, knitting]);
    expect(slugsOf('knitting', withKnitting)).toEqual([]);
    for (const list of withKnitting.values()) expect(list.map((paper) => paper.slug)).not.toContain('knitting');
  });

  test('returns at most MAX_RELATED papers, most similar first, never the paper itself', () => {
    const loose = relatedPapers(seed, { minSimilarity: 0 });
    expect(loose.size).toBe(seed.length);
    for (const [slug, list] of loose) {
      expect(list).toHaveLength(MAX_RELATED);
      expect(list.map((paper) => paper.slug)).not.toContain(slug);
      const similarities = list.map((paper) => paper.similarity);
      expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    }
  });

  test('returns related papers through a term whose postings are capped', () => {
    // 300 papers on diffusion, two of which also share rare words: with 20 postings a term, they still meet.
    const papers = Array.from({ length: 300 }, (_, i) => ({ slug: `p${String(i).padStart(3, '0')}`, title: `Diffusion model ${i}`, abstract: [`A diffusion study number ${i}.`] }));
    papers[7]!.abstract.push('Origami folding of paper cranes.');
    papers[201]!.abstract.push('Folding paper cranes with origami.');
    const capped = relatedPapers(papers, { postingsPerTerm: 20 });
    expect(slugsOf('p007', capped)[0]).toBe('p201');
    expect(slugsOf('p201', capped)[0]).toBe('p007');
  });

  test('returns nothing through the "other" topic alone', () => {
    // Among papers that share no word, two that both match no topic have nothing else in common either.
    const subjects = ['weather radar', 'protein folding', 'crop yields', 'knitting needles', 'tide tables', 'bird songs', 'glacier melt', 'chess openings'];
    const papers = subjects.map((subject, i) => ({ slug: `p${i}`, title: subject, abstract: [`On ${subject}.`], topics: i < 2 ? ['other'] : [`topic-${i}`] }));
    expect([...relatedPapers(papers).values()].every((list) => list.length === 0)).toBe(true);
    // The same two papers sharing a real topic instead: the topic alone relates them in so small a catalog.
    const tagged = papers.map((paper, i) => (i < 2 ? { ...paper, topics: ['llm-serving'] } : paper));
    expect(slugsOf('p0', relatedPapers(tagged))).toEqual(['p1']);
  });

  test('returns an empty map when there are no papers, and an empty list for a lone paper', () => {
    expect(relatedPapers([])).toEqual(new Map());
    expect(relatedPapers([seed[0]!])).toEqual(new Map([[seed[0]!.slug, []]]));
  });

  test('returns the same lists whatever the order of the papers, ties broken by slug', () => {
    const words = ['cache', 'decode', 'prefill', 'speech', 'diffusion', 'spike', 'video', 'codec', 'quantize', 'retrieval', 'graph', 'kernel'];
    const paper = fc.record({
      title: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((picked) => picked.join(' ')),
      abstract: fc.array(fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((picked) => picked.join(' ')), { maxLength: 2 }),
      topics: fc.option(fc.subarray(['llm-serving', 'speech-audio', 'other']), { nil: undefined }),
    });
    const catalog = fc.array(paper, { maxLength: 14 }).map((papers) => papers.map((p, i) => ({ ...p, slug: `paper-${i}` })));
    fc.assert(
      fc.property(catalog, fc.infiniteStream(fc.nat()), fc.integer({ min: 1, max: 6 }), (papers, order, limit) => {
        const result = relatedPapers(papers, { limit });
        const shuffled = papers.map((p) => ({ p, key: order.next().value })).sort((a, b) => a.key - b.key).map(({ p }) => p);
        expect(relatedPapers(shuffled, { limit })).toEqual(result);
        for (const [slug, list] of result) {
          expect(list.length).toBeLessThanOrEqual(limit);
          expect(list.map((related) => related.slug)).not.toContain(slug);
          list.forEach((related, i) => {
            const next = list[i + 1];
            expect(related.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
            if (next) expect(related.similarity > next.similarity || (related.similarity === next.similarity && related.slug < next.slug)).toBe(true);
          });
        }
      }),
    );
  });
});

describe('relatePapers', () => {
  // 1,000 papers that all share the same 30 words, the worst case for an inverted index: every pair meets.
  const shared = Array.from({ length: 30 }, (_, i) => `shared${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
  const crowd = Array.from({ length: 1000 }, (_, i) => ({ slug: `p${String(i).padStart(4, '0')}`, title: `Paper ${i}`, abstract: [`${shared} unique${i}`] }));

  test('returns work within papers × terms per paper × postings per term when every paper shares every term', () => {
    const { additions } = relatePapers(crowd, { termsPerPaper: 24, postingsPerTerm: 50 });
    expect(additions).toBeGreaterThan(0);
    expect(additions).toBeLessThanOrEqual(1000 * 24 * 50);
    // Without the cap the same papers take quadratic work: every paper adds up every other through each term.
    expect(relatePapers(crowd, { termsPerPaper: 24, postingsPerTerm: Infinity }).additions).toBeGreaterThanOrEqual(1000 * 24 * 999);
  });

  test('returns the lists of relatedPapers', () => {
    expect(relatePapers(seed).related).toEqual(related);
  });
});
