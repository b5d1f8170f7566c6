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
