import type { BucketEntry } from './buckets.ts';
import type { StarredPaper } from './shelf.ts';

/** How many suggestions the page shows. */
export const SUGGESTIONS = 20;

/**
 * How many starred papers the suggestions come from at most: the most recently starred. Each needs its bucket, so this
 * bounds what the page downloads (about 5 KB a bucket) however many papers a reader stars.
 */
export const MAX_STARRED_USED = 50;

/** A paper suggested for the shelf. */
export interface Suggestion {
  slug: string;
  title: string;
  date: string;
  /** The summed similarity to the starred papers that list it as related. */
  score: number;
  /** The starred paper it is most similar to: "because you starred …". */
  because: { slug: string; title: string };
  /** How many other starred papers list it too. */
  alsoBecause: number;
}

/**
 * The papers most like the starred ones: every paper in a starred paper's related list (`lists`, by starred slug),
 * but the starred papers and those in `exclude` (read ones), scored by the sum of its similarities to the starred
 * papers that list it, so a paper several of them list rises. Best first; ties by how many starred papers list it,
 * then the newer paper, then slug, so the order never depends on the shelf's or the lists' order. `because` is the
 * starred paper that lists it with the highest similarity (ties: the more recently starred, as `starred` is ordered).
 * A starred paper without a list (its bucket not fetched) adds nothing.
 */
export function rankSimilar(
  starred: readonly StarredPaper[],
  lists: ReadonlyMap<string, readonly BucketEntry[]>,
  exclude: ReadonlySet<string> = new Set(),
  limit = SUGGESTIONS,
): Suggestion[] {
  const isStarred = new Set(starred.map((paper) => paper.slug));
  const found = new Map<string, Suggestion & { best: number }>();
  for (const source of starred) {
    for (const [slug, similarity, title, date] of lists.get(source.slug) ?? []) {
      if (isStarred.has(slug) || exclude.has(slug)) continue;
      const seen = found.get(slug);
      if (!seen) {
        found.set(slug, { slug, title, date, score: similarity, because: { slug: source.slug, title: source.title }, alsoBecause: 0, best: similarity });
        continue;
      }
      seen.score += similarity;
      seen.alsoBecause++;
      if (similarity > seen.best) Object.assign(seen, { best: similarity, because: { slug: source.slug, title: source.title } });
    }
  }
  // Rounded before comparing: sums of the same similarities in another order may differ in their last bit.
  return [...found.values()]
    .map(({ best: _best, ...suggestion }) => ({ ...suggestion, score: Number(suggestion.score.toFixed(6)) }))
    .sort((a, b) => b.score - a.score || b.alsoBecause - a.alsoBecause || (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .slice(0, limit);
}
