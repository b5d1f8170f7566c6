import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest, IngestError } from '../../src/ingest/ingest.ts';
import { readSettings } from '../../src/ingest/settings.ts';
import { splitItem } from '../../src/lib/mdx/item.ts';
import { createFixtureSite, siteEnv, snapshot, type FixtureSite } from '../helpers/fixture-site.ts';
import { realApiDaysDir, realDaysDir } from '../helpers/real-days.ts';

// The ingest of JSON digests (the Daily Papers API's answers) beside text ones, on a real day of 2024.
const quiet = { write: () => {} };
const settingsOf = (site: FixtureSite) => readSettings(siteEnv(site, { PAPERSHELF_TODAY: '2026-12-05' }));
const day = '2024-08-13';

describe('ingest of a JSON digest', () => {
  test('an API answer added after the text copy of its day keeps every published slug, and adds the ids and names', async () => {
    const site = await createFixtureSite({ digests: [] });
    await cp(join(realDaysDir, `real-${day}.txt`), join(site.seedsDir, `real-${day}.txt`));
    const first = await ingest(settingsOf(site), quiet);
    const before = await snapshot(site);
    await cp(join(realApiDaysDir, `${day}.json`), join(site.seedsDir, `${day}.json`));
    const second = await ingest(settingsOf(site), quiet);
    const after = await snapshot(site);
    expect(second.problems).toEqual([]);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(second.papers).toMatchObject({ new: 0, changed: before.size });
    expect(second.merges).toHaveLength(first.entries);
    for (const [name, text] of after) {
      const data = splitItem(text).frontmatter.toJS();
      expect(data.arxiv, name).toMatch(/^\d{4}\.\d{5}$/);
      expect(data.authorNames.length, name).toBeGreaterThan(0);
      expect(data.slug, name).toBe(splitItem(before.get(name)!).frontmatter.toJS().slug);
    }
    // Unchanged seeds, unchanged bytes.
    await ingest(settingsOf(site), quiet);
    expect(await snapshot(site)).toEqual(after);
  });

  test('a malformed entry stops the ingest with the file, the entry and the field, and no stack', async () => {
    const site = await createFixtureSite({ digests: [] });
    await writeFile(join(site.seedsDir, '2024-05-27.json'), JSON.stringify([{ paper: { id: '2405.15738', title: 7, summary: 'x', publishedAt: '2024-05-24T00:00:00Z', authors: [] } }]));
    const error = await ingest(settingsOf(site), quiet).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toContain('seeds/2024-05-27.json: entry 1: paper.title: expected a string');
    expect((error as IngestError).message).not.toMatch(/\n\s+at /);
  });
});
