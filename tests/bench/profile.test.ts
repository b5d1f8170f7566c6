import { describe, expect, test } from 'vitest';
import { formatProfile, summarizeProfile, type CpuProfile } from './profile.ts';

// A profile as `node --cpu-prof` writes it, cut down: a root, the garbage collector, a function of a package (astro)
// that calls one of the project, which calls one of Node, and an anonymous one of another package. Each sample lasts until the next; the last until the profile's end.
const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3] },
    { id: 2, callFrame: frame('(garbage collector)') },
    { id: 3, callFrame: frame('generatePages', 'file:///work/app/node_modules/astro/dist/core/build/generate.js', 41), children: [4, 6] },
    { id: 4, callFrame: frame('relatePapers', 'file:///work/app/src/lib/papers/related.ts', 9), children: [5] },
    { id: 5, callFrame: frame('rmSync', 'node:fs', 1200) },
    { id: 6, callFrame: frame('', 'file:///work/app/node_modules/@astrojs/mdx/dist/index.js', 2) },
  ],
  startTime: 1_000_000,
  endTime: 11_000_000,
  // At 1 s, 2 s, 5 s, 6 s, 8 s and 9 s after a start at 1 s (microseconds).
  samples: [3, 3, 4, 2, 5, 6],
  timeDeltas: [1_000_000, 1_000_000, 3_000_000, 1_000_000, 2_000_000, 1_000_000],
};

describe('summarizeProfile', () => {
  const summary = summarizeProfile(profile);

  test('returns self time by function, largest first, each sample lasting until the next, with its callers', () => {
    expect(summary.total).toBe(10);
    // Ties keep the order of their first sample.
    expect(summary.functions).toEqual([
      { name: 'generatePages astro/dist/core/build/generate.js:42', seconds: 4, via: [] },
      { name: '(garbage collector)', seconds: 2, via: [] },
      { name: 'relatePapers src/lib/papers/related.ts:10', seconds: 1, via: ['generatePages astro/dist/core/build/generate.js:42'] },
      { name: 'rmSync node:fs:1201', seconds: 1, via: ['relatePapers src/lib/papers/related.ts:10', 'generatePages astro/dist/core/build/generate.js:42'] },
      { name: '(anonymous) @astrojs/mdx/dist/index.js:3', seconds: 1, via: ['generatePages astro/dist/core/build/generate.js:42'] },
    ]);
  });

  test('returns self time by source: a package, the project\'s code, Node, or V8\'s own entries', () => {
    expect(Object.fromEntries(summary.sources.map((source) => [source.name, source.seconds]))).toEqual({
      astro: 4, '(garbage collector)': 2, node: 1, 'papershelf src/': 1, '@astrojs/mdx': 1,
    });
  });
});

describe('formatProfile', () => {
  test('prints the top sources and functions with their share of the profile', () => {
    const text = formatProfile(summarizeProfile(profile), 2);
    expect(text).toMatch(/^astro +4\.0 s +40\.0 %$/m);
    expect(text).toMatch(/^generatePages astro\/dist\/core\/build\/generate\.js:42 +4\.0 s +40\.0 %$/m);
    expect(text).not.toMatch(/^relatePapers/m);
    // Where the top functions were called from, nearest caller first.
    expect(text).toContain('  rmSync node:fs:1201\n    ← relatePapers src/lib/papers/related.ts:10\n    ← generatePages astro/dist/core/build/generate.js:42');
  });
});
