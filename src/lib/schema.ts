import { z } from 'astro/zod';
import { ARXIV_ID } from './digest/api.ts';
import type { Byline } from './digest/types.ts';

// The one description of each shape the catalog stores: the content collections, the ingest's checks and the types
// all come from these schemas. Adding a field is one edit here.

const TERMS = 'expected terms, a list of words and phrases';

/** What every URL key is: lower-case ASCII words joined by hyphens (paper slugs, topic ids). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The topic every paper that matches no term goes to: the vocabulary must have it. */
export const OTHER_TOPIC = 'other';

/** A topic of the controlled vocabulary, as `content/topics.yaml` lists it. */
export const topicSchema = z.object({
  /** The URL key, `/topics/<id>/`. */
  id: z.string().regex(SLUG_PATTERN, 'expected an id of lower-case words joined by hyphens'),
  /** Lists of topics join names with ", " (search results, feeds), so a name has no comma. */
  name: z.string({ error: 'expected a name' }).refine((name) => !name.includes(','), 'expected a name without a comma (lists of topics join names with ", ")'),
  description: z.string({ error: 'expected a description' }),
  /** Words and phrases that assign the topic; empty for the catch-all topic. */
  terms: z.array(z.string({ error: TERMS }), { error: TERMS }),
});
export type Topic = z.infer<typeof topicSchema>;

/** The whole vocabulary: topics with distinct ids, the catch-all among them. */
export const vocabularySchema = z
  .array(topicSchema, { error: 'expected a list of topics, each with id, name, description and terms' })
  .superRefine((topics, context) => {
    const seen = new Set<string>();
    topics.forEach((topic, index) => {
      if (seen.has(topic.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `the id "${topic.id}" is used twice` });
      seen.add(topic.id);
    });
    if (!seen.has(OTHER_TOPIC)) context.addIssue({ code: 'custom', path: [], message: `expected a topic with the id "${OTHER_TOPIC}", where papers that match no term go` });
  });

/** What is wrong with a topic vocabulary, in one line naming the topic, or undefined when nothing is. */
export function vocabularyProblem(data: unknown): string | undefined {
  const result = vocabularySchema.safeParse(data);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  const [index, field] = issue.path;
  if (typeof index !== 'number') return issue.message;
  const id = (data as { id?: unknown }[])[index]?.id;
  const topic = `topic ${index + 1}${typeof id === 'string' && field !== 'id' ? ` ("${id}")` : ''}`;
  return `${topic}: ${issue.message}`;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const webUrl = z.url({ protocol: /^https?$/ });

/**
 * The frontmatter of a paper's item: the digest data the ingest writes (`generated` says it did), plus any key an
 * editor adds. An item without `generated` is an editor's, and the ingest never writes it.
 */
export const itemSchema = z
  .object({
    title: z.string().min(1),
    slug: z.string().regex(SLUG_PATTERN, 'expected a lower-case ASCII slug'),
    /** The identity key of the title (see papers/identity.ts). */
    key: z.string().min(1),
    date: isoDate,
    upvotes: z.number().int().nonnegative(),
    authors: z.number().int().positive().optional(),
    organization: z.object({ handle: z.string(), name: z.string() }).optional(),
    /** The arXiv id (`2405.15738`), when a digest states it: the Daily Papers API's answer does, a copied page does not. */
    arxiv: z.string().regex(ARXIV_ID, 'expected an arXiv id such as 2405.15738').optional(),
    /** The authors' names in order, hidden authors left out, when a digest names them (the API's answer does). */
    authorNames: z.array(z.string().min(1)).optional(),
    /** Topic ids, best match first. */
    topics: z.array(z.string()).min(1),
    code: z.array(webUrl),
    links: z.array(webUrl),
    abstract: z.array(z.string()),
    /** Every digest that lists the paper, oldest first. */
    digests: z.array(z.string()),
    generated: z.object({ by: z.string(), digest: z.string(), line: z.number().int() }).optional(),
  })
  .refine((paper) => (paper.authors === undefined) !== (paper.organization === undefined), {
    message: 'expected either an author count or an organisation',
  });
export type ItemData = z.infer<typeof itemSchema>;

/** A byline as an item states it: an author count or an organisation. The one conversion each way (see bylineOf). */
export function bylineFields(byline: Byline): Pick<ItemData, 'authors' | 'organization'> {
  return byline.kind === 'authors' ? { authors: byline.count } : { organization: { handle: byline.handle, name: byline.name } };
}

/** The byline an item's `authors` or `organization` states. */
export function bylineOf(data: Pick<ItemData, 'authors' | 'organization'>): Byline {
  return data.organization ? { kind: 'organization', handle: data.organization.handle, name: data.organization.name } : { kind: 'authors', count: data.authors! };
}

/**
 * Keys an editor sets that the catalog reads; the ingest never writes them (they are not generated keys).
 * `merged_into` merges this item's paper into another item's: this item's URL then leads there, and it is no longer
 * a paper of its own.
 */
export const editorKeysShape = {
  merged_into: z.string().regex(SLUG_PATTERN, 'expected the slug of the item this paper was merged into').optional(),
};

/** An item as the content collection reads it: the generated keys and the editors' keys the catalog uses. */
export const paperItemSchema = itemSchema.safeExtend(editorKeysShape);
export type PaperItemData = z.infer<typeof paperItemSchema>;

/**
 * A digest as the catalog shows it, written by the ingest to `content/digests.json`: its file, the listing's date
 * when the digest states one, and its papers by slug in the digest's own order.
 */
export const digestSchema = z.object({
  /** The digest's file name, `000_b521cd4bf3e07176.txt`. */
  id: z.string().min(1),
  /** The listing's date, `YYYY-MM-DD`, or null when the digest states none. */
  listedOn: isoDate.nullable(),
  /**
   * The year given to the digest's year-less dates, recorded the first time it was ingested (absent when the digest
   * has none): a re-ingest a year later reads its dates as they were read then.
   */
  year: z.number().int().optional(),
  papers: z.array(z.string().regex(SLUG_PATTERN)),
});
export type DigestData = z.infer<typeof digestSchema>;
