import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { framedPage, needsNetworkPage, pageFrame, paperCopyMain } from '../../src/search/offline-html.ts';
import type { PaperCopy } from '../../src/search/paper-copy.ts';

const paper: PaperCopy = {
  slug: 'spiking-diffusion-models',
  title: 'Spiking Diffusion Models',
  date: '2024-05-27',
  dateLabel: '27 May 2024',
  byline: { label: 'Authors', value: '4 authors' },
  authors: ['Ada Lovelace', 'Alan Turing'],
  abstract: ['First paragraph.', 'Second paragraph.'],
  topics: [{ slug: 'diffusion', label: 'Diffusion models' }],
  links: [{ kind: 'arXiv', href: 'https://arxiv.org/abs/2405.00001', text: 'arxiv.org/abs/2405.00001' }],
};

/** A built page's frame, as Base.astro writes one (404). */
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found · Papershelf</title>',
  '<meta name="description" content="This page does not exist."><meta property="og:title" content="Page not found">',
  '<link rel="stylesheet" href="/shelf/_astro/Base.css"></head><body><header class="site-header"><div class="site-header-inner">',
  '<a class="site-name" href="/shelf/">Papershelf</a></div></header><main id="main" tabindex="-1"><h1>Page not found</h1></main>',
  '<footer class="site-footer"><p>About</p></footer><script type="module">register()</script></body></html>',
].join('');

describe('pageFrame', () => {
  test('cuts a built page around its title and its main, keeping the header, stylesheet, scripts and footer', () => {
    const html = framedPage(pageFrame(PAGE), 'Offline', '<p>Hello</p>');
    expect(html).toContain('<title>Offline · Papershelf</title>');
    expect(html).toContain('<link rel="stylesheet" href="/shelf/_astro/Base.css"></head><body><header class="site-header"><div class="site-header-inner">');
    expect(html).toContain('<main id="main" tabindex="-1"><p>Hello</p></main><footer class="site-footer">');
    expect(html).toContain('<script type="module">register()</script>');
    expect(html).not.toContain('Page not found');
    expect(html).not.toContain('This page does not exist');
  });

  test('throws when the page has no title or no main', () => {
    expect(() => pageFrame('<title>x</title><p>no main</p>')).toThrow(/no <title> or no <main>/);
    expect(() => pageFrame('<main></main>')).toThrow(/no <title> or no <main>/);
  });
});

describe('paperCopyMain', () => {
  test('shows the title, date, byline, authors, links, topics and abstract, under the base, with a note that it is the offline copy', () => {
    const main = parse(paperCopyMain(paper, '/shelf/'));
    expect(main.querySelector('h1')?.text).toBe('Spiking Diffusion Models');
    expect(main.querySelector('time')?.getAttribute('datetime')).toBe('2024-05-27');
    expect(main.querySelector('.facts')?.text).toBe('Published27 May 2024Authors4 authors');
    expect(main.querySelector('.paper-authors')?.text).toBe('Authors: Ada Lovelace, Alan Turing');
    expect(main.querySelectorAll('.abstract p').map((p) => p.text)).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(main.querySelector('.chips a')?.getAttribute('href')).toBe('/shelf/topics/diffusion/');
    expect(main.querySelector('.paper-links a')?.getAttribute('href')).toBe('https://arxiv.org/abs/2405.00001');
    expect(main.querySelector('.notice')?.text).toMatch(/^You are offline: this is the copy of this paper this device keeps/);
    expect(main.querySelector('.notice a')?.getAttribute('href')).toBe('/shelf/papers/spiking-diffusion-models/');
  });

  test('shows digest text as text: an abstract holding <script> runs nothing, and no value leaves its attribute', () => {
    const hostile: PaperCopy = {
      ...paper,
      title: '<img src=x onerror=alert(1)>',
      abstract: ['<script>alert(1)</script> & more'],
      authors: ['"><script>alert(2)</script>'],
      byline: { label: 'Organisation', value: 'Acme <b>Labs</b>' },
      topics: [{ slug: 'a"onmouseover="alert(3)', label: '<i>t</i>' }],
      links: [
        { kind: 'Code', href: 'https://example.org/"onclick="alert(4)', text: '<u>x</u>' },
        { kind: 'Project', href: 'javascript:alert(5)', text: 'bad' },
      ],
    };
    const html = paperCopyMain(hostile, '/');
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>|javascript:/);
    const main = parse(html);
    expect(main.querySelector('h1')?.text).toBe('<img src=x onerror=alert(1)>');
    expect(main.querySelector('.abstract p')?.innerHTML).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(main.querySelectorAll('[onerror], [onmouseover], [onclick]')).toEqual([]);
    expect(main.querySelectorAll('.paper-links a')).toHaveLength(1);
  });

  test('leaves out the authors, the links and the topics a paper does not have', () => {
    const main = parse(paperCopyMain({ ...paper, authors: undefined, links: [], topics: [] }, '/'));
    expect(main.querySelector('.paper-authors')).toBeNull();
    expect(main.querySelector('.paper-links')).toBeNull();
    expect(main.querySelector('.chips')).toBeNull();
  });
});

describe('needsNetworkPage', () => {
  test('says plainly that the page needs the network, and links the search under the base', () => {
    const page = needsNetworkPage('/shelf/');
    expect(page.title).toBe('This page needs the network');
    const main = parse(page.main);
    expect(main.querySelector('h1')?.text).toBe('This page needs the network');
    expect(main.querySelector('a')?.getAttribute('href')).toBe('/shelf/search/');
  });
});
