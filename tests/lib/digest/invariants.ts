import type { LineSpan, ParsedDigest } from '../../../src/lib/digest/types.ts';

/** The numbers of a text's non-blank lines, split as a digest is (LF, CRLF or CR; a BOM and surrounding spaces dropped). */
export function nonBlankLines(text: string): number[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return lines.flatMap((line, index) => (line.trim() === '' ? [] : [index + 1]));
}

/**
 * What breaks "nothing is ever lost", as readable strings (empty when nothing does):
 * - a non-blank line in no span: not in the header, no entry, no rejected entry, no `text` or `file` problem;
 * - a line in two spans of entries or rejected entries (each entry read is published or rejected, once);
 * - a rejected entry or skipped text without a span, or a span outside the text.
 */
export function accountingErrors(text: string, parsed: ParsedDigest): string[] {
  const errors: string[] = [];
  const count = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
  const reads: LineSpan[] = [...parsed.entries.map((entry) => entry.lines)];
  const skipped: LineSpan[] = [];
  for (const problem of parsed.problems) {
    if (problem.kind === 'entry') reads.push(problem.lines);
    else if (problem.kind === 'text' || problem.kind === 'file') {
      if (problem.lines) skipped.push(problem.lines);
      else errors.push(`${problem.kind} problem at line ${problem.line} names no lines`);
    }
  }
  const all = [...(parsed.header ? [parsed.header] : []), ...reads, ...skipped];
  for (const span of all) {
    if (!(span.from >= 1 && span.from <= span.to && span.to <= count)) errors.push(`span ${span.from}-${span.to} is not within lines 1-${count}`);
  }
  const sorted = [...reads].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.from <= sorted[i - 1]!.to) errors.push(`entries ${sorted[i - 1]!.from}-${sorted[i - 1]!.to} and ${sorted[i]!.from}-${sorted[i]!.to} overlap`);
  }
  for (const line of nonBlankLines(text)) {
    if (!all.some((span) => span.from <= line && line <= span.to)) errors.push(`line ${line} is in no entry, header or problem`);
  }
  return errors;
}
