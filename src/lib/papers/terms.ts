import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * Words of any abstract that say nothing about its subject, beyond the library's English list. IDF lowers them too,
 * but only in a large catalog: among the seed's 46 papers "propose" is as rare as "quantization". The URL parts come
 * from code links (https://github.com/…), whose owner and repository names stay.
 */
const BOILERPLATE = [
  'http', 'https', 'www', 'com', 'org', 'io', 'html', 'github', 'huggingface', 'arxiv', 'abs',
  'paper', 'propose', 'proposed', 'proposes', 'present', 'presents', 'introduce', 'introduces', 'approach', 'approaches', 'method', 'methods',
  'result', 'results', 'show', 'shows', 'demonstrate', 'demonstrates', 'experiment', 'experiments', 'experimental', 'existing', 'novel',
  'using', 'use', 'used', 'uses', 'based', 'however', 'via', 'across', 'without', 'within', 'upon', 'thus', 'whether', 'among', 'per',
  'et', 'al', 'etc', 'eg', 'ie', 'also', 'can', 'may', 'well', 'first', 'two', 'three', 'one', 'new', 'code', 'available',
];
const STOP_WORDS = new Set<string>([...eng, ...BOILERPLATE]);

/** Plain ASCII, whose words a faster, non-Unicode pattern finds (most titles and abstracts). */
const ASCII = /^[\x00-\x7f]*$/;
const LETTERS = /^[a-z]+$/;
const DIGITS = /^[0-9]+$/;
const MARKS = /\p{M}/gu;

/** The words of a text, lower case, split at anything but letters and digits; may hold empty strings. */
export function splitWords(text: string): string[] {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower.split(/[^a-z0-9]+/) : lower.normalize('NFKD').replace(MARKS, '').split(/[^\p{L}\p{N}]+/u);
}

/**
 * The index term of one lower-case word, or undefined for a word that says nothing: a stop word, a single character,
 * a bare number. English words are stemmed (Porter), so "serving", "serve" and "served" are one term; words with
 * digits or other scripts ("fp8", "6g", "東京") stay as they are.
 */
export function termOf(word: string): string | undefined {
  if (word.length < 2 || STOP_WORDS.has(word) || DIGITS.test(word)) return undefined;
  if (!LETTERS.test(word)) return word;
  const stem = stemmer(word);
  return stem.length < 2 || STOP_WORDS.has(stem) ? undefined : stem;
}

/** The index terms of a text, in order, repeats kept. */
export function indexTerms(text: string): string[] {
  return splitWords(text).flatMap((word) => termOf(word) ?? []);
}

/**
 * Numbers the terms of many texts, stemming each distinct word once: at 100,000 abstracts that is a few hundred
 * thousand stems instead of twenty-five million.
 */
export interface TermTable {
  /** How many distinct terms the table has numbered, from 0 in the order they were first seen. */
  readonly size: number;
  /** Calls `add` with the number of each term of `text`, in order, repeats included. */
  forEachTerm(text: string, add: (term: number) => void): void;
  /** The number of `term` taken as it is, not read as words: a tag such as a topic. */
  idOf(term: string): number;
}

/** A new, empty TermTable. */
export function createTermTable(): TermTable {
  const ids = new Map<string, number>();
  /** Term number by word; -1 for a word with no term. */
  const words = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = ids.size));
    return id;
  };
  const wordId = (word: string): number => {
    let id = words.get(word);
    if (id === undefined) {
      const term = termOf(word);
      id = term === undefined ? -1 : idOf(term);
      words.set(word, id);
    }
    return id;
  };
  return {
    get size() {
      return ids.size;
    },
    forEachTerm(text, add) {
      for (const word of splitWords(text)) {
        if (word === '') continue;
        const id = wordId(word);
        if (id >= 0) add(id);
      }
    },
    idOf,
  };
}
