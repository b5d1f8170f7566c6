import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { countFolder, hostFigures } from './site.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A dist/ folder holding the given files, removed after the tests. */
function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-site-'));
  folders.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('countFolder', () => {
  test('returns the files, bytes and pages of a folder, and its largest file by its path in the folder', () => {
    const dir = dist({ 'index.html': '<p>home</p>', 'papers/a/index.html': '<p>a</p>', 'pagefind/fragment/en_1.pf_fragment': 'x'.repeat(100) });
    expect(countFolder(dir)).toEqual({ files: 3, bytes: 11 + 8 + 100, pages: 2, largest: { file: 'pagefind/fragment/en_1.pf_fragment', bytes: 100 } });
  });
});

describe('hostFigures', () => {
  test('counts the rules of _redirects, not its blank and comment lines, and reads the offline catalog from its manifest', () => {
    const dir = dist({
      _redirects: '# moved years\n/dates/2022/2/ /dates/2022/page/2/ 301\n\n/dates/2023/2/ /dates/2023/page/2/ 301\n',
      'offline-manifest.json': '{"build":"b","bytes":1200,"files":[\n["/pagefind/a",700,"h"],\n["/pagefind/b",500,"h"]\n]}\n',
    });
    expect(hostFigures(dir)).toEqual({ redirects: 2, offline: { files: 2, bytes: 1200 } });
  });

  test('returns no rules and no offline catalog for a build without them', () => {
    expect(hostFigures(dist({ 'index.html': '' }))).toEqual({ redirects: 0 });
  });
});
