import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { citationTags, jsonForScript, scholarlyArticle } from '../../../src/lib/site/metadata.ts';

const page = { url: 'https://example.org/papers/a/', site: 'https://example.org/', siteName: 'Papershelf', topicLabels: ['Language models'] };

describe('scholarlyArticle', () => {
  test('states the title, abstract, date, URL, topics and first code link, and no author', () => {
    const article = scholarlyArticle({ title: 'A & B', abstract: ['One.', 'Two.'], date: '2026-04-13', code: ['https://github.com/a/b', 'https://github.com/c/d'] }, page);
    expect(article).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      name: 'A & B',
      headline: 'A & B',
      abstract: 'One.\n\nTwo.',
      datePublished: '2026-04-13',
      url: 'https://example.org/papers/a/',
      keywords: ['Language models'],
      codeRepository: 'https://github.com/a/b',
      isPartOf: { '@type': 'WebSite', name: 'Papershelf', url: 'https://example.org/' },
    });
    expect(JSON.stringify(article)).not.toMatch(/author/i);
  });

  test('leaves out keywords and codeRepository when the paper has none', () => {
    const article = scholarlyArticle({ title: 'T', abstract: ['A.'], date: '2026-04-13', code: [] }, { ...page, topicLabels: [] });
    expect(article).not.toHaveProperty('keywords');
    expect(article).not.toHaveProperty('codeRepository');
  });
});

describe('jsonForScript', () => {
  test('cannot end or open anything in a script block: no <, > or & left, and it parses back to the same value', () => {
    const hostile = { name: '</script><script>alert(1)</script><!-- & ]]> \u2028\u2029' };
    const json = jsonForScript(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });

  test('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const json = jsonForScript({ text });
        expect(json.toLowerCase()).not.toContain('</script');
        expect(JSON.parse(json)).toEqual({ text });
      }),
    );
    // A safety net, not a speed target: a busy machine may take a while over the hundred strings.
  }, 60_000);
});

describe('scholarlyArticle with a JSON digest\'s data', () => {
  test('names each author as a Person and links the arXiv page, only when a digest states them', () => {
    const article = scholarlyArticle({ title: 'T', abstract: ['A.'], date: '2024-08-12', code: [], arxiv: '2408.06072', authorNames: ['Wenyi Hong', '</script><b>'] }, page);
    expect(article.author).toEqual([{ '@type': 'Person', name: 'Wenyi Hong' }, { '@type': 'Person', name: '</script><b>' }]);
    expect(article.sameAs).toBe('https://arxiv.org/abs/2408.06072');
    expect(jsonForScript(article)).not.toContain('</script>');
  });
});

describe('citationTags', () => {
  test('gives the tags Zotero reads: title, one citation_author a name, the dates, the arXiv id and the PDF', () => {
    expect(citationTags({ title: 'CogVideoX', date: '2024-08-12', arxiv: '2408.06072', authorNames: ['Zhuoyi Yang', 'Wenyi Hong'] })).toEqual([
      { name: 'citation_title', content: 'CogVideoX' },
      { name: 'citation_author', content: 'Zhuoyi Yang' },
      { name: 'citation_author', content: 'Wenyi Hong' },
      { name: 'citation_publication_date', content: '2024/08/12' },
      { name: 'citation_date', content: '2024/08/12' },
      { name: 'citation_arxiv_id', content: '2408.06072' },
      { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/2408.06072' },
    ]);
  });

  test('gives none for a paper without an arXiv id', () => {
    expect(citationTags({ title: 'T', date: '2024-08-12' })).toEqual([]);
  });
});
