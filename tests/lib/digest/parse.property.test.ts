import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SENTENCE_OPENERS } from '../../../src/lib/digest/byline.ts';
import { isMonthName, readDateLine } from '../../../src/lib/digest/date.ts';
import { parseDigest } from '../../../src/lib/digest/parse.ts';
import type { Byline, DigestEntry, LineSpan } from '../../../src/lib/digest/types.ts';
import { anyString } from './arbitraries.ts';
import { accountingErrors } from './invariants.ts';

const TODAY = '2026-11-25';
const DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** The header's lines, which the parser skips before the first paper. */
const HEADER_LINES = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community'];

/** Syntax of the formats a digest's text passes through on its way to a page (MDX, HTML, YAML, Markdown), and invisible marks. */
const HOSTILE = [
  '{', '}', '{process.env.HOME}', '<script>', '</script>', '<img src=x onerror=alert(1)>', 'import x from "y"', 'export const a = 1',
  '---', ': ', 'key: value', '#', '## ', '*', '**', '_', '`', '```', '[a](javascript:1)', '<!--', '-->', '${x}', '\\', '|', '&amp;',
  '>', '- ', '1. ', '\u200F', '\u202E', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u00A0', '\t', '\u2028', '\r\n',
];
/** The digest format's own marks: text may hold them, as long as a whole line is not shaped like one. */
const DIGEST_MARKS = ['•', '·', '• 3 authors', 'Jan 9, 2024', 'Feb 12 3', 'nvidia NVIDIA', 'Daily Papers', 'Apr 13'];

const word = fc.oneof(anyString(12), fc.constantFrom(...HOSTILE, ...DIGEST_MARKS));

/** Whether a line is a date line with a month name, as the format reads one (`Jan 9, 2024 3`). */
function isDateLine(line: string): boolean {
  const date = readDateLine(line);
  return date !== undefined && isMonthName(date.monthName);
}

/**
 * One line of a title or an abstract, constrained only as the format requires:
 * - no line break inside (LF, CR): a digest's lines end there (and nowhere else: U+2028 is text);
 * - trimmed of JavaScript's white space (NBSP, BOM and U+2028 included): the parser trims every line;
 * - not blank: blank lines separate paragraphs;
 * - not starting with "•": such a line is a byline wherever it is;
 * - not "·": the line that follows a byline;
 * - not a date line with a month name: a date where an abstract goes on means that the entry lost its byline.
 */
const textLine = fc
  .array(word, { minLength: 1, maxLength: 6 })
  .map((words) => words.join(' ').replace(/[\r\n]/g, ' ').trim())
  .filter((line) => line !== '' && !line.startsWith('•') && line !== '·' && !isDateLine(line));

/** A title: a text line that is not one of the header's lines, which are skipped before the first paper. */
const title = textLine.filter((line) => !HEADER_LINES.some((header) => header.toLowerCase() === line.toLowerCase()));

/** A paragraph, written wrapped over one to three lines; the parser joins them with a space. */
const paragraph = fc.array(textLine, { minLength: 1, maxLength: 3 });

/**
 * An organisation line as the format defines one: a handle of letters, digits, "-", "_" and "." that starts with a
 * letter or digit and ends with one or "_", and is no word that opens a sentence, then a name of up to ten words, 120
 * characters at most, with no link ("://", "www.") and none of ; ! ?, not ending with : or , (nor, here, with ".",
 * which a name may end with only after an abbreviation); a word holds no white space, which separates words.
 */
const organization = fc
  .record({
    handle: fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,12}[A-Za-z0-9_])?$/).filter((handle) => !SENTENCE_OPENERS.has(handle.toLowerCase())),
    name: fc
      .array(word.map((text) => text.replace(/\s+/gu, '')).filter((text) => text !== ''), { maxLength: 5 })
      .map((words) => words.join(' '))
      .filter((name) => name.length <= 120 && !/:\/\/|\bwww\.|[;!?]|[.:,]$/iu.test(name)),
  })
  .map(({ handle, name }) => ({ written: name ? `${handle} ${name}` : handle, byline: { kind: 'organization', handle, name: name || handle } as Byline }));

const authors = fc
  .record({ count: fc.integer({ min: 1, max: 3000 }), indent: fc.constantFrom('', '  ', '\t'), capital: fc.boolean() })
  .map(({ count, indent, capital }) => ({
    written: `${indent}• ${count} ${capital ? 'A' : 'a'}uthor${count === 1 ? '' : 's'}`,
    byline: { kind: 'authors', count } as Byline,
  }));

