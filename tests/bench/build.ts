import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDigests } from './synthetic.ts';
import { measureFirstSearch } from './transfer.ts';

// `npm run bench [-- 2000 10000]`: times the full build (ingest + astro build + Pagefind) of the seed catalog and of
// synthetic catalogs of the given sizes, each from an empty content folder and then again unchanged, and measures in
// Chromium what loading the search page and a first search transfer. Prints the figures; asserts nothing.
const root = join(import.meta.dirname, '../..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(2000);

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

async function timedBuild(label: string, seedsDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-'));
  const contentDir = join(dir, 'content');
  mkdirSync(contentDir);
  cpSync(join(root, 'content/topics.yaml'), join(contentDir, 'topics.yaml'));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PAPERSHELF_SEEDS: seedsDir, PAPERSHELF_CONTENT: contentDir, PAPERSHELF_CACHE: join(dir, 'cache') };
  for (const run of ['cold', 'unchanged']) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, 'dist')], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`${label} build failed:\n${result.stdout}\n${result.stderr}`);
    const dist = folderSize(join(dir, 'dist'));
    const papers = readdirSync(join(dir, 'dist/papers')).length;
    console.log(`${label.padEnd(16)} ${run.padEnd(9)} ${seconds.toFixed(1).padStart(6)} s   ${String(papers).padStart(6)} papers   ${String(dist.files).padStart(6)} files   ${(dist.bytes / 1e6).toFixed(1).padStart(7)} MB`);
  }
  const worker = readFileSync(join(dir, 'dist/sw.js'), 'utf8');
  const precache = JSON.parse(/const PRECACHE = (\[.*\]);/.exec(worker)![1]!) as string[];
  const precacheBytes = precache.reduce((sum, path) => sum + statSync(join(dir, 'dist', path.endsWith('/') ? `${path}index.html` : path)).size, 0);
  console.log(`${label.padEnd(16)} offline: the service worker precaches ${precache.length} files, ${(precacheBytes / 1e6).toFixed(1)} MB, on a first visit`);
  const transfer = await measureFirstSearch(join(dir, 'dist'), 'diffusion');
  if (transfer) {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    console.log(`${label.padEnd(16)} search page ${kb(transfer.pageBytes)}, then first search "diffusion": ${kb(transfer.searchBytes)} in ${transfer.searchRequests} requests`);
  }
  rmSync(dir, { recursive: true, force: true });
}

console.log(`node ${process.version}, ${execFileSync('nproc').toString().trim()} cores`);
console.log('catalog          run        time        papers        files       dist');
await timedBuild('seed', join(root, 'seeds'));
for (const size of sizes) {
  const seedsDir = mkdtempSync(join(tmpdir(), 'papershelf-seeds-'));
  for (const digest of syntheticDigests(join(root, 'seeds/000_b521cd4bf3e07176.txt'), size)) writeFileSync(join(seedsDir, digest.name), digest.text);
  await timedBuild(`synthetic ${size}`, seedsDir);
  rmSync(seedsDir, { recursive: true, force: true });
}
