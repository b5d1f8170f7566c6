import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Derived, DerivedFrom } from '../lib/papers/model.ts';

// What the ingest remembers between runs, so a daily run does the day's work: what each paper's text gave it (topics
// and links: a Markdown parse and a vocabulary match per paper) and, for each item it wrote or found up to date, the
// file as it left it and the paper it holds. An item whose file is the same (inode, size, modification and change
// times) and whose paper is the same is up to date without being read or written out again.
//
// A cache is trusted only after it is checked: the memo is one JSON file in the build's cache folder, written whole
// under a temporary name and renamed; it is used only when it parses, has this shape, and was written by the same
// code (a hash of src/lib and the lockfile) for the same vocabulary. Anything else is a full run, which writes a new one.

const FILE = 'papershelf-ingest-memo.json';
const VERSION = 1;

/** An item file as the ingest left it: inode, size, modification and change times, and the hash of its paper. */
type ItemNote = [ino: number, size: number, mtimeMs: number, ctimeMs: number, paper: string];

/** Who an item is, as readItems read it (its lazily read title and abstract left out). */
export interface KnownIdentity {
  generated: boolean;
  slug?: string;
  title?: string;
  paper?: { key: string; slug: string; date: string; arxiv?: string };
}

/** An item file as the ingest last read it, and who it was. */
type IdentityNote = [ino: number, size: number, mtimeMs: number, ctimeMs: number, identity: KnownIdentity];

interface Stored {
  version: number;
  code: string;
  vocabulary: string;
  derived: Record<string, Derived>;
  items: Record<string, ItemNote>;
  identities: Record<string, IdentityNote>;
}

/** The memo of one ingest run: read at its start, saved at its end. */
export interface IngestMemo {
  /** What `text` gives a paper: remembered, or computed now (and remembered). */
  derive(text: DerivedFrom, compute: () => Derived): Derived;
  /** Whether the item at `path` is the file the last run left, holding `paperHash`'s paper. */
  upToDate(path: string, paperHash: string): boolean;
  /** Notes the item at `path`, as it is now, as holding `paperHash`'s paper. */
  note(path: string, paperHash: string): void;
  /** Who the item at `path` (as `stat` found it) is, when it is the file the last run read; else undefined. */
  identity(path: string, stat: FileStamp): KnownIdentity | undefined;
  /** Notes who the item at `path`, as `stat` found it before it was read, is. */
  noteIdentity(path: string, stat: FileStamp, identity: KnownIdentity): void;
  /** Writes what this run used, and nothing else, for the next run. */
  save(): void;
  /** How many papers' text and items came from the memo: for the summary. */
  readonly reused: { derived: number; items: number; identities: number };
}

/** What tells a file from its earlier versions: inode, size, modification and change times. */
export type FileStamp = Pick<import('node:fs').Stats, 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>;

/** The hash of a paper as the ingest would write it. */
export function paperHash(paper: unknown): string {
  return createHash('sha256').update(JSON.stringify(paper)).digest('base64url');
}

const hash = (...parts: string[]) => {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\u0000');
  return digest.digest('base64url');
};

/** Every file below `dir`, sorted, for the code hash. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The code the memo's answers depend on: every module of src/lib (the model, the item writer) and the lockfile. */
function codeHash(): string {
  const lib = new URL('../lib/', import.meta.url).pathname;
  const lock = new URL('../../package-lock.json', import.meta.url).pathname;
  const digest = createHash('sha256');
  for (const file of [...filesBelow(lib), lock]) {
    digest.update(file.slice(lib.length)).update('\u0000');
    try {
      digest.update(readFileSync(file));
    } catch {
      digest.update('(none)');
    }
  }
  return digest.digest('base64url');
}

function readStored(file: string, code: string, vocabulary: string): Stored | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stored>;
    const valid =
      stored.version === VERSION &&
      stored.code === code &&
      stored.vocabulary === vocabulary &&
      typeof stored.derived === 'object' &&
      stored.derived !== null &&
      typeof stored.items === 'object' &&
      stored.items !== null &&
      typeof stored.identities === 'object' &&
      stored.identities !== null;
    return valid ? (stored as Stored) : undefined;
  } catch {
    return undefined;
  }
}

const isDerived = (value: unknown): value is Derived => {
  const derived = value as Partial<Derived> | undefined;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return typeof derived === 'object' && derived !== null && strings(derived.topics) && strings(derived.code) && strings(derived.links);
};

/** Opens the memo of the cache folder `cacheDir` for a run with the vocabulary `vocabularyText`. */
export function openMemo(cacheDir: string, vocabularyText: string): IngestMemo {
  const file = join(cacheDir, FILE);
  const code = codeHash();
  const vocabulary = hash(vocabularyText);
  const previous = readStored(file, code, vocabulary);
  const next: Stored = { version: VERSION, code, vocabulary, derived: {}, items: {}, identities: {} };
  const reused = { derived: 0, items: 0, identities: 0 };
  const sameStamp = (note: unknown[], stat: FileStamp) => note[0] === stat.ino && note[1] === stat.size && note[2] === stat.mtimeMs && note[3] === stat.ctimeMs;
  const noteOf = (path: string, paper: string): ItemNote => {
    const stat = statSync(path);
    return [stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs, paper];
  };
  return {
    reused,
    derive(text, compute) {
      const key = hash(text.title, ...text.abstract);
      const known = previous?.derived[key];
      if (isDerived(known)) {
        reused.derived++;
        next.derived[key] = known;
        return { topics: [...known.topics], code: [...known.code], links: [...known.links] };
      }
      const derived = compute();
      next.derived[key] = derived;
      return derived;
    },
    upToDate(path, paper) {
      const known = previous?.items[path];
      if (!Array.isArray(known) || known[4] !== paper) return false;
      let now: ItemNote;
      try {
        now = noteOf(path, paper);
      } catch {
        return false;
      }
      if (!now.every((value, index) => value === known[index])) return false;
      reused.items++;
      next.items[path] = now;
      return true;
    },
    note(path, paper) {
      next.items[path] = noteOf(path, paper);
    },
    identity(path, stat) {
      const known = previous?.identities[path];
      if (!Array.isArray(known) || !sameStamp(known, stat)) return undefined;
      const identity = known[4];
      if (typeof identity !== 'object' || identity === null || typeof identity.generated !== 'boolean') return undefined;
      reused.identities++;
      next.identities[path] = known;
      return identity;
    },
    noteIdentity(path, stat, identity) {
      next.identities[path] = [stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs, identity];
    },
    save() {
      mkdirSync(cacheDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(next));
      renameSync(temporary, file);
    },
  };
}
