import { readDateLine } from '../../src/lib/digest/date.ts';
import { parseDigest } from '../../src/lib/digest/parse.ts';
import { formatProblem, type ParsedDigest } from '../../src/lib/digest/types.ts';
import { dateInFileName } from '../../src/lib/digest/year.ts';
import { writeDateLine, type SeedFile } from './synthetic.ts';

const DAY = 86_400_000;

/** A real day as saved: its file name carries its date (`real-2024-05-27.txt`), its text is the listing's. */
export interface RealDay {
  name: string;
  text: string;
}

/** A catalog of real text at a given size, and what the daily build adds to it. */
export interface Replica {
  /** The catalog's digests, newest first: real days, then copies of them a year earlier, two years earlier… */
  files: SeedFile[];
  /** How many papers `files` list: the size asked. */
  papers: number;
  /** How many copies the catalog reaches into, the real days themselves being copy 0. */
  copies: number;
  /** The newest real day, as it is: "one more real day" for the daily build, newer than every digest of `files`. */
  nextDay: SeedFile;
  /** How many papers `nextDay` lists. */
  nextDayPapers: number;
}

/**
 * A catalog of `papers` papers made of real days: the newest real day is held out (the daily build's new day), the
 * others are taken newest first, then again as copy 1 (a year earlier), copy 2 (two years earlier) and so on, until
 * the catalog lists `papers` papers; the oldest day taken keeps only its first papers, so that the count is exact.
 * A copy is a distinct paper by the identity rules: its title is marked (" (copy 3)") and every date of its day moves
 * by whole weeks, the nearest to whole years, so that a listing keeps its weekday and a day keeps its real size (one
 * listing day per real day). Throws when a real day does not parse cleanly or its name carries no date.
 */
export function replicateRealDays(days: readonly RealDay[], papers: number): Replica {
  if (!Number.isInteger(papers) || papers < 1) throw new RangeError(`replicateRealDays: papers is ${papers}; expected a whole number of at least 1`);
  const parsed = days.map(parseRealDay).sort((a, b) => a.listedOn.localeCompare(b.listedOn));
  const next = parsed.pop();
  if (!next || parsed.length === 0) throw new Error(`replicateRealDays: ${days.length} real day(s); expected at least 2 (one is held out for the daily build)`);
  const newestFirst = parsed.reverse();
  const files: SeedFile[] = [];
  let count = 0;
  let copy = 0;
  for (; count < papers; copy++) {
    for (const day of newestFirst) {
      if (count >= papers) break;
      const keep = Math.min(day.parsed.entries.length, papers - count);
      files.push(copyDay(day, copy, keep));
      count += keep;
    }
  }
  return { files, papers: count, copies: copy, nextDay: { name: next.name, text: next.text }, nextDayPapers: next.parsed.entries.length };
}

/** How many days copy `copy` moves back: whole weeks, the nearest to `copy` years (copy 5 of 2024-05-27 is 2019-05-27). */
export function shiftOfCopy(copy: number): number {
  return Math.round((copy * 365.2425) / 7) * 7;
}

/**
 * The same day with the abstract of its paper at `index` one sentence longer: "one changed paper", as a digest
 * captured again after the authors revised it.
 */
export function reviseRealAbstract(file: SeedFile, index: number): SeedFile {
  const day = parseRealDay(file);
  const entry = day.parsed.entries[index];
  if (!entry) throw new RangeError(`reviseRealAbstract: ${file.name} has ${day.parsed.entries.length} papers, no paper ${index}`);
  const lines = day.text.split(/\r\n|\r|\n/);
  // The abstract's first line is the first non-blank line after the title.
  let at = entry.line;
  while (lines[at]!.trim() === '') at++;
  lines[at] = `${lines[at]!.trimEnd()} We also report results on three further benchmarks.`;
  return { name: file.name, text: lines.join('\n') };
}

interface ParsedDay extends RealDay {
  /** The listing's day, from the file's name. */
  listedOn: string;
  parsed: ParsedDigest;
}

function parseRealDay(day: RealDay): ParsedDay {
  const listedOn = dateInFileName(day.name);
  if (!listedOn) throw new Error(`${day.name}: a real day's file name must carry its date (real-2024-05-27.txt)`);
  const parsed = parseDigest(day.text, { file: day.name, today: listedOn });
  if (parsed.problems.length > 0) throw new Error(`${day.name} does not parse cleanly:\n${parsed.problems.slice(0, 10).map(formatProblem).join('\n')}`);
  if (parsed.listedOn !== listedOn) throw new Error(`${day.name}: its header lists it on ${parsed.listedOn ?? 'no day'}, its name on ${listedOn}`);
  return { ...day, listedOn, parsed };
}

/**
 * Copy `copy` of a real day, with its first `keep` papers: copy 0 is the day itself; a later copy is named by its
 * moved day, its header and date lines moved with it (a year written only when it is not the listing's, as the listing
 * writes it), each title marked " (copy N)". Abstracts, bylines and upvotes stay as they are.
 */
function copyDay(day: ParsedDay, copy: number, keep: number): SeedFile {
  const lines = day.text.split(/\r\n|\r|\n/);
  const entries = day.parsed.entries.slice(0, keep);
  // Lines are 1-based; a kept day ends with its last kept paper's date line.
  const end = keep < day.parsed.entries.length ? entries.at(-1)!.lines.to : lines.length;
  if (copy === 0) return { name: day.name, text: keep < day.parsed.entries.length ? `${lines.slice(0, end).join('\n')}\n` : day.text };
  const shift = shiftOfCopy(copy);
  const move = (iso: string) => new Date(Date.parse(iso) - shift * DAY).toISOString().slice(0, 10);
  const listedOn = move(day.listedOn);
  const year = Number(listedOn.slice(0, 4));
  const header = day.parsed.header;
  if (header) {
    for (let number = header.from; number <= header.to; number++) {
      const date = readDateLine(lines[number - 1]!);
      if (date && date.upvotes === 0) {
        lines[number - 1] = writeDateLine(listedOn, year, 0);
        break;
      }
    }
  }
  for (const entry of entries) {
    lines[entry.line - 1] = `${lines[entry.line - 1]!.trimEnd()} (copy ${copy})`;
    lines[entry.lines.to - 1] = writeDateLine(move(entry.date), year, entry.upvotes);
  }
  return { name: day.name.replace(day.listedOn, listedOn), text: `${lines.slice(0, end).join('\n')}${end < lines.length ? '\n' : ''}` };
}
