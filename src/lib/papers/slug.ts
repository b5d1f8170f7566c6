import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/** Longest readable part of a slug, before any identity suffix. */
export const MAX_SLUG_LENGTH = 80;

/** A readable URL slug from a title: ASCII, lower case, at most MAX_SLUG_LENGTH characters, cut at a word boundary. */
export function baseSlug(title: string): string {
  const full = slugify(title, { decamelize: false });
  if (full.length <= MAX_SLUG_LENGTH) return full;
  const cut = full.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : full.slice(0, MAX_SLUG_LENGTH);
}

/** A short, stable suffix derived from a paper's identity key. */
export function identitySuffix(key: string, length = 8): string {
  return createHash('sha256').update(key).digest('hex').slice(0, length);
}

/** A paper that needs a slug: its identity key and its title. */
export interface SlugRequest {
  key: string;
  title: string;
}

/**
 * Gives every paper a slug. Slugs already published (`pinned`, by identity key) never change, and `reserved` slugs
 * (published by items that keep their URL) are never reused. New papers get the readable slug of their title; when
 * that is taken, a suffix derived from their identity, never a counter. The result does not depend on the order of
 * `papers`: new papers claim free slugs in the order of their identity keys.
 */
export function assignSlugs(
  papers: readonly SlugRequest[],
  pinned: ReadonlyMap<string, string>,
  reserved: Iterable<string> = [],
): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set([...pinned.values(), ...reserved]);
  const fresh: SlugRequest[] = [];
  for (const paper of papers) {
    const slug = pinned.get(paper.key);
    if (slug === undefined) fresh.push(paper);
    else slugs.set(paper.key, slug);
  }
  fresh.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const paper of fresh) {
    if (slugs.has(paper.key)) continue; // the same paper listed twice
    // A title with no Latin letters or digits still gets a stable slug.
    const base = baseSlug(paper.title) || `paper-${identitySuffix(paper.key)}`;
    let slug = base;
    for (let length = 8; taken.has(slug); length += 4) slug = `${base}-${identitySuffix(paper.key, length)}`;
    taken.add(slug);
    slugs.set(paper.key, slug);
  }
  return slugs;
}
