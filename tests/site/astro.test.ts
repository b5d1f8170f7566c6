import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_SIZE } from '../../src/lib/shared/paths.ts';
import { readOfflineFiles } from '../../src/search/offline/write-worker.ts';
import { INLINE_SCRIPTS } from '../../src/lib/site/inline-scripts.ts';
import { buildSite, createFixtureSite, repoRoot, runIngest, siteEnv, yearDigest, type FixtureSite } from '../helpers/fixture-site.ts';
import { readDump } from '../helpers/dump.ts';

// Astro writes <root>/.astro/ in every build and dev server, so the tests that run it share this one file and run in turn.
// One real `astro build` of the fixture digests (tests/fixtures/site/seeds plus 30 filler papers, enough to
// paginate), deployed under the subpath /shelf/; every test reads the same dist.
const BASE = '/shelf/';
let site: FixtureSite;
let www: string;
let dist: string;
let build: { code: number; output: string };

/** What an editor writes below an item's frontmatter: Markdown and MDX. */
const EDITORS_NOTE = "\nAn editor's note with **bold words** and {2 + 3} things.\n";
let ingested: { code: number; output: string };

beforeAll(async () => {
  site = await createFixtureSite({ fillers: 30 });
  www = join(site.dir, 'www');
  dist = join(www, 'shelf');
  // Ingest first, so an editor can write notes in one item before the build.
  ingested = await runIngest(site);
  await appendFile(join(site.contentDir, 'papers/spiking-diffusion-models.mdx'), EDITORS_NOTE);
  build = await buildSite(site, dist, { PAPERSHELF_BASE: BASE, PAPERSHELF_SITE: 'https://catalog.example.org', PAPERSHELF_NEW_CATALOG: '1' });
}, 240_000);

