import { href } from '../lib/shared/base.ts';
import { formatDate } from '../lib/shared/format.ts';
import { paths } from '../lib/shared/paths.ts';
import { bucketOf, bucketPath, readBucket, type BucketEntry, type RelatedBucket } from '../lib/similar/buckets.ts';
import { MAX_STARRED_USED, rankSimilar, type Suggestion } from '../lib/similar/rank.ts';
import { readShelf, SHELF_KEY } from '../lib/similar/shelf.ts';
import { similarStatus } from '../lib/similar/status.ts';

/**
 * The "more like your shelf" page's shell (src/pages/shelf/similar.astro): reads the shelf, fetches the buckets of the
 * starred papers' related lists (at most MAX_STARRED_USED, each once a page), ranks (src/lib/similar/rank.ts) and draws
 * the list; again whenever the shelf changes in another tab. The service worker keeps each bucket it fetched, so the
 * page works offline once visited.
 */
export function showSimilar(root: HTMLElement): void {
  const count = Number(root.dataset.buckets);
  const status = root.querySelector<HTMLElement>('#similar-status')!;
  const list = root.querySelector<HTMLOListElement>('#similar-list')!;
  // A bucket fetched is kept for the page's life; one that failed is asked again at the next change of the shelf.
  const fetched = new Map<number, Promise<RelatedBucket | undefined>>();
  const bucket = (n: number) => {
    let answer = fetched.get(n);
    if (!answer) {
      answer = fetch(href(bucketPath(n)))
        .then((response) => (response.ok ? response.json() : undefined))
        .then(readBucket, () => undefined);
      fetched.set(n, answer);
      void answer.then((found) => found ?? fetched.delete(n));
    }
    return answer;
  };
  let drawn = 0;
  const draw = async () => {
    const turn = ++drawn;
    const shelf = readShelf(localStorage.getItem(SHELF_KEY));
    const used = shelf.starred.slice(0, MAX_STARRED_USED);
    const buckets = await Promise.all(used.map((paper) => bucket(bucketOf(paper.slug, count))));
    // A newer change of the shelf started its own drawing meanwhile.
    if (turn !== drawn) return;
    const lists = new Map<string, readonly BucketEntry[]>();
    let unreachable = 0;
    used.forEach((paper, i) => {
      const found = buckets[i];
      if (!found) unreachable++;
      else lists.set(paper.slug, found.related[paper.slug] ?? []);
    });
    const exclude = new Set([...shelf.read, ...shelf.starred.map((paper) => paper.slug)]);
    const suggestions = rankSimilar(used, lists, exclude);
    list.replaceChildren(...suggestions.map(card));
    list.hidden = suggestions.length === 0;
    status.textContent = similarStatus({ starred: shelf.starred.length, used: used.length, unreachable, suggestions: suggestions.length });
    status.hidden = false;
    root.dataset.state = 'ready';
  };
  void draw();
  // Another tab starred or read a paper (null: it cleared the storage).
  window.addEventListener('storage', (event) => {
    if (event.key === SHELF_KEY || event.key === null) void draw();
  });
}

/**
 * One suggestion as a card of the catalog's lists (PaperCard.astro's classes): its title, its date, and the starred
 * paper it is most like. Text is set as text, never as markup: titles come from digests.
 */
function card(suggestion: Suggestion): HTMLLIElement {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]>, ...children: (Node | string)[]) => {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  };
  const { because, alsoBecause } = suggestion;
  return element(
    'li',
    { className: 'card' },
    element('h2', { className: 'card-title' }, element('a', { href: href(paths.paper(suggestion.slug)), textContent: suggestion.title })),
    element(
      'p',
      { className: 'meta' },
      element('time', { dateTime: suggestion.date, textContent: formatDate(suggestion.date) }),
      element('span', {}, 'because you starred ', element('a', { href: href(paths.paper(because.slug)), textContent: because.title }), alsoBecause === 0 ? '' : ` and ${alsoBecause} more`),
    ),
  );
}
