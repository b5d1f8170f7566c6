/**
 * The identity of a paper: its title up to case, punctuation, accents and spacing.
 * Two digest entries with the same key are the same paper.
 */
export function identityKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What stays the same when a digest fixes the words of a title: the date and the abstract. An item no digest lists
 * any more whose fingerprint matches a new paper is that paper under its old title, and keeps its URL.
 */
export function fingerprint(paper: { date: string; abstract: readonly string[] }): string {
  return `${paper.date} ${identityKey(paper.abstract.join(' '))}`;
}
