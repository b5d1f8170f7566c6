import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './fixture-site.ts';

/**
 * The real Daily Papers days of 2024 beside the repository (`../shared/real/2024/`, 157 days, 2,202 listings; see
 * `../shared/real/README.md`), read where they are rather than copied. A missing folder throws: a test on real text
 * must fail, not pass on nothing.
 */
export const realDaysDir = join(repoRoot, '../shared/real/2024');

/** The real days' file names (`real-2024-05-27.txt`), in order. */
export function realDayFiles(): string[] {
  const files = readdirSync(realDaysDir).filter((name) => name.endsWith('.txt')).sort();
  if (files.length === 0) throw new Error(`no real digests in ${realDaysDir}`);
  return files;
}

/**
 * The Daily Papers API's answers for the same 157 days (`../shared/real/api-2024/YYYY-MM-DD.json`), read where they
 * are; a missing folder throws.
 */
export const realApiDaysDir = join(repoRoot, '../shared/real/api-2024');

/** The API answers' file names (`2024-05-27.json`), in order. */
export function realApiDayFiles(): string[] {
  const files = readdirSync(realApiDaysDir).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name)).sort();
  if (files.length === 0) throw new Error(`no API answers in ${realApiDaysDir}`);
  return files;
}
