import { pathOf } from '../../lib/shared/base.ts';
import { dayOfPath, isNewSinceLastVisit, nextVisit, parseVisit, VISIT_KEY } from '../../lib/shared/shelf-visit.ts';

/** The listing day a link or address leads to, when it is a digest day's page of this site. */
function dayOfUrl(url: string): string | undefined {
  try {
    const { origin, pathname } = new URL(url, location.href);
    return origin === location.origin ? dayOfPath(pathOf(pathname)) : undefined;
  } catch {
    // Not under the base: no day of this site.
    return undefined;
  }
}

/**
 * Marks the digest days new since the reader's last visit: the day this page shows (a notice above its list) and
 * every link to such a day (a "New" tag after it: the home page's newest day, the digests' index, a day's neighbours).
 * Then remembers the newest day the page showed. Only this browser keeps it (VISIT_KEY).
 */
export function markNewDays(): void {
  const here = dayOfUrl(location.href);
  // Not the cards' "also listed on" links, nor this day's own pages: the days the page leads to.
  const links = [...document.querySelectorAll<HTMLAnchorElement>('main a[href]:not(.card a)')].flatMap((link) => {
    const day = dayOfUrl(link.href);
    return day && day !== here ? [{ link, day }] : [];
  });
  let state;
  try {
    state = nextVisit(parseVisit(localStorage.getItem(VISIT_KEY)), new Date().toISOString(), [...links.map(({ day }) => day), ...(here ? [here] : [])]);
    localStorage.setItem(VISIT_KEY, JSON.stringify(state));
  } catch {
    // Storage refused: nothing is remembered, and nothing is new.
    return;
  }
  for (const { link, day } of links) {
    if (!isNewSinceLastVisit(state, day) || link.nextElementSibling?.classList.contains('new-since-visit')) continue;
    const tag = document.createElement('span');
    tag.className = 'new-since-visit';
    tag.append('New', Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ' since your last visit' }));
    link.after(' ', tag);
  }
  const list = document.querySelector('.day-list');
  if (here && list && isNewSinceLastVisit(state, here)) {
    const notice = document.createElement('p');
    notice.className = 'new-since-visit new-day-notice';
    notice.textContent = 'New since your last visit';
    list.before(notice);
  }
}
