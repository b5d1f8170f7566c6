import { hasMark, toggleMark, type Shelf, type ShelfDetails } from '../../lib/shared/shelf.ts';
import { onShelfChange, readShelf, updateShelf } from './store.ts';

/** The marks a card's buttons set, by the button's `data-shelf-action`. */
const MARKS = { star: 'starred', read: 'read' } as const;
type Action = keyof typeof MARKS;

/**
 * What a card's star button carries for the shelf (PaperCard's ShelfButtons): title, year, URL, and authors and
 * arXiv id only when the catalog has them, so starring works from any list, offline, with no catalog to look up.
 */
export function detailsOf(button: HTMLElement): ShelfDetails {
  const { title = '', year, url, authors, arxiv } = button.dataset;
  let names: unknown;
  try {
    names = authors === undefined ? undefined : JSON.parse(authors);
  } catch {
    names = undefined;
  }
  return {
    title,
    ...(year && { year }),
    ...(url && { url }),
    ...(Array.isArray(names) && names.length > 0 && names.every((name) => typeof name === 'string') && { authors: names as string[] }),
    ...(arxiv && { arxiv }),
  };
}

/** Shows the shelf on every card of the page: each button's `aria-pressed`, and the card's marks for the styles. */
export function showShelf(shelf: Shelf, root: ParentNode = document): void {
  for (const card of root.querySelectorAll<HTMLElement>('.card[data-slug]')) {
    const slug = card.dataset.slug!;
    for (const [action, mark] of Object.entries(MARKS)) {
      const on = hasMark(shelf, slug, mark);
      card.toggleAttribute(`data-shelf-${mark}`, on);
      const button = card.querySelector<HTMLButtonElement>(`button[data-shelf-action="${action}"]`);
      if (!button) continue;
      button.setAttribute('aria-pressed', String(on));
      button.hidden = false;
    }
    card.querySelector<HTMLElement>('.shelf-actions')?.removeAttribute('hidden');
  }
}

/** Toggles a card's mark, as its button or its key (`s`, `x`) asks; the details come from the card's star button. */
export function toggleCardMark(card: HTMLElement, action: Action): void {
  const slug = card.dataset.slug;
  const star = card.querySelector<HTMLElement>('button[data-shelf-action="star"]');
  if (!slug || !star) return;
  updateShelf((shelf) => toggleMark(shelf, slug, MARKS[action], detailsOf(star), new Date().toISOString()));
}

/** Wires every card's star and read buttons, now and for cards drawn later (the shelf page's), and keeps them in step. */
export function wireShelfButtons(): void {
  showShelf(readShelf());
  onShelfChange((shelf) => showShelf(shelf));
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-shelf-action]');
    const card = button?.closest<HTMLElement>('.card[data-slug]');
    const action = button?.dataset.shelfAction;
    if (!card || (action !== 'star' && action !== 'read')) return;
    toggleCardMark(card, action);
  });
}
