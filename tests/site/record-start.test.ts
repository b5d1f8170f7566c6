import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { RECORD_FILE } from '../../src/integrations/record-urls.ts';
import { buildSite, createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';

// Real builds of a catalog whose record of published URLs is damaged before the build starts: each stops at once,
// with the file named and a hint, before anything is built.
let site: FixtureSite;
let recordFile: string;
let recorded: string;
const build = (extra: Record<string, string> = {}) => buildSite(site, join(site.dir, 'dist'), extra);

beforeAll(async () => {
  site = await createFixtureSite();
  const first = await build();
  expect(first.code, first.output).toBe(0);
  recordFile = join(site.contentDir, RECORD_FILE);
  recorded = await readFile(recordFile, 'utf8');
}, 240_000);

describe('the record of published URLs when a build starts', () => {
  test('a missing record is recreated in silence: no longer; the build stops unless the catalog is said to be new', async () => {
    await rm(recordFile);
    const missing = await build();
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/published-urls\.txt is missing, but the catalog has \d+ item\(s\)/);
    expect(missing.output).toContain('PAPERSHELF_NEW_CATALOG=1');
    expect(missing.output).not.toMatch(/\n\s+at |unhandled error/);
    const renewed = await build({ PAPERSHELF_NEW_CATALOG: '1' });
    expect(renewed.code, renewed.output).toBe(0);
    expect(await readFile(recordFile, 'utf8')).toBe(recorded);
  }, 240_000);

  test('the record being a directory stops the build with a message, not EISDIR and a stack', async () => {
    await rm(recordFile);
    await mkdir(recordFile);
    const folder = await build();
    expect(folder.code).not.toBe(0);
    expect(folder.output).toContain('published-urls.txt is a folder');
    expect(folder.output).not.toMatch(/EISDIR|\n\s+at /);
    await rm(recordFile, { recursive: true });
    await writeFile(recordFile, recorded);
  }, 240_000);

  test('a garbage line in the record is named at its line, not called a URL that would stop working', async () => {
    await writeFile(recordFile, `${recorded}this is not a path\n`);
    const garbage = await build();
    expect(garbage.code).not.toBe(0);
    expect(garbage.output).toMatch(/published-urls\.txt:\d+: "this is not a path" is not a URL path/);
    expect(garbage.output).not.toContain('would stop working');
    await writeFile(recordFile, recorded);
  }, 240_000);
});
