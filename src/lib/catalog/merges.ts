import { inputError } from '../shared/input-error.ts';
import { printable } from '../shared/printable.ts';
import { resolveMerges, type MergedItem } from '../site/redirects.ts';
import type { PaperEntry } from './papers.ts';

/**
 * The items editors merged into another paper's, each with the paper it ends in (chains followed). A merge into no
 * paper, or in a circle, stops the build with an input error naming each item's file.
 */
export function checkedMerges(merged: readonly PaperEntry[], isPaper: (slug: string) => boolean): MergedItem[] {
  const merges = resolveMerges(
    merged.map((entry) => ({ slug: entry.id, mergedInto: entry.data.merged_into! })),
    isPaper,
  );
  if (merges.problems.length === 0) return merges.resolved;
  const fileOf = new Map(merged.map((entry) => [entry.id, entry.filePath ?? `${entry.id}.mdx`]));
  const lines = merges.problems.map((problem) => `  ${fileOf.get(problem.slug)}: ${printable(problem.message)}`);
  throw inputError(`${merges.problems.length} item(s) merged into no paper:\n${lines.join('\n')}`, 'Set merged_into to the slug of an item that is a paper (its file name without .mdx), or remove it.');
}
