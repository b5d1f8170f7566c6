/** A topic of the controlled vocabulary, as `content/topics.yaml` defines it. */
export interface Topic {
  /** The URL key, `/topics/<id>/`. */
  id: string;
  name: string;
  description: string;
  /** Words and phrases that assign the topic; empty for the catch-all topic. */
  terms: string[];
}

/** The topic every paper that matches no term goes to. */
export const OTHER_TOPIC = 'other';
/** How many topics a paper gets at most. */
export const MAX_TOPICS = 4;
/** The least score that assigns a topic: one title match, or two abstract matches. */
const MIN_SCORE = 2;
const TITLE_WEIGHT = 3;
/** Topics scoring under this share of the paper's best topic are dropped. */
const RELATIVE_FLOOR = 0.25;
/** An abstract that repeats a term counts it at most this often. */
const MAX_ABSTRACT_HITS = 2;

/** Lower case, hyphens and other punctuation read as spaces, so "Text-to-Speech" and "text to speech" match. */
function normalize(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

/** A topic with its terms compiled for matching. */
export interface CompiledTopic {
  id: string;
  patterns: RegExp[];
}

/** Compiles a vocabulary's terms once, for matching many papers. */
export function compileVocabulary(vocabulary: readonly Topic[]): CompiledTopic[] {
  return vocabulary.map((topic) => ({
    id: topic.id,
    patterns: topic.terms.map((term) => {
      const words = normalize(term).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(?<= )${words}(?:s|es)?(?= )`, 'g');
    }),
  }));
}

/**
 * The one to four topics of a paper, best match first (ties keep vocabulary order). A paper that no term matches
 * gets the "other" topic, so no paper is left without one.
 */
export function assignTopics(paper: { title: string; abstract: readonly string[] }, vocabulary: readonly CompiledTopic[]): string[] {
  const title = normalize(paper.title);
  const abstract = normalize(paper.abstract.join(' '));
  const scored: { id: string; score: number }[] = [];
  for (const topic of vocabulary) {
    let score = 0;
    for (const pattern of topic.patterns) {
      if (countMatches(pattern, title) > 0) score += TITLE_WEIGHT;
      score += Math.min(countMatches(pattern, abstract), MAX_ABSTRACT_HITS);
    }
    if (score >= MIN_SCORE) scored.push({ id: topic.id, score });
  }
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

/** Counts whole-word matches in normalized text. */
function countMatches(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}