async function htmlFiles(dir = dist): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}
async function page(path: string): Promise<HTMLElement> {
  return parse(await readFile(join(dist, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8'));
}
const text = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, ' ').trim();
/** The value of a paper page's fact, by its label (`<dt>`). */
function fact(doc: HTMLElement, label: string): string | undefined {
  const term = doc.querySelectorAll('.facts dt').find((dt) => text(dt) === label);
  return text(term?.nextElementSibling ?? null);
}

describe('astro build of the fixture catalog', () => {
  test('succeeds and reports the ingest summary', () => {
    expect(ingested.code, ingested.output).toBe(0);
    expect(ingested.output).toContain('digests read: 4');
    expect(ingested.output).toContain("entries read: 37 = 36 papers written + 0 held back + 1 merged into another listing's paper + 0 rejected");
    expect(ingested.output).toContain('papers: 36 new, 0 changed, 0 unchanged');
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('papers: 0 new, 0 changed, 36 unchanged');
  });

  test("renders an editor's MDX notes on the paper's page, and no notes where none were written", async () => {
    const notes = (await page('papers/spiking-diffusion-models')).querySelector('.notes');
    expect(text(notes?.querySelector('h2') ?? null)).toBe('Notes');
    // Markdown with typographic quotes, and the MDX expression evaluated.
    expect(text(notes?.querySelector('p') ?? null)).toBe('An editor’s note with bold words and 5 things.');
    expect(text(notes?.querySelector('strong') ?? null)).toBe('bold words');
    expect((await page('papers/minmo-a-multimodal-large-language-model-for-seamless-voice-interaction')).querySelector('.notes')).toBeNull();
  });

  test('publishes one page per paper', async () => {
    // papers/index.html and papers/page/ are the list of all papers.
    const papers = (await readdir(join(dist, 'papers'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'page').map((entry) => entry.name).sort();
    expect(papers).toHaveLength(36);
    expect(papers).toContain('spiking-diffusion-models');
  });

  test('renders a paper page with every field, links and metadata', async () => {
    const doc = await page('papers/spiking-diffusion-models');
    expect(text(doc.querySelector('h1'))).toBe('Spiking diffusion models');
    expect(text(doc.querySelector('title'))).toBe('Spiking diffusion models · Papershelf');
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(/^A newer copy of the abstract/);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://catalog.example.org/shelf/papers/spiking-diffusion-models/');
    expect(fact(doc, 'Published')).toBe('29 August 2024');
    expect(fact(doc, 'Authors')).toBe('7 authors');
    expect(fact(doc, 'Upvotes')).toBe('12 upvotes');
    // Facts once: no second list of them, and no internal file name.
    expect(doc.querySelectorAll('.facts')).toHaveLength(1);
    expect(text(doc.querySelector('main'))).not.toContain('002_second.txt');
    expect(doc.querySelectorAll('.paper-link-code').map((a) => [a.getAttribute('href'), a.getAttribute('rel')])).toEqual([['https://github.com/AndyCao1125/SDM', 'noopener noreferrer']]);
    const code = doc.querySelectorAll('.abstract a');
    expect(code.map((a) => [a.getAttribute('href'), a.getAttribute('rel')])).toEqual([['https://github.com/AndyCao1125/SDM', 'noopener noreferrer']]);
    expect(text(doc.querySelector('.abstract'))).toContain('https://github.com/AndyCao1125/SDM.');
    const topics = doc.querySelectorAll('.chips a').map((a) => a.getAttribute('href'));
    expect(topics).toContain('/shelf/topics/spiking-neuromorphic/');
  });

  test('describes a paper page to search engines and link previews: JSON-LD ScholarlyArticle, OpenGraph, Twitter card', async () => {
    const doc = await page('papers/spiking-diffusion-models');
    const url = 'https://catalog.example.org/shelf/papers/spiking-diffusion-models/';
    const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    const article = JSON.parse(blocks[0]!.textContent);
    expect(article).toMatchObject({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle', name: 'Spiking diffusion models', datePublished: '2024-08-29', url, codeRepository: 'https://github.com/AndyCao1125/SDM' });
    expect(article.abstract).toMatch(/^A newer copy of the abstract/);
    expect(article.keywords).toContain('Spiking and neuromorphic computing');
    // No invented data: the digest names no authors.
    expect(article).not.toHaveProperty('author');
    expect(doc.querySelectorAll('meta[name^="citation_"]')).toHaveLength(0);
    const meta = (attribute: string, name: string) => doc.querySelector(`meta[${attribute}="${name}"]`)?.getAttribute('content');
    expect([meta('property', 'og:type'), meta('property', 'og:url'), meta('property', 'og:title'), meta('name', 'twitter:card'), meta('name', 'twitter:title')]).toEqual(['article', url, 'Spiking diffusion models', 'summary', 'Spiking diffusion models']);
    // A title with </script> cannot end the block: the page's JSON-LD still reads back as the title.
    const hostile = await page('papers/reasoning-with-think-tags-and-friends');
    const raw = hostile.querySelector('script[type="application/ld+json"]')!.textContent;
    expect(raw).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(raw).name).toBe('Reasoning with <think> Tags & Friends');
  });

  test("links a paper's related papers under the base path, outside the search index", async () => {
    const related = (await page('papers/spiking-diffusion-models')).querySelector('.related-papers');
    expect(text(related?.querySelector('h2') ?? null)).toBe('Related papers');
    expect(related?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(related?.querySelectorAll('a').map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['/shelf/papers/cachequant-comprehensively-accelerated-diffusion-models/', 'CacheQuant: Comprehensively Accelerated Diffusion Models'],
    ]);
    // Thirty fillers with one abstract: each lists five others, never itself.
    const filler = (await page('papers/filler-paper-number-1')).querySelectorAll('.related-papers a').map((a) => a.getAttribute('href'));
    expect(filler).toHaveLength(5);
    expect(filler).not.toContain('/shelf/papers/filler-paper-number-1/');
  });

  test('keeps abstract paragraphs and shows an organisation instead of an author count', async () => {
    const minmo = await page('papers/minmo-a-multimodal-large-language-model-for-seamless-voice-interaction');
    expect(minmo.querySelectorAll('.abstract p')).toHaveLength(2);
    expect(minmo.querySelector('.abstract a')?.getAttribute('href')).toBe('https://funaudiollm.github.io/minmo');
    const nemotron = await page('papers/nemotron-flash-towards-latency-optimal-hybrid-small-language-models');
    expect(fact(nemotron, 'Organisation')).toBe('NVIDIA (nvidia)');
    expect(fact(nemotron, 'Published')).toBe('12 February 2026');
  });

  test('shows hostile digest text literally and runs none of it', async () => {
    const files = await htmlFiles();
    const hostile = files.find((file) => file.includes('reasoning-with-think-tags'))!;
    const html = await readFile(hostile, 'utf8');
    const doc = parse(html);
    expect(text(doc.querySelector('h1'))).toBe('Reasoning with <think> Tags & Friends');
    const abstract = text(doc.querySelector('.abstract'))!;
    for (const literal of [
      'export const x = process.exit(1)',
      'import fs from "node:fs"',
      '{process.env.HOME}',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'An unclosed < bracket',
      '$\\mathcal{O}(k)$',
      '86\\%',
      '{rm H{small A}SP{small E}R}',
      '(<4B parameters) and (>30 seconds) and ASR -> LLM',
    ]) {
      expect(abstract).toContain(literal);
    }
    expect(doc.querySelectorAll('.abstract script, .abstract img, .abstract think')).toHaveLength(0);
    const other = await page('papers/export-default-function-layout-return-null');
    expect(text(other.querySelector('.abstract'))).toContain('<Component prop={globalThis.process.exit(2)} />');
    expect(fact(other, 'Organisation')).toBe('<b>org</b> (evil)');
    // No digest text becomes an element or a handler; the only scripts are the site's own modules and its own inline
    // scripts, byte for byte (src/lib/site/inline-scripts.ts).
    for (const file of files) {
      const parsed = parse(await readFile(file, 'utf8'));
      expect(parsed.querySelectorAll('img, iframe, object, think, b, Component'), relative(dist, file)).toHaveLength(0);
      expect(parsed.querySelectorAll('[onerror], [onload], [onclick]'), relative(dist, file)).toHaveLength(0);
      for (const script of parsed.querySelectorAll('script')) {
        // JSON-LD is data, never run: it must parse as JSON whatever the digest says.
        if (script.getAttribute('type') === 'application/ld+json') {
          expect(() => JSON.parse(script.textContent), relative(dist, file)).not.toThrow();
          continue;
        }
        if (INLINE_SCRIPTS.includes(script.textContent)) continue;
        expect(['module', 'text/pagefind-template'], relative(dist, file)).toContain(script.getAttribute('type'));
        expect(script.textContent).not.toMatch(/alert|process\.exit|process\.env/);
      }
    }
  });

  test('lists every topic with its description and count, and shows a list of less than two pages whole, newest first', async () => {
    const topics = await page('topics');
    expect(text(topics)).toContain('Spiking and neuromorphic computing (1)');
    expect(text(topics)).toContain('Papers that no term of the other topics matches.');
    // 31 papers: one whole page and 6, which the front shows together (pages are numbered from the oldest).
    const other = await page('topics/other');
    expect(other.querySelectorAll('.paper-list > li')).toHaveLength(31);
    expect(text(other.querySelector('.lead'))).toContain('31 papers, newest first.');
    expect(other.querySelector('nav[aria-label="Pages"]')).toBeNull();
    const dates = other.querySelectorAll('.paper-list time').map((time) => time.getAttribute('datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('groups papers by author count and organisation', async () => {
    const authors = text(await page('authors'));
    expect(authors).toContain('1 author (1)');
    expect(authors).toContain('2 authors (30)');
    expect(authors).toContain('Organisations (2)');
    expect(text((await page('authors/organization')).querySelector('.paper-list'))).toContain('Nemotron-Flash');
    expect((await page('authors/7')).querySelectorAll('.paper-list > li')).toHaveLength(1);
  });

  test('groups papers by year and month', async () => {
    const dates = text(await page('dates'));
    expect(dates).toContain('2025 (');
    expect(dates).toContain('March (');
    expect((await page('dates/2024')).querySelectorAll('.paper-list > li')).toHaveLength(1);
    const march = await page('dates/2025/03');
    expect(text(march.querySelector('h1'))).toBe('Papers of March 2025');
    expect(march.querySelectorAll('.paper-list > li').length).toBeGreaterThan(25);
    expect(march.querySelector('a[rel="next"]')).toBeNull();
  });

  test("has a home page with the count, the newest digest's papers and the ways in, and a 404 page", async () => {
    const home = await page('');
    expect(text(home.querySelector('.lead'))).toContain('A catalog of 36 papers');
    // The newest listing day first, in its digests' order (content/digests.json, newest date first).
    const digests: { listedOn: string | null; papers: string[] }[] = JSON.parse(await readFile(join(site.contentDir, 'digests.json'), 'utf8'));
    const newest = digests.map((digest) => digest.listedOn).filter((date) => date !== null).sort().at(-1)!;
    const papers = [...new Set(digests.filter((digest) => digest.listedOn === newest).flatMap((digest) => digest.papers))];
    expect(home.querySelectorAll('.paper-list h3 a').map((a) => a.getAttribute('href'))).toEqual(papers.map((slug) => `/shelf/papers/${slug}/`));
    expect(home.querySelector('#newest a')?.getAttribute('href')).toBe(`/shelf/digests/${newest}/`);
    expect(text(await page('404.html'))).toContain('Page not found');
  });

  test('indexes exactly the paper pages for search; a first visit keeps the shell, the manifest lists the whole index and every paper\'s copy', async () => {
    const entry = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(36);
    // The worker is handed its settings as the build read them: a first visit keeps the shell and the entry file.
    const worker = await readFile(join(dist, 'sw.js'), 'utf8');
    const { settings } = await readOfflineFiles(dist, '/shelf/');
    const precache = settings.precache.map((entry) => entry.url);
    expect(precache).toEqual(expect.arrayContaining(['/shelf/search/', '/shelf/pagefind/pagefind-entry.json']));
    for (const url of precache) expect(worker).toContain(JSON.stringify(url));
    // Word chunks and result fragments are fetched when a search needs them, or when a reader keeps the catalog.
    expect(precache.filter((path) => /\/(fragment|index)\//.test(path))).toEqual([]);
    expect(worker).not.toContain('pagefind-ui.js');
    const manifest = JSON.parse(await readFile(join(dist, 'offline-manifest.json'), 'utf8')) as { files: [string, number, string][] };
    const listed = manifest.files.map(([path]) => path);
    expect(listed.some((path) => /^\/shelf\/pagefind\/fragment\/[^/]+\.pf_fragment$/.test(path))).toBe(true);
    expect(listed.some((path) => /^\/shelf\/pagefind\/index\/[^/]+\.pf_index$/.test(path))).toBe(true);
    // Every paper's offline copy is listed too, none precached: together the files hold each paper once.
    const copies = listed.filter((path) => path.startsWith('/shelf/offline/'));
    expect(copies).toEqual((await readdir(join(dist, 'offline'))).map((name) => `/shelf/offline/${name}`).sort());
    expect(precache.filter((path) => path.startsWith('/shelf/offline/'))).toEqual([]);
    const held = await Promise.all(copies.map(async (path) => JSON.parse(gunzipSync(await readFile(join(dist, path.slice(BASE.length)))).toString('utf8')) as { slug: string }[]));
    const dump = await readDump(dist);
    expect(held.flat().map((copy) => copy.slug).sort()).toEqual(dump.all.map((paper) => paper.slug).sort());
  });

  test('sends a Content-Security-Policy with no inline code it did not hash, and WebAssembly on the search page only', async () => {
    const cspOf = async (path: string) => (await page(path)).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    const search = await cspOf('search');
    expect(search).toContain("default-src 'self'");
    expect(search).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+;/);
    expect(search).not.toContain('unsafe-inline');
    const paper = await cspOf('papers/spiking-diffusion-models');
    expect(paper).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
    expect(paper).not.toContain('wasm-unsafe-eval');
  });

  test('links only to pages that exist, all under the base path', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: 'shelf/',
      serverRoot: www,
      recurse: true,
      // Only the site's own pages: the local server is localhost or 127.0.0.1.
      linksToSkip: ['^https?://(?!localhost|127\\.0\\.0\\.1)'],
    });
    const broken = result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.url} (from ${link.parent})`);
    expect(broken).toEqual([]);
    // The crawl reached every page but the 404 page and the redirects from old URLs, which nothing links to.
    const reached = new Set(result.links.filter((link) => link.state === 'OK').map((link) => new URL(link.url, 'http://localhost/').pathname.replace(/\/?$/, '/')));
    const redirects = (await Promise.all((await htmlFiles()).map((file) => readFile(file, 'utf8')))).filter((html) => html.includes('http-equiv="refresh"'));
    expect(reached.size).toBeGreaterThanOrEqual((await htmlFiles()).length - 1 - redirects.length);
    for (const file of await htmlFiles()) {
      for (const anchor of parse(await readFile(file, 'utf8')).querySelectorAll('a[href^="/"], link[href^="/"]')) {
        expect(anchor.getAttribute('href')).toMatch(/^\/shelf\//);
      }
    }
  }, 60_000);

  test('writes valid, accessible HTML', async () => {
    // Paper titles are as long as their authors made them.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const problems: string[] = [];
    for (const file of await htmlFiles()) {
      const report = await validator.validateFile(file);
      for (const result of report.results) for (const message of result.messages) problems.push(`${relative(dist, file)}:${message.line}: ${message.ruleId} ${message.message}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('astro build of a year with more pages than a year has months, all listed on one day', () => {
  // 330 papers in 2023, all in one digest of 2 January 2024: 12 numbered pages of 25 and a front of 30, while October
  // to December have lists of their own; and a listing day of 14 pages, which the home page shows one page of.
  let out: string;
  let built: { code: number; output: string };
  const doc = async (path: string) => parse(await readFile(join(out, path, 'index.html'), 'utf8'));
  beforeAll(async () => {
    const busy = await createFixtureSite({ digests: [] });
    await writeFile(join(busy.seedsDir, '001_busy-year.txt'), yearDigest(330, 2023));
    out = join(busy.dir, 'dist');
    built = await buildSite(busy, out);
  }, 180_000);

  test('gives every year page and every month list its own URL, and keeps the old year-page URLs working', async () => {
    expect(built.code, built.output).toBe(0);
    expect(built.output).not.toMatch(/conflicts with|Could not render/);

    // Every paper is on exactly one year page: the front holds the newest 30 (a whole page and 5), pages 12 down to 1
    // the others, 25 each, page 1 the oldest. Pages 10 to 12 are year pages, not months.
    const listed: string[] = [];
    for (let n = 13; n >= 1; n--) {
      const yearPage = await doc(n === 13 ? 'dates/2023' : `dates/2023/page/${n}`);
      expect(text(yearPage.querySelector('h1'))).toBe('Papers of 2023');
      const hrefs = yearPage.querySelectorAll('.paper-list h2 a').map((a) => a.getAttribute('href')!);
      expect(hrefs).toHaveLength(n === 13 ? 30 : 25);
      listed.push(...hrefs);
    }
    expect(listed).toHaveLength(330);
    expect(new Set(listed).size).toBe(330);
    expect(existsSync(join(out, 'dates/2023/page/13'))).toBe(false);
    const front = await doc('dates/2023');
    expect(front.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/dates/2023/page/12/');
    expect(text(front.querySelector('.lead'))).toContain('330 papers, newest first.');
    const ninth = await doc('dates/2023/page/9');
    expect(ninth.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/dates/2023/page/8/');
    expect(ninth.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/dates/2023/page/10/');
    expect(text(ninth.querySelector('.lead'))).toContain("Page 9, counted from the oldest: the list's papers 201 to 225, newest first.");
    expect(text(ninth.querySelector('h1'))).toBe('Papers of 2023');
    expect((await doc('dates/2023/page/12')).querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/dates/2023/');
    // Only the front names the months.
    expect(front.querySelector('ul[aria-label="Months"]')).not.toBeNull();
    expect(ninth.querySelector('ul[aria-label="Months"]')).toBeNull();
    expect(text((await doc('dates/2023/10')).querySelector('h1'))).toBe('Papers of October 2023');
    expect(text((await doc('dates/2023/12')).querySelector('h1'))).toBe('Papers of December 2023');

    // Year pages were once published as dates/2023/<n>/: those URLs lead to the page of that number.
    const moved = await doc('dates/2023/2');
    expect(moved.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/dates/2023/page/2/');
    expect(moved.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://papershelf.example.org/dates/2023/page/2/');
    expect(moved.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(moved.querySelector('a')?.getAttribute('href')).toBe('/dates/2023/page/2/');
    expect((await doc('dates/2023/9')).querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/dates/2023/page/9/');
  });

  test("shows one page of the newest day on the home page, with a link to the rest, however long the day", async () => {
    expect(built.code, built.output).toBe(0);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const home = parse(html);
    const shown = home.querySelectorAll('.paper-list h3 a').map((a) => a.getAttribute('href'));
    // The first page of the day, in the digest's order (not by date: paper 1 is of January, paper 2 of February).
    expect(shown).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => `/papers/year-paper-number-${i + 1}/`));
    expect(text(home.querySelector('#newest .count'))).toBe('330 papers');
    const rest = home.querySelectorAll('.more a').find((a) => text(a) === 'All 330 papers of 2 January 2024 →');
    expect(rest?.getAttribute('href')).toBe('/digests/2024-01-02/');
    // Bounded: the home page of a catalog of any size stays well under 100 KB gzipped.
    expect(gzipSync(html).length).toBeLessThan(100_000);
  });

  test("paginates the day in the digest's order: the first page at the day's URL, the rest under page/", async () => {
    const listed: string[] = [];
    for (let n = 1; n <= 14; n++) {
      const dayPage = await doc(n === 1 ? 'digests/2024-01-02' : `digests/2024-01-02/page/${n}`);
      expect(text(dayPage.querySelector('h1'))).toBe('Papers of 2 January 2024');
      expect(text(dayPage.querySelector('nav[aria-label="Pages"] .pagination-where'))).toBe(`Page ${n} of 14`);
      listed.push(...dayPage.querySelectorAll('.paper-list h2 a').map((a) => a.getAttribute('href')!));
    }
    expect(listed).toEqual(Array.from({ length: 330 }, (_, i) => `/papers/year-paper-number-${i + 1}/`));
    const second = await doc('digests/2024-01-02/page/2');
    expect(second.querySelector('nav[aria-label="Pages"] a[rel="prev"]')?.getAttribute('href')).toBe('/digests/2024-01-02/');
    expect(second.querySelector('nav[aria-label="Pages"] a[rel="next"]')?.getAttribute('href')).toBe('/digests/2024-01-02/page/3/');
    expect(existsSync(join(out, 'digests/2024-01-02/page/15'))).toBe(false);
  });
});

describe('astro build of a catalog with bad digests', () => {
  test('fails, listing every problem as file:line, and publishes the valid entries only when told to', async () => {
    const bad = await createFixtureSite();
    await writeFile(join(bad.seedsDir, '007_bad.txt'), 'Apr 13\n\nBad One\n\nText.\n\n  • x authors\n·\nJan 1, 2025\n\nBad Two\n\nText.\n\n  • 2 authors\n·\nFeb 30, 2025\n');
    const failed = await buildSite(bad, join(bad.dir, 'dist'));
    expect(failed.code).not.toBe(0);
    // Named from the project root, as an input error with a hint, not as a crashed hook.
    expect(failed.output).toContain('seeds/007_bad.txt:7: author count "x" is not a number');
    expect(failed.output).toContain('seeds/007_bad.txt:17: impossible date "Feb 30, 2025"');
    expect(failed.output).not.toContain('An unhandled error occurred');
    expect(failed.output).toContain('PAPERSHELF_ALLOW_INVALID=1');
    expect(failed.output).not.toMatch(/\n\s+at /); // a problem in a digest is not a crash: no stack trace
    const allowed = await buildSite(bad, join(bad.dir, 'dist'), { PAPERSHELF_ALLOW_INVALID: '1' });
    expect(allowed.code, allowed.output).toBe(0);
    expect(allowed.output).toMatch(/rejected: \S*seeds\/007_bad\.txt:7: /);
    expect((await readdir(join(bad.dir, 'dist/papers'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'page')).toHaveLength(6);
  }, 120_000);
});

let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill();
});

/** The page's HTML, or '' while the server is not answering yet. */
async function html(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

describe('npm run dev', () => {
  test('shows the catalog, says search needs a build, and picks up an edited digest without a restart', async () => {
    const site = await createFixtureSite();
    const port = 4600 + (process.pid % 300);
    // --ignore-lock: Astro allows one dev server per project unless told otherwise; one the operator runs must not fail this.
    server = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: repoRoot,
      env: { ...siteEnv(site), NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = logOf(server);
    // Events, not a clock: the server says when it is ready and when it synced the content again.
    await log.until(/watching for file changes/);
    const home = `http://127.0.0.1:${port}/`;
    expect(await html(home)).toContain('A catalog of 6 papers');
    // The dev server has no search index: the search page says how to get one, and loads no part of Pagefind.
    const search = parse(await html(`${home}search/`));
    expect(text(search.querySelector('#search-unavailable'))).toMatch(/Search needs a build\..*npm run build npm run preview/);
    expect(search.querySelector('#search-unavailable')?.hasAttribute('hidden')).toBe(false);
    expect(search.querySelectorAll('pagefind-config, pagefind-input, #search-sort, link[href*="pagefind"]')).toHaveLength(0);

    const resynced = log.until(/changed: ingesting again[\s\S]*Synced content/);
    await appendFile(
      join(site.seedsDir, '002_second.txt'),
      '\nA Paper Added While Serving\n\nIts abstract.\n\n  • 2 authors\n·\nApr 1 3\n',
    );
    await resynced;
    expect(await html(home)).toContain('A catalog of 7 papers');
    expect(await html(`http://127.0.0.1:${port}/papers/a-paper-added-while-serving/`)).toContain('A Paper Added While Serving');
  }, 300_000);
});

/** A child's output so far, and a promise for the moment it first matches a pattern. */
function logOf(child: ChildProcess): { until: (pattern: RegExp) => Promise<void> } {
  let output = '';
  const waiting: { pattern: RegExp; from: number; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
    for (const wait of [...waiting]) {
      if (wait.pattern.test(output.slice(wait.from))) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    until: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(output)) return resolve();
        waiting.push({ pattern, from: output.length, resolve });
        child.once('exit', (code) => reject(new Error(`the dev server exited (${code}) before ${pattern}:\n${output}`)));
      }),
  };
}
