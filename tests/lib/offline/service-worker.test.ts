import { describe, expect, test } from 'vitest';
import { buildMarker, serviceWorkerSource } from '../../../src/lib/offline/service-worker.ts';

describe('serviceWorkerSource', () => {
  const source = serviceWorkerSource({ build: 'abc123', base: '/shelf/', precache: ['/shelf/', '/shelf/pagefind/pagefind-entry.json'] });

  test('returns a script that parses, names its cache after the build and precaches the given files', () => {
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('const CACHE = "papershelf-abc123";');
    expect(source).toContain(`const MARKER = ${JSON.stringify(buildMarker('abc123'))};`);
    expect(source).toContain('const PRECACHE = ["/shelf/","/shelf/pagefind/pagefind-entry.json"];');
  });

  test('handles only requests under the base path and deletes older builds\' caches', () => {
    expect(source).toContain('url.pathname.startsWith("/shelf/")');
    expect(source).toMatch(/key\.startsWith\('papershelf-'\) && key !== CACHE/);
  });

  test('escapes what it embeds, so a path cannot break out of its string', () => {
    const hostile = serviceWorkerSource({ build: 'v', base: '/', precache: ['/a"];alert(1);//'] });
    expect(() => new Function(hostile)).not.toThrow();
    expect(hostile).toContain(JSON.stringify(['/a"];alert(1);//']));
  });
});
