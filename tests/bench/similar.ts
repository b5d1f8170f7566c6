// What "more like your shelf" downloads, without a site build:
//   node tests/bench/similar.ts [papers, default 10000] [seed, default 1]
// relates a synthetic catalog of that size (and the 2,202 real listings of 2024) with src/lib/papers/related.ts, puts
// the related lists in buckets as the build does (src/lib/similar/buckets.ts), and for shelves of 1, 10 and 50 starred
// papers, each drawn at random SHELVES times, sums the bytes of the buckets the page fetches: as written, and gzipped
// (what a host that compresses JSON sends). The page ranks from those buckets alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { parseDigest } from '../../src/lib/digest/parse.ts';
import { identityKey } from '../../src/lib/papers/identity.ts';
import { relatedPapers, type RelatablePaper } from '../../src/lib/papers/related.ts';
import { assignSlugs } from '../../src/lib/papers/slug.ts';
import { assignTopics, compileVocabulary, type Topic } from '../../src/lib/papers/topics.ts';
import { bucketLists, bucketOf, bucketText } from '../../src/lib/similar/buckets.ts';
import { rankSimilar } from '../../src/lib/similar/rank.ts';
import { realDayFiles, realDaysDir } from '../helpers/real-days.ts';
import { createRandom } from './random.ts';
import { generateDigests } from './synthetic.ts';
import { formatTable, kilobytes, megabytes } from './table.ts';

/** How many random shelves of each size are measured. */
const SHELVES = 200;
const SHELF_SIZES = [1, 10, 50];

type BenchPaper = RelatablePaper & { date: string };

/** Papers with the slugs the ingest would give them (src/lib/papers/slug.ts), from titles. */
function withSlugs(papers: readonly Omit<BenchPaper, 'slug'>[]): BenchPaper[] {
  const keys = papers.map((paper) => identityKey(paper.title));
  const slugs = assignSlugs(papers.map((paper, i) => ({ key: keys[i]!, title: paper.title })), new Map());
  return papers.map((paper, i) => ({ ...paper, slug: slugs.get(keys[i]!)! }));
}

function syntheticPapers(size: number, seed: number): BenchPaper[] {
  const generated = generateDigests({ papers: size, seed }).digests.flatMap((digest) => digest.papers);
  return withSlugs(generated.map((paper) => ({ title: paper.title, abstract: paper.abstract, date: paper.date, topics: [paper.theme] })));
}

/** The real listings of 2024, each distinct title once, with the topics the vocabulary gives them. */
function realPapers(): BenchPaper[] {
  const vocabulary = compileVocabulary(parse(readFileSync(join(import.meta.dirname, '../../content/topics.yaml'), 'utf8')) as Topic[]);
  const byKey = new Map<string, Omit<BenchPaper, 'slug'>>();
  for (const file of realDayFiles()) {
    for (const entry of parseDigest(readFileSync(join(realDaysDir, file), 'utf8'), { file, today: '2026-12-05' }).entries) {
      byKey.set(identityKey(entry.title), { title: entry.title, abstract: entry.abstract, date: entry.date, topics: assignTopics(entry, vocabulary) });
    }
  }
  return withSlugs([...byKey.values()]);
}

interface ShelfFigures {
  size: number;
  buckets: { mean: number; max: number };
  bytes: { mean: number; max: number };
  gzip: { mean: number; max: number };
  suggestions: number;
}

function measure(name: string, papers: readonly BenchPaper[], seed: number): { name: string; papers: number; bucketCount: number; bucketBytes: { mean: number; max: number }; totalBytes: number; shelves: ShelfFigures[]; relateSeconds: number } {
  const started = performance.now();
  const related = relatedPapers(papers);
  const relateSeconds = (performance.now() - started) / 1000;
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
  const buckets = bucketLists(related, (slug) => bySlug.get(slug));
  const texts = buckets.map(bucketText);
  const raw = texts.map((text) => Buffer.byteLength(text));
  const gzip = texts.map((text) => gzipSync(text).length);
  const random = createRandom(seed);
  const shelves = SHELF_SIZES.map((size) => {
    const counts: number[] = [];
    const bytes: number[] = [];
    const zipped: number[] = [];
    let suggestions = 0;
    for (let trial = 0; trial < SHELVES; trial++) {
      const starred = new Set<string>();
      while (starred.size < Math.min(size, papers.length)) starred.add(papers[random.int(0, papers.length - 1)]!.slug);
      const fetched = new Set([...starred].map((slug) => bucketOf(slug, buckets.length)));
      counts.push(fetched.size);
      bytes.push([...fetched].reduce((sum, n) => sum + raw[n]!, 0));
      zipped.push([...fetched].reduce((sum, n) => sum + gzip[n]!, 0));
      const lists = new Map([...starred].map((slug) => [slug, buckets[bucketOf(slug, buckets.length)]!.related[slug] ?? []]));
      suggestions += rankSimilar([...starred].map((slug, i) => ({ slug, title: slug, starred: String(i) })), lists).length;
    }
    return { size, buckets: stats(counts), bytes: stats(bytes), gzip: stats(zipped), suggestions: suggestions / SHELVES };
  });
  return { name, papers: papers.length, bucketCount: buckets.length, bucketBytes: stats(raw), totalBytes: raw.reduce((sum, bytes) => sum + bytes, 0), shelves, relateSeconds };
}

function stats(values: readonly number[]): { mean: number; max: number } {
  return { mean: values.reduce((sum, value) => sum + value, 0) / values.length, max: Math.max(...values) };
}

const size = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
if (!Number.isInteger(size) || size < 1) throw new Error(`usage: node tests/bench/similar.ts [papers] [seed], got ${process.argv.slice(2).join(' ')}`);

const runs = [measure('real 2024', realPapers(), seed), measure('synthetic', syntheticPapers(size, seed), seed)];
const rows = runs.flatMap((run) =>
  run.shelves.map((shelf) => [
    run.name,
    String(run.papers),
    `${run.bucketCount} (${kilobytes(run.bucketBytes.mean)}, max ${kilobytes(run.bucketBytes.max)}; ${megabytes(run.totalBytes)} in all)`,
    String(shelf.size),
    `${shelf.buckets.mean.toFixed(1)} (max ${shelf.buckets.max})`,
    `${kilobytes(shelf.bytes.mean)} (max ${kilobytes(shelf.bytes.max)})`,
    `${kilobytes(shelf.gzip.mean)} (max ${kilobytes(shelf.gzip.max)})`,
    shelf.suggestions.toFixed(1),
  ]),
);
console.log(
  formatTable(
    [
      { title: 'catalog', align: 'left' }, { title: 'papers' }, { title: 'buckets (mean size, max; all)' }, { title: 'starred' }, { title: 'buckets fetched' },
      { title: 'downloaded (max)' }, { title: 'gzipped (max)' }, { title: 'suggestions' },
    ],
    rows,
  ),
);
console.log(`\n${SHELVES} random shelves of each size; relating took ${runs.map((run) => `${run.relateSeconds.toFixed(1)} s (${run.name})`).join(', ')}.`);
