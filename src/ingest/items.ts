import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readItemIdentity } from '../lib/mdx/read.ts';
import type { Paper, PublishedPaper } from '../lib/papers/model.ts';
import { fileError, type Problem } from './problems.ts';
import type { IngestMemo, KnownIdentity } from './memo.ts';

// What the papers folder holds, as far as the ingest is concerned: published items, slugs taken, unreadable items.

/** An item of the papers folder that publishes a paper. */
export interface PublishedItem {
  path: string;
  /** Whether the ingest generated it; an item without `generated` is an editor's, and never written. */
  generated: boolean;
  paper: PublishedPaper;
}

/** An item the ingest cannot read: its file name's slug, and the key its text seems to state, if any. */
export interface UnreadableItem {
  stem: string;
  key?: string;
  /** Why a paper that may be this item's is held back. */
  reason: string;
}

/** What the papers folder holds, as far as the ingest is concerned. */
export interface Items {
  /** Items that publish a paper, by slug. */
  published: Map<string, PublishedItem>;
  /** Slugs no new paper may take: every file's name, and every slug an item states. */
  reserved: Set<string>;
  unreadable: UnreadableItem[];
  /** Slugs stated by two items, with why their paper is held back. */
  clashes: Map<string, string>;
}

/**
 * Reads every item of the papers folder. An item it cannot read, or two items with one slug, is a problem; the files
 * stay as they are, and their slugs stay taken. Keeps no item's text: at 100,000 items that is hundreds of megabytes,
 * and the few items asked for their abstract are read again.
 */
export function readItems(papersDir: string, files: readonly string[], where: (path: string) => string, problems: Problem[], memo?: Pick<IngestMemo, 'identity' | 'noteIdentity'>): Items {
  const items: Items = { published: new Map(), reserved: new Set(), unreadable: [], clashes: new Map() };
  const slugOwners = new Map<string, string>();
  for (const name of files.filter((file) => file.endsWith('.mdx')).sort()) {
    const path = join(papersDir, name);
    const stem = name.slice(0, -'.mdx'.length);
    items.reserved.add(stem);
    let text: string | undefined;
    let identity: KnownIdentity | undefined;
    try {
      // An item that is the file the last run read is who it was then: not read again (memo.ts).
      const stat = memo && statSync(path);
      identity = stat && memo.identity(path, stat);
      if (!identity) {
        text = readItem(path);
        identity = readItemIdentity(text);
        if (stat) memo.noteIdentity(path, stat, { generated: identity.generated, slug: identity.slug, title: identity.title, paper: identity.paper && plainPaper(identity.paper) });
      }
    } catch (error) {
      if (text === undefined) throw fileError(error as NodeJS.ErrnoException, where(path), 'read');
      const line = (error as { line?: number }).line ?? 1;
      const message = `${(error as Error).message}; the ingest leaves this item as it is until it can be read`;
      problems.push({ file: where(path), line, kind: 'item', message });
      items.unreadable.push({ stem, key: /^key: "([^"\\]*)"\s*$/m.exec(text)?.[1], reason: `its item ${where(path)} may be this paper's, and cannot be read (line ${line})` });
      continue;
    }
    if (identity.slug !== undefined) {
      items.reserved.add(identity.slug);
      const owner = slugOwners.get(identity.slug);
      if (owner !== undefined) {
        const message = `has the slug "${identity.slug}" of ${owner}; one URL cannot show two items: give one of them another slug, or merge them`;
        problems.push({ file: where(path), line: 1, kind: 'item', message });
        items.clashes.set(identity.slug, `two items state its slug "${identity.slug}": ${owner} and ${where(path)}`);
        continue;
      }
      slugOwners.set(identity.slug, where(path));
    }
    if (identity.paper) {
      const { title } = identity;
      const paper = { key: identity.paper.key, slug: identity.paper.slug, date: identity.paper.date, ...(identity.paper.arxiv !== undefined && { arxiv: identity.paper.arxiv }) };
      // The few items asked for their title or abstract are read and parsed again, once each: no text is kept before.
      let full: NonNullable<ReturnType<typeof readItemIdentity>['paper']> | undefined;
      const whole = () => (full ??= readItemIdentity(readItem(path)).paper!);
      items.published.set(paper.slug, { path, generated: identity.generated, paper: { ...paper, title: () => title ?? whole().title(), abstract: () => whole().abstract() } });
    }
  }
  return items;
}

/** A published paper's identity without its lazily read parts, as the memo keeps it. */
function plainPaper(paper: NonNullable<KnownIdentity['paper']>): NonNullable<KnownIdentity['paper']> {
  return { key: paper.key, slug: paper.slug, date: paper.date, ...(paper.arxiv !== undefined && { arxiv: paper.arxiv }) };
}

/** Whether a paper with no item yet may be the paper of an item the ingest cannot read: by its key, or its slug. */
export function mayBeItemOf(item: UnreadableItem, paper: Paper): string | undefined {
  const suffixed = paper.slug.startsWith(`${item.stem}-`) && /^[0-9a-f]{8,}$/.test(paper.slug.slice(item.stem.length + 1));
  return item.key === paper.key || suffixed ? item.reason : undefined;
}

/**
 * The text of an item. Read synchronously: an item is a few kilobytes, almost always in the page cache, and an
 * asynchronous read (a file handle and four trips to the thread pool) costs several times as much, 100,000 times over.
 */
export function readItem(path: string): string {
  return readFileSync(path, 'utf8');
}
