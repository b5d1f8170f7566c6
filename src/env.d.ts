interface ImportMetaEnv {
  /** Papers per shard of the search index, set by the search-index integration (src/lib/search-shards.ts). */
  readonly PAPERSHELF_SHARD_SIZE: number;
}
