import { clip } from './lines.ts';
import type { Byline } from './types.ts';

const BULLET = '•';
const AUTHORS_LINE = /^•\s*(.*?)\s*\bauthors?$/iu;
/** A Hugging Face handle: letters, digits, "-", "_" and ".", starting and ending with a letter or digit ("_" may end it). */
const HANDLE = /^[\p{L}\p{N}](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?$/u;
/**
 * Enough for "Mila – Quebec Artificial Intelligence Institute" or "The Hong Kong University of Science and Technology";
 * an abstract's last sentence is longer. Words are tokens with a letter or digit: "&", "@" and "–" are not counted.
 */
const MAX_NAME_WORDS = 10;
const MAX_NAME_LENGTH = 120;
/**
 * What an abstract's last line has and an organisation's name does not: a link, or punctuation that ends or joins
 * clauses (";", "!", "?"). Real names have ".", ",", ":", "()", "&", "@" and " - " ("raivn RAIVN: Reasoning, AI, &
 * Vision Lab @ UW", "Cantina Cantina, Inc."), so those say nothing.
 */
const NOT_A_NAME = /:\/\/|\bwww\.|[;!?]|[:,]$/iu;
/**
 * A name may end in "." only after an abbreviation ("Inc.", "Co.", "S.A.", "Ltd."); a line that ends in a full stop
 * after a word ("We release our code.") is a sentence.
 */
const ENDS_IN_ABBREVIATION = /(?:^|[\s,(])(?:\p{Lu}[\p{L}]{0,3}|(?:\p{L}\.)+\p{L}|inc|ltd|co|corp|llc|plc|gmbh|univ|dept|lab|st)\.$/u;
/** Words that begin a sentence and are no organisation's handle: an abstract's last line that lost its byline. */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'we', 'our', 'this', 'these', 'it', 'in', 'on', 'code', 'data', 'see', 'all', 'project', 'available', 'results']);
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
  if (!isOrganizationLine(handle!, words, name)) {
    return {
      error: `the byline is missing: expected "• N authors" or an organisation line (a handle and a short name) before "·", found "${clip(text)}"`,
    };
  }
  return { byline: { kind: 'organization', handle: handle!, name: name || handle! } };
}

/** Whether `<handle> <name>` reads as an organisation line and not as the last line of an abstract that lost its byline. */
function isOrganizationLine(handle: string, words: readonly string[], name: string): boolean {
  if (!HANDLE.test(handle) || SENTENCE_OPENERS.has(handle.toLowerCase())) return false;
  if (words.filter((word) => /[\p{L}\p{N}]/u.test(word)).length > MAX_NAME_WORDS || name.length > MAX_NAME_LENGTH) return false;
  if (NOT_A_NAME.test(name)) return false;
  return !name.endsWith('.') || ENDS_IN_ABBREVIATION.test(name);
}
