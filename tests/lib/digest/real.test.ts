import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readBylineText } from '../../../src/lib/digest/byline.ts';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import { formatProblem } from '../../../src/lib/digest/types.ts';
import { realDayFiles, realDaysDir } from '../../helpers/real-days.ts';

// The real days of 2024, as they are: no sidecar, no year in any date, each file named by its day.
const parsed = realDayFiles().map((file) => parseDigest(readFileSync(join(realDaysDir, file), 'utf8'), { file, today: '2026-12-05' }));

describe('parseDigest on the real days of 2024', () => {
  test('reads all 2,202 listings of the 157 days with no problem', () => {
    expect(parsed).toHaveLength(157);
    expect(parsed.flatMap((digest) => digest.problems).map(formatProblem)).toEqual([]);
    expect(parsed.reduce((sum, digest) => sum + digest.entries.length, 0)).toBe(2202);
  });

  test('dates each day by its file name: the listing is that day, and no paper is after it', () => {
    for (const digest of parsed) {
      const day = digest.file.slice('real-'.length, 'real-'.length + 10);
      expect(digest.listedOn, digest.file).toBe(day);
      expect(digest.yearFrom?.source, digest.file).toBe('file-name');
      for (const entry of digest.entries) expect(entry.date <= day, `${digest.file}:${entry.line}`).toBe(true);
    }
  });

  test('no real abstract paragraph reads as an organisation line, so a lost byline is never taken for one', () => {
    const paragraphs = parsed.flatMap((digest) => digest.entries.flatMap((entry) => entry.abstract));
    expect(paragraphs.length).toBeGreaterThan(2202);
    expect(paragraphs.filter((paragraph) => 'byline' in readBylineText(paragraph))).toEqual([]);
  });
});
