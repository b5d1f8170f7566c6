import { inputError } from '../shared/input-error.ts';
import { printable } from '../shared/printable.ts';
import { followChains, mergeMove, REDIRECTS_FILE, servesPath, type LivePages, type MergedItem, type Moved } from '../site/redirects.ts';

/**
 * The operator's redirects (checked for syntax, build files and cycles when the build started), each followed through
 * merged papers to its end, so no redirect leads to another; a `from` that names a page the catalog still publishes
 * stops the build with the redirect named, before any page is rendered from it.
 */
export function checkedOperatorRedirects(redirects: readonly Moved[], live: LivePages, merged: readonly MergedItem[]): Moved[] {
  const claimed = redirects.filter((redirect) => servesPath(redirect.from, live));
  if (claimed.length > 0) {
    throw inputError(
      `${REDIRECTS_FILE}: ${claimed.length} redirect(s) retire a page or a file the catalog still publishes:\n${claimed.map((redirect) => `  /${printable(redirect.from)}`).join('\n')}`,
      'Remove these redirects: the page is there. To move a paper, merge its item into another (merged_into: <slug>).',
    );
  }
  return followChains(redirects, merged.map(mergeMove)).moved;
}
