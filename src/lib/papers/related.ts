import { createTermTable } from './terms.ts';
import { OTHER_TOPIC } from './topics.ts';

/** What relating papers reads of each: its slug (unique), title, abstract and, when known, topics. */
export interface RelatablePaper {
  slug: string;
  title: string;
  abstract: readonly string[];
  topics?: readonly string[];
}

/** A related paper and how similar it is, from MIN_SIMILARITY to 1. */
export interface RelatedPaper {
  slug: string;
  similarity: number;
}

/** How many related papers a paper lists at most. */
export const MAX_RELATED = 5;

/**
 * The least similarity that makes a paper related. On the seed digest every pair above it is on one subject (LLM
 * serving, video communication with AI, spiking networks, quantized diffusion, streaming speech recognition), and the
 * weakest link the LLM-serving papers need, Lean Attention to DistServe, scores 0.069 (DeepSpeed-FastGen to Llumnix
 * scores 0.055 since the two share only the serving topic, so DeepSpeed-FastGen lists none); the strongest pairs below it
 * share a phrase in passing: a click-through-rate model and a speech dialogue model ("multimodal") score 0.057. Nearly
 * half the seed's papers then list none, as a digest of unrelated papers should.
 * tests/lib/papers/related.test.ts pins both sides.
 */
export const MIN_SIMILARITY = 0.06;

/** A title occurrence counts as this many abstract occurrences: the title names the subject, the abstract explains. */
const TITLE_WEIGHT = 3;
/** A topic counts as a word of the title: the vocabulary's terms group synonyms the words alone do not. */
const TOPIC_WEIGHT = TITLE_WEIGHT;
/** BM25's term-frequency saturation and length normalisation, at their usual values. */
const K1 = 1.2;
const B = 0.75;
/** How many terms of each paper the index keeps: its best-weighted ones. Bounds the work per paper. */
const TERMS_PER_PAPER = 24;
/**
 * How many papers a term's postings keep at most: those it weighs most in. A term kept by more papers than this
 * ("diffusion" at 100,000) would make relating quadratic; its top papers still meet through it.
 */
const POSTINGS_PER_TERM = 100;

/** The options of `relatedPapers`; each defaults to the constant of its name. */
export interface RelatedOptions {
  limit?: number;
  minSimilarity?: number;
  termsPerPaper?: number;
  postingsPerTerm?: number;
}

/**
 * Up to `limit` related papers of every paper, by slug, most similar first (ties by slug); a paper with none maps to
 * an empty list, never to itself. Similarity is the cosine of BM25-weighted term vectors (title terms and topics
 * weighted up, stop words dropped, words stemmed), counted through the terms both papers keep among their best: an
 * inverted index of those terms, each term's postings capped, so the work grows as papers × TERMS_PER_PAPER ×
 * POSTINGS_PER_TERM, never as papers². (A paper outside a capped term's postings still meets the papers inside.)
 * Deterministic: the result depends on the set of papers, not on their order.
 */
export function relatedPapers(papers: readonly RelatablePaper[], options: RelatedOptions = {}): Map<string, RelatedPaper[]> {
  return relatePapers(papers, options).related;
}

/** What `relatePapers` found, and the work it took. */
export interface Relating {
  related: Map<string, RelatedPaper[]>;
  /** How many scores it added up: at most papers × termsPerPaper × postingsPerTerm, what bounds its time. */
  additions: number;
}

