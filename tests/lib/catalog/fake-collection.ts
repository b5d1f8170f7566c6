import type { PaperEntry } from '../../../src/lib/catalog/papers.ts';
import type { Topic } from '../../../src/lib/papers/topics.ts';
import type { DigestData, PaperItemData } from '../../../src/lib/schema.ts';

// A fake of the three collections as plain arrays: what getCollection gives the catalog, without Astro.

/** A topic of the vocabulary. */
export const topic = (id: string, name: string): Topic => ({ id, name, description: `About ${name.toLowerCase()}.`, terms: [] });

/** A small vocabulary with its catch-all. */
export const VOCABULARY: Topic[] = [topic('language-models', 'Language models'), topic('vision', 'Vision'), topic('other', 'Other')];

/** An item of content/papers/ named `slug`, with the data given over plain defaults; `body` is the editors' MDX. */
export function item(slug: string, data: Partial<PaperItemData> = {}, body = ''): PaperEntry {
  return {
    id: slug,
    data: {
      title: `Paper ${slug}`,
      slug,
      key: slug,
      date: '2026-01-10',
      upvotes: 0,
      authors: 3,
      topics: ['language-models'],
      code: [],
      links: [],
      abstract: [`The abstract of ${slug}.`],
      digests: ['001.txt'],
      ...data,
    },
    body,
    filePath: `content/papers/${slug}.mdx`,
  };
}

/** A digest of content/digests.json: its file, its listing date (null: none stated) and its papers by slug. */
export const digest = (id: string, listedOn: string | null, papers: string[]): DigestData => ({ id, listedOn, papers });
