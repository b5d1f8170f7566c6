interface ImportMetaEnv {
  /** Papers per shard of the search index, set by the search-index integration (src/lib/search-shards.ts). */
  readonly PAPERSHELF_SHARD_SIZE: number;
}

/** The settings the papershelf integration read once (src/integrations/papershelf.ts). */
declare module 'virtual:papershelf/settings' {
  /** The content folder, absolute: where the ingest wrote the items. */
  export const contentDir: string;
  /** The operator's redirects (content/redirects.yaml): paths below the base, without their leading `/`. */
  export const redirects: { from: string; to: string }[];
}
