import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { papersLoader } from './integrations/papers-loader.ts';
import { SLUG_PATTERN } from './lib/papers/slug.ts';

// The papershelf integration sets this before the collections load, so ingest and Astro read the same folder.
const contentDir = process.env.PAPERSHELF_CONTENT || 'content';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** One item per paper, written by the ingest; the frontmatter holds all digest data, the body holds editors' notes. */
const papers = defineCollection({
  // Data only, unless an editor wrote an MDX body: only those items are compiled.
  loader: papersLoader({ folder: resolve(contentDir, 'papers') }),
  schema: z
    .object({
      title: z.string().min(1),
      slug: z.string().regex(SLUG_PATTERN, 'expected a lower-case ASCII slug'),
      key: z.string().min(1),
      date: isoDate,
      upvotes: z.number().int().nonnegative(),
      authors: z.number().int().positive().optional(),
      organization: z.object({ handle: z.string(), name: z.string() }).optional(),
      topics: z.array(z.string()).min(1),
      code: z.array(z.url({ protocol: /^https?$/ })),
      links: z.array(z.url({ protocol: /^https?$/ })),
      abstract: z.array(z.string()),
      digests: z.array(z.string()),
      generated: z.object({ by: z.string(), digest: z.string(), line: z.number().int() }).optional(),
    })
    .refine((paper) => (paper.authors === undefined) !== (paper.organization === undefined), {
      message: 'expected either an author count or an organisation',
    }),
});

/** The topic vocabulary: id (URL key), name, description, and the terms that assign it. */
const topics = defineCollection({
  loader: file(`${contentDir}/topics.yaml`),
  schema: z.object({ id: z.string().regex(SLUG_PATTERN), name: z.string(), description: z.string(), terms: z.array(z.string()) }),
});

export const collections = { papers, topics };
