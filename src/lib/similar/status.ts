import { formatPaperCount } from '../shared/format.ts';

/** What the page knows once it has read the shelf and fetched what it could. */
export interface SimilarState {
  /** Papers starred on the shelf. */
  starred: number;
  /** Of those, the ones the suggestions come from (the most recently starred, up to MAX_STARRED_USED). */
  used: number;
  /** Of those, the ones whose related list could not be fetched (offline, and not kept on this device). */
  unreachable: number;
  /** Suggestions found. */
  suggestions: number;
}

/** The line above the list (or in its place): what the list is drawn from, and what is missing, in words. */
export function similarStatus({ starred, used, unreachable, suggestions }: SimilarState): string {
  if (starred === 0) return 'You have not starred any paper yet. Star papers you like, and papers like them appear here.';
  const from = used < starred ? `your ${used} most recently starred papers` : starred === 1 ? 'the paper you starred' : `the ${starred} papers you starred`;
  const missing =
    unreachable === 0
      ? ''
      : ` The related papers of ${unreachable === 1 ? '1 starred paper' : `${unreachable} starred papers`} need the network: this device has not kept them yet.`;
  if (suggestions === 0) {
    return unreachable === used ? missing.trim() : `No paper you have not starred or read is related to ${from}.${missing}`;
  }
  return `${formatPaperCount(suggestions)} like ${from}, most similar first; papers you starred or read are left out.${missing}`;
}
