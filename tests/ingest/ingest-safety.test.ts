import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeSummary, ingest, IngestError, IngestFileError, type IngestSummary } from '../../src/ingest/ingest.ts';
import { readSettings } from '../../src/ingest/settings.ts';
import { createFixtureSite, repoRoot, siteEnv, type FixtureSite } from '../helpers/fixture-site.ts';

// What the ingest must never do: lose an entry without a word, or write over a byte an editor owns.

const quiet = { write: () => {} };
/** Settings for a fixture site, with the site as the project root (messages say `seeds/x.txt:7`) and a fixed day. */
const settingsOf = (site: FixtureSite, extra: Record<string, string> = {}) =>
  readSettings(siteEnv(site, { PAPERSHELF_TODAY: '2026-11-25', ...extra }), site.dir);
const allowInvalid = { PAPERSHELF_ALLOW_INVALID: '1' };
const itemPath = (site: FixtureSite, slug: string) => join(site.contentDir, 'papers', `${slug}.mdx`);
const report = (summary: IngestSummary) => describeSummary(summary).map((line) => line.text).join('\n');

describe('the ingest never overwrites what an editor wrote', () => {
  test('leaves an item it cannot read (a YAML typo, an editor body) as it is, even when invalid input is allowed', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const path = itemPath(site, 'spiking-diffusion-models');
    const broken = (await readFile(path, 'utf8')).replace('---\n', '---\nnote: "unclosed\n') + '\nAn editor\'s note.\n';
    await writeFile(path, broken);

    const error = await ingest(settingsOf(site), quiet).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/content\/papers\/spiking-diffusion-models\.mdx:\d+: /);

    const summary = await ingest(settingsOf(site, allowInvalid), quiet);
    expect(await readFile(path, 'utf8')).toBe(broken);
    expect(summary.papers).toMatchObject({ new: 0, held: 1 });
    expect(summary.problems.map((problem) => problem.kind).sort()).toEqual(['held', 'item']);
    expect(report(summary)).toContain('"Spiking diffusion models" is not written: its item content/papers/spiking-diffusion-models.mdx may be this paper\'s');
    expect(await readdir(join(site.contentDir, 'papers'))).toHaveLength(6); // no second page for the held paper
  });

  test('never writes an item an editor took over (no `generated` key): the paper is kept as they wrote it', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const path = itemPath(site, 'spiking-diffusion-models');
    const text = await readFile(path, 'utf8');
    const byHand = text.replace(/^generated:\n(?: {2}.*\n)+/m, '').replace('---\n', '---\nfeatured: true\n') + '\nWritten by hand.\n';
    expect(byHand).not.toContain('generated:');
    await writeFile(path, byHand);
    await writeFile(join(site.seedsDir, '005_update.txt'), 'Daily Papers\n\nMay 1, 2026\n\nSpiking Diffusion Models\n\nA newer abstract.\n\n  • 7 authors\n·\nAug 29, 2024 99\n');

    const summary = await ingest(settingsOf(site), quiet);
    expect(await readFile(path, 'utf8')).toBe(byHand);
    expect(summary.papers).toMatchObject({ new: 0, kept: 1 });
    expect(await readdir(join(site.contentDir, 'papers'))).toHaveLength(6);
  });

  test('leaves an item it cannot rewrite readably (an editor\'s alias of a generated value) as it is, and holds its paper', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const path = itemPath(site, 'spiking-diffusion-models');
    const edited = (await readFile(path, 'utf8')).replace('\ntitle: ', '\ntitle: &t ').replace(/\n---\n$/, '\nshort: *t\n---\n');
    await writeFile(path, edited);
    await writeFile(join(site.seedsDir, '005_update.txt'), 'Daily Papers\n\nMay 1, 2026\n\nSpiking Diffusion Models\n\nA newer abstract.\n\n  • 7 authors\n·\nAug 29, 2024 99\n');
    const error = (await ingest(settingsOf(site), quiet).catch((caught: unknown) => caught)) as IngestError;
    expect(error.message).toMatch(/^2 problem\(s\) in the digests or items; every other item was written:\n/);
    expect(await readFile(path, 'utf8')).toBe(edited);
    const summary = await ingest(settingsOf(site, allowInvalid), quiet);
    expect(await readFile(path, 'utf8')).toBe(edited);
    expect(summary.papers.held).toBe(1);
    expect(summary.problems.map((problem) => problem.kind).sort()).toEqual(['held', 'item']);
  });

  test('never gives a new paper the name of a file already in the papers folder', async () => {
    const site = await createFixtureSite();
    await mkdir(join(site.contentDir, 'papers'), { recursive: true });
    const mine = '---\ntitle: "My own page"\n---\n\nNot an item the ingest wrote.\n';
    await writeFile(itemPath(site, 'spiking-diffusion-models'), mine);
    const summary = await ingest(settingsOf(site), quiet);
    expect(await readFile(itemPath(site, 'spiking-diffusion-models'), 'utf8')).toBe(mine);
    expect(summary.papers.new).toBe(6);
    expect((await readdir(join(site.contentDir, 'papers'))).filter((name) => name.startsWith('spiking-diffusion-models-'))).toHaveLength(1);
  });

  test('two items with one slug are a problem naming both, and neither is written', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const original = await readFile(itemPath(site, 'spiking-diffusion-models'), 'utf8');
    await writeFile(itemPath(site, 'copy-of-spiking'), original + '\nA copy an editor made.\n');
    const error = (await ingest(settingsOf(site), quiet).catch((caught: unknown) => caught)) as IngestError;
    expect(error.message).toContain('content/papers/spiking-diffusion-models.mdx:1: has the slug "spiking-diffusion-models" of content/papers/copy-of-spiking.mdx');
    await writeFile(join(site.seedsDir, '005_update.txt'), 'Daily Papers\n\nMay 1, 2026\n\nSpiking Diffusion Models\n\nA newer abstract.\n\n  • 7 authors\n·\nAug 29, 2024 99\n');
    const summary = await ingest(settingsOf(site, allowInvalid), quiet);
    expect(summary.papers.held).toBe(1);
    expect(await readFile(itemPath(site, 'spiking-diffusion-models'), 'utf8')).toBe(original);
  });
});

