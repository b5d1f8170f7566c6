import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { formatProblem } from '../../../src/lib/digest/types.ts';
import { accountingErrors } from './invariants.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/digests');

/** The day of the build in these tests: after the seed's listing (2026-04-13). */
const today = '2026-11-25';

// Each folder holds input.txt, expected.json and, optionally, options.json (e.g. a capture date).
// UPDATE_FIXTURES=1 rewrites expected.json from the parser's output: review the diff before committing it.
// Line spans are left out of expected.json (the tests below check them); problems are compared as printed.
describe('parseDigest fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    test(`parses ${name} as expected.json says`, () => {
      const folder = join(fixtures, name);
      const options = existsSync(join(folder, 'options.json')) ? JSON.parse(readFileSync(join(folder, 'options.json'), 'utf8')) : {};
      // A build is never before its capture day: the capture-date fixture was captured on 2027-04-13.
      const parsed = parseDigest(readFileSync(join(folder, 'input.txt'), 'utf8'), { file: 'input.txt', today: '2027-12-31', ...options });
      const { header: _, ...rest } = parsed;
      const actual = { ...rest, entries: rest.entries.map(({ lines: _, ...entry }) => entry), problems: parsed.problems.map(formatProblem) };
      if (process.env.UPDATE_FIXTURES) writeFileSync(join(folder, 'expected.json'), JSON.stringify(actual, null, 2) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')));
    });
  }
});

describe('parseDigest', () => {
  const seed = readFileSync(join(fixtures, 'seed/input.txt'), 'utf8');

  test('returns all 46 entries of the seed with no problems', () => {
    const parsed = parseDigest(seed, { file: 'seed.txt', today });
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(46);
    expect(parsed.listedOn).toBe('2026-04-13');
  });

  test('gives year-less dates the year after the latest explicit year', () => {
    const moonshine = parseDigest(seed, { file: 'seed.txt', today }).entries.find((entry) => entry.title.startsWith('Moonshine v2'));
    expect(moonshine).toMatchObject({ date: '2026-02-12', upvotes: 1, byline: { kind: 'authors', count: 4 } });
  });

  test('reads the same entries from CRLF, BOM and LF text', () => {
    const lf = parseDigest(seed, { file: 'seed.txt', today });
    const crlf = parseDigest('\uFEFF' + seed.replaceAll('\n', '   \r\n').trimEnd(), { file: 'seed.txt', today });
    expect(crlf.entries).toEqual(lf.entries);
    expect(crlf.problems).toEqual([]);
  });

  test('reports every problem with file and line and keeps the valid entries', () => {
    const parsed = parseDigest(readFileSync(join(fixtures, 'malformed/input.txt'), 'utf8'), { file: 'bad.txt', today });
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['A Good Paper After All That', 'Capital Authors', 'Still Fine At The End']);
    for (const problem of parsed.problems) expect(formatProblem(problem)).toMatch(/^bad\.txt:\d+: .+/);
    expect(parsed.problems.map((problem) => problem.message).join('\n')).toMatch(/expected a date[\s\S]*not a number[\s\S]*no day 30[\s\S]*unknown month "Smarch"[\s\S]*expected a line "·"[\s\S]*no abstract[\s\S]*ends without a byline/);
  });

  test('throws when the caller passes a today or capture date that is not a date: a bug, not a bad digest', () => {
    expect(() => parseDigest('', { file: 'x.txt', today: '' })).toThrow(TypeError);
    expect(() => parseDigest('', { file: 'x.txt', today, capturedOn: '2026-13-01' })).toThrow('options.capturedOn is "2026-13-01"');
  });

  test('returns nothing, and no problem, for an empty digest', () => {
    expect(parseDigest('', { file: 'empty.txt', today })).toMatchObject({ entries: [], problems: [] });
  });
});

/** A digest's text from its lines, so that a test can count them. */
const digest = (...lines: string[]) => lines.join('\n') + '\n';

/** An entry's lines: title, abstract, byline, "·" and date. */
const entry = (title: string, date: string, byline = '  • 2 authors') => [title, '', `The abstract of ${title}.`, '', byline, '·', date, ''];

