/**
 * The day lists' card view: compact (the default, and what a page shows without JavaScript) or roomy. The choice is
 * kept in localStorage and set on `<html data-cards>`, which the styles read; CardViewToggle.astro applies it before
 * the list is drawn, so a roomy reader sees no compact flash.
 */
export const CARD_VIEW_KEY = 'papershelf-cards';

/**
 * The page's inline script, run before the list is drawn so a roomy reader sees no compact flash; its hash joins the
 * page's Content-Security-Policy (CardViewToggle.astro).
 */
export const CARD_VIEW_EARLY = `try{if(localStorage.getItem(${JSON.stringify(CARD_VIEW_KEY)})==="roomy")document.documentElement.dataset.cards="roomy"}catch{}`;

/** The two views; compact is the default. */
export type CardView = 'compact' | 'roomy';

/** The view a stored value stands for: anything but "roomy" (nothing stored, storage refused) is compact. */
export function cardViewOf(stored: string | null | undefined): CardView {
  return stored === 'roomy' ? 'roomy' : 'compact';
}

/** Wires the toggle buttons: each shows whether roomy cards are on, and switches and remembers the view. */
export function wireCardViewToggles(buttons: readonly HTMLButtonElement[]): void {
  const show = (view: CardView) => {
    document.documentElement.dataset.cards = view;
    for (const button of buttons) button.setAttribute('aria-pressed', String(view === 'roomy'));
  };
  show(cardViewOf(document.documentElement.dataset.cards));
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const view: CardView = button.getAttribute('aria-pressed') === 'true' ? 'compact' : 'roomy';
      show(view);
      try {
        localStorage.setItem(CARD_VIEW_KEY, view);
      } catch {
        // Storage refused (a private window's quota): the view still switches, for this page.
      }
    });
  }
}