/** A month as a digest may write it: "Sep", "September", "Sept", in any case. */
const monthStyle = fc.constantFrom('short', 'full', 'upper', 'lower', 'sept');
function writeMonth(month: number, style: string): string {
  const full = MONTHS[month - 1]!;
  if (style === 'full') return full;
  if (style === 'upper') return full.slice(0, 3).toUpperCase();
  if (style === 'lower') return full.slice(0, 3).toLowerCase();
  if (style === 'sept' && month === 9) return 'Sept';
  return full.slice(0, 3);
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

const paper = fc.record({
  title,
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
  byline: fc.oneof(authors, organization),
  /** How many days before the capture day the paper is dated. */
  daysBefore: fc.integer({ min: 0, max: 8 * 366 }),
  month: monthStyle,
  upvotes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99_999 })),
  /** Blank lines between title and abstract. */
  gap: fc.integer({ min: 0, max: 2 }),
});
type Paper = typeof paper extends fc.Arbitrary<infer T> ? T : never;

const generatedDigest = fc.record({
  capturedOn: fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.parse(TODAY) }).map((time) => iso(time - (time % DAY))),
  papers: fc.array(paper, { maxLength: 6 }),
  header: fc.constantFrom('none', 'date', 'full'),
  stateCapture: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  spacing: fc.integer({ min: 1, max: 2 }),
});
type GeneratedDigest = typeof generatedDigest extends fc.Arbitrary<infer T> ? T : never;

/** A paper's date: ISO, and as the digest writes it (with its year only when that is not the capture year, as Hugging Face does). */
function dateOf(paper: Paper, capturedOn: string): { iso: string; written: string; yearless: boolean } {
  const date = new Date(Date.parse(capturedOn) - paper.daysBefore * DAY);
  const yearless = date.getUTCFullYear() === Number(capturedOn.slice(0, 4));
  const written = `${writeMonth(date.getUTCMonth() + 1, paper.month)} ${date.getUTCDate()}${yearless ? '' : `, ${date.getUTCFullYear()}`}`;
  return { iso: iso(date.getTime()), written: paper.upvotes > 0 ? `${written} ${paper.upvotes}` : written, yearless };
}

/**
 * Writes a digest as Hugging Face lists one, and the lines each paper takes. A capture date is stated when the year
 * after the latest stated year is not the capture year (as an operator must), and sometimes when it is.
 */
function writeDigest(digest: GeneratedDigest): { text: string; spans: LineSpan[]; header?: LineSpan; capturedOn?: string } {
  const lines: string[] = [];
  const [year, month, day] = digest.capturedOn.split('-').map(Number) as [number, number, number];
  if (digest.header === 'full') lines.push(...HEADER_LINES.flatMap((line) => [line, '']));
  if (digest.header !== 'none') lines.push(`${writeMonth(month, 'short')} ${day}`, '');
  const header = lines.length > 0 ? { from: 1, to: lines.length - 1 } : undefined;
  const spans: LineSpan[] = [];
  const stated: number[] = [];
  for (const paper of digest.papers) {
    const date = dateOf(paper, digest.capturedOn);
    if (!date.yearless) stated.push(Number(date.iso.slice(0, 4)));
    const from = lines.length + 1;
    lines.push(paper.title, ...Array<string>(paper.gap).fill(''));
    paper.paragraphs.forEach((wrapped, index) => lines.push(...(index > 0 ? [''] : []), ...wrapped));
    lines.push('', paper.byline.written, '·', date.written);
    spans.push({ from, to: lines.length });
    lines.push(...Array<string>(digest.spacing).fill(''));
  }
  const inferred = stated.length > 0 ? Math.max(...stated) + 1 : undefined;
  const capturedOn = digest.stateCapture || inferred !== year ? digest.capturedOn : undefined;
  const text = (digest.bom ? '\uFEFF' : '') + lines.join(digest.eol) + (digest.finalNewline ? digest.eol : '');
  return { text, spans, header, capturedOn };
}

/** The entries a written digest must parse back to. */
function expectedEntries(digest: GeneratedDigest, spans: LineSpan[], file: string): DigestEntry[] {
  return digest.papers.map((paper, index) => ({
    file,
    line: spans[index]!.from,
    lines: spans[index]!,
    title: paper.title,
    abstract: paper.paragraphs.map((wrapped) => wrapped.join(' ')),
    byline: paper.byline.byline,
    date: dateOf(paper, digest.capturedOn).iso,
    upvotes: paper.upvotes,
  }));
}