describe('parseDigest line accounting', () => {
  const seed = readFileSync(join(fixtures, 'seed/input.txt'), 'utf8');
  const malformed = readFileSync(join(fixtures, 'malformed/input.txt'), 'utf8');

  test('gives the header and each entry the lines they cover, title through date line', () => {
    const parsed = parseDigest(seed, { file: 'seed.txt', today });
    expect(parsed.header).toEqual({ from: 1, to: 11 });
    expect(parsed.entries[0]).toMatchObject({ line: 13, lines: { from: 13, to: 19 } });
    expect(parsed.entries.at(-1)).toMatchObject({ lines: { from: 373, to: 379 } });
    expect(accountingErrors(seed, parsed)).toEqual([]);
  });

  test('rejects each bad entry of the malformed digest with exactly one problem of kind "entry", and loses no line', () => {
    const parsed = parseDigest(malformed, { file: 'bad.txt', today });
    expect(parsed.problems.map((problem) => problem.kind)).toEqual(Array(10).fill('entry'));
    // 13 titles in the file: 3 published, 10 rejected.
    expect(parsed.entries.length + parsed.problems.length).toBe(13);
    expect(parsed.problems.find((problem) => problem.message.includes('Smarch'))).toMatchObject({ line: 42, lines: { from: 36, to: 42 } });
    expect(accountingErrors(malformed, parsed)).toEqual([]);
  });

  test('rejects an entry with several faults in one problem that names them all', () => {
    const text = digest('Apr 13', '', ...entry('Two Faults', 'Dec 1, 2026', '  • many authors').filter((line) => line !== '·'), ...entry('Fine', 'Jan 9, 2024'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['Fine']);
    expect(parsed.problems).toEqual([
      {
        file: 'x.txt',
        kind: 'entry',
        line: 7,
        lines: { from: 3, to: 8 },
        message: 'author count "many" is not a number; expected "• N authors"; expected a line "·" after the byline; ' +
          'line 8: date "Dec 1, 2026" is after today (2026-11-25); is the year a typo?',
      },
    ]);
  });

  test('reports a "·" that follows no byline as lines of no entry, with the date after it', () => {
    const text = digest('Apr 13', '', ...entry('Before', 'Jan 9, 2024'), '·', 'Jan 10, 2024', '', ...entry('After', 'Jan 11, 2024'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['Before', 'After']);
    expect(parsed.problems).toMatchObject([{ kind: 'text', line: 11, lines: { from: 11, to: 12 }, message: expect.stringContaining('"·" without a byline') }]);
    expect(accountingErrors(text, parsed)).toEqual([]);
  });

  test('accounts for an entry cut off by the end of the file', () => {
    const text = digest('Apr 13', '', ...entry('Whole', 'Jan 9, 2024'), 'Cut Off', '', 'Its abstract.', '', '  • 3 authors');
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.problems).toMatchObject([{ kind: 'entry', lines: { from: 11, to: 15 }, message: expect.stringContaining('found the end of the file') }]);
    expect(accountingErrors(text, parsed)).toEqual([]);
  });
});

describe('parseDigest organisation lines', () => {
  test('a lost byline never turns a code link into an organisation', () => {
    const text = digest(
      'Apr 13',
      '',
      'Lost Its Byline',
      '',
      'We study things.',
      '',
      'Code and models: https://github.com/x/y',
      '·',
      'Mar 3, 2025',
      '',
      ...entry('Next Paper', 'Mar 4, 2025', 'nvidia NVIDIA'),
    );
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.entries.map((entry) => [entry.title, entry.byline])).toEqual([['Next Paper', { kind: 'organization', handle: 'nvidia', name: 'NVIDIA' }]]);
    expect(parsed.problems).toEqual([
      {
        file: 'x.txt',
        kind: 'entry',
        line: 7,
        lines: { from: 3, to: 9 },
        message: 'entry "Lost Its Byline": the byline is missing: expected "• N authors" or an organisation line (a handle and a short name) before "·", found "Code and models: https://github.com/x/y"',
      },
    ]);
  });
});