/** `relatedPapers`, with the work it took: for the benchmark and for the tests of its bound. */
export function relatePapers(papers: readonly RelatablePaper[], options: RelatedOptions = {}): Relating {
  const { limit = MAX_RELATED, minSimilarity = MIN_SIMILARITY, termsPerPaper = TERMS_PER_PAPER, postingsPerTerm = POSTINGS_PER_TERM } = options;
  // Papers are numbered in slug order, so that numbers break ties by slug and term numbers do not depend on the input.
  const sorted = [...papers].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const { offsets, terms, weights, termCount } = paperVectors(sorted, termsPerPaper);
  const index = invertedIndex({ offsets, terms, weights, termCount }, postingsPerTerm);
  const { starts, docs } = index;
  const postingWeights = index.weights;
  const related = new Map<string, RelatedPaper[]>();
  const scores = new Float64Array(sorted.length);
  const touched = new Int32Array(sorted.length);
  let additions = 0;
  for (let doc = 0; doc < sorted.length; doc++) {
    let count = 0;
    for (let k = offsets[doc]!; k < offsets[doc + 1]!; k++) {
      const weight = weights[k]!;
      const term = terms[k]!;
      additions += starts[term + 1]! - starts[term]!;
      for (let p = starts[term]!, end = starts[term + 1]!; p < end; p++) {
        const other = docs[p]!;
        const score = scores[other]!;
        if (score === 0) {
          if (other === doc) continue;
          touched[count++] = other;
        }
        scores[other] = score + weight * postingWeights[p]!;
      }
    }
    const top = best(touched.subarray(0, count), scores, limit, minSimilarity);
    related.set(sorted[doc]!.slug, top.map((other) => ({ slug: sorted[other]!.slug, similarity: scores[other]! })));
    for (let i = 0; i < count; i++) scores[touched[i]!] = 0;
  }
  return { related, additions };
}

/** Kept terms and their weights, flat: paper `doc`'s are at `offsets[doc]` to `offsets[doc + 1]`, best first. */
interface PaperVectors {
  offsets: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
  /** How many distinct terms the papers have. */
  termCount: number;
}

/**
 * Each paper's `termsPerPaper` best terms with their BM25 weights, divided by the norm of the paper's whole vector:
 * a paper whose weight lies in words no other paper uses keeps small weights, so it scores low against every paper
 * instead of matching on its few common words. Terms of one paper only are left out: they cannot relate it.
 */
function paperVectors(papers: readonly RelatablePaper[], termsPerPaper: number): PaperVectors {
  const { counts, df, termCount } = countTerms(papers);
  const n = papers.length;
  let totalLength = 0;
  for (let k = 0; k < counts.tf.length; k++) totalLength += counts.tf[k]!;
  const averageLength = totalLength / n || 1;
  const idf = Float64Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const offsets = new Int32Array(n + 1);
  const terms = new Int32Array(n * termsPerPaper);
  const weights = new Float32Array(n * termsPerPaper);
  // The weights of one paper's linking terms, by the term's place among its counts.
  let linking = new Int32Array(256);
  let weightAt = new Float64Array(256);
  let at = 0;
  for (let doc = 0; doc < n; doc++) {
    const start = counts.offsets[doc]!;
    const end = counts.offsets[doc + 1]!;
    if (end - start > linking.length) {
      linking = new Int32Array(end - start);
      weightAt = new Float64Array(end - start);
    }
    let length = 0;
    for (let k = start; k < end; k++) length += counts.tf[k]!;
    const lengthNorm = K1 * (1 - B + (B * length) / averageLength);
    let norm = 0;
    let linkingCount = 0;
    for (let k = start; k < end; k++) {
      const term = counts.terms[k]!;
      const tf = counts.tf[k]!;
      const weight = (idf[term]! * tf * (K1 + 1)) / (tf + lengthNorm);
      norm += weight * weight;
      weightAt[k - start] = weight;
      if (df[term]! > 1) linking[linkingCount++] = k - start;
    }
    norm = Math.sqrt(norm) || 1;
    const best = linking.subarray(0, linkingCount).sort((a, b) => weightAt[b]! - weightAt[a]! || counts.terms[start + a]! - counts.terms[start + b]!);
    for (const place of best.subarray(0, termsPerPaper)) {
      terms[at] = counts.terms[start + place]!;
      weights[at++] = weightAt[place]! / norm;
    }
    offsets[doc + 1] = at;
  }
  return { offsets, terms, weights, termCount };
}

