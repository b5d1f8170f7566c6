import { identityKey } from './identity.ts';
import { assignTopics, compileVocabulary, MAX_TOPICS, type Topic } from './topics.ts';

/** One topic's share of a corpus. */
export interface TopicShare {
  id: string;
  name: string;
  /** Distinct papers the topic holds. */
  papers: number;
  /** `papers` as a percentage of all distinct papers, unrounded (0 when there are none). */
  percent: number;
}

/** How a vocabulary spreads a corpus over its topics. */
export interface TopicDistribution {
  /** Distinct papers counted: listings with one title (up to case, punctuation and spacing) count once. */
  papers: number;
  /** Every topic of the vocabulary, "other" included, most papers first (ties keep the vocabulary's order). */
  topics: TopicShare[];
}

/**
 * Counts the papers each topic holds, as `assignTopics` assigns them. A paper listed on several days counts once (its
 * first listing); a paper holds up to MAX_TOPICS topics, so the percentages add up to more than 100. One pass over the papers.
 */
export function topicDistribution(papers: Iterable<{ title: string; abstract: readonly string[] }>, vocabulary: readonly Topic[]): TopicDistribution {
  const compiled = compileVocabulary(vocabulary);
  const counts = new Map<string, number>(vocabulary.map((topic) => [topic.id, 0]));
  const seen = new Set<string>();
  for (const paper of papers) {
    const key = identityKey(paper.title);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const id of assignTopics(paper, compiled)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const total = seen.size;
  const topics = vocabulary
    .map((topic) => {
      const count = counts.get(topic.id)!;
      return { id: topic.id, name: topic.name, papers: count, percent: total === 0 ? 0 : (count / total) * 100 };
    })
    .sort((a, b) => b.papers - a.papers);
  return { papers: total, topics };
}

/** A distribution as a markdown table: id, name, papers and percent (one decimal), then the number of papers. */
export function formatDistribution(distribution: TopicDistribution): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = distribution.topics.map((topic) => `| ${topic.id} | ${escape(topic.name)} | ${topic.papers} | ${topic.percent.toFixed(1)}% |`);
  return ['| id | name | papers | % |', '|---|---|---:|---:|', ...rows, '', `${distribution.papers} distinct papers; a paper holds up to ${MAX_TOPICS} topics.`].join('\n') + '\n';
}
