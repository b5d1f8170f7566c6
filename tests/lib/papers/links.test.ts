import { describe, expect, test } from 'vitest';
import { extractLinks, isRepository, linkify } from '../../../src/lib/papers/links.ts';

describe('extractLinks', () => {
  test('drops the sentence punctuation after a URL', () => {
    expect(extractLinks(['Our code is available at https://github.com/AndyCao1125/SDM.'])).toEqual({
      code: ['https://github.com/AndyCao1125/SDM'],
      links: [],
    });
    expect(extractLinks(['Demos at https://funaudiollm.github.io/minmo, and more.']).links).toEqual(['https://funaudiollm.github.io/minmo']);
  });

  test('returns GitHub repositories as code and other URLs as project links, each once', () => {
    const abstract = ['See https://github.com/BienLuky/CacheQuant . Also https://example.org/p and https://github.com/BienLuky/CacheQuant', 'https://github.com/orgonly'];
    expect(extractLinks(abstract)).toEqual({
      code: ['https://github.com/BienLuky/CacheQuant'],
      links: ['https://example.org/p', 'https://github.com/orgonly'],
    });
  });

  test('keeps only http and https URLs, not Markdown links, www or e-mail literals', () => {
    expect(extractLinks(['[x](https://evil.example) www.example.com a@b.example ftp://x.example javascript:alert(1)'])).toEqual({ code: [], links: [] });
  });

  test('ends a URL at a quote, <, > and other characters a URL never holds, which stay text', () => {
    expect(extractLinks(['See https://github.com/x/repo"onmouseover=alert(1) now.'])).toEqual({ code: ['https://github.com/x/repo'], links: [] });
    const paragraph = `Code https://github.com/x/repo."a at https://example.org/p'q, https://example.org/r>s https://example.org/t\`u https://example.org/v“w https://example.org/x{y}|z\\`;
    const segments = linkify(paragraph);
    expect(segments.filter((segment) => 'url' in segment).map((segment) => segment.text)).toEqual([
      'https://github.com/x/repo',
      'https://example.org/p',
      'https://example.org/r',
      'https://example.org/t',
      'https://example.org/v',
      'https://example.org/x',
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(paragraph);
  });

  test('returns no links for an empty abstract', () => {
    expect(extractLinks([])).toEqual({ code: [], links: [] });
  });
});

describe('linkify', () => {
  test('splits a paragraph into text and links and keeps every character of the text', () => {
    const paragraph = 'Code: https://github.com/a/b. Also {rm H{small A}} 86\\% (<4B) ASR -> LLM';
    const segments = linkify(paragraph);
    expect(segments).toEqual([
      { text: 'Code: ' },
      { text: 'https://github.com/a/b', url: 'https://github.com/a/b' },
      { text: '. Also {rm H{small A}} 86\\% (<4B) ASR -> LLM' },
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(paragraph);
  });

  test('returns a paragraph that names no http(s) URL as one text segment, and nothing for an empty one', () => {
    for (const paragraph of ['[x](www.example.com) <b>bold</b> `code` a@b.example ftp://x.example', '# Not a heading', 'Plain.']) {
      expect(linkify(paragraph)).toEqual([{ text: paragraph }]);
    }
    expect(linkify('')).toEqual([]);
  });
});

describe('isRepository', () => {
  test('returns true for an owner and a name on GitHub only', () => {
    expect(isRepository('https://github.com/owner/repo/tree/main')).toBe(true);
    expect(isRepository('https://github.com/owner')).toBe(false);
    expect(isRepository('https://gitlab.com/owner/repo')).toBe(false);
    expect(isRepository('https://github.com/orgs/huggingface/repositories')).toBe(false);
    expect(isRepository('https://github.com/topics/diffusion')).toBe(false);
  });
});
