import { describe, expect, test } from 'vitest';
import { manifestText, offlinePlan, roleOf, urlOf, type BuiltFile } from '../../../src/search/offline/plan.ts';

describe('roleOf', () => {
  test.each([
    ['index.html', 'shell'],
    ['search/index.html', 'shell'],
    ['404.html', 'shell'],
    ['favicon.svg', 'shell'],
    ['_astro/Base.0seL1uMt.css', 'shell'],
    ['pagefind/pagefind.js', 'runtime'],
    ['pagefind/pagefind-worker.js', 'runtime'],
    ['pagefind/pagefind-entry.json', 'runtime'],
    ['pagefind/pagefind-component-ui.js', 'runtime'],
    ['pagefind/pagefind-component-ui.css', 'runtime'],
    ['pagefind/wasm.en.pagefind', 'runtime'],
    ['pagefind/wasm.unknown.pagefind', 'unused'],
    ['pagefind/pagefind-ui.js', 'unused'],
    ['pagefind/pagefind-modular-ui.css', 'unused'],
    ['pagefind/pagefind-highlight.js', 'unused'],
    ['pagefind/pagefind.en_b649d13aad.pf_meta', 'start'],
    ['pagefind/filter/en_64aa7bd.pf_filter', 'start'],
    ['pagefind/index/en_34a22cc.pf_index', 'index'],
    ['pagefind/fragment/en_14eda1c.pf_fragment', 'index'],
    ['pagefind-shard-1/pagefind-entry.json', 'runtime'],
    ['pagefind-shard-1/pagefind.js', 'unused'],
    ['pagefind-shard-1/wasm.en.pagefind', 'unused'],
    ['pagefind-shard-1/pagefind.en_1.pf_meta', 'start'],
    ['pagefind-shard-12/index/en_1.pf_index', 'index'],
    ['pagefind-shard-1/fragment/en_1.pf_fragment', 'index'],
    ['pagefinder/pagefind.js', 'page'],
    ['papers/spiking-diffusion-models/index.html', 'page'],
    ['offline/papers-0.json.gzip', 'copy'],
    ['offline/papers-255.json.gzip', 'copy'],
    ['offline/papers.json', 'page'],
  ])('returns the role of %s: %s', (path, role) => {
    expect(roleOf(path)).toBe(role);
  });
});

describe('urlOf', () => {
  test('returns a folder\'s URL for its index.html, under the base', () => {
    expect(urlOf('/shelf/', 'index.html')).toBe('/shelf/');
    expect(urlOf('/shelf/', 'search/index.html')).toBe('/shelf/search/');
    expect(urlOf('/', '404.html')).toBe('/404.html');
    expect(urlOf('/', 'pagefind/index/en_1.pf_index')).toBe('/pagefind/index/en_1.pf_index');
  });
});

describe('offlinePlan', () => {
  const file = (path: string, bytes: number): BuiltFile => ({ path, bytes, sha256: 'AAAA' });
  const files = [
    file('pagefind/index/en_b.pf_index', 300),
    file('pagefind/index/en_a.pf_index', 200),
    file('pagefind/fragment/en_f.pf_fragment', 50),
    file('pagefind/filter/en_x.pf_filter', 20),
    file('pagefind/pagefind.en_1.pf_meta', 10),
    file('pagefind/pagefind.js', 1000),
    file('pagefind/pagefind-ui.js', 5000),
    file('pagefind/pagefind-entry.json', 5),
    file('index.html', 100),
    file('_astro/a.css', 40),
    file('offline/papers-0.json.gzip', 400),
  ];
  const plan = offlinePlan(files, '/shelf/', 'b1');

  test('precaches the shell, Pagefind\'s runtime and the manifest, and none of the index, the paper copies or the unused UI', () => {
    expect(plan.precache).toEqual(['/shelf/_astro/a.css', '/shelf/', '/shelf/pagefind/pagefind-entry.json', '/shelf/pagefind/pagefind.js', '/shelf/offline-manifest.json']);
    expect(plan.precacheIndex).toEqual(['/shelf/pagefind/filter/en_x.pf_filter', '/shelf/pagefind/pagefind.en_1.pf_meta']);
  });

  test('lists every index file and every file of paper copies in the manifest, sorted, with its size and hash, and their total', () => {
    expect(plan.manifest.files.map(([path, bytes]) => [path, bytes])).toEqual([
      ['/shelf/offline/papers-0.json.gzip', 400],
      ['/shelf/pagefind/filter/en_x.pf_filter', 20],
      ['/shelf/pagefind/fragment/en_f.pf_fragment', 50],
      ['/shelf/pagefind/index/en_a.pf_index', 200],
      ['/shelf/pagefind/index/en_b.pf_index', 300],
      ['/shelf/pagefind/pagefind.en_1.pf_meta', 10],
    ]);
    expect(plan.manifest.bytes).toBe(980);
    expect(plan.manifest.build).toBe('b1');
  });

  test('counts a first visit\'s bytes: shell, runtime, the start of the index and the manifest', () => {
    expect(plan.firstVisitBytes).toBe(40 + 100 + 1000 + 5 + 20 + 10 + new TextEncoder().encode(manifestText(plan.manifest)).length);
  });

  test('returns empty lists for a site without an index', () => {
    const empty = offlinePlan([file('index.html', 1)], '/', 'b');
    expect(empty.manifest).toEqual({ build: 'b', bytes: 0, files: [] });
    expect(empty.precacheIndex).toEqual([]);
  });
});

describe('manifestText', () => {
  test('writes JSON with one file a line', () => {
    const text = manifestText({ build: 'b', bytes: 3, files: [['/a', 1, 'h1'], ['/b', 2, 'h2']] });
    expect(JSON.parse(text)).toEqual({ build: 'b', bytes: 3, files: [['/a', 1, 'h1'], ['/b', 2, 'h2']] });
    expect(text.split('\n')).toContain('["/b",2,"h2"]');
  });
});
