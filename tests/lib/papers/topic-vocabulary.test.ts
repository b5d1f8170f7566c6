import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readDigestFolders } from '../../../src/cli/read-digests.ts';
import { topicDistribution } from '../../../src/lib/papers/topic-distribution.ts';
import { OTHER_TOPIC, type Topic } from '../../../src/lib/papers/topics.ts';
import { vocabularyProblem } from '../../../src/lib/schema.ts';

// Real text decides (CONVENTIONS 22): the vocabulary is measured on the real 2024 Daily Papers digests, read from
// ../shared/real/2024 beside the repository rather than copied into it. Without that folder the test fails, as it
// should: a vocabulary that is not measured on the real stream is not checked at all.
const root = join(import.meta.dirname, '../../..');
const realCorpus = join(root, '../shared/real/2024');
const topics = parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8')) as Topic[];

describe('content/topics.yaml on the real 2024 digests', () => {
  // The files show no year; their names give the capture day, and "today" is a fixed day after all of them.
  const read = readDigestFolders([realCorpus], '2026-12-05');
  const distribution = topicDistribution(read.entries, topics);
  const share = (id: string) => distribution.topics.find((topic) => topic.id === id)!.percent;

  test('reads the whole corpus: 157 digests, 2,202 papers, no problem', () => {
    expect(read.problems).toEqual([]);
    expect(read.digests).toBe(157);
    expect(distribution.papers).toBe(2202);
  });

  test('is a valid vocabulary of at least 20 topics besides "other", each with a name, a description and terms', () => {
    expect(vocabularyProblem(topics)).toBeUndefined();
    const named = topics.filter((topic) => topic.id !== OTHER_TOPIC);
    expect(named.length).toBeGreaterThanOrEqual(20);
    for (const topic of topics) expect(topic.description.trim(), topic.id).not.toBe('');
    for (const topic of named) expect(topic.terms.length, topic.id).toBeGreaterThan(0);
  });

  test('gives no topic more than 25% of the papers', () => {
    const over = distribution.topics.filter((topic) => topic.percent > 25).map((topic) => `${topic.id} ${topic.percent.toFixed(1)}%`);
    expect(over).toEqual([]);
  });

  test('leaves at most 5% of the papers in "other"', () => {
    expect(share(OTHER_TOPIC)).toBeLessThanOrEqual(5);
  });
});
