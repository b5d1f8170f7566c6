import { describe, expect, test } from 'vitest';
import { identityKey } from '../../../src/lib/papers/identity.ts';
import { assignSlugs, baseSlug, identitySuffix, MAX_SLUG_LENGTH } from '../../../src/lib/papers/slug.ts';

describe('identityKey', () => {
  test('returns the same key for titles that differ only in case, punctuation and spacing', () => {
    expect(identityKey('CacheQuant: Comprehensively  Accelerated Diffusion Models')).toBe(
      identityKey('cachequant — comprehensively accelerated diffusion-models.'),
    );
  });

  test('returns different keys for different words', () => {
    expect(identityKey('Spiking Diffusion Models')).not.toBe(identityKey('Spiking Diffusion Model'));
  });
});

describe('baseSlug', () => {
  test('returns lower-case ASCII words joined by hyphens', () => {
    expect(baseSlug('Thinking <think> & Über Café')).toBe('thinking-think-and-ueber-cafe');
  });

  test('cuts long titles at a word boundary within the length limit', () => {
    const slug = baseSlug('LLIA -- Enabling Low-Latency Interactive Avatars: Real-Time Audio-Driven Portrait Video Generation with Diffusion Models');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe('llia-enabling-low-latency-interactive-avatars-real-time-audio-driven-portrait');
  });

  test('returns an empty string for a title with no Latin letters or digits', () => {
    expect(baseSlug('中文标题')).toBe('');
  });
});

describe('assignSlugs', () => {
  const papers = [
    { key: 'a', title: 'Same Title' },
    { key: 'b', title: 'Same: Title!' },
    { key: 'c', title: 'Other Title' },
  ];

  test('gives colliding papers a suffix derived from their identity, never a counter', () => {
    const slugs = assignSlugs(papers, new Map());
    expect(slugs.get('a')).toBe('same-title');
    expect(slugs.get('b')).toBe(`same-title-${identitySuffix('b')}`);
    expect(slugs.get('c')).toBe('other-title');
  });

  test('returns the same slugs whatever the order of the papers', () => {
    const forward = assignSlugs(papers, new Map());
    const backward = assignSlugs([...papers].reverse(), new Map());
    expect([...backward].sort()).toEqual([...forward].sort());
  });

  test('never changes a published slug, even when a new paper would sort first', () => {
    const slugs = assignSlugs(papers, new Map([['b', 'same-title']]));
    expect(slugs.get('b')).toBe('same-title');
    expect(slugs.get('a')).toBe(`same-title-${identitySuffix('a')}`);
  });

  test('gives a title without Latin letters a stable slug of its own', () => {
    const slugs = assignSlugs([{ key: '中文标题', title: '中文标题' }], new Map());
    expect(slugs.get('中文标题')).toBe(`paper-${identitySuffix('中文标题')}`);
  });
});
