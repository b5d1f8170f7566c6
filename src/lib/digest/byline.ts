import { clip } from './lines.ts';
import type { Byline } from './types.ts';

const BULLET = '•';
const AUTHORS_LINE = /^•\s*(.*?)\s*\bauthors?$/iu;
/** A Hugging Face handle: letters, digits, "-", "_" and ".", starting and ending with a letter or digit ("_" may end it). */
const HANDLE = /^[\p{L}\p{N}](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?$/u;
/** Enough for "The Hong Kong University of Science and Technology"; an abstract's last sentence is longer. */
const MAX_NAME_WORDS = 10;
const MAX_NAME_LENGTH = 100;
/** What a sentence has and an organisation's name does not: a link, or punctuation that ends or introduces a clause. */
const NOT_A_NAME = /:\/\/|\bwww\.|[.:;,!?]$|[.:;!?]\s/iu;

/** Whether a line is written as a byline even where none is expected: "• 3 authors", or any "•" line. */
export function isBylineShaped(text: string): boolean {
  return text.startsWith(BULLET);
}

/**
 * Reads the line before "·": `• 4 authors`, or an organisation line `nvidia NVIDIA` (a handle, then a short name).
 * Anything else there is the end of an abstract whose byline was lost, and reads as an error.
 */
export function readBylineText(text: string): { byline: Byline } | { error: string } {
  const authors = AUTHORS_LINE.exec(text);
  if (authors) {
    const count = authors[1]!;
    if (!/^\d+$/.test(count)) return { error: `author count "${count}" is not a number; expected "• N authors"` };
    if (Number(count) < 1) return { error: `author count ${count} is not possible; expected "• N authors" with N at least 1` };
    return { byline: { kind: 'authors', count: Number(count) } };
  }
  if (isBylineShaped(text)) return { error: `expected "• N authors", found "${clip(text)}"` };
  const [handle, ...words] = text.split(/\s+/u);
  const name = words.join(' ');
  if (!HANDLE.test(handle!) || words.length > MAX_NAME_WORDS || name.length > MAX_NAME_LENGTH || NOT_A_NAME.test(name)) {
    return {
      error: `the byline is missing: expected "• N authors" or an organisation line (a handle and a short name) before "·", found "${clip(text)}"`,
    };
  }
  return { byline: { kind: 'organization', handle: handle!, name: name || handle! } };
}