describe('every entry is a page, a reported merge or a reported problem', () => {
  test('the summary adds up: entries read = papers written + held back + merged + rejected', async () => {
    const site = await createFixtureSite();
    await writeFile(
      join(site.seedsDir, '007_mixed.txt'),
      'Daily Papers\n\nMay 1, 2026\n\nBad One\n\nText.\n\n  • x authors\n·\nJan 1, 2025\n\n' +
        'Spiking Diffusion Models\n\nRecent years have witnessed Spiking Neural Networks (SNNs) gaining attention, again.\n\n  • 7 authors\n·\nAug 29, 2024 5\n',
    );
    const summary = await ingest(settingsOf(site, allowInvalid), quiet);
    const { papers } = summary;
    expect(summary.entries).toBe(9);
    expect(summary.rejected).toBe(1);
    expect(papers.new + papers.changed + papers.unchanged + papers.kept + papers.held + summary.merges.length + summary.rejected).toBe(summary.entries);
    expect(report(summary)).toContain('entries read: 9 = 6 papers written + 0 held back + 2 merged into another listing\'s paper + 1 rejected');
    expect(report(summary)).toMatch(/merged: seeds\/001_first\.txt:\d+ into seeds\/007_mixed\.txt:\d+ \(same title and date\) at \/papers\/spiking-diffusion-models\//);
    expect(report(summary)).toContain('rejected: seeds/007_mixed.txt:');
  });

  test('says in one line which files of the seeds folder are not digests: other types, folders, empty digests', async () => {
    const site = await createFixtureSite();
    await writeFile(join(site.seedsDir, 'notes.md'), '# notes\n');
    await writeFile(join(site.seedsDir, 'dump.csv'), 'a,b\n');
    await writeFile(join(site.seedsDir, '009_empty.txt'), '\n \n');
    await mkdir(join(site.seedsDir, 'x.txt')); // a folder named like a digest: never EISDIR
    const summary = await ingest(settingsOf(site), quiet);
    expect(summary.ignored).toEqual(['009_empty.txt (empty)', 'dump.csv', 'notes.md', 'x.txt/ (a folder)']);
    const lines = describeSummary(summary).filter((line) => line.text.startsWith('ignored'));
    expect(lines).toEqual([{ level: 'warn', text: 'ignored in the seeds folder (not digests): 009_empty.txt (empty), dump.csv, notes.md, x.txt/ (a folder)' }]);
  });
});

describe('seeds folder entries that are not files', () => {
  test('a FIFO, a dangling symlink or a symlink loop named *.txt is ignored as what it is (a named pipe, a link to nothing, a link loop), and a FIFO is never read', async () => {
    const site = await createFixtureSite();
    expect(spawnSync('mkfifo', [join(site.seedsDir, 'pipe.txt')]).status).toBe(0);
    await symlink(join(site.seedsDir, 'gone.txt'), join(site.seedsDir, 'dangling.txt'));
    await symlink('loop.txt', join(site.seedsDir, 'loop.txt'));
    await symlink(join(site.seedsDir, 'pipe.txt'), join(site.seedsDir, 'to-pipe.txt'));
    await mkdir(join(site.seedsDir, 'old.txt'));
    await symlink(join(site.seedsDir, 'old.txt'), join(site.seedsDir, 'to-folder.txt'));
    // Reading the FIFO would wait for a writer for ever: the test would time out.
    const summary = await ingest(settingsOf(site), quiet);
    expect(summary.problems).toEqual([]);
    expect(summary.ignored).toEqual([
      'dangling.txt (a link to nothing)',
      'loop.txt (a link loop)',
      'old.txt/ (a folder)',
      'pipe.txt (a named pipe)',
      'to-folder.txt/ (a link to a folder)',
      'to-pipe.txt (a link to a named pipe)',
    ]);
  }, 20_000);
});

describe('identity', () => {
  test('a later digest that corrects a title, while the old digest still lists it, gives one page at its first URL', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const before = (await readdir(join(site.contentDir, 'papers'))).sort();
    const old = await readFile(join(site.seedsDir, '001_first.txt'), 'utf8');
    const listing = /CacheQuant: Comprehensively Accelerated Diffusion Models\n\n(.+)\n\n {2}• 3 authors\n·\nMar 3, 2025/.exec(old)!;
    await writeFile(
      join(site.seedsDir, '008_fixed.txt'),
      `Daily Papers\n\nJun 1, 2026\n\nCacheQuant: Jointly Accelerated Diffusion Models via Caching and Quantization\n\n${listing[1]}\n\n  • 3 authors\n·\nMar 3, 2025 70\n`,
    );
    const summary = await ingest(settingsOf(site), quiet);
    expect((await readdir(join(site.contentDir, 'papers'))).sort()).toEqual(before);
    expect(summary.papers).toMatchObject({ new: 0, changed: 1 });
    const item = await readFile(itemPath(site, 'cachequant-comprehensively-accelerated-diffusion-models'), 'utf8');
    expect(item).toContain('title: "CacheQuant: Jointly Accelerated Diffusion Models via Caching and Quantization"');
    expect(summary.merges).toContainEqual(expect.objectContaining({ file: 'seeds/001_first.txt', because: 'same abstract and date, reworded title' }));
  });

  test('"C++ Is Fast Enough" and "C# Is Fast Enough" are two pages, with nothing dropped', async () => {
    const site = await createFixtureSite();
    await writeFile(
      join(site.seedsDir, '008_langs.txt'),
      'Daily Papers\n\nJun 1, 2026\n\nC++ Is Fast Enough\n\nAbout C++.\n\n  • 3 authors\n·\nMay 2, 2026\n\nC# Is Fast Enough\n\nAbout C#.\n\n  • 5 authors\n·\nMay 4, 2026\n',
    );
    const summary = await ingest(settingsOf(site), quiet);
    const names = (await readdir(join(site.contentDir, 'papers'))).filter((name) => name.startsWith('c-is-fast-enough'));
    expect(names).toHaveLength(2);
    expect(summary.papers.new).toBe(8);
  });
});

