import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { formatProblem } from '../../../src/lib/digest/types.ts';

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

  test('returns nothing, and no problem, for an empty digest', () => {
    expect(parseDigest('', { file: 'empty.txt', today })).toMatchObject({ entries: [], problems: [] });
  });
});
