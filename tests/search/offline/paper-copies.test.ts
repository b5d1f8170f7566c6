import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { DumpPaper } from '../../../src/lib/site/dump.ts';
import { copyFileBytes, copyFiles, paperCopy } from '../../../src/search/offline/paper-copies.ts';
import { copyFileOf } from '../../../src/search/paper-copy.ts';

const dumped: DumpPaper = {
  url: 'https://example.org/papers/p/',
  slug: 'p',
  title: 'P',
  abstract: ['One.', 'Two.'],
  date: '2024-01-09',
  byline: { kind: 'authors', count: 3 },
  upvotes: 4,
  topics: ['diffusion'],
  code: ['https://github.com/o/r'],
  links: ['https://example.org/project/'],
  digests: ['2024-01-10'],
  arxiv: '2401.00001',
  authorNames: ['A B', 'C D', 'E F'],
};

describe('paperCopy', () => {
  test('holds what the top of the paper\'s page shows: date and byline as the page gives them, links in the page\'s order', () => {
    expect(paperCopy(dumped, new Map([['diffusion', 'Diffusion models']]))).toEqual({
      slug: 'p',
      title: 'P',
      date: '2024-01-09',
      dateLabel: '9 January 2024',
      byline: { label: 'Authors', value: '3 authors' },
      authors: ['A B', 'C D', 'E F'],
      abstract: ['One.', 'Two.'],
      topics: [{ slug: 'diffusion', label: 'Diffusion models' }],
      links: [
        { kind: 'arXiv', href: 'https://arxiv.org/abs/2401.00001', text: 'arxiv.org/abs/2401.00001' },
        { kind: 'PDF', href: 'https://arxiv.org/pdf/2401.00001', text: 'arxiv.org/pdf/2401.00001' },
        { kind: 'Hugging Face', href: 'https://huggingface.co/papers/2401.00001', text: 'huggingface.co/papers/2401.00001' },
        { kind: 'Code', href: 'https://github.com/o/r', text: 'github.com/o/r' },
        { kind: 'Project', href: 'https://example.org/project/', text: 'example.org/project' },
      ],
    });
  });

  test('gives an organisation\'s byline, and no authors or arXiv links when a text digest gave none', () => {
    const copy = paperCopy({ ...dumped, byline: { kind: 'organization', handle: 'acme', name: 'Acme' }, arxiv: undefined, authorNames: undefined, code: [], links: [] }, new Map());
    expect(copy.byline).toEqual({ label: 'Organisation', value: 'Acme (acme)' });
    expect(copy).not.toHaveProperty('authors');
    expect(copy.links).toEqual([]);
    expect(copy.topics).toEqual([{ slug: 'diffusion', label: 'diffusion' }]);
  });
});

describe('copyFiles', () => {
  test('puts every paper in the file copyFileOf names for it, and gzips each file as JSON', () => {
    const copies = Array.from({ length: 250 }, (_, i) => paperCopy({ ...dumped, slug: `paper-${i}` }, new Map()));
    const files = copyFiles(copies);
    expect(files.size).toBe(2);
    expect([...files.values()].flat()).toHaveLength(250);
    for (const [path, file] of files) {
      expect(file.every((copy) => copyFileOf(copy.slug, 2) === path)).toBe(true);
      expect(JSON.parse(gunzipSync(copyFileBytes(file)).toString('utf8'))).toEqual(file);
    }
    expect(copyFileBytes(files.get('offline/papers-0.json.gzip')!)).toEqual(copyFileBytes(files.get('offline/papers-0.json.gzip')!));
  });
});
