import { describe, expect, test } from 'vitest';
import type { BuiltFile } from '../../../src/search/offline/plan.ts';
import { offlineFiles as offlineFilesIn } from '../../../src/search/offline/worker-settings.ts';
import { pageFrame } from '../../../src/search/offline-html.ts';

const FRAME = pageFrame('<title>Page not found</title><main id="main"><h1>Not found</h1></main>');
const offlineFiles = (files: BuiltFile[], base: string) => offlineFilesIn(files, base, FRAME);

const file = (path: string, sha256 = 'AAAA'): BuiltFile => ({ path, bytes: 10, sha256 });
const site = [
  file('index.html'),
  file('search/index.html'),
  file('_astro/Base.css'),
  file('pagefind/pagefind.js'),
  file('pagefind/pagefind-entry.json', 'ENTRY'),
  file('pagefind/pagefind.en_1.pf_meta'),
  file('pagefind/index/en_1.pf_index'),
  file('pagefind-shard-1/pagefind-entry.json', 'SHARD'),
  file('offline/papers-0.json.gzip'),
  file('offline/papers-1.json.gzip'),
];

describe('offlineFiles', () => {
  test('hands the worker the precache list, with integrity for the entry files and the manifest only', () => {
    const { settings, build } = offlineFiles(site, '/shelf/');
    expect(settings.build).toBe(build);
    expect(settings.precache.filter((entry) => entry.integrity).map((entry) => [entry.url, entry.integrity!.slice(0, 7)])).toEqual([
      ['/shelf/pagefind-shard-1/pagefind-entry.json', 'sha256-'],
      ['/shelf/pagefind/pagefind-entry.json', 'sha256-'],
      ['/shelf/offline-manifest.json', 'sha256-'],
    ]);
    expect(settings.precache.find((entry) => entry.url === '/shelf/pagefind/pagefind-entry.json')?.integrity).toBe('sha256-ENTRY');
    expect(settings.precache.every((entry) => entry.revision === null)).toBe(true);
    expect([...settings.entries].sort()).toEqual(['/shelf/pagefind-shard-1/pagefind-entry.json', '/shelf/pagefind/pagefind-entry.json']);
    expect(settings.precacheIndex).toEqual(['/shelf/pagefind/pagefind.en_1.pf_meta']);
    expect(settings.manifest).toBe('/shelf/offline-manifest.json');
    expect(settings.frame).toEqual(FRAME);
    expect(settings.copyFiles).toBe(2);
  });

  test('names the build after its files, so an unchanged build gets the same settings', () => {
    expect(offlineFiles(site, '/').build).toBe(offlineFiles([...site].reverse(), '/').build);
    expect(offlineFiles([...site, file('pagefind/index/en_2.pf_index')], '/').build).not.toBe(offlineFiles(site, '/').build);
  });

  test('fails when Pagefind wrote no entry file', () => {
    expect(() => offlineFiles([file('index.html')], '/')).toThrow(/no pagefind-entry\.json/);
  });
});
