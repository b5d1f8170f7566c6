import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeSummary, ingest, IngestError } from '../../src/ingest/ingest.ts';
import { vocabularyProblem } from '../../src/lib/schema.ts';
import { createProgress } from '../../src/ingest/progress.ts';
import { readSettings } from '../../src/ingest/settings.ts';
import { splitItem } from '../../src/lib/mdx/item.ts';
import { createFixtureSite, fillerDigest, repoRoot, siteEnv, snapshot, type FixtureSite } from '../helpers/fixture-site.ts';

const quiet = { write: () => {} };
const settingsOf = (site: FixtureSite, extra: Record<string, string> = {}) => readSettings(siteEnv(site, extra));

describe('ingest', () => {
  test('writes one item per paper, merging a paper listed in two digests', async () => {
    const site = await createFixtureSite();
    const summary = await ingest(settingsOf(site), quiet);
    expect(summary).toMatchObject({ digests: 3, entries: 7, papers: { new: 6, changed: 0, unchanged: 0 }, problems: [] });
    const items = await snapshot(site);
    expect(items.size).toBe(6);
    const spiking = items.get('spiking-diffusion-models.mdx')!;
    expect(spiking).toContain('upvotes: 12');
    expect(spiking).toContain('title: "Spiking diffusion models"');
    expect(spiking).toContain('- "001_first.txt"\n  - "002_second.txt"');
  });

  test('changes no byte when run again on unchanged seeds, and leaves no temporary file', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const before = await snapshot(site);
    const summary = await ingest(settingsOf(site), quiet);
    // Every item is the file the first run left: none is read or written out again.
    expect(summary.papers).toEqual({ new: 0, changed: 0, unchanged: 6, kept: 0, held: 0, upToDate: 6 });
    expect(await snapshot(site)).toEqual(before);
    expect([...before.keys()].every((name) => name.endsWith('.mdx'))).toBe(true);
  });

  test('keeps what an editor wrote when a newer digest changes the paper', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const path = join(site.contentDir, 'papers/cachequant-comprehensively-accelerated-diffusion-models.mdx');
    const edited = (await readFile(path, 'utf8')).replace('---\n', '---\nfeatured: true\n') + '\nAn editor note with <em>MDX</em>.\n';
    await writeFile(path, edited);
    await writeFile(
      join(site.seedsDir, '005_update.txt'),
      'Daily Papers\n\nMay 1, 2026\n\nCacheQuant: comprehensively accelerated diffusion models\n\nDiffusion models with caching and quantization, updated. Our code are open-sourced: https://github.com/BienLuky/CacheQuant .\n\n  • 3 authors\n·\nMar 3, 2025 40\n',
    );
    const summary = await ingest(settingsOf(site), quiet);
    expect(summary.papers.changed).toBe(1);
    const after = await readFile(path, 'utf8');
    expect(after).toContain('featured: true');
    expect(after).toContain('upvotes: 40');
    expect(after.endsWith('---\n\nAn editor note with <em>MDX</em>.\n')).toBe(true);
  });

  test('keeps every published URL after a new digest with a colliding title and after a title fix', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const before = [...(await snapshot(site)).keys()];
    await writeFile(
      join(site.seedsDir, '006_more.txt'),
      'Daily Papers\n\nJun 1, 2026\n\nCacheQuant - Comprehensively Accelerated Diffusion Models?\n\nDiffusion models with caching and quantization. Our code is open-sourced: https://github.com/BienLuky/CacheQuant .\n\n  • 3 authors\n·\nMar 3, 2025\n\nSpiking Diffusion Models 2\n\nA different paper.\n\n  • 2 authors\n·\nMay 3, 2026\n',
    );
    await ingest(settingsOf(site), quiet);
    const after = [...(await snapshot(site)).keys()];
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length + 1);
  });

  test('keeps the URL, and makes no second page, when a digest is edited to reword a title', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const before = await snapshot(site);
    const digest = join(site.seedsDir, '001_first.txt');
    await writeFile(digest, (await readFile(digest, 'utf8')).replace('CacheQuant: Comprehensively Accelerated', 'CacheQuant: Jointly Accelerating'));
    const summary = await ingest(settingsOf(site), quiet);
    expect(summary).toMatchObject({ papers: { new: 0, changed: 1 }, orphans: [] });
    const after = await snapshot(site);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(after.get('cachequant-comprehensively-accelerated-diffusion-models.mdx')).toContain('title: "CacheQuant: Jointly Accelerating Diffusion Models"');
  });

  test('fails with every problem of every digest, naming file and line, and writes nothing', async () => {
    const site = await createFixtureSite();
    await writeFile(join(site.seedsDir, '007_bad.txt'), 'Apr 13\n\nBad One\n\nText.\n\n  • x authors\n·\nJan 1, 2025\n\nBad Two\n\nText.\n\n  • 2 authors\n·\nFeb 30, 2025\n');
    await writeFile(join(site.seedsDir, '008_bad.txt'), 'Apr 13\n\nBad Three\n\nNo date.\n\n  • 2 authors\n·\n');
    const error = await ingest(settingsOf(site), quiet).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    const message = (error as IngestError).message;
    expect(message).toContain('007_bad.txt:7: author count "x" is not a number');
    expect(message).toContain('007_bad.txt:17: impossible date');
    expect(message).toContain('008_bad.txt:');
    expect((error as IngestError).hint).toContain('PAPERSHELF_ALLOW_INVALID=1');
    await expect(readdir(join(site.contentDir, 'papers'))).rejects.toThrow();
  });

  test('publishes the valid entries and lists each skipped one when invalid entries are allowed', async () => {
    const site = await createFixtureSite();
    await writeFile(join(site.seedsDir, '007_bad.txt'), 'Apr 13\n\nBad One\n\nText.\n\n  • x authors\n·\nJan 1, 2025\n\nGood One\n\nText.\n\n  • 2 authors\n·\nJan 2, 2025\n');
    const summary = await ingest(settingsOf(site, { PAPERSHELF_ALLOW_INVALID: '1' }), quiet);
    expect(summary.papers.new).toBe(7);
    expect(describeSummary(summary).map((line) => line.text)).toContainEqual(expect.stringMatching(/^ {2}rejected: \S*007_bad\.txt:7: author count "x" is not a number; expected "• N authors"$/));
  });

  test('reports a malformed capture-date sidecar with the other problems', async () => {
    for (const [sidecar, line] of [['captured: someday\n', 1], ['captured: 2025-02-30\n', 1], ['# note\ncaptured: [unclosed\n', 3]] as const) {
      const site = await createFixtureSite();
      await writeFile(join(site.seedsDir, '002_second.meta.yaml'), sidecar);
      await writeFile(join(site.seedsDir, '007_bad.txt'), 'Apr 13\n\nBad\n\nText.\n\n  • x authors\n·\nJan 1, 2025\n');
      const error = (await ingest(settingsOf(site), quiet).catch((caught: unknown) => caught)) as IngestError;
      expect(error.message).toContain(`002_second.meta.yaml:${line}: expected "captured: YYYY-MM-DD"`);
      expect(error.message).toContain('007_bad.txt:7:');
    }
  });
});

