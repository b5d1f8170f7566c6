import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');

/** A throwaway catalog: its own seeds and content folders, with the repository's topic vocabulary. */
export interface FixtureSite {
  dir: string;
  seedsDir: string;
  contentDir: string;
}

/**
 * Copies digests (by default the fixture digests in tests/fixtures/site/seeds) and the vocabulary into a new
 * temporary folder; `fillers` adds a digest of that many plain papers.
 */
export async function createFixtureSite(options: { fillers?: number; digests?: string[] } = {}): Promise<FixtureSite> {
  const dir = await mkdtemp(join(tmpdir(), 'papershelf-'));
  const seedsDir = join(dir, 'seeds');
  const contentDir = join(dir, 'content');
  if (options.digests) {
    await mkdir(seedsDir, { recursive: true });
    for (const digest of options.digests) await cp(join(repoRoot, digest), join(seedsDir, basename(digest)));
  } else {
    await cp(join(repoRoot, 'tests/fixtures/site/seeds'), seedsDir, { recursive: true });
  }
  await mkdir(contentDir, { recursive: true });
  await cp(join(repoRoot, 'content/topics.yaml'), join(contentDir, 'topics.yaml'));
  if (options.fillers) await writeFile(join(seedsDir, '004_fillers.txt'), fillerDigest(options.fillers));
  return { dir, seedsDir, contentDir };
}

/** A digest of `count` plain papers, all with 2 authors in March 2025: enough to paginate a list. */
export function fillerDigest(count: number): string {
  const entries = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return `Filler Paper Number ${n}\n\nA plain abstract about knitting pattern ${n}.\n\n  • 2 authors\n·\nMar ${(n % 28) + 1}, 2025 ${n}\n`;
  });
  return `Daily Papers\n\nApr 1, 2026\n\n${entries.join('\n')}`;
}

/** A digest of `count` plain papers dated through the twelve months of `year`, 2 authors each. */
export function yearDigest(count: number, year: number): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const entries = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return `Year Paper Number ${n}\n\nA plain abstract about weaving pattern ${n}.\n\n  • 2 authors\n·\n${months[i % 12]} ${(i % 28) + 1}, ${year}\n`;
  });
  return `Daily Papers\n\nJan 2, ${year + 1}\n\n${entries.join('\n')}`;
}

/** The environment that points ingest and Astro at a fixture site. */
export function siteEnv(site: FixtureSite, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Vitest sets these for its own Vite; Astro would read them as the page's import.meta.env.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[key];
  return {
    ...env,
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    PAPERSHELF_SEEDS: site.seedsDir,
    PAPERSHELF_CONTENT: site.contentDir,
    PAPERSHELF_CACHE: join(site.dir, 'cache'),
    ...extra,
  };
}

/**
 * Runs the real `astro build` (the README's build command) on a fixture site; resolves with its exit code and output.
 * Astro bundles the pages of a build whose outDir lies outside its working directory into `<cwd>/.astro/.prerender`,
 * so each fixture build runs in a folder of its own inside the repository (where node_modules resolves).
 */
export async function buildSite(site: FixtureSite, outDir: string, extra: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const cwd = join(repoRoot, 'node_modules/.cache/papershelf-builds', basename(site.dir));
  await mkdir(cwd, { recursive: true });
  return run([join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', repoRoot, '--outDir', outDir], cwd, siteEnv(site, extra));
}

/** Runs `npm run ingest` (the ingest alone) on a fixture site. */
export function runIngest(site: FixtureSite, args: string[] = []): Promise<{ code: number; output: string }> {
  return run([join(repoRoot, 'src/cli/run-ingest.ts'), ...args], repoRoot, siteEnv(site));
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Every file of a fixture site's papers folder with its bytes: what a re-ingest must leave as it was. */
export async function snapshot(site: FixtureSite): Promise<Map<string, string>> {
  const dir = join(site.contentDir, 'papers');
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}
