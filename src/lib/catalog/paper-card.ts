import { formatDate, formatUpvotes, shortByline, summarize } from '../shared/format.ts';
import { arxivLinks, type ArxivLink } from '../papers/arxiv.ts';
import type { Paper } from '../papers/model.ts';

/** What a paper card shows, every value ready to render: the card itself decides nothing. */
export interface PaperCard {
  slug: string;
  title: string;
  /** `YYYY-MM-DD`, for `<time datetime>`. */
  date: string;
  /** `9 January 2024`. */
  dateLabel: string;
  /** "3 authors", "Wenyi Hong and 35 others" when the authors are named, or the organisation's name. */
  byline: string;
  /** The paper on arXiv (abstract, PDF) and Hugging Face, when its arXiv id is known. */
  arxiv?: ArxivLink[];
  /** "12 upvotes"; absent when the paper has none, so a zero takes no room. */
  upvotes?: string;
  /** The first code repository, for the card's "Code" badge; absent when the paper names none. */
  code?: string;
  /** The paper's topics, best match first, with their names. */
  topics: readonly { slug: string; label: string }[];
  teaser: string;
  /** The whole abstract, a paragraph an entry: a day list opens it in place. */
  abstract: readonly string[];
  /** What a day's sort orders by (src/scripts/day-sort.ts), as the card's data attributes. */
  sortData: { 'data-upvotes': string; 'data-code': 'yes' | 'no' };
  /** What the reader's shelf keeps when the paper is starred (src/scripts/shelf/): authors and id only when known. */
  shelf: ShelfCardData;
}

/** What a card's star button carries for the shelf, as attribute values: the year, the authors as JSON, the arXiv id. */
export interface ShelfCardData {
  year: string;
  /** The authors' names as a JSON array; absent when the catalog names no authors, so none is ever invented. */
  authors?: string;
  arxiv?: string;
}

/**
 * The card of one paper in a list: title, date, byline, topics, a code badge when it has code, arXiv, PDF and Hugging
 * Face badges when its arXiv id is known, upvotes when any.
 */
export function paperCard(paper: Pick<Paper, 'slug' | 'title' | 'date' | 'byline' | 'upvotes' | 'code' | 'abstract' | 'arxiv' | 'authorNames'> & { topicLinks: PaperCard['topics'] }): PaperCard {
  return {
    slug: paper.slug,
    title: paper.title,
    date: paper.date,
    dateLabel: formatDate(paper.date),
    byline: shortByline(paper.byline, paper.authorNames),
    ...(paper.arxiv !== undefined && { arxiv: arxivLinks(paper.arxiv) }),
    ...(paper.upvotes > 0 && { upvotes: formatUpvotes(paper.upvotes) }),
    ...(paper.code.length > 0 && { code: paper.code[0] }),
    topics: paper.topicLinks,
    teaser: summarize(paper.abstract),
    abstract: paper.abstract,
    sortData: { 'data-upvotes': String(paper.upvotes), 'data-code': paper.code.length > 0 ? 'yes' : 'no' },
    shelf: {
      year: paper.date.slice(0, 4),
      ...(paper.authorNames !== undefined && paper.authorNames.length > 0 && { authors: JSON.stringify(paper.authorNames) }),
      ...(paper.arxiv !== undefined && { arxiv: paper.arxiv }),
    },
  };
}