describe('createProgress', () => {
  test('redraws a counter in a terminal and prints plain lines in CI', () => {
    let terminal = '';
    const bar = createProgress('ingest', 50, { isTTY: true, write: (text) => void (terminal += text) });
    for (let i = 0; i < 50; i++) bar.tick();
    bar.done();
    expect(terminal).toContain('\ringest: 25/50');
    expect(terminal.endsWith('\ringest: 50/50\n')).toBe(true);

    let ci = '';
    const lines = createProgress('ingest', 1000, { write: (text) => void (ci += text) });
    for (let i = 0; i < 1000; i++) lines.tick();
    lines.done();
    expect(ci.split('\n').filter(Boolean)).toEqual([...Array.from({ length: 9 }, (_, i) => `ingest: ${(i + 1) * 100}/1000`), 'ingest: 1000/1000 done']);
  });
});

describe('ingest interrupted', () => {
  test('never leaves a half-written item, and the next run completes', async () => {
    const site = await createFixtureSite();
    await writeFile(join(site.seedsDir, '004_fillers.txt'), fillerDigest(4000));
    const papersDir = join(site.contentDir, 'papers');
    const child = spawn(process.execPath, [join(repoRoot, 'src/cli/run-ingest.ts')], { env: siteEnv(site), stdio: 'ignore' });
    // Kill it hard in the middle of writing.
    await expect.poll(async () => (await readdir(papersDir).catch(() => [])).length, { timeout: 30_000, interval: 5 }).toBeGreaterThan(200);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const written = (await readdir(papersDir)).filter((name) => name.endsWith('.mdx'));
    expect(written.length).toBeLessThan(4006);
    for (const name of written) {
      const text = await readFile(join(papersDir, name), 'utf8');
      expect(splitItem(text).frontmatter.toJS().generated, name).toMatchObject({ by: 'papershelf ingest' });
    }
    const summary = await ingest(settingsOf(site), quiet);
    expect(summary.papers.new + summary.papers.unchanged).toBe(4006);
    expect((await readdir(papersDir)).filter((name) => !name.endsWith('.mdx'))).toEqual([]);
  }, 60_000);
});

describe('vocabularyProblem', () => {
  const other = { id: 'other', name: 'Other', description: 'The rest.', terms: [] };
  test('accepts the repository vocabulary shape and explains each kind of mistake', () => {
    expect(vocabularyProblem([other])).toBeUndefined();
    expect(vocabularyProblem({ id: 'x' })).toMatch(/expected a list of topics/);
    expect(vocabularyProblem([{ ...other, id: 'Bad Id' }])).toMatch(/topic 1: expected an id/);
    expect(vocabularyProblem([other, other])).toMatch(/topic 2: the id "other" is used twice/);
    expect(vocabularyProblem([{ ...other, description: 3 }])).toMatch(/topic 1 \("other"\): expected a description/);
    expect(vocabularyProblem([{ ...other, terms: [1] }])).toMatch(/expected terms/);
    expect(vocabularyProblem([{ ...other, id: 'misc' }])).toMatch(/id "other"/);
    // Lists of topics join names with ", ": a comma in a name would split it in two for a reader.
    expect(vocabularyProblem([{ ...other, name: 'People, avatars and motion' }])).toMatch(/topic 1 \("other"\): expected a name without a comma/);
  });
});
