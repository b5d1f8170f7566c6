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
