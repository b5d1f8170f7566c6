import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkAnswer as checkOn } from '../../../src/lib/fetch/answer.ts';
import { recordedAnswer, recordedAnswersDir } from '../../helpers/api-server.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const entry = (paper: Record<string, unknown>) => ({ title: 'listed title', paper });
/** An entry as the ingest needs it: the real API's fields, here a made-up paper of the listed day. */
const complete = (paper: Record<string, unknown>) =>
  entry({ id: '2405.15738', title: 'T', summary: 'An abstract.', publishedAt: '2024-05-24T00:00:00.000Z', upvotes: 1, authors: [{ name: 'A. Author', hidden: false }], ...paper });
const on = { day: '2024-05-27', today: '2026-12-05' };
const checkAnswer = (bytes: Uint8Array) => checkOn(bytes, on);

describe('checkAnswer', () => {
  test("accepts every one of the API's 157 recorded answers of 2024 and counts its papers (2,202 in all)", () => {
    const days = readdirSync(recordedAnswersDir).filter((name) => name.endsWith('.json'));
    expect(days).toHaveLength(157);
    const counts = days.map((name) => checkOn(recordedAnswer(name.replace(/\.json$/, '')), { day: name.replace(/\.json$/, ''), today: '2026-12-05' }));
    expect(counts.filter((count) => !('papers' in count))).toEqual([]);
    expect(counts.reduce((sum, count) => sum + (count as { papers: number }).papers, 0)).toBe(2202);
  });

  test('ignores fields it does not know, the live API having more than the recorded answers', () => {
    const answer = [{ ...complete({ githubRepo: 'x/y', thumbnail: 'z' }), numComments: 3 }];
    expect(checkAnswer(bytes(JSON.stringify(answer)))).toEqual({ papers: 1 });
  });

  test('returns zero papers for an empty list', () => {
    expect(checkAnswer(bytes('[]'))).toEqual({ papers: 0 });
  });

  test('returns a problem for an empty answer, bytes that are not UTF-8, and JSON cut short', () => {
    expect(checkAnswer(bytes(' \n'))).toEqual({ problem: 'the answer is empty' });
    expect(checkAnswer(new Uint8Array([0x5b, 0xff, 0x5d]))).toEqual({ problem: 'the answer is not UTF-8 text' });
    expect(checkAnswer(bytes('[{"paper":{"id":"2405.1"'))).toMatchObject({ problem: expect.stringMatching(/^the answer \(24 bytes\) is not JSON, or is cut short: /) });
    expect(checkAnswer(bytes('<html>Bad gateway</html>'))).toMatchObject({ problem: expect.stringContaining('is not JSON') });
  });

  test('returns a problem naming what came instead of a list', () => {
    expect(checkAnswer(bytes('{"error":"Invalid date"}'))).toEqual({ problem: 'the answer is not a list of papers but an error: "Invalid date"' });
    expect(checkAnswer(bytes('{"papers":[]}'))).toEqual({ problem: 'the answer is not a list of papers but an object' });
    expect(checkAnswer(bytes('null'))).toEqual({ problem: 'the answer is not a list of papers but null' });
    expect(checkAnswer(bytes('"[]"'))).toEqual({ problem: 'the answer is not a list of papers but a string' });
  });

  test('returns the ingest reader\'s problem for the first entry it would reject, and how many more there are', () => {
    const good = complete({});
    const check = (...entries: unknown[]) => checkAnswer(bytes(JSON.stringify(entries)));
    expect(check(good, entry({ title: 'T' }))).toEqual({ problem: 'entry 2: paper.id: expected a string' });
    expect(check(good, complete({ summary: undefined }))).toMatchObject({ problem: expect.stringMatching(/^entry 2: paper\.summary: /) });
    expect(check({ title: 'T' }, good, 'x')).toEqual({ problem: 'entry 1: paper: expected the paper: { id, title, summary, publishedAt, authors, … } (and 1 more entry with problems)' });
    expect(check(good, entry({}), entry({}), entry({}))).toMatchObject({ problem: expect.stringMatching(/^entry 2: .* \(and 2 more entries with problems\)$/) });
    // A paper published after the day it is listed on is what the build would reject too.
    expect(check(complete({ publishedAt: '2024-05-30T00:00:00.000Z' }))).toMatchObject({ problem: expect.stringMatching(/^entry 1: paper\.publishedAt: 2024-05-30 is after the date 2024-05-27 in the file's name/) });
  });
});
