import { absoluteHref, href } from '../../lib/shared/base.ts';
import { shortByline } from '../../lib/shared/format.ts';
import { paths } from '../../lib/shared/paths.ts';
import { arxivLink } from '../../lib/papers/arxiv.ts';
import { mergeShelves, parseShelf, starredPapers, type Shelf, type ShelfPaper } from '../../lib/shared/shelf.ts';
import { toBibtex, toJson, toMarkdown, type PaperUrl } from '../../lib/shared/shelf-export.ts';
import { decodeShare, encodeShare } from '../../lib/shared/shelf-share.ts';
import { showShelf } from './cards.ts';
import { onShelfChange, readShelf, writeShelf } from './store.ts';

/** A paper's address: the one the shelf kept, else its page on this site (a shared shelf carries none). */
const paperUrl: PaperUrl = (slug, paper) => paper.url ?? new URL(href(paths.paper(slug)), location.href).href;

/** An element with a class and text, built as text: a shelf's titles and names are never markup. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * One paper of a shelf as a card, as the lists draw it: title linked to its page, year, authors, arXiv link; on the
 * reader's own shelf (`own`) its star and read buttons too, carrying what the shelf keeps, as a list card's do.
 */
function shelfCard(slug: string, paper: ShelfPaper, own: boolean): HTMLLIElement {
  const card = element('li', 'card');
  card.dataset.slug = slug;
  // The reader's own papers sit under the page's title, a shared shelf's under its own heading.
  const head = card.appendChild(element('div', 'card-head'));
  const title = head.appendChild(element(own ? 'h2' : 'h3', 'card-title'));
  const link = title.appendChild(element('a', '', paper.title));
  link.href = href(paths.paper(slug));
  const meta = card.appendChild(element('p', 'meta'));
  if (paper.year) meta.append(element('span', '', paper.year));
  if (paper.authors) meta.append(element('span', '', shortByline({ kind: 'authors', count: paper.authors.length }, paper.authors)));
  if (paper.arxiv) {
    const arxiv = meta.appendChild(element('a', 'badge', 'arXiv'));
    arxiv.href = arxivLink(paper.arxiv, 'arxiv');
    arxiv.rel = 'noopener noreferrer';
    arxiv.setAttribute('aria-label', `arXiv: ${paper.title}`);
  }
  if (own) {
    const actions = head.appendChild(element('span', 'shelf-actions'));
    const star = actions.appendChild(element('button', 'shelf-button'));
    star.append(element('span', 'shelf-label', 'Star'));
    Object.assign(star.dataset, {
      shelfAction: 'star',
      title: paper.title,
      url: paperUrl(slug, paper),
      ...(paper.year && { year: paper.year }),
      ...(paper.authors && { authors: JSON.stringify(paper.authors) }),
      ...(paper.arxiv && { arxiv: paper.arxiv }),
    });
    const read = actions.appendChild(element('button', 'shelf-button'));
    read.append(element('span', 'shelf-label', 'Read'));
    read.dataset.shelfAction = 'read';
    for (const [button, label, hint] of [[star, 'Star', 'Star'], [read, 'Read', 'Mark read']] as const) {
      button.type = 'button';
      button.title = hint;
      button.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-label', `${label}: ${paper.title}`);
    }
  }
  return card;
}

/** Offers text as a file to save, named `name`: made in the browser, sent nowhere. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element('a', '');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the next task is late enough to let the URL go.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * The shelf page: the reader's starred papers (drawn once, so a paper whose star they take away stays until they
 * leave, and their keys keep their place; another tab's change redraws it), the exports, the import and the share
 * link; or, when the address carries a shared shelf, that shelf read-only, with a button to add it to their own.
 */
