import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { assignTopics, compileVocabulary, MAX_TOPICS, OTHER_TOPIC, type Topic } from '../../../src/lib/papers/topics.ts';

const root = join(import.meta.dirname, '../../..');
const topics = parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8')) as Topic[];
const vocabulary = compileVocabulary(topics);

describe('assignTopics', () => {
  test('assigns the seed papers the topics pinned in tests/fixtures/topics/seed.json', () => {
    const seed = parseDigest(readFileSync(join(root, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: 'seed.txt' });
    const actual = Object.fromEntries(seed.entries.map((entry) => [entry.title, assignTopics(entry, vocabulary)]));
    const pinned = join(root, 'tests/fixtures/topics/seed.json');
    // UPDATE_FIXTURES=1 rewrites the pin: read every changed line before committing it.
    if (process.env.UPDATE_FIXTURES) writeFileSync(pinned, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(pinned, 'utf8')));
  });

  test('gives every seed paper one to four topics from the vocabulary', () => {
    const ids = new Set(topics.map((topic) => topic.id));
    const seed = parseDigest(readFileSync(join(root, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: 'seed.txt' });
    for (const entry of seed.entries) {
      const assigned = assignTopics(entry, vocabulary);
      expect(assigned.length).toBeGreaterThanOrEqual(1);
      expect(assigned.length).toBeLessThanOrEqual(MAX_TOPICS);
      for (const id of assigned) expect(ids.has(id)).toBe(true);
    }
  });

  test('returns the "other" topic when no term matches', () => {
    expect(assignTopics({ title: 'On Knitting', abstract: ['Wool and needles.'] }, vocabulary)).toEqual([OTHER_TOPIC]);
  });

  test('matches whole words across hyphens and plurals, case-insensitively', () => {
    const small = compileVocabulary([{ id: 'speech', name: 'Speech', description: '', terms: ['text to speech', 'asr'] }]);
    expect(assignTopics({ title: 'Fast Text-to-Speech', abstract: [] }, small)).toEqual(['speech']);
    expect(assignTopics({ title: 'Two ASRs', abstract: [] }, small)).toEqual(['speech']);
    expect(assignTopics({ title: 'Glasreiniger', abstract: ['lasr'] }, small)).toEqual([OTHER_TOPIC]);
  });

  test('ranks a title match above abstract mentions', () => {
    const two = compileVocabulary([
      { id: 'a', name: 'A', description: '', terms: ['alpha'] },
      { id: 'b', name: 'B', description: '', terms: ['beta'] },
    ]);
    expect(assignTopics({ title: 'Beta', abstract: ['alpha and alpha'] }, two)).toEqual(['b', 'a']);
  });
});
