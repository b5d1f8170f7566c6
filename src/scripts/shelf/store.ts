import { emptyShelf, parseShelf, SHELF_KEY, type Shelf } from '../../lib/shared/shelf.ts';

// The shelf in this browser's localStorage, under SHELF_KEY: the one key every page and the shelf page read and write.
// Nothing is sent anywhere. Storage belongs to the site's origin, not to a build, so the shelf survives every new build.

/** The event this module fires on `window` when the shelf changes in this page (another tab's change is `storage`). */
const CHANGED = 'papershelf-shelf-change';

/** The stored shelf; an empty one when nothing is stored, storage is refused, or what is stored is no shelf. */
export function readShelf(): Shelf {
  let text: string | null = null;
  try {
    text = localStorage.getItem(SHELF_KEY);
  } catch {
    return emptyShelf();
  }
  if (text === null) return emptyShelf();
  // Leniently: a damaged paper is left out, the rest kept.
  const checked = parseShelf(text, { strict: false });
  return checked.ok ? checked.shelf : emptyShelf();
}

/** Stores the shelf and tells this page's listeners; false when storage refused it (a private window's quota). */
export function writeShelf(shelf: Shelf): boolean {
  try {
    localStorage.setItem(SHELF_KEY, JSON.stringify(shelf));
  } catch {
    return false;
  }
  window.dispatchEvent(new Event(CHANGED));
  return true;
}

/** Changes the shelf as it is stored now (another tab may have changed it since this page read it). */
export function updateShelf(change: (shelf: Shelf) => Shelf): Shelf {
  const next = change(readShelf());
  writeShelf(next);
  return next;
}

/** Calls `listener` with the shelf whenever it changes, in this page or in another tab of the site. */
export function onShelfChange(listener: (shelf: Shelf) => void): void {
  window.addEventListener(CHANGED, () => listener(readShelf()));
  window.addEventListener('storage', (event) => {
    if (event.key === SHELF_KEY || event.key === null) listener(readShelf());
  });
}
