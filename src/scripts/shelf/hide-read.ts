import type { Shelf } from '../../lib/shared/shelf.ts';
import { onShelfChange, readShelf } from './store.ts';

/**
 * "Hide read papers": a switch on every list that hides the cards the reader marked read (`data-shelf-read`, set by
 * cards.ts) through `<html data-hide-read>`, which the styles read. The choice is kept in this browser. The switch
 * shows once the shelf has a read paper (or read papers are hidden), so a list starts where it did until then.
 */
export const HIDE_READ_KEY = 'papershelf-hide-read';

/** Wires the page's switches: each shows whether read papers are hidden, and switches and remembers the choice. */
export function wireHideRead(buttons: readonly HTMLButtonElement[]): void {
  const show = (hidden: boolean) => {
    document.documentElement.toggleAttribute('data-hide-read', hidden);
    for (const button of buttons) button.setAttribute('aria-pressed', String(hidden));
  };
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(HIDE_READ_KEY);
  } catch {
    // Storage refused: read papers show, and the switch works for this page.
  }
  show(stored === 'hide');
  const offer = (shelf: Shelf) => {
    const wanted = Object.values(shelf.papers).some((paper) => paper.read !== undefined) || document.documentElement.hasAttribute('data-hide-read');
    for (const button of buttons) button.hidden = !wanted;
  };
  offer(readShelf());
  onShelfChange(offer);
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const hidden = button.getAttribute('aria-pressed') !== 'true';
      show(hidden);
      try {
        if (hidden) localStorage.setItem(HIDE_READ_KEY, 'hide');
        else localStorage.removeItem(HIDE_READ_KEY);
      } catch {
        // As above: this page only.
      }
    });
  }
}
