import { describe, expect, test } from 'vitest';
import { checkShelf, emptyShelf, mergeShelves, parseShelf, starredPapers, toggleMark, type Shelf } from '../../../src/lib/shared/shelf.ts';
import { toBibtex, toJson, toMarkdown } from '../../../src/lib/shared/shelf-export.ts';
import { decodeShare, encodeShare } from '../../../src/lib/shared/shelf-share.ts';
import { dayOfPath, isNewSinceLastVisit, nextVisit, parseVisit } from '../../../src/lib/shared/shelf-visit.ts';

const T1 = '2026-04-13T08:00:00.000Z';
const T2 = '2026-04-14T09:30:00.000Z';

/** A shelf with a paper the API named (authors, arXiv id), one a text digest gave (neither), and one only read. */
const shelf: Shelf = {
  version: 1,
  papers: {
    'cogvlm2-visual-language-models': {
      title: 'CogVLM2: Visual Language Models for Image & Video {Understanding}',
      starred: T1,
      year: '2024',
      url: 'https://papershelf.example.org/papers/cogvlm2-visual-language-models/',
      authors: ['Wenyi Hong', 'Weihan Wang'],
      arxiv: '2408.16500',
    },
    'spiking-diffusion-models': { title: 'Spiking [Diffusion] Models_v2', starred: T2, year: '2025', url: 'https://papershelf.example.org/papers/spiking-diffusion-models/' },
    'only-read': { title: 'Only Read', read: T1, year: '2025', url: 'https://papershelf.example.org/papers/only-read/' },
  },
};

describe('toggleMark', () => {
  test('stars a paper with the time and what the card told, and a second toggle takes the paper off the shelf', () => {
    const details = { title: 'A Paper', year: '2025', url: 'https://x.org/papers/a-paper/' };
    const starred = toggleMark(emptyShelf(), 'a-paper', 'starred', details, T1);
    expect(starred).toEqual({ version: 1, papers: { 'a-paper': { ...details, starred: T1 } } });
    expect(toggleMark(starred, 'a-paper', 'starred', details, T2)).toEqual(emptyShelf());
  });

  test('keeps a paper that is still read when its star goes, with no "starred" key at all', () => {
    const both = toggleMark(toggleMark(emptyShelf(), 'a', 'starred', { title: 'A' }, T1), 'a', 'read', { title: 'A' }, T2);
    expect(both.papers.a).toEqual({ title: 'A', starred: T1, read: T2 });
    const read = toggleMark(both, 'a', 'starred', { title: 'A' }, T2);
    expect(read.papers.a).toEqual({ title: 'A', read: T2 });
    expect(Object.keys(read.papers.a!)).not.toContain('starred');
  });
});

describe('starredPapers', () => {
  test('lists the starred papers only, the newest star first', () => {
    expect(starredPapers(shelf).map(([slug]) => slug)).toEqual(['spiking-diffusion-models', 'cogvlm2-visual-language-models']);
    expect(starredPapers(emptyShelf())).toEqual([]);
  });
});

