import { OTHER_TOPIC, type Topic } from '../schema.ts';

export type { Topic };

export { OTHER_TOPIC };
/** How many topics a paper gets at most. */
export const MAX_TOPICS = 4;
/** The least score that assigns a topic: one title match, or two abstract matches. */
const MIN_SCORE = 2;
const TITLE_WEIGHT = 3;
/** Topics scoring under this share of the paper's best topic are dropped. */
const RELATIVE_FLOOR = 0.25;
/** An abstract that repeats a term counts it at most this often. */
const MAX_ABSTRACT_HITS = 2;
/** The endings a term's last word may take: "model" matches "models" and "modeles" too. */
const PLURALS = ['', 's', 'es'];

/** Lower case, hyphens and other punctuation read as spaces, so "Text-to-Speech" and "text to speech" match. */
function normalize(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

/** Text that is plain ASCII, whose letters and digits a faster, non-Unicode pattern finds. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The words of a text, as `normalize` separates them; empty first or last when the text starts or ends with
 * punctuation. Most abstracts are ASCII, where `[^a-z0-9]` after lower-casing is `[^\p{L}\p{N}]` and three times faster.
 */
function words(text: string): string[] {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower.split(/[^a-z0-9]+/) : lower.split(/[^\p{L}\p{N}]+/u);
}

/** One term of one topic: its words, the last of which may end in a plural. */
interface CompiledTerm {
  /** Index of the term in the vocabulary's `terms`. */
  index: number;
  /** Index of its topic in the vocabulary's `ids`. */
  topic: number;
  words: string[];
}

/**
 * A vocabulary compiled once for matching many papers: every term, and the terms each word can start a match of, so
 * a paper costs one lookup per word of its text, whatever the number of terms.
 */
export interface CompiledVocabulary {
  /** Topic ids in vocabulary order. */
  ids: string[];
  /** Every term of every topic, topic by topic, in vocabulary order. */
  terms: CompiledTerm[];
  /** The terms a match can start at a word with, by that word. */
  startingWith: Map<string, CompiledTerm[]>;
}

/** Compiles a vocabulary's terms once, for matching many papers. */
export function compileVocabulary(vocabulary: readonly Topic[]): CompiledVocabulary {
  const terms: CompiledTerm[] = [];
  const startingWith = new Map<string, CompiledTerm[]>();
  const index = (word: string, term: CompiledTerm) => {
    const list = startingWith.get(word);
    if (list) list.push(term);
    else startingWith.set(word, [term]);
  };
  vocabulary.forEach((topic, topicIndex) => {
    for (const text of topic.terms) {
      const term = { index: terms.length, topic: topicIndex, words: normalize(text).trim().split(' ') };
      terms.push(term);
      // A one-word term starts a match at any of its plural forms; a longer one only at its exact first word.
      if (term.words.length === 1) for (const ending of PLURALS) index(term.words[0] + ending, term);
      else index(term.words[0]!, term);
    }
  });
  return { ids: vocabulary.map((topic) => topic.id), terms, startingWith };
}

/**
 * How often each term occurs in a text's words, as whole words, never overlapping itself: what a global regular
 * expression per term over the normalized text would count, in one pass over the words whatever the number of terms.
 */
function countTerms(text: readonly string[], vocabulary: CompiledVocabulary): Uint32Array {
  const counts = new Uint32Array(vocabulary.terms.length);
  /** Where each term's next match may start: after the end of its last one. */
  const free = new Uint32Array(vocabulary.terms.length);
  for (let at = 0; at < text.length; at++) {
    for (const term of vocabulary.startingWith.get(text[at]!) ?? []) {
      if (at < free[term.index]!) continue;
      const end = matchEnd(term.words, text, at);
      if (end === undefined) continue;
      counts[term.index]!++;
      free[term.index] = end;
    }
  }
  return counts;
}

/** The index after a match of `term` starting at `start`, or undefined when the words there are not the term. */
function matchEnd(term: readonly string[], text: readonly string[], start: number): number | undefined {
  const end = start + term.length;
  if (end > text.length) return undefined;
  for (let i = 1; i < term.length - 1; i++) if (text[start + i] !== term[i]) return undefined;
  if (term.length > 1) {
    const last = term[term.length - 1]!;
    const word = text[end - 1]!;
    if (!PLURALS.some((ending) => word === last + ending)) return undefined;
  }
  return end;
}

/**
 * The one to four topics of a paper, best match first (ties keep vocabulary order). A paper that no term matches
 * gets the "other" topic, so no paper is left without one.
 */
export function assignTopics(paper: { title: string; abstract: readonly string[] }, vocabulary: CompiledVocabulary): string[] {
  const title = countTerms(words(paper.title), vocabulary);
  const abstract = countTerms(words(paper.abstract.join(' ')), vocabulary);
  const scores = new Array<number>(vocabulary.ids.length).fill(0);
  for (const term of vocabulary.terms) {
    if (title[term.index]! > 0) scores[term.topic]! += TITLE_WEIGHT;
    scores[term.topic]! += Math.min(abstract[term.index]!, MAX_ABSTRACT_HITS);
  }
  const scored = vocabulary.ids.map((id, i) => ({ id, score: scores[i]! })).filter((topic) => topic.score >= MIN_SCORE);
  if (scored.length === 0) return [OTHER_TOPIC];
  // A topic far weaker than the paper's best one is a passing mention, not what the paper is about.
  const floor = Math.max(...scored.map((topic) => topic.score)) * RELATIVE_FLOOR;
  // Array.prototype.sort is stable, so equal scores keep the vocabulary's order.
  return scored
    .filter((topic) => topic.score >= floor)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_TOPICS)
    .map((topic) => topic.id);
}
