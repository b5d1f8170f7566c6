import { commandOfKey } from '../lib/shared/shortcuts.ts';
import { toggleCardMark } from './shelf/cards.ts';

/** Whether the reader is typing: into a text field, a select, or anything editable, where every key is theirs. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target instanceof Element ? target : document.activeElement;
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element as HTMLElement | null)?.isContentEditable === true;
}

/** What the shortcuts act on: the page's search input, the help dialog, and the polite status line that speaks moves. */
export interface ShortcutTargets {
  search: () => HTMLInputElement | null;
  help: HTMLDialogElement | null;
  status: HTMLElement | null;
}

/** The paper cards of the page's lists that the reader can see (a hidden read paper is skipped). */
function visibleCards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('main .card[data-slug]')].filter((card) => card.checkVisibility());
}

/**
 * The page's keys (SHORTCUTS in src/lib/shared/shortcuts.ts): `j`/`k` move through the list's papers, `o` or Enter
 * opens one, `s` stars it, `x` marks it read, `/` searches, `?` shows the keys. None fires while the reader types in
 * a field or holds Ctrl, Alt or Meta, nor while the help is open (Escape closes it, as any modal dialog).
 */
export function wireShortcuts({ search, help, status }: ShortcutTargets): void {
  // The card the reader moved to last: where `j` goes on from when the focus has left it (a click on the page).
  let current: HTMLElement | undefined;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const titleOf = (card: HTMLElement) => card.querySelector('.card-title')?.textContent?.trim() ?? '';
  const currentCard = () => {
    const focused = document.activeElement?.closest<HTMLElement>('main .card[data-slug]');
    if (focused) return focused;
    return current?.isConnected && current.checkVisibility() ? current : undefined;
  };
  const move = (step: 1 | -1) => {
    const cards = visibleCards();
    if (cards.length === 0) return;
    const from = currentCard();
    const index = from === undefined ? (step === 1 ? 0 : cards.length - 1) : Math.min(cards.length - 1, Math.max(0, cards.indexOf(from) + step));
    const card = cards[index]!;
    current = card;
    card.tabIndex = -1;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
    say(`${titleOf(card)}: paper ${index + 1} of ${cards.length}`);
  };
  const mark = (action: 'star' | 'read') => {
    const card = currentCard();
    if (!card) return;
    toggleCardMark(card, action);
    const pressed = card.querySelector(`button[data-shelf-action="${action}"]`)?.getAttribute('aria-pressed') === 'true';
    const words = action === 'star' ? (pressed ? 'Starred' : 'Star taken away') : pressed ? 'Marked read' : 'Marked unread';
    say(`${words}: ${titleOf(card)}`);
  };

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || help?.open) return;
    const command = commandOfKey(event.key);
    if (command === undefined) return;
    // Enter opens a paper only when the card itself has the focus: on a link or a button, Enter is theirs.
    if (event.key === 'Enter' && !document.activeElement?.matches('main .card[data-slug]')) return;
    switch (command) {
      case 'next':
      case 'previous':
        move(command === 'next' ? 1 : -1);
        break;
      case 'open': {
        const link = currentCard()?.querySelector<HTMLAnchorElement>('.card-title a');
        if (!link) return;
        location.assign(link.href);
        break;
      }
      case 'star':
      case 'read':
        mark(command === 'star' ? 'star' : 'read');
        break;
      case 'search': {
        const input = search();
        if (!input) return;
        input.focus();
        input.select();
        break;
      }
      case 'help':
        if (!help) return;
        help.showModal();
        break;
    }
    event.preventDefault();
  });
}
