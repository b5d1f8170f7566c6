import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { contentDir, vocabularyFile } from 'virtual:papershelf/settings';
import { file } from 'astro/loaders';
import { papersLoader } from './integrations/papers-loader.ts';
import { digestSchema, paperItemSchema, topicSchema } from './lib/schema.ts';

/** One item per paper, written by the ingest; the frontmatter holds all digest data, the body holds editors' notes. */
const papers = defineCollection({
  // Data only, unless an editor wrote an MDX body: only those items are compiled.
  loader: papersLoader({ folder: resolve(contentDir, 'papers') }),
  schema: paperItemSchema,
});

/** The topic vocabulary: id (URL key), name, description, and the terms that assign it. */
const topics = defineCollection({
  loader: file(vocabularyFile),
  schema: topicSchema,
});

/** The digests, as the ingest wrote them: each one's listing date and papers in its own order. */
const digests = defineCollection({
  loader: file(`${contentDir}/digests.json`),
  schema: digestSchema,
});

export const collections = { papers, topics, digests };
