// stopword 3 ships no types (its @types package describes version 2): the one list this project reads.
declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: readonly string[];
}
