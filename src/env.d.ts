/** The settings the papershelf integration read once (src/integrations/papershelf.ts): the one way they reach pages. */
declare module 'virtual:papershelf/settings' {
  /** The content folder, absolute: where the ingest wrote the items. */
  export const contentDir: string;
  /** The topic vocabulary's file, absolute (`<content>/topics.yaml`). */
  export const vocabularyFile: string;
  /** Papers per shard of the search index (src/lib/shared/search-shards.ts): the search page merges the shards. */
  export const shardSize: number;
  /** The operator's redirects (content/redirects.yaml): paths below the base, without their leading `/`. */
  export const redirects: { from: string; to: string }[];
}
