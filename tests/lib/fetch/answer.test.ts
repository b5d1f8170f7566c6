import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkAnswer } from '../../../src/lib/fetch/answer.ts';
import { recordedAnswer, recordedAnswersDir } from '../../helpers/api-server.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const entry = (paper: Record<string, unknown>) => ({ title: 'listed title', paper });

describe('checkAnswer', () => {
  test("accepts every one of the API's 157 recorded answers of 2024 and counts its papers (2,202 in all)", () => {
    const days = readdirSync(recordedAnswersDir).filter((name) => name.endsWith('.json'));
    expect(days).toHaveLength(157);
    const counts = days.map((name) => checkAnswer(recordedAnswer(name.replace(/\.json$/, ''))));
    expect(counts.filter((count) => !('papers' in count))).toEqual([]);
    expect(counts.reduce((sum, count) => sum + (count as { papers: number }).papers, 0)).toBe(2202);
  });

  test('ignores fields it does not know, the live API having more than the recorded answers', () => {
    const answer = [{ ...entry({ id: '2405.1', title: 'T', githubRepo: 'x/y', thumbnail: 'z' }), numComments: 3 }];
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

  test('returns a problem naming the first entry without paper.id or paper.title, and how many more there are', () => {
    const good = entry({ id: '2405.1', title: 'T' });
    const check = (...entries: unknown[]) => checkAnswer(bytes(JSON.stringify(entries)));
    expect(check(good, entry({ title: 'T' }))).toEqual({ problem: 'entry 2 of 2 has no paper.id' });
    expect(check(entry({ id: '2405.1', title: '  ' }), good)).toEqual({ problem: 'entry 1 of 2 has an empty paper.title' });
    expect(check(entry({ id: 2405.1, title: 'T' }))).toEqual({ problem: 'entry 1 of 1 has a paper.id that is a number, not text' });
    expect(check({ title: 'T' }, good, 'x')).toEqual({ problem: 'entry 1 of 3 has no paper (and 1 more entry with problems)' });
    expect(check(good, entry({}), entry({}), entry({}))).toEqual({ problem: 'entry 2 of 4 has no paper.id (and 2 more entries with problems)' });
    expect(check(good, 'x')).toEqual({ problem: 'entry 2 of 2 is a string, not an object with a paper' });
  });
});
