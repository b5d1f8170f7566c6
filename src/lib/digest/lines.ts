/** One line of a digest: its 1-based number and its text without surrounding spaces. */
export interface Line {
  number: number;
  text: string;
}

/** The line every entry's byline is followed by. */
export const DOT_LINE = '·';

/** Splits text into numbered lines, tolerating a BOM, CRLF or CR line ends and surrounding spaces. */
export function splitLines(text: string): Line[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Splitting on a string is several times faster than on a pattern, and most digests have no CR.
  const raws = withoutBom.includes('\r') ? withoutBom.split(/\r\n|\r|\n/) : withoutBom.split('\n');
  return raws.map((raw, i) => ({ number: i + 1, text: raw.trim() }));
}

/** The index of the first non-blank line at or after `from` (`lines.length` when there is none). */
export function skipBlank(lines: readonly Line[], from: number): number {
  let index = from;
  while (index < lines.length && lines[index]!.text === '') index++;
  return index;
}

/** The number of the last non-blank line before index `end`, or undefined when there is none after index `start`. */
export function lastNonBlank(lines: readonly Line[], start: number, end: number): number | undefined {
  for (let index = Math.min(end, lines.length) - 1; index >= start; index--) {
    if (lines[index]!.text !== '') return lines[index]!.number;
  }
  return undefined;
}

/** A line's text cut to a length that fits in a message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
