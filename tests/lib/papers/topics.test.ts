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
    const seed = parseDigest(readFileSync(join(root, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: 'seed.txt', today: '2026-11-25' });
    const actual = Object.fromEntries(seed.entries.map((entry) => [entry.title, assignTopics(entry, vocabulary)]));
    const pinned = join(root, 'tests/fixtures/topics/seed.json');
    // UPDATE_FIXTURES=1 rewrites the pin: read every changed line before committing it.
    if (process.env.UPDATE_FIXTURES) writeFileSync(pinned, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(pinned, 'utf8')));
  });

  test('gives every seed paper one to four topics from the vocabulary', () => {
    const ids = new Set(topics.map((topic) => topic.id));
    const seed = parseDigest(readFileSync(join(root, 'seeds/000_b521cd4bf3e07176.txt'), 'utf8'), { file: 'seed.txt', today: '2026-11-25' });
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

describe('compileVocabulary', () => {
  /** How often a term occurs, as a whole-word regular expression over the normalized text counts it: the reference. */
  function regexCount(term: string, text: string): number {
    const normalize = (value: string) => ` ${value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const words = normalize(term).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return normalize(text).match(new RegExp(`(?<= )${words}(?:s|es)?(?= )`, 'g'))?.length ?? 0;
  }

  test('matches every term as a whole-word regular expression would, one topic per term', () => {
    const terms = ['a', 'a a', 'a b a', 'speech', 'text to speech', 'kv cache', 'llm', 'es', 's', '-', 'Straße', 'İ'];
    // One topic per term, so that the topics assigned show each count that scoring can tell apart.
    const single = compileVocabulary(terms.map((term, i) => ({ id: `t${i}`, name: term, description: '', terms: [term] })));
    const pieces = ['a', 'A', 'b', 'as', 'aes', 'speech', 'speeches', 'Text-to-Speech', 'KV-caches', 'LLMs', 's', 'es', 'STRASSE', 'straße', 'i̇', '(', '—', ''];
    let state = 7;
    const pick = () => pieces[(state = (state * 1103515245 + 12345) % 2 ** 31) % pieces.length]!;
    for (let round = 0; round < 2000; round++) {
      const title = Array.from({ length: round % 7 }, pick).join(round % 2 ? ' ' : '-');
      const abstract = [Array.from({ length: round % 23 }, pick).join(' ')];
      const scores = terms.map((term, i) => ({
        id: `t${i}`,
        score: (regexCount(term, title) > 0 ? 3 : 0) + Math.min(regexCount(term, abstract.join(' ')), 2),
      }));
      const best = Math.max(0, ...scores.map((topic) => topic.score));
      const expected = scores
        .filter((topic) => topic.score >= 2 && topic.score >= best * 0.25)
        .sort((a, b) => b.score - a.score)
        .slice(0, MAX_TOPICS)
        .map((topic) => topic.id);
      expect(assignTopics({ title, abstract }, single), JSON.stringify({ title, abstract })).toEqual(expected.length > 0 ? expected : [OTHER_TOPIC]);
    }
  });

  test('indexes each term under the words a match of it can start with, so a paper costs a lookup per word', () => {
    const compiled = compileVocabulary([{ id: 'speech', name: 'Speech', description: '', terms: ['text to speech', 'ASR'] }]);
    expect([...compiled.startingWith.keys()].sort()).toEqual(['asr', 'asres', 'asrs', 'text']);
  });
});
