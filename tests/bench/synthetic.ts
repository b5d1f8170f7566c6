import { parseDigest, sidecarName } from '../../src/lib/digest/parse.ts';
import { formatProblem, type DigestEntry } from '../../src/lib/digest/types.ts';
import { identityKey } from '../../src/lib/papers/identity.ts';
import { coinName, writeAbstract, writeTitle } from './prose.ts';
import { createRandom, type Random } from './random.ts';
import { ORGANIZATIONS, THEMES } from './words.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;
/** The listing's header, as the seed digest has it, before the listing's (year-less) date. */
const HEADER = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n';
/** The last synthetic digest's day: the seed digest's capture day. Later digests (see `extra`) follow it. */
const LAST_DAY = Date.UTC(2026, 3, 13);

/** One generated paper, as its digest will list it. */
export interface SyntheticPaper {
  title: string;
  abstract: string[];
  /** The byline exactly as written: `  • 4 authors` or an organisation line. */
  byline: string;
  /** ISO date of the paper. */
  date: string;
  upvotes: number;
  /** The theme the words came from (a topic id of content/topics.yaml). */
  theme: string;
}

/** One generated digest: a day's listing of papers. */
export interface SyntheticDigest {
  name: string;
  /** The listing's day, ISO. */
  capturedOn: string;
  papers: SyntheticPaper[];
}

/** A file to write into the seeds folder. */
export interface SeedFile {
  name: string;
  text: string;
}

/** What to generate: `papers` spread over digests of `perDigest`, then `extra` more digests for rebuild runs. */
export interface SyntheticOptions {
  papers: number;
  seed: number;
  perDigest?: number;
  extra?: number;
}

/**
 * Deterministic synthetic digests: one a day on consecutive days ending on the seed's capture day, each listing
 * papers dated up to eight years back, with varied titles, lengths, bylines, upvotes, code links and the seed's
 * hostile text. Every paper's title is distinct under the ingest's identity rule, so no two papers merge.
 */
export function generateDigests(options: SyntheticOptions): { digests: SyntheticDigest[]; extra: SyntheticDigest[] } {
  const { papers, seed, perDigest = 50, extra = 0 } = options;
  const random = createRandom(seed);
  const count = Math.ceil(papers / perDigest);
  const firstDay = LAST_DAY - (count - 1) * DAY;
  const seen = new Set<string>();
  const all = Array.from({ length: count + extra }, (_, index) => {
    const size = index < count ? Math.min(perDigest, papers - index * perDigest) : perDigest;
    const day = firstDay + index * DAY;
    return {
      name: `${String(index + 1).padStart(5, '0')}_${random.hex(16)}.txt`,
      capturedOn: iso(day),
      papers: Array.from({ length: size }, () => generatePaper(random, day, seen)),
    };
  });
  return { digests: all.slice(0, count), extra: all.slice(count) };
}

/** The same digest with one more sentence in the abstract of its paper at `index`: "one changed paper". */
export function reviseAbstract(digest: SyntheticDigest, index: number): SyntheticDigest {
  const papers = digest.papers.map((paper, i) =>
    i === index ? { ...paper, abstract: [`${paper.abstract[0]} We also report results on three further benchmarks.`, ...paper.abstract.slice(1)] } : paper);
  return { ...digest, papers };
}

/**
 * The files of a digest: its text and, when the year of its year-less dates cannot be inferred from the text (the
 * year after its latest explicit year), a capture-date sidecar, as an operator would add one.
 */
export function renderDigest(digest: SyntheticDigest): SeedFile[] {
  const year = Number(digest.capturedOn.slice(0, 4));
  const explicit = digest.papers.map((paper) => Number(paper.date.slice(0, 4))).filter((y) => y !== year);
  const blocks = digest.papers.map((paper) =>
    `${paper.title}\n\n${paper.abstract.join('\n\n')}\n\n${paper.byline}\n·\n${writeDateLine(paper.date, year, paper.upvotes)}\n`);
  const files = [{ name: digest.name, text: `${HEADER}${writeDateLine(digest.capturedOn, year, 0)}\n\n${blocks.join('\n')}` }];
  const inferred = explicit.length > 0 ? Math.max(...explicit) + 1 : undefined;
  if (inferred !== year) files.push({ name: sidecarName(digest.name), text: `captured: ${digest.capturedOn}\n` });
  return files;
}