export function wireShelfPage(root: HTMLElement): void {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const list = $<HTMLOListElement>('#shelf-list');
  const empty = $('#shelf-empty');
  const message = $('#shelf-message');
  const say = (text: string) => (message.textContent = text);

  const draw = (shelf: Shelf) => {
    const starred = starredPapers(shelf);
    list.replaceChildren(...starred.map(([slug, paper]) => shelfCard(slug, paper, true)));
    empty.hidden = starred.length > 0;
    showShelf(shelf, list);
  };
  draw(readShelf());
  onShelfChange((shelf) => {
    // This page's own clicks only change buttons (cards.ts); a new paper from another tab or an import redraws.
    if (starredPapers(shelf).some(([slug]) => !list.querySelector(`.card[data-slug="${slug}"]`))) draw(shelf);
  });

  const exports = {
    bibtex: ['papershelf.bib', 'application/x-bibtex', (shelf: Shelf) => toBibtex(starredPapers(shelf), paperUrl)],
    markdown: ['papershelf.md', 'text/markdown', (shelf: Shelf) => toMarkdown(starredPapers(shelf), paperUrl)],
    json: ['papershelf.json', 'application/json', (shelf: Shelf) => toJson(shelf)],
  } as const;
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
    button.addEventListener('click', () => {
      const [name, type, format] = exports[button.dataset.export as keyof typeof exports];
      download(name, type, format(readShelf()));
    });
  }

  const take = (other: Shelf, from: string) => {
    const { shelf, added } = mergeShelves(readShelf(), other);
    if (!writeShelf(shelf)) return say('This browser refused to keep the shelf: its storage is full or turned off.');
    draw(shelf);
    say(`Added ${added === 1 ? '1 paper' : `${added} papers`} from ${from} to your shelf.`);
  };
  const input = $<HTMLInputElement>('#shelf-import');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    // A shelf file is small: anything past a few megabytes is not one, and is not read.
    const checked = file.size > 10_000_000 ? { ok: false as const, message: 'It is not a shelf: the file is far too large.' } : parseShelf(await file.text());
    input.value = '';
    if (!checked.ok) return say(`${file.name} was not imported. ${checked.message}`);
    take(checked.shelf, file.name);
  });

  const shareButton = $<HTMLButtonElement>('#shelf-share');
  const shareOutput = $<HTMLInputElement>('#shelf-share-link');
  shareButton.addEventListener('click', async () => {
    const shelf = readShelf();
    if (starredPapers(shelf).length === 0) return say('Star a paper first: a share link shares your starred papers.');
    shareOutput.value = new URL(`#${await encodeShare(shelf)}`, absoluteHref(location.origin, paths.shelf())).href;
    shareOutput.closest('label')!.hidden = false;
    shareOutput.select();
    say('Your share link is ready: copy it and send it. It holds your starred papers, and nothing is stored anywhere else.');
  });

  void showShared(root, take);
  window.addEventListener('hashchange', () => void showShared(root, take));
}

/** The shared shelf of the address's fragment, read-only, with the one button that adds it to the reader's shelf. */
async function showShared(root: HTMLElement, take: (shelf: Shelf, from: string) => void): Promise<void> {
  const section = root.querySelector<HTMLElement>('#shelf-shared')!;
  if (location.hash.length <= 1) {
    section.hidden = true;
    return;
  }
  const checked = await decodeShare(location.hash);
  section.hidden = false;
  const lead = root.querySelector<HTMLElement>('#shelf-shared-lead')!;
  const button = root.querySelector<HTMLButtonElement>('#shelf-shared-import')!;
  const list = root.querySelector<HTMLOListElement>('#shelf-shared-list')!;
  if (!checked.ok) {
    lead.textContent = checked.message;
    button.hidden = true;
    list.replaceChildren();
    return;
  }
  const papers = starredPapers(checked.shelf);
  lead.textContent = `Someone shared ${papers.length === 1 ? '1 paper' : `${papers.length} papers`} with you. This list is read-only: it changes nothing on your own shelf unless you add it.`;
  list.replaceChildren(...papers.map(([slug, paper]) => shelfCard(slug, paper, false)));
  button.hidden = false;
  button.onclick = () => take(checked.shelf, 'the shared shelf');
}
