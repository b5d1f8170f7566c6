import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedPaths, readRecordAtStart, RECORD_FILE } from '../../src/integrations/record-urls.ts';

const out = '/site/dist';
const files = (...names: string[]) => names.map((name) => pathToFileURL(`${out}/${name}`));

describe('publishedPaths', () => {
  test("records a paginated list's first page and leaves its later pages out, at any depth of its route", () => {
    const assets = new Map([
      ['/papers/[...page]', files('papers/index.html', 'papers/page/2/index.html')],
      ['/topics/[topic]/[...page]', files('topics/x/index.html', 'topics/x/2/index.html')],
      ['/dates/[year]/[month]/[...page]', files('dates/2025/10/index.html', 'dates/2025/10/2/index.html')],
      ['/papers/[slug]', files('papers/a/index.html')],
      ['/rss.xml', files('rss.xml')],
      ['/', files('index.html')],
      ['/404', files('404.html')],
      ['/[redirects]', files('_redirects')],
      ['/dates/[year]/[legacy]', files('dates/2025/2/index.html')],
    ]);
    expect([...publishedPaths(out, assets)].sort()).toEqual(['/', '/dates/2025/10/', '/papers/', '/papers/a/', '/rss.xml', '/topics/x/']);
  });
});

describe('readRecordAtStart', () => {
  const shown = (file: string) => file;
  const contentWith = async (record?: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'papershelf-record-'));
    if (record !== undefined) await writeFile(join(dir, RECORD_FILE), record);
    return dir;
  };

  test('a missing record is recreated in silence: no more; a catalog with items stops, unless it is said to be new', async () => {
    const dir = await contentWith();
    expect(readRecordAtStart(dir, { items: 3, newCatalog: false, shown })).toMatchObject({ problem: expect.stringMatching(/published-urls\.txt is missing, but the catalog has 3 item\(s\)/), hint: expect.stringContaining('PAPERSHELF_NEW_CATALOG=1') });
    expect(readRecordAtStart(dir, { items: 3, newCatalog: true, shown })).toEqual({ paths: [], exists: false });
    expect(readRecordAtStart(dir, { items: 0, newCatalog: false, shown })).toEqual({ paths: [], exists: false });
  });

  test('an emptied record stops the build of a catalog with items', async () => {
    const dir = await contentWith('# only the header\n');
    expect(readRecordAtStart(dir, { items: 1, newCatalog: false, shown })).toMatchObject({ problem: expect.stringContaining('published-urls.txt is empty') });
  });

  test('the record being a directory is a message, not EISDIR with a stack', async () => {
    const dir = await contentWith();
    await mkdir(join(dir, RECORD_FILE));
    expect(readRecordAtStart(dir, { items: 1, newCatalog: false, shown })).toMatchObject({ problem: expect.stringContaining('published-urls.txt is a folder'), hint: expect.stringContaining('restore the file') });
  });

  test('a garbage line is a problem at its line', async () => {
    const dir = await contentWith('/\n/papers/a/\nhello world\n');
    expect(readRecordAtStart(dir, { items: 1, newCatalog: false, shown })).toMatchObject({ problem: expect.stringContaining('published-urls.txt:3: "hello world" is not a URL path') });
  });
});
