import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { DumpPaper } from '../../../src/lib/site/dump.ts';
import { copyFileBytes, copyFiles, paperCopy, writePaperCopies } from '../../../src/search/offline/paper-copies.ts';
import { paths } from '../../../src/lib/shared/paths.ts';
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

describe('writePaperCopies', () => {
  /** A built site's dump (papers.json and its one part) of `papers`, as the copies are read from it. */
  async function dumpOf(out: string, papers: DumpPaper[]): Promise<void> {
    await writeFile(join(out, paths.dump()), JSON.stringify({ topics: [{ id: 'diffusion', name: 'Diffusion models' }], parts: [{ part: 1 }] }));
    await mkdir(dirname(join(out, paths.dumpPart(1))), { recursive: true });
    await writeFile(join(out, paths.dumpPart(1)), `{"version":2,"papers":[\n${papers.map((paper) => JSON.stringify(paper)).join(',\n')}\n]}\n`);
  }

  test('leaves a file whose copies did not change as it was (touched), writes the changed one, removes what is gone', async () => {
    const out = await mkdtemp(join(tmpdir(), 'papershelf-copies-'));
    try {
      const papers = Array.from({ length: 250 }, (_, i) => ({ ...dumped, slug: `paper-${i}`, title: `Paper ${i}` }));
      await dumpOf(out, papers);
      await mkdir(join(out, 'offline'), { recursive: true });
      await writeFile(join(out, 'offline/papers-7.json.gzip'), 'left by a larger catalog');
      expect(await writePaperCopies(out)).toBe(250);
      expect(await stat(join(out, 'offline/papers-7.json.gzip')).catch(() => undefined)).toBeUndefined();
      const changed = copyFileOf('paper-3', 2);
      const other = changed === 'offline/papers-0.json.gzip' ? 'offline/papers-1.json.gzip' : 'offline/papers-0.json.gzip';
      // Both files as an earlier day's build left them.
      const earlier = new Date('2024-01-01T00:00:00Z');
      for (const file of [changed, other]) await utimes(join(out, file), earlier, earlier);
      const before = { changed: await stat(join(out, changed)), other: await stat(join(out, other)), bytes: await readFile(join(out, other)) };

      papers[3] = { ...papers[3]!, title: 'Paper 3, its title fixed' };
      await dumpOf(out, papers);
      await writePaperCopies(out);
      const after = { changed: await stat(join(out, changed)), other: await stat(join(out, other)) };
      expect(await readFile(join(out, other))).toEqual(before.bytes);
      expect(after.other.ino).toBe(before.other.ino);
      expect(after.other.mtimeMs).toBeGreaterThan(before.other.mtimeMs);
      const written = JSON.parse(gunzipSync(await readFile(join(out, changed))).toString('utf8')) as { slug: string; title: string }[];
      expect(written.find((copy) => copy.slug === 'paper-3')!.title).toBe('Paper 3, its title fixed');
      expect(after.changed.mtimeMs).toBeGreaterThan(before.changed.mtimeMs);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