/**
 * A date line as the listing writes it in a listing of `listingYear`: `May 24`, its year only when it is another
 * (`Dec 28, 2023`), then its upvotes when it has any (`May 24 32`).
 */
export function writeDateLine(iso: string, listingYear: number, upvotes: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}${y === listingYear ? '' : `, ${y}`}${upvotes > 0 ? ` ${upvotes}` : ''}`;
}

/**
 * Parses the rendered digests with the real parser and returns their entries; throws, naming every problem, when any
 * digest has a problem or an entry does not read back as the paper that was generated.
 */
export function parseGenerated(digests: readonly SyntheticDigest[]): DigestEntry[] {
  const entries: DigestEntry[] = [];
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const digest of digests) {
    const [text, sidecar] = renderDigest(digest);
    const parsed = parseDigest(text!.text, { file: digest.name, capturedOn: sidecar ? digest.capturedOn : undefined, today: '2026-11-25' });
    problems.push(...parsed.problems.map(formatProblem));
    if (parsed.listedOn !== digest.capturedOn) problems.push(`${digest.name}: listed on ${parsed.listedOn}, generated for ${digest.capturedOn}`);
    if (parsed.entries.length !== digest.papers.length) problems.push(`${digest.name}: ${parsed.entries.length} entries parsed, ${digest.papers.length} generated`);
    parsed.entries.forEach((entry, i) => {
      const paper = digest.papers[i];
      if (paper && (entry.title !== paper.title || entry.date !== paper.date || entry.abstract.join('\n') !== paper.abstract.join('\n'))) {
        problems.push(`${digest.name}:${entry.line}: read back as "${entry.title}" ${entry.date}, generated as "${paper.title}" ${paper.date}`);
      }
      const key = identityKey(entry.title);
      if (keys.has(key)) problems.push(`${digest.name}:${entry.line}: title "${entry.title}" is a second paper with the identity "${key}"`);
      keys.add(key);
    });
    entries.push(...parsed.entries);
  }
  if (problems.length > 0) {
    throw new Error(`the generated digests do not parse cleanly (${problems.length} problems):\n${problems.slice(0, 40).join('\n')}`);
  }
  return entries;
}

/** One paper listed on `day`, with a title no earlier paper has (by identity key). */
function generatePaper(random: Random, day: number, seen: Set<string>): SyntheticPaper {
  const theme = random.weighted(THEMES);
  const other = theme.topic === 'other' ? theme : random.chance(0.6) ? random.weighted(THEMES) : theme;
  const hostileTitle = random.chance(0.02);
  let title: string;
  let name: string;
  do {
    name = coinName(random, theme);
    title = writeTitle(random, { theme, other, name }, hostileTitle);
  } while (seen.has(identityKey(title)));
  seen.add(identityKey(title));
  const abstract = writeAbstract(random, { theme, other, name }, { sentence: random.chance(0.04), paragraph: random.chance(0.02) });
  return { title, abstract, byline: byline(random), date: iso(day - daysBack(random) * DAY), upvotes: upvotes(random), theme: theme.topic };
}

/** How long before its listing a paper appeared: mostly within the year, some up to eight years. */
function daysBack(random: Random): number {
  return random.weighted<() => number>([
    [() => random.int(0, 365), 45],
    [() => random.int(366, 4 * 365), 35],
    [() => random.int(4 * 365 + 1, 8 * 365), 20],
  ])();
}

/** An author count shaped like the listing's (mostly 2–8, a long tail to 100), or an organisation now and then. */
function byline(random: Random): string {
  if (random.chance(0.08)) return random.pick(ORGANIZATIONS);
  const count = random.weighted<() => number>([
    [() => random.int(1, 1), 4],
    [() => random.int(2, 8), 70],
    [() => random.int(9, 15), 18],
    [() => random.int(16, 40), 7],
    [() => random.int(41, 120), 1],
  ])();
  return `  • ${count} authors`;
}

/** Upvotes: none for most papers, a few for many, hundreds for a handful. */
function upvotes(random: Random): number {
  return random.weighted<() => number>([[() => 0, 60], [() => random.int(1, 9), 30], [() => random.int(10, 99), 8], [() => random.int(100, 600), 2]])();
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
