/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides that reorder what a terminal shows: what a message
 * must never write raw, since a digest's text could recolour, move or hide what the operator reads.
 */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to print in a terminal or a log: every unsafe character as a visible `\u{…}` escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
}
