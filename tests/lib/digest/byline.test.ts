import { describe, expect, test } from 'vitest';
import { readBylineText } from '../../../src/lib/digest/byline.ts';

describe('readBylineText', () => {
  test('reads author counts, one author and a capital A', () => {
    expect(readBylineText('• 4 authors')).toEqual({ byline: { kind: 'authors', count: 4 } });
    expect(readBylineText('• 1 author')).toEqual({ byline: { kind: 'authors', count: 1 } });
    expect(readBylineText('•2 Authors')).toEqual({ byline: { kind: 'authors', count: 2 } });
  });

  test('reads an organisation line: a handle, then a short name, or the handle alone', () => {
    expect(readBylineText('nvidia NVIDIA')).toEqual({ byline: { kind: 'organization', handle: 'nvidia', name: 'NVIDIA' } });
    expect(readBylineText('deepmind')).toEqual({ byline: { kind: 'organization', handle: 'deepmind', name: 'deepmind' } });
    expect(readBylineText('HuggingFaceTB Hugging Face Smol Models Research')).toMatchObject({ byline: { handle: 'HuggingFaceTB', name: 'Hugging Face Smol Models Research' } });
    expect(readBylineText('zurich-nlp Universität Zürich')).toMatchObject({ byline: { handle: 'zurich-nlp', name: 'Universität Zürich' } });
    expect(readBylineText('hkust The Hong Kong University of Science and Technology')).toMatchObject({ byline: { kind: 'organization' } });
    // Markup in a name is the writer's to escape, not a reason to lose the paper.
    expect(readBylineText('evil <b>org</b>')).toEqual({ byline: { kind: 'organization', handle: 'evil', name: '<b>org</b>' } });
  });

  test('reads real organisation lines: punctuation, lower case and letters of any script', () => {
    // The kinds of name the real Daily Papers listing was seen to have (issue 17).
    const lines: [string, string, string][] = [
      ['Snapchat Snapchat Inc.', 'Snapchat', 'Snapchat Inc.'],
      ['Cantina Cantina, Inc.', 'Cantina', 'Cantina, Inc.'],
      ['zju Zhejiang Lab Technology (Hangzhou) Co., Ltd.', 'zju', 'Zhejiang Lab Technology (Hangzhou) Co., Ltd.'],
      ['raivn RAIVN: Reasoning, AI, & Vision Lab @ UW', 'raivn', 'RAIVN: Reasoning, AI, & Vision Lab @ UW'],
      ['HuaweiTech huawei technologies co. ltd', 'HuaweiTech', 'huawei technologies co. ltd'],
      ['ByteDance-Seed ByteDance Seed - Foundation Models', 'ByteDance-Seed', 'ByteDance Seed - Foundation Models'],
      ['ntu 台灣大學', 'ntu', '台灣大學'],
      ['mila-quebec Mila – Quebec Artificial Intelligence Institute', 'mila-quebec', 'Mila – Quebec Artificial Intelligence Institute'],
      ['tuebingen Universität Tübingen', 'tuebingen', 'Universität Tübingen'],
      ['samsung Samsung Electronics Co.', 'samsung', 'Samsung Electronics Co.'],
    ];
    for (const [line, handle, name] of lines) expect(readBylineText(line), line).toEqual({ byline: { kind: 'organization', handle, name } });
  });

  test('says the byline is missing when the line is a sentence, a link or too long to be a name', () => {
    for (const line of [
      'Code and models: https://github.com/x/y',
      'Code: https://github.com/x/y',
      'We release our code.',
      'Results improve by 3%; see the appendix',
      'Available at www.example.com',
      'Project page https://example.com',
      'Our method outperforms every baseline we tried on all eleven benchmarks here',
      'at&t AT&T',
      'arXiv:2401.12345',
      'Experiments confirm the gains.',
      'Source code is public.',
      'We release code and data',
      'The code is at github',
    ]) {
      const read = readBylineText(line);
      expect(read, line).toHaveProperty('error');
      expect('error' in read && read.error, line).toMatch(/^the byline is missing: expected "• N authors" or an organisation line/);
    }
  });

  test('explains an author count that is not a number or not possible', () => {
    expect(readBylineText('• many authors')).toEqual({ error: 'author count "many" is not a number; expected "• N authors"' });
    expect(readBylineText('• 0 authors')).toEqual({ error: 'author count 0 is not possible; expected "• N authors" with N at least 1' });
    expect(readBylineText('• two-authors')).toHaveProperty('error');
    expect(readBylineText('• Alice, Bob')).toEqual({ error: 'expected "• N authors", found "• Alice, Bob"' });
  });
});