describe('parseDigest dates and today', () => {
  test('a date after today is a problem at its date line, naming the date', () => {
    const text = digest('Apr 13', '', ...entry('From The Future', 'Dec 1, 2026 3'), ...entry('From The Past', 'Jan 9, 2024'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['From The Past']);
    expect(parsed.problems).toEqual([
      { file: 'x.txt', kind: 'entry', line: 9, lines: { from: 3, to: 9 }, message: 'date "Dec 1, 2026" is after today (2026-11-25); is the year a typo?' },
    ]);
  });

  test('a year-less date after today is a problem that says which year it was given', () => {
    const text = digest('Feb 20', '', ...entry('Old', 'Jan 9, 2025'), ...entry('Too Late', 'Mar 24'), ...entry('In Time', 'Feb 12'));
    const parsed = parseDigest(text, { file: 'x.txt', today: '2026-03-01' });
    expect(parsed.entries.map((entry) => [entry.title, entry.date])).toEqual([['Old', '2025-01-09'], ['In Time', '2026-02-12']]);
    expect(parsed.problems).toMatchObject([{ kind: 'entry', line: 17 }]);
    expect(parsed.problems[0]!.message).toBe(
      'date "Mar 24" (read as 2026-03-24: year-less dates take the year after 2025, the latest year the digest states) is after today (2026-03-01); ' +
        'name the digest by its day (e.g. x-2024-05-27.txt) or state its capture date in x.meta.yaml ("captured: YYYY-MM-DD")',
    );
  });

  test('a date after the stated capture date is a problem', () => {
    const text = digest('Apr 13', '', ...entry('After The Capture', 'May 1'), ...entry('Before It', 'Apr 12'));
    const parsed = parseDigest(text, { file: 'x.txt', today, capturedOn: '2026-04-13' });
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2026-04-12']);
    expect(parsed.problems).toMatchObject([
      { kind: 'entry', line: 9, message: 'date "May 1" (read as 2026-05-01: year-less dates take the year of the capture date 2026-04-13) is after the capture date 2026-04-13 stated in x.meta.yaml; is the date a typo?' },
    ]);
  });

  test('a year typo does not move year-less dates', () => {
    const text = digest('Apr 13', '', ...entry('Typo', 'Jan 9, 2204'), ...entry('Old', 'Mar 3, 2025'), ...entry('This Year', 'Feb 12 1'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.year).toBe(2026);
    expect(parsed.listedOn).toBe('2026-04-13');
    expect(parsed.entries.map((entry) => [entry.title, entry.date])).toEqual([['Old', '2025-03-03'], ['This Year', '2026-02-12']]);
    expect(parsed.problems).toMatchObject([{ kind: 'entry', line: 9, message: 'date "Jan 9, 2204" is after today (2026-11-25); is the year a typo?' }]);
  });

  test('a rejected entry\'s stated year still dates the year-less entries', () => {
    const text = digest('Apr 13', '', ...entry('Lost Its Byline', 'Mar 3, 2025', 'Code: https://github.com/x/y'), ...entry('This Year', 'Feb 12'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2026-02-12']);
    expect(parsed.problems).toMatchObject([{ kind: 'entry', message: expect.stringContaining('the byline is missing') }]);
  });

  test('a digest whose only stated year is a typo takes the year of the day of the build', () => {
    const text = digest('Apr 13', '', ...entry('Typo', 'Jan 9, 2204'), ...entry('This Year', 'Feb 12'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed).toMatchObject({ year: 2026, listedOn: '2026-04-13', yearFrom: { source: 'build-day' } });
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2026-02-12']);
    expect(parsed.problems.map((problem) => problem.message)).toEqual(['date "Jan 9, 2204" is after today (2026-11-25); is the year a typo?']);
  });

  test('never gives year-less dates a year after today\'s: the day of the build decides instead', () => {
    // A paper of this year with its year written: year-less dates would be next year's, which has not begun.
    const text = digest('Apr 13', '', ...entry('Stated This Year', 'Mar 3, 2026'), ...entry('Year-less', 'Feb 12'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.year).toBe(2026);
    expect(parsed.yearFrom).toEqual({ source: 'build-day', reason: '2026, the latest year in which "Apr 13" is not after the day of the build (2026-11-25)' });
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2026-03-03', '2026-02-12']);
  });

  test('a listing date after today is a warning and leaves the listing undated; its entries are kept', () => {
    const text = digest('Dec 24', '', ...entry('Old', 'Jan 9, 2025'), ...entry('This Year', 'Feb 12'));
    const parsed = parseDigest(text, { file: 'x.txt', today });
    expect(parsed.listedOn).toBeUndefined();
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.problems).toMatchObject([{ kind: 'warning', line: 1, message: expect.stringMatching(/^the listing's date: date "Dec 24" .* is after today \(2026-11-25\)/) }]);
  });
});
