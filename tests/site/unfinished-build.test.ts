import { appendFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, createFixtureSite, runIngest } from '../helpers/fixture-site.ts';

// An editor's MDX body runs as code when its page renders. A body that ends the process halfway through the build
// leaves a partial dist/: the build must not report success, and must name the item.
async function buildWithBody(body: string): Promise<{ code: number; output: string; dist: string; contentDir: string }> {
  const site = await createFixtureSite();
  const ingested = await runIngest(site);
  expect(ingested.code, ingested.output).toBe(0);
  await appendFile(join(site.contentDir, 'papers/spiking-diffusion-models.mdx'), body);
  const dist = join(site.dir, 'dist');
  const built = await buildSite(site, dist, { PAPERSHELF_NEW_CATALOG: '1' });
  return { ...built, dist, contentDir: site.contentDir };
}

describe('a build an editor body ends', () => {
  test('an editor body that calls process.exit(0) fails the build, names the item and records nothing', async () => {
    const built = await buildWithBody('\n{process.exit(0)}\n');
    expect(built.code, built.output).not.toBe(0);
    expect(built.output).toMatch(/the build stopped before it finished \(exit code 0\) while the page of \S*spiking-diffusion-models\.mdx was rendered/);
    // The partial output is what the message says: no index, and no record of URLs the build did not publish.
    expect(existsSync(join(built.dist, 'pagefind/pagefind.js'))).toBe(false);
    expect(await readdir(built.contentDir)).not.toContain('published-urls.txt');
  }, 240_000);

  test('an editor body that calls process.exit(1) ends the build with a message naming the item', async () => {
    const built = await buildWithBody('\n{process.exit(1)}\n');
    expect(built.code).toBe(1);
    expect(built.output).toMatch(/while the page of \S*spiking-diffusion-models\.mdx was rendered: its MDX body may have ended the process/);
  }, 240_000);
});
