interface ImportMetaEnv {
  /** The build's identity, set by the search-index integration; the service worker keeps only this build's pages. */
  readonly PAPERSHELF_BUILD: string;
}
