import { describe, expect, test } from 'vitest';
import { formatDistribution, topicDistribution } from '../../../src/lib/papers/topic-distribution.ts';
import type { Topic } from '../../../src/lib/papers/topics.ts';

const vocabulary: Topic[] = [
  { id: 'speech', name: 'Speech', description: '', terms: ['speech'] },
  { id: 'video', name: 'Video | film', description: '', terms: ['video'] },
  { id: 'empty', name: 'Empty', description: '', terms: ['knitting'] },
  { id: 'other', name: 'Other', description: '', terms: [] },
];

describe('topicDistribution', () => {
  test('counts each topic\'s papers, most first, ties in vocabulary order, with "other" and empty topics', () => {
    const papers = [
      { title: 'Speech and Video', abstract: [] },
      { title: 'Speech', abstract: [] },
      { title: 'Video', abstract: [] },
      { title: 'Gardening', abstract: [] },
    ];
    expect(topicDistribution(papers, vocabulary)).toEqual({
      papers: 4,
      topics: [
        { id: 'speech', name: 'Speech', papers: 2, percent: 50 },
        { id: 'video', name: 'Video | film', papers: 2, percent: 50 },
        { id: 'other', name: 'Other', papers: 1, percent: 25 },
        { id: 'empty', name: 'Empty', papers: 0, percent: 0 },
      ],
    });
  });

  test('counts a paper listed twice once, when the titles differ only in case and punctuation', () => {
    const papers = [
      { title: 'Fast Speech', abstract: [] },
      { title: 'fast speech.', abstract: ['A later listing.'] },
    ];
    expect(topicDistribution(papers, vocabulary).topics[0]).toEqual({ id: 'speech', name: 'Speech', papers: 1, percent: 100 });
  });

  test('returns zero papers and zero percentages when there are no papers', () => {
    const distribution = topicDistribution([], vocabulary);
    expect(distribution.papers).toBe(0);
    expect(distribution.topics.map((topic) => topic.percent)).toEqual([0, 0, 0, 0]);
  });
});

describe('formatDistribution', () => {
  test('returns a markdown table, percentages to one decimal and pipes in names escaped', () => {
    const table = formatDistribution({ papers: 3, topics: [{ id: 'video', name: 'Video | film', papers: 2, percent: 200 / 3 }] });
    expect(table.split('\n').slice(0, 3)).toEqual(['| id | name | papers | % |', '|---|---|---:|---:|', '| video | Video \\| film | 2 | 66.7% |']);
  });
});