describe('toBibtex', () => {
  test('writes one @misc a paper with title, year and URL, and authors and eprint only where the shelf has them', () => {
    expect(toBibtex(starredPapers(shelf))).toBe(
      [
        '@misc{spiking-diffusion-models,',
        '  title = {{Spiking [Diffusion] Models\\_v2}},',
        '  year = {2025},',
        '  url = {https://papershelf.example.org/papers/spiking-diffusion-models/},',
        '}',
        '',
        '@misc{cogvlm2-visual-language-models,',
        '  title = {{CogVLM2: Visual Language Models for Image \\& Video \\{Understanding\\}}},',
        '  author = {Wenyi Hong and Weihan Wang},',
        '  year = {2024},',
        '  url = {https://papershelf.example.org/papers/cogvlm2-visual-language-models/},',
        '  eprint = {2408.16500},',
        '  archivePrefix = {arXiv},',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('never invents an author or an eprint for a paper the catalog names neither for', () => {
    const bibtex = toBibtex([['a', { title: 'A', year: '2025', url: 'https://x.org/a/' }]]);
    expect(bibtex).not.toMatch(/author|eprint|archivePrefix/);
  });

  test('escapes what BibTeX reads as markup, so a hostile title stays inside its field', () => {
    const bibtex = toBibtex([['a', { title: 'x}, note = {pwned} % \\input{/etc/passwd}', url: 'https://x.org/a/' }]]);
    expect(bibtex).toContain('title = {{x\\}, note = \\{pwned\\} \\% \\textbackslash{}input\\{/etc/passwd\\}}}');
    expect(bibtex.match(/^ {2}\w+ = /gm)).toEqual(['  title = ', '  url = ']);
  });

  test('gives a shared paper, which carries no address, the address the caller names', () => {
    expect(toBibtex([['a', { title: 'A', starred: T1 }]], (slug) => `https://here.org/papers/${slug}/`)).toContain('url = {https://here.org/papers/a/}');
  });

  test('an empty shelf exports as nothing', () => {
    expect(toBibtex([])).toBe('');
    expect(toMarkdown([])).toBe('');
  });
});

describe('toMarkdown', () => {
  test('writes a list of links with the year, escaping the brackets and markup of a title', () => {
    expect(toMarkdown(starredPapers(shelf))).toBe(
      '- [Spiking \\[Diffusion\\] Models\\_v2](https://papershelf.example.org/papers/spiking-diffusion-models/) (2025)\n' +
        '- [CogVLM2: Visual Language Models for Image & Video {Understanding}](https://papershelf.example.org/papers/cogvlm2-visual-language-models/) (2024)\n',
    );
  });

  test('encodes parentheses and spaces of an address, which would end the link', () => {
    expect(toMarkdown([['a', { title: 'A', url: 'https://x.org/a (b)/' }]])).toBe('- [A](https://x.org/a%20%28b%29/)\n');
  });
});

describe('toJson and parseShelf', () => {
  test('the JSON export reads back as the same shelf', () => {
    expect(parseShelf(toJson(shelf))).toEqual({ ok: true, shelf });
  });

  test('refuses garbage with a message a person can act on, never a stack', () => {
    const cases: [string, RegExp][] = [
      ['not json at all', /not JSON/],
      ['[]', /a shelf is a JSON object/],
      ['null', /a shelf is a JSON object/],
      ['{"version":2,"papers":{}}', /"version" is 2, not 1/],
      ['{"version":1}', /"papers" is not an object/],
      ['{"version":1,"papers":{"../../etc":{"title":"x","starred":"2026-04-13T08:00:00.000Z"}}}', /not a paper's address/],
      ['{"version":1,"papers":{"a":{"starred":"2026-04-13T08:00:00.000Z"}}}', /"a" has no title/],
      ['{"version":1,"papers":{"a":{"title":"A","starred":"yesterday"}}}', /"starred" is not a time/],
      ['{"version":1,"papers":{"a":{"title":"A"}}}', /neither starred nor read/],
      ['{"version":1,"papers":{"a":{"title":"A","read":"2026-04-13T08:00:00.000Z","url":"javascript:alert(1)"}}}', /"url" is not a web address/],
      ['{"version":1,"papers":{"a":{"title":"A","read":"2026-04-13T08:00:00.000Z","authors":"Me"}}}', /"authors" is not a list of names/],
      ['{"version":1,"papers":{"a":{"title":"A","read":"2026-04-13T08:00:00.000Z","arxiv":"<script>"}}}', /"arxiv" is not an arXiv id/],
      ['{"version":1,"papers":{"a":{"title":"A","read":"2026-04-13T08:00:00.000Z","year":2024}}}', /"year" is not a year/],
    ];
    for (const [text, message] of cases) {
      const checked = parseShelf(text);
      expect(checked.ok, text).toBe(false);
      if (!checked.ok) expect(checked.message, text).toMatch(message);
    }
  });

  test('drops fields a shelf does not know', () => {
    const checked = checkShelf({ version: 1, papers: { a: { title: 'A', read: T1, html: '<b>x</b>' } } });
    expect(checked).toEqual({ ok: true, shelf: { version: 1, papers: { a: { title: 'A', read: T1 } } } });
  });

  test('read leniently (storage), a damaged paper is left out and the others kept', () => {
    const checked = checkShelf({ version: 1, papers: { a: { title: 'A', read: T1 }, b: { title: 42 } } }, { strict: false });
    expect(checked).toEqual({ ok: true, shelf: { version: 1, papers: { a: { title: 'A', read: T1 } } } });
  });
});

describe('mergeShelves', () => {
  test("adds the papers the reader lacks and the marks they lack, keeping their own marks and details", () => {
    const own: Shelf = { version: 1, papers: { a: { title: 'A', read: T1 }, b: { title: 'B', starred: T1 } } };
    const other: Shelf = { version: 1, papers: { a: { title: 'A!', starred: T2, arxiv: '2408.16500' }, b: { title: 'B', starred: T2 }, c: { title: 'C', starred: T2 } } };
    expect(mergeShelves(own, other)).toEqual({
      added: 1,
      shelf: { version: 1, papers: { a: { title: 'A', read: T1, starred: T2, arxiv: '2408.16500' }, b: { title: 'B', starred: T1 }, c: { title: 'C', starred: T2 } } },
    });
  });
});

describe('encodeShare and decodeShare', () => {
  test('a share link carries the starred papers without read marks or addresses, and reads back', async () => {
    const fragment = await encodeShare(shelf);
    expect(fragment).toMatch(/^shared=[A-Za-z0-9_-]+$/);
    const { url: _a, ...cogvlm } = shelf.papers['cogvlm2-visual-language-models']!;
    const { url: _b, ...spiking } = shelf.papers['spiking-diffusion-models']!;
    expect(await decodeShare(`#${fragment}`)).toEqual({ ok: true, shelf: { version: 1, papers: { 'spiking-diffusion-models': spiking, 'cogvlm2-visual-language-models': cogvlm } } });
  });

  test('a link cut short, with foreign characters or no shelf, is refused with a message', async () => {
    const fragment = await encodeShare(shelf);
    for (const [hash, message] of [
      [`#${fragment.slice(0, 30)}`, /damaged or cut short/],
      ['#shared=<script>', /characters a shelf link never has/],
      ['#top', /shares no shelf/],
    ] as const) {
      const checked = await decodeShare(hash);
      expect(checked.ok, hash).toBe(false);
      if (!checked.ok) expect(checked.message).toMatch(message);
    }
  });

  test('a link that unpacks into something other than a shelf is refused by the shelf check', async () => {
    const garbage = await encodeShare({ version: 1, papers: {} });
    const stream = new Blob([JSON.stringify({ version: 1, papers: { X: { title: 'x', starred: T1 } } })]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const encoded = Buffer.from(bytes).toString('base64url');
    expect(garbage).toMatch(/^shared=/);
    const checked = await decodeShare(`shared=${encoded}`);
    expect(checked).toEqual({ ok: false, message: expect.stringMatching(/not a paper's address/) });
  });
});

describe('nextVisit', () => {
  const day = (hours: number) => new Date(Date.parse(T1) + hours * 3600_000).toISOString();

  test('a first visit has no baseline: nothing is new, and the newest day shown is remembered', () => {
    const state = nextVisit(undefined, T1, ['2026-04-13', '2026-03-02']);
    expect(state).toEqual({ version: 1, newestSeen: '2026-04-13', lastActive: T1 });
    expect(isNewSinceLastVisit(state, '2026-04-13')).toBe(false);
  });

  test('a visit after a pause marks the days after the newest one seen before it, for the whole visit', () => {
    const first = nextVisit(undefined, T1, ['2026-03-02']);
    const back = nextVisit(first, day(5), ['2026-04-13', '2026-03-02']);
    expect(back.baseline).toBe('2026-03-02');
    expect(isNewSinceLastVisit(back, '2026-04-13')).toBe(true);
    expect(isNewSinceLastVisit(back, '2026-03-02')).toBe(false);
    // A page later in the same visit still shows the day as new, though it has now been seen.
    const later = nextVisit(back, day(5.2), ['2026-04-13']);
    expect(isNewSinceLastVisit(later, '2026-04-13')).toBe(true);
    // The next visit does not.
    expect(isNewSinceLastVisit(nextVisit(later, day(30), []), '2026-04-13')).toBe(false);
  });

  test('reads back what it stored, and takes damage for a first visit', () => {
    const state = nextVisit(nextVisit(undefined, T1, ['2026-03-02']), day(2), ['2026-04-13']);
    expect(parseVisit(JSON.stringify(state))).toEqual(state);
    for (const text of [null, '', 'x', '{}', '{"version":1}', '{"version":1,"lastActive":"never"}']) expect(parseVisit(text), String(text)).toBeUndefined();
  });
});

describe('dayOfPath', () => {
  test("names the day of a digest day's pages and of no other page", () => {
    expect(dayOfPath('digests/2026-04-13/')).toBe('2026-04-13');
    expect(dayOfPath('digests/2026-04-13/page/2/')).toBe('2026-04-13');
    expect(['digests/', 'digests/rss.xml', 'papers/2026-04-13/', ''].map(dayOfPath)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