describe('parseDigest on any text', () => {
  /** Lines a digest is made of, broken ones too, to reach the parser's paths more often than random text does. */
  const FRAGMENTS = [
    '', '', '  ', '•', '·', ' · ', '• 3 authors', '  • 1 author', '• 0 authors', '• many authors', 'nvidia NVIDIA', 'deepmind',
    'Code and models: https://github.com/x/y', 'Jan 9, 2024', 'Feb 12 3', 'Apr 13', 'Smarch 3, 2025', 'Feb 30, 2025', 'Jan 9, 2204',
    'Dec 1, 2026', 'Feb 29', 'Daily Papers', 'Subscribe', 'A Title', 'An abstract sentence.', '\uFEFF', '---', '<script>',
  ];
  const line = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: anyString(20) });
  const structured = fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 80 })
    .map((parts) => parts.map(([text, eol]) => text + eol).join(''));
  const options = fc.record({
    today: fc.constantFrom(TODAY, '2025-01-01'),
    capturedOn: fc.option(fc.constantFrom('2024-04-13', '2026-04-13', '2026-12-01'), { nil: undefined }),
  });

  test('never throws, loses no line and rejects each entry it read with one problem', () => {
    fc.assert(
      fc.property(fc.oneof(anyString(300), structured), options, (text, { today, capturedOn }) => {
        const parsed = parseDigest(text, { file: 'x.txt', today, capturedOn });
        // Every non-blank line is in the header, an entry, a rejected entry or skipped text; and the spans of entries
        // and rejected entries never overlap, so each entry read is counted once: entries read = published + rejected.
        expect(accountingErrors(text, parsed)).toEqual([]);
        for (const entry of parsed.entries) {
          expect(entry.title).not.toBe('');
          expect(entry.abstract.length).toBeGreaterThan(0);
          expect(entry.date <= today && (!capturedOn || entry.date <= capturedOn)).toBe(true);
        }
        const lines = parsed.problems.map((problem) => problem.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
      }),
    );
  });
});

describe('parseDigest on written digests', () => {
  test('reads back every paper of a written digest, field by field', () => {
    fc.assert(
      fc.property(generatedDigest, (digest) => {
        const { text, spans, header, capturedOn } = writeDigest(digest);
        const parsed = parseDigest(text, { file: 'x.txt', today: TODAY, capturedOn });
        expect(parsed.problems).toEqual([]);
        expect(parsed.entries).toEqual(expectedEntries(digest, spans, 'x.txt'));
        expect(parsed.header).toEqual(header);
        expect(parsed.listedOn).toBe(digest.header === 'none' ? undefined : digest.capturedOn);
        expect(accountingErrors(text, parsed)).toEqual([]);
      }),
    );
  });

  /** Ways an entry is broken in a digest: one of its parts is missing. */
  const damage = fc.constantFrom('byline', 'dot', 'date', 'abstract');

  test('reads the other papers whole when some lose a part, and rejects or reads each damaged one once', () => {
    const damaged = generatedDigest.chain((digest) =>
      fc.tuple(fc.constant(digest), fc.array(fc.option(damage, { nil: undefined }), { minLength: digest.papers.length, maxLength: digest.papers.length })));
    fc.assert(
      fc.property(damaged, ([digest, damages]) => {
        // An organisation line shaped like a date ("Jan 9") reads as a date once its "·" is lost: the damaged paper
        // then hands its date line to the next one, which this property does not model.
        fc.pre(digest.papers.every((paper, index) => damages[index] !== 'dot' || !isDateLine(paper.byline.written)));
        const written = writeDigest({ ...digest, eol: '\n', bom: false });
        const expected = expectedEntries(digest, written.spans, 'x.txt');
        // The lines a damage removes, as [index, count], counted from a paper's span: the date line is its last, "·"
        // and the byline are before it, and the abstract is everything between the title and the byline.
        const removed = (index: number): [number, number] | undefined => {
          const { from, to } = written.spans[index]!;
          const part = damages[index];
          if (part === 'byline') return [to - 3, 1];
          if (part === 'dot') return [to - 2, 1];
          if (part === 'date') return [to - 1, 1];
          if (part === 'abstract') return [from, to - 3 - from];
          return undefined;
        };
        const lines = written.text.split('\n');
        // From the end, so that the lines of the papers before stay where they were written.
        for (let index = digest.papers.length - 1; index >= 0; index--) {
          const cut = removed(index);
          if (cut) lines.splice(...cut);
        }
        const text = lines.join('\n');
        // The capture date is stated: a damaged paper's year must not decide the others'.
        const parsed = parseDigest(text, { file: 'x.txt', today: TODAY, capturedOn: digest.capturedOn });
        const rejected = parsed.problems.filter((problem) => problem.kind === 'entry');
        expect(parsed.entries.length + rejected.length).toBe(digest.papers.length);
        expect(parsed.problems.every((problem) => problem.kind === 'entry')).toBe(true);
        expect(accountingErrors(text, parsed)).toEqual([]);
        let shift = 0;
        digest.papers.forEach((_, index) => {
          if (damages[index] === undefined) {
            const lines = { from: expected[index]!.lines.from - shift, to: expected[index]!.lines.to - shift };
            expect(parsed.entries.find((entry) => entry.line === lines.from)).toEqual({ ...expected[index], line: lines.from, lines });
          }
          shift += removed(index)?.[1] ?? 0;
        });
      }),
    );
  });
});