/** Every paper's terms with their counts, flat as in PaperVectors, and each term's document frequency. */
function countTerms(papers: readonly RelatablePaper[]): { counts: { offsets: Int32Array; terms: Int32Array; tf: Float32Array }; df: Int32Array; termCount: number } {
  const table = createTermTable();
  const offsets = new Int32Array(papers.length + 1);
  // Typed arrays, not a Map per paper: at 100,000 papers the Maps alone would take hundreds of megabytes.
  let terms = new Int32Array(papers.length * 64);
  let tf = new Float32Array(papers.length * 64);
  let df = new Int32Array(4096);
  // One paper's counts by term number, and the terms it has: dense, so counting a word is an array access.
  let counting = new Float32Array(4096);
  const seen: number[] = [];
  let weight = 0;
  const add = (term: number) => {
    if (term >= counting.length) counting = grow(counting, term + 1);
    if (counting[term] === 0) seen.push(term);
    counting[term]! += weight;
  };
  let at = 0;
  papers.forEach(({ title, abstract, topics = [] }, doc) => {
    weight = TITLE_WEIGHT;
    table.forEachTerm(title, add);
    weight = 1;
    for (const paragraph of abstract) table.forEachTerm(paragraph, add);
    weight = TOPIC_WEIGHT;
    // "Other" is where papers go that match no topic: two such papers have nothing in common through it.
    for (const topic of topics) if (topic !== OTHER_TOPIC) add(table.idOf(`#${topic}`));
    if (at + seen.length > terms.length) {
      terms = grow(terms, at + seen.length);
      tf = grow(tf, at + seen.length);
    }
    if (table.size > df.length) df = grow(df, table.size);
    for (const term of seen) {
      terms[at] = term;
      tf[at++] = counting[term]!;
      counting[term] = 0;
      df[term]!++;
    }
    seen.length = 0;
    offsets[doc + 1] = at;
  });
  return { counts: { offsets, terms: terms.subarray(0, at), tf: tf.subarray(0, at) }, df: df.subarray(0, table.size), termCount: table.size };
}

/** A copy of `array` with room for at least `size` items, doubling so that growing stays linear. */
function grow<T extends Int32Array | Float32Array>(array: T, size: number): T {
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/** Postings by term, flat: term `t`'s papers and their weights are at `starts[t]` to `starts[t + 1]`. */
interface InvertedIndex {
  starts: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
}

/**
 * The postings of each kept term: the papers that keep it, at most `postingsPerTerm` of them, those it weighs most in
 * (ties by paper number); none for a term only one paper keeps, as it relates that paper to nothing.
 */
function invertedIndex(vectors: PaperVectors, postingsPerTerm: number): InvertedIndex {
  const { offsets, terms, weights, termCount } = vectors;
  const used = offsets[offsets.length - 1]!;
  // A counting sort of the kept entries by term; within a term, entries stay in paper order.
  const byTerm = new Int32Array(termCount + 1);
  for (let k = 0; k < used; k++) byTerm[terms[k]! + 1]!++;
  for (let t = 0; t < termCount; t++) byTerm[t + 1]! += byTerm[t]!;
  const entries = new Int32Array(used);
  const entryDoc = new Int32Array(used);
  const fill = byTerm.slice();
  for (let doc = 0; doc + 1 < offsets.length; doc++) {
    for (let k = offsets[doc]!; k < offsets[doc + 1]!; k++) {
      entryDoc[k] = doc;
      entries[fill[terms[k]!]!++] = k;
    }
  }
  const starts = new Int32Array(termCount + 1);
  const docs = new Int32Array(used);
  const kept = new Float32Array(used);
  let at = 0;
  for (let t = 0; t < termCount; t++) {
    let postings = entries.subarray(byTerm[t]!, byTerm[t + 1]!);
    if (postings.length > postingsPerTerm) {
      postings = Int32Array.from(postings).sort((a, b) => weights[b]! - weights[a]! || entryDoc[a]! - entryDoc[b]!).subarray(0, postingsPerTerm);
    }
    if (postings.length > 1) {
      for (const k of postings) {
        docs[at] = entryDoc[k]!;
        kept[at++] = weights[k]!;
      }
    }
    starts[t + 1] = at;
  }
  return { starts, docs: docs.subarray(0, at), weights: kept.subarray(0, at) };
}

/** The `limit` papers of `candidates` scoring at least `min`, best first, ties by number (slug order). */
function best(candidates: Int32Array, scores: Float64Array, limit: number, min: number): number[] {
  const top: number[] = [];
  for (const doc of candidates) {
    const score = scores[doc]!;
    if (score < min) continue;
    let at = top.length;
    while (at > 0 && (scores[top[at - 1]!]! < score || (scores[top[at - 1]!]! === score && top[at - 1]! > doc))) at--;
    if (at < limit) {
      top.splice(at, 0, doc);
      if (top.length > limit) top.pop();
    }
  }
  return top;
}