describe('the digest index', () => {
  test('lists every digest by listing date with its written papers in its own order, a re-listed paper in each', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    const rows = JSON.parse(await readFile(join(site.contentDir, 'digests.json'), 'utf8')) as { id: string; listedOn: string | null; papers: string[] }[];
    expect(rows.map((row) => row.id)).toEqual(['001_first.txt', '002_second.txt', '003_hostile.txt']);
    const files = new Set((await readdir(join(site.contentDir, 'papers'))).map((name) => name.replace(/\.mdx$/, '')));
    for (const row of rows) for (const slug of row.papers) expect(files).toContain(slug);
    expect(rows[0]!.papers[0]).toBe('spiking-diffusion-models');
    expect(rows.filter((row) => row.papers.includes('spiking-diffusion-models'))).toHaveLength(2);
    const again = await readFile(join(site.contentDir, 'digests.json'), 'utf8');
    await ingest(settingsOf(site), quiet);
    expect(await readFile(join(site.contentDir, 'digests.json'), 'utf8')).toBe(again);
  });
});

describe('text that is not a digest', () => {
  test('a Latin-1 digest is rejected at the line of its first byte that is not UTF-8, and nothing of it is published', async () => {
    const site = await createFixtureSite();
    const text = 'Daily Papers\n\nJun 1, 2026\n\nR\u00e9sum\u00e9 Models\n\nText.\n\n  \u2022 2 authors\n\u00b7\nMay 2, 2026\n';
    await writeFile(join(site.seedsDir, '008_latin1.txt'), Buffer.from(text.replace('\u2022', '*').replace('\u00b7', '.'), 'latin1'));
    const error = (await ingest(settingsOf(site), quiet).catch((caught: unknown) => caught)) as IngestError;
    expect(error.message).toMatch(/seeds\/008_latin1\.txt:5: .*UTF-8/);
    const summary = await ingest(settingsOf(site, allowInvalid), quiet);
    expect(summary.problems).toEqual([expect.objectContaining({ file: 'seeds/008_latin1.txt', line: 5, kind: 'file' })]);
    expect((await readdir(join(site.contentDir, 'papers'))).some((name) => /^r.?sum/.test(name))).toBe(false);
  });
});

describe('messages a person can act on', () => {
  test('escapes terminal control characters of a digest in every message', async () => {
    const site = await createFixtureSite();
    const title = 'Red \u001b[31mAlert\u001b[0m \u202eevil';
    await writeFile(join(site.seedsDir, '007_ansi.txt'), `Daily Papers\n\nMay 1, 2026\n\n${title}\n\nText.\n\n  • 2 authors\n·\n`);
    const error = (await ingest(settingsOf(site), quiet).catch((caught: unknown) => caught)) as IngestError;
    expect(error.message).not.toMatch(/[\u001b\u202e]/);
    expect(error.message).toContain('Red \\u{1b}[31mAlert\\u{1b}[0m \\u{202e}evil');
    const summary = await ingest(settingsOf(site, allowInvalid), quiet);
    for (const line of describeSummary(summary)) expect(line.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  test('a papers folder it may not write names the folder and what to do, with no stack', async () => {
    const site = await createFixtureSite();
    await ingest(settingsOf(site), quiet);
    await writeFile(join(site.seedsDir, '005_update.txt'), 'Daily Papers\n\nMay 1, 2026\n\nA Brand New Paper\n\nText.\n\n  • 2 authors\n·\nApr 30, 2026\n');
    const papers = join(site.contentDir, 'papers');
    await chmod(papers, 0o555);
    try {
      // Root may write anywhere: run the ingest as an unprivileged user then, as an operator would be.
      const { code, output } = await runIngestAs(site, process.getuid?.() === 0 ? 65534 : undefined);
      expect(code).toBe(1);
      expect(output).toContain('cannot write content/papers/a-brand-new-paper.mdx: permission denied.');
      expect(output).toContain('Hint: Give this user write access to content/papers/a-brand-new-paper.mdx and its folder');
      expect(output).not.toMatch(/\n\s+at /); // no stack trace
      expect(output).not.toContain('.tmp');
    } finally {
      await chmod(papers, 0o755);
    }
    expect(await readdir(papers)).not.toContain('a-brand-new-paper.mdx');
  });

  test('an error about a file carries its hint', () => {
    const error = new IngestFileError('cannot read x', 'do y');
    expect(error.hint).toBe('do y');
  });
});

/** Runs `npm run ingest` on a site from its own folder, as `uid` when given. */
async function runIngestAs(site: FixtureSite, uid: number | undefined): Promise<{ code: number; output: string }> {
  if (uid !== undefined) {
    // The unprivileged user must reach the site's files (a temporary folder is private to its owner), and create the
    // lock beside the content folder.
    await chmod(site.dir, 0o777);
    for (const dir of [site.seedsDir, site.contentDir]) await chmod(dir, 0o755);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'src/cli/run-ingest.ts')], {
      cwd: site.dir,
      env: siteEnv(site, { PAPERSHELF_TODAY: '2026-11-25' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid === undefined ? {} : { uid, gid: uid }),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
